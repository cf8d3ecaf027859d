"""Partitions of a corpus read back as the whole: however a JSON Lines or WARC file is
split, every document is read once, in order, and damage is reported where it is."""

from __future__ import annotations

import json

import pytest

from attrib.scan import warc_input
from attrib.scan.corpus_inputs import BadDoc, plan, read_partition
from attrib.scan.scan_options import Fields
from support_scan import article, html_page, write_warc


def read_all(inputs: list[str], size: int, max_bytes: int = 20000) -> list[tuple[str, str]]:
    return [(type(d).__name__, d.document) for p in plan(inputs, size) for d in read_partition(p, Fields(), max_bytes)]


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_a_warc_split_anywhere_reads_every_record_once(tmp_path, monkeypatch, gz):
    arts = [article(n) for n in range(120)]
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    ids = write_warc(path, [(f"https://www.{a.outlet}/news/{a.id}", a.date, html_page(a).encode()) for a in arts], gz=gz)
    whole = read_all([str(path)], 10_000)
    assert whole == [("RawDoc", i) for i in ids]
    monkeypatch.setattr(warc_input, "MIN_RANGE", 1)
    for record_bytes in (97, 1000, 4096, 20_000):  # ranges that cut records anywhere
        monkeypatch.setattr(warc_input, "RECORD_BYTES", record_bytes)
        parts = list(plan([str(path)], 1))
        assert len(parts) > 1
        assert read_all([str(path)], 1) == whole, record_bytes


def test_a_cut_off_warc_reports_its_last_record_in_whichever_range_holds_it(tmp_path, monkeypatch):
    arts = [article(n) for n in range(30)]
    path = tmp_path / "cut.warc"
    ids = write_warc(path, [(f"https://x.example/{a.id}", a.date, html_page(a).encode()) for a in arts], gz=False)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 900])  # into the last response
    monkeypatch.setattr(warc_input, "MIN_RANGE", 1)
    for record_bytes in (500, 3000, 100_000):
        monkeypatch.setattr(warc_input, "RECORD_BYTES", record_bytes)
        got = read_all([str(path)], 1)
        assert got[:-1] == [("RawDoc", i) for i in ids[:-1]]
        assert got[-1] == ("BadDoc", ids[-1])


def test_json_lines_split_at_line_boundaries(tmp_path):
    lines = [json.dumps({"id": f"a{i}", "text": f"The mayor said on day {i} that the bridge would open."})
             for i in range(57)]
    lines[10] = ""  # a blank line is not a document
    lines[20] = '{"id": "cut'  # not JSON
    lines[30] = json.dumps({"id": "big", "text": "word " * 10_000})  # over the cap
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")  # no newline after the last line
    expected = [("RawDoc", f"a{i}") for i in range(57) if i not in (10, 20, 30)]
    expected.insert(19, ("BadDoc", f"{path}:21"))
    expected.insert(29, ("BadDoc", f"{path}:31"))
    for size in (1, 2, 5, 56, 57, 1000):
        assert read_all([str(path)], size, max_bytes=5000) == expected, size
    parts = list(plan([str(path)], 5))
    assert [p.line for p in parts] == list(range(1, 58, 5)) and sum(p.count or 0 for p in parts) == 57
    (bad,) = [d for p in plan([str(path)], 7) for d in read_partition(p, Fields(), 5000)
              if isinstance(d, BadDoc) and d.document.endswith(":31")]
    assert "over the 5,000-byte cap" in bad.reason
