"""Renderers: a Report in, text out. They never compute findings, only show them."""

from .html import to_html
from .jsonreport import report_to_dict, to_json
from .markdown import to_markdown
from .plain import to_text

FORMATS = {"text": to_text, "json": to_json, "md": to_markdown, "html": to_html}

__all__ = ["FORMATS", "report_to_dict", "to_html", "to_json", "to_markdown", "to_text"]
