"""Renderers: a Report in, text out. They never compute findings, only show them.

Each format's module is imported when it is asked for."""

from __future__ import annotations

from importlib import import_module

from ..model import Report

# format -> (module, function)
FORMATS = {"text": ("plain", "to_text"), "json": ("jsonreport", "to_json"),
           "md": ("markdown", "to_markdown"), "html": ("html_report", "to_html")}


def render(report: Report, fmt: str) -> str:
    """The report in one of FORMATS."""
    module, function = FORMATS[fmt]
    renderer = getattr(import_module(f"{__name__}.{module}"), function)
    return str(renderer(report))


__all__ = ["FORMATS", "render"]
