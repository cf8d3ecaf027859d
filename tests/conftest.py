"""Shared test helpers: the repository's paths, ../shared (skipped where absent), and a
headless run of the real CLI in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = Path(os.environ.get("ATTRIB_SHARED", ROOT.parent / "shared"))


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None,
            env: dict[str, str] | None = None, timeout: float = 120) -> Run:
    """Run ``python -m attrib ARGS`` as a user would, and capture what it prints."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", **(env or {})}
    proc = subprocess.run([sys.executable, "-m", "attrib", *args], input=stdin,
                          capture_output=True, cwd=cwd or ROOT, env=full_env, timeout=timeout)
    return Run(proc.returncode, proc.stdout.decode("utf-8", "replace"),
               proc.stderr.decode("utf-8", "replace"))


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpora").is_dir():
        pytest.skip("../shared is absent: corpus tests skipped")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared: Path) -> str:
    return (shared / "corpora/seed/presstv-raqqah-2017-10-15.txt").read_text(encoding="utf-8")
