"""A user rule whose expression backtracks catastrophically must not hang attrib
(issue 14): it is refused at load when a probe text shows it, stopped by a timeout when
only the article does, and Ctrl-C interrupts it either way."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from attrib.assess import terms
from attrib.assess.terms import parse_terms
from attrib.rulebook import load_rulebook

RULE = ("kind: flags\nid: house.runaway\ncategory: house-style\nlevel: info\ntype: phrase\n"
        "match: {{patterns: ['{pattern}']}}\nmessage: '{{match}}'\nexplanation: A broken house rule.\n"
        "examples: {{match: ['{example}']}}\n")


def pack(tmp_path: Path, pattern: str, example: str) -> Path:
    directory = tmp_path / "pack"
    directory.mkdir()
    (directory / "runaway.yaml").write_text(RULE.format(pattern=pattern, example=example), encoding="utf-8")
    return directory


def test_a_pattern_that_backtracks_on_a_probe_is_refused_at_load(cli, tmp_path):
    rules = pack(tmp_path, "(a|aa)+b", "aab")
    started = time.monotonic()
    listed = cli("rules", "--check", str(rules))
    checked = cli("check", "-", "--rules", str(rules), stdin=b"The mayor said the port would close.\n")
    assert time.monotonic() - started < 30
    for run in (listed, checked):
        assert run.code == 2 and "Traceback" not in run.err
        assert "runaway.yaml: rule 'house.runaway': key 'match.patterns[1]'" in run.err
        assert "backtracks catastrophically" in run.err


def test_a_pattern_that_only_the_article_trips_is_stopped_by_the_timeout(cli, tmp_path):
    # The probes hold no "x", so this pattern loads; the article's run of x's trips it.
    rules = pack(tmp_path, "(x|xx)+y", "xy")
    started = time.monotonic()
    run = cli("check", "-", "--rules", str(rules), stdin=("The code was " + "x" * 64 + ".\n").encode())
    assert time.monotonic() - started < 30
    assert run.code == 2 and "Traceback" not in run.err
    assert "rule 'house.runaway'" in run.err and "was stopped" in run.err


def test_ctrl_c_interrupts_a_runaway_pattern(monkeypatch):
    """The standard re module ignores Ctrl-C inside a match; the engine attrib uses does not."""
    monkeypatch.setattr(terms, "TIMEOUT", 120.0)
    compiled = parse_terms({"patterns": ["(x|xx)+y"]}, load_rulebook([]), "house.yaml", "house.runaway", "match")
    # The signal comes from another process, as a terminal's does: a thread of ours could
    # not run to send it while the match holds the interpreter.
    killer = subprocess.Popen(["sh", "-c", f"sleep 0.5; kill -INT {os.getpid()}"])
    started = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt):
            list(compiled.finditer("x" * 64))
    finally:
        killer.wait()
    assert time.monotonic() - started < 10
