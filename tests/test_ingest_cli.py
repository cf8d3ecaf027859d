"""Input through the real CLI: bad input is one clear line and exit 2, good input keeps its
text unchanged, and the JSON report matches docs/report.schema.json with every span
resolving to the text it claims."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from attrib.model import Kind, Severity, SourceType
from conftest import FIXTURES, ROOT, Run

SCHEMA_PATH = ROOT / "docs" / "report.schema.json"
ARTICLE = FIXTURES / "articles" / "harbour-strike.txt"
ARTICLES = sorted((FIXTURES / "articles").glob("*.txt"))
SHORT = ('The Lanner Water Board said on Friday that the reservoir was full.\n\n'
         '"We will not ration water this summer," said Ilka Marr, a spokeswoman for the board.\n')


def one_line_error(run: Run, *words: str) -> str:
    """The run failed as a user error should: exit 2, nothing on stdout, exactly one line
    on stderr naming the problem, no traceback."""
    assert run.code == 2, (run.code, run.err)
    assert "Traceback" not in run.err
    assert run.out == ""
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    line = lines[0]
    assert line.startswith("attrib: error:"), line
    for word in words:
        assert word.lower() in line.lower(), (word, line)
    return line


# -- bad input -----------------------------------------------------------------------------

def test_missing_file(cli, tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    one_line_error(cli("check", str(path)), str(path), "no such file")


def test_directory(cli, tmp_path: Path) -> None:
    one_line_error(cli("check", str(tmp_path)), str(tmp_path), "directory")


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n   \n"], ids=["empty", "whitespace"])
def test_empty_file(cli, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    one_line_error(cli("check", str(path)), "empty")


def test_binary_file(cli, tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    one_line_error(cli("check", str(path)), "binary")


def test_undecodable_bytes(cli, tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le maire de Saint-Étienne a déclaré que le café était fermé.".encode("latin-1"))
    one_line_error(cli("check", str(path)), "UTF-8")


def test_huge_file_is_refused_by_its_size(cli, tmp_path: Path) -> None:
    # Valid UTF-8 prose, so nothing but the size can be the reason for refusing it.
    path = tmp_path / "huge.txt"
    block = (SHORT * 2000).encode("utf-8")
    with path.open("wb") as fh:
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(block)
    one_line_error(cli("check", str(path), timeout=60), "large")
    one_line_error(cli("extract", str(path), timeout=60), "large")


def test_huge_stdin_is_refused_after_the_limit_is_read(cli) -> None:
    # A pipe has no size to look at first: attrib reads one byte past the limit and stops.
    data = (SHORT * 200).encode("utf-8")
    one_line_error(cli("check", "-", stdin=data * (11 * 1024 * 1024 // len(data) + 1), timeout=60),
                   "stdin", "too large")


def test_empty_stdin(cli) -> None:
    one_line_error(cli("check", "-", stdin=b""), "stdin", "empty")


def test_no_command(cli) -> None:
    run = cli()
    assert run.code == 2
    assert "Traceback" not in run.err
    assert "usage: attrib" in run.out + run.err


@pytest.mark.parametrize("args", [("check", str(ARTICLE), "--bogus"), ("--bogus",),
                                  ("frobnicate",), ("check", str(ARTICLE), "--format", "pdf")],
                         ids=["option", "global-option", "command", "format"])
def test_bad_usage(cli, args) -> None:
    one_line_error(cli(*args), args[-1])


# -- good input kept as it is ---------------------------------------------------------------

def report(run: Run) -> dict[str, Any]:
    assert run.code == 0, run.err
    return json.loads(run.out)


def test_stdin(cli) -> None:
    data = report(cli("check", "-", "--format", "json", stdin=SHORT.encode("utf-8")))
    assert data["article"]["text"] == SHORT
    sources = [st["source"]["text"] for st in data["statements"]]
    assert "The Lanner Water Board" in sources and "Ilka Marr" in sources


def test_crlf_text_is_kept_unchanged(cli, tmp_path: Path) -> None:
    raw = SHORT.replace("\n", "\r\n")
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("utf-8"))
    data = report(cli("check", str(path), "--format", "json"))
    assert data["article"]["text"] == raw
    assert_spans_resolve(data)
    cues = {st["cue"]["text"] for st in data["statements"]}
    assert cues & {"said", "said on Friday"}, cues
    # The corpus output indexes the same unchanged text.
    line = json.loads(cli("extract", str(path)).out)
    for att in line["attributions"]:
        for s, e in att["cue"]:
            assert raw[s:e].strip().startswith("said"), raw[s:e]


def test_bom_file_lines_up_with_the_file(cli, tmp_path: Path) -> None:
    """A UTF-8 BOM is accepted, and spans line up with the file as an annotation of it
    sees it: the reference scorer reads gold text with read_text(encoding="utf-8"), which
    keeps the BOM as a character."""
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SHORT.encode("utf-8"))
    data = report(cli("check", str(path), "--format", "json"))
    assert_spans_resolve(data)
    assert "\ufeff" not in cli("check", str(path)).out  # nothing invisible on the terminal
    as_annotated = path.read_text(encoding="utf-8")
    line = json.loads(cli("extract", str(path)).out)
    assert line["attributions"]
    for att in line["attributions"]:
        for s, e in att["cue"]:
            assert as_annotated[s:e] == "said", (s, e, as_annotated[s:e])


# -- the JSON report and its schema -------------------------------------------------------------

@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    assert cls is jsonschema.Draft202012Validator
    cls.check_schema(schema)
    return cls(schema)


def assert_spans_resolve(data: dict[str, Any]) -> None:
    """Every span indexes article.text and gives the text the report claims for it."""
    text = data["article"]["text"]

    def at(span: list[int], what: str) -> str:
        start, end = span
        assert 0 <= start <= end <= len(text), (what, span, len(text))
        return text[start:end]

    for st in data["statements"]:
        sid = st["id"]
        assert at(st["cue"]["span"], f"{sid} cue") == st["cue"]["text"], sid
        src = st["source"]
        if src["span"] is None:
            assert src["text"] == "", sid
        else:
            assert at(src["span"], f"{sid} source") == src["text"], sid
        pieces = [at(span, f"{sid} content") for span in st["content"]["spans"]]
        assert " ".join(pieces) == st["content"]["text"], sid
        for relay in st["via"]:
            assert at(relay["span"], f"{sid} relay") == relay["text"], sid
        sentence = st["sentence"]
        at(sentence, f"{sid} sentence")
        assert sentence[0] <= st["cue"]["span"][0] and st["cue"]["span"][1] <= sentence[1], sid
    ids = {st["id"] for st in data["statements"]}
    assert len(ids) == len(data["statements"])
    for flag in data["flags"]:
        assert at(flag["span"], flag["id"]) == flag["text"], flag["id"]
        assert flag["statement"] is None or flag["statement"] in ids, flag["id"]


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_json_report_matches_schema(cli, validator, path: Path) -> None:
    data = report(cli("check", str(path), "--format", "json"))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
    assert data["article"]["text"] == path.read_text(encoding="utf-8")
    assert data["statements"], "a fixture article with no statements proves nothing"
    assert_spans_resolve(data)


def test_schema_rejects_what_is_not_a_report(cli, validator) -> None:
    data = report(cli("check", str(ARTICLE), "--format", "json"))
    st = data["statements"][0]
    for broken in ({**data, "schema": "attrib.report/2"},
                   {**data, "statements": [{**st, "kind": "quoted"}]},
                   {**data, "statements": [{**st, "cue": {"text": "said", "span": [1]}}]},
                   {**data, "statements": [{**st, "source": {**st["source"], "type": "wire"}}]},
                   {**data, "extra": 1},
                   {k: v for k, v in data.items() if k != "flags"}):
        assert not validator.is_valid(broken)


def test_schema_enums_follow_the_model() -> None:
    defs = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))["$defs"]
    assert set(defs["sourceType"]["enum"]) == {t.value for t in SourceType}
    assert set(defs["statement"]["properties"]["kind"]["enum"]) == {k.value for k in Kind}
    assert set(defs["flag"]["properties"]["severity"]["enum"]) == {s.value for s in Severity}


def test_report_doc_explains_every_field() -> None:
    doc = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    defs = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))["$defs"]
    fields = set()
    for name in ("article", "source", "relay", "statement", "flag"):
        fields |= set(defs[name]["properties"])
    missing = sorted(f for f in fields if f"`{f}`" not in doc)
    assert not missing, f"docs/report.md does not explain {missing}"
