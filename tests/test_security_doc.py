"""docs/security.md names, for every promise, the test that shows it: each named test
must exist, so the page cannot promise what nothing checks."""

from __future__ import annotations

import re

from conftest import ROOT

DOC = ROOT / "docs" / "security.md"
# `test_file.py::test_name[param]` sets the file; a bare `::test_name` refers to the last file named.
CITED = re.compile(r"`(test_\w+\.py)(?:::(test_\w+)(?:\[[^\]]*\])?)?`|`::(test_\w+)(?:\[[^\]]*\])?`")


def _defined(file: str) -> set[str]:
    return set(re.findall(r"^(?:async )?def (test_\w+)", (ROOT / "tests" / file).read_text(), re.M))


def test_every_cited_test_exists():
    text = DOC.read_text(encoding="utf-8")
    current = None
    cited = 0
    for row in text.splitlines():
        for m in CITED.finditer(row):
            file, name, bare = m.groups()
            if file:
                assert (ROOT / "tests" / file).is_file(), file
                current = file
            name = name or bare
            if name:
                assert current is not None, row
                assert name in _defined(current), f"{current}::{name} is cited in docs/security.md but not defined"
                cited += 1
    assert cited >= 60
