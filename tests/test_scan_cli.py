"""``attrib scan`` end to end: the real CLI over a generated corpus in every input format
(support_scan.py), on the process pool and on a Dask LocalCluster, through a worker
killed mid-scan and a whole scan killed and resumed. What the tables must hold comes from
the generator (who was quoted where, which documents are bad), never from the scan."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import duckdb
import psutil
import pyarrow.parquet as pq
import pytest

from conftest import ROOT, run_cli
from support_scan import ALTERED, ALTERED_OUTLET, OUTLETS, PEOPLE, TRAVELLING, Corpus, make_corpus

MAX_BYTES = "20000"
TABLES = ("articles", "statements", "flags", "errors", "quote_clusters", "quote_versions", "quote_occurrences")


def scan_args(corpus: Corpus, out: Path, *extra: str) -> list[str]:
    return ["scan", *corpus.inputs, "--output", str(out), "--field", "text=body", "--max-bytes", MAX_BYTES, *extra]


def tables(out: Path) -> dict[str, list[dict]]:
    """Every table of a scan, rows in file order (partition by partition)."""
    found = {}
    for name in TABLES:
        files = sorted(p for p in (out / name).glob("*.parquet"))
        found[name] = [row for f in files for row in pq.read_table(f).to_pylist()]
    return found


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Corpus:
    """Thousands of articles: 2,000 .txt files, 600 .html pages, 2,000 JSON lines and
    1,000 WARC responses, with the bad documents support_scan plants."""
    return make_corpus(tmp_path_factory.mktemp("big"), txt=2000, html=600, jsonl=2000, warc=1000,
                       max_bytes=int(MAX_BYTES))


@pytest.fixture(scope="module")
def big_scan(big, tmp_path_factory) -> tuple[Path, dict[str, list[dict]], str]:
    out = tmp_path_factory.mktemp("big-out") / "scan"
    run = run_cli(*scan_args(big, out, "--partition-size", "250"), timeout=300)
    assert run.code == 1, run.err  # 1: some documents could not be read (the planted ones)
    return out, tables(out), run.out


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Corpus:
    return make_corpus(tmp_path_factory.mktemp("small"), txt=150, html=20, jsonl=300, warc=60,
                       max_bytes=int(MAX_BYTES))


@pytest.fixture(scope="module")
def small_scan(small, tmp_path_factory) -> dict[str, list[dict]]:
    out = tmp_path_factory.mktemp("small-out") / "scan"
    run = run_cli(*scan_args(small, out, "--partition-size", "40", "--progress"), timeout=300)
    assert run.code == 1, run.err
    # The progress line: documents, words per second, errors, partitions and the time left.
    line = next(x for x in run.err.split("\r") if "ETA" in x)
    assert re.search(r"scan: [\d,]+ documents · [\d,]+ words/s · \d+ errors? · partition \d+ of \d+ · "
                     r"ETA \d+(m\d\ds|s)", line), run.err[-500:]
    return tables(out)


def test_every_article_of_every_format_is_in_the_tables(big, big_scan):
    _, t, printed = big_scan
    assert sorted(r["document"] for r in t["articles"]) == sorted(big.good)
    assert len(t["articles"]) == sum(big.by_input.values()) == 5602
    assert f"scanned {len(big.good):,} articles" in printed
    # What the input says about an article is kept: outlet and date from JSON Lines and
    # from the HTML pages; plain .txt files say nothing.
    by_doc = {r["document"]: r for r in t["articles"]}
    for doc, a in big.good.items():
        row = by_doc[doc]
        if doc.endswith(".txt"):
            assert row["outlet"] is None and row["date"] is None
        else:
            assert row["outlet"] == a.outlet, doc
            assert row["date"].isoformat() == a.date, doc
        assert row["words"] == len(a.text.split()) or not doc.endswith(".txt")


def test_bad_documents_land_in_the_errors_table_with_their_reason(big, big_scan):
    _, t, printed = big_scan
    errors = {r["document"]: r["reason"] for r in t["errors"]}
    assert set(errors) == set(big.bad)
    for doc, planted in big.bad.items():
        words = {"cap": "over the 20,000-byte cap", "not JSON": "not JSON",
                 "truncated WARC record": "truncated WARC record"}[planted]
        assert words in errors[doc], (doc, errors[doc])
    assert f"{len(big.bad)} documents could not be read" in printed


def test_statements_name_the_planted_speakers(big, big_scan):
    _, t, _ = big_scan
    planted = Counter(s for a in big.good.values() for s in a.speakers)
    found = Counter(r["speaker_resolved"] for r in t["statements"]
                    if r["speaker_resolved"] in planted and r["kind"] == "direct")
    assert found == planted
    bridge = TRAVELLING[0][1]
    carriers = {d for d, a in big.good.items() if bridge in a.quotes}
    assert {r["document"] for r in t["statements"] if r["content"].startswith(bridge)} == carriers
    assert all(r["source_type"] == "person" for r in t["statements"] if r["speaker_resolved"] in planted)
    # A statement's flags are rule ids of rows in the flags table.
    rules = {(r["document"], r["statement"], r["rule"]) for r in t["flags"] if r["statement"]}
    for r in t["statements"]:
        for rule in r["flags"]:
            assert (r["document"], r["statement"], rule) in rules


def test_quotes_are_clustered_across_outlets_with_the_changed_version(big, big_scan):
    _, t, _ = big_scan
    minister = PEOPLE[TRAVELLING[3][0]][0]
    (cluster,) = [c for c in t["quote_clusters"] if c["speakers"] == [minister]]
    carriers = [(a.date, d) for d, a in big.good.items() if TRAVELLING[3][1] in a.quotes or ALTERED in a.quotes]
    assert cluster["occurrences"] == len(carriers)
    assert sorted(cluster["outlets"]) == sorted(OUTLETS)
    assert cluster["versions"] == 2 and cluster["altered"] == 1
    # The earliest date, then the first document id; .txt files carry no date and come last.
    first = min((date, d) for date, d in carriers if not d.endswith(".txt"))
    assert (cluster["first_date"].isoformat(), cluster["first_document"]) == first
    (changed,) = [v for v in t["quote_versions"] if v["cluster"] == cluster["cluster"] and v["version"] > 0]
    assert changed["text"].startswith(ALTERED) and changed["outlets"] == [ALTERED_OUTLET]
    assert changed["status"] == "altered"
    assert any(r.startswith("number changed") and "14" in r for r in changed["reasons"])
    members = [o for o in t["quote_occurrences"] if o["cluster"] == cluster["cluster"]]
    assert sorted((o["document"], o["version"]) for o in members) == sorted(
        (d, int(ALTERED in a.quotes)) for d, a in big.good.items() if TRAVELLING[3][1] in a.quotes or ALTERED in a.quotes)
    # Each travelling quotation is one cluster; none is split or merged with another.
    for _, words in TRAVELLING:
        assert sum(c["text"].startswith(words) for c in t["quote_clusters"]) == 1


def test_the_corpus_report_is_self_contained_and_escaped(big_scan):
    out, _, _ = big_scan
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page and "src=" not in page and "href=" not in page
    for title in ("Most-quoted people", "Source types per outlet", "per month", "Flags per 1,000 words",
                  "carried by several outlets", "changed on the way"):
        assert title in page
    assert PEOPLE[0][0] in page and "number changed" in page
    charts = re.findall(r"<svg.*?</svg>", page, re.S)
    assert len(charts) >= 5
    for svg in charts:  # well-formed, with a bar or column in each
        root = ElementTree.fromstring(svg)
        assert root.findall(".//rect")


def test_a_hostile_corpus_text_is_escaped_in_the_report(tmp_path):
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": f"d{i}", "text": "“<script>alert(1)</script> The tide will turn by Friday for all of the boats "
             "<img src=x onerror=alert(2)> here,” said Ana Ruiz, the harbour master. "
             "The port reopened on Monday after a week of repairs to the outer wall.",
             "outlet": f"<b>outlet{i % 2}</b>.example", "date": f"2024-05-0{1 + i}"} for i in range(3)]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    run = run_cli("scan", str(feed), "--output", str(tmp_path / "out"))
    assert run.code == 0, run.err
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;b&gt;outlet0&lt;/b&gt;.example" in page  # the outlet, in the charts
    assert "&lt;script&gt;alert(1)&lt;/script&gt; The tide" in page  # the quotation, carried by two outlets


def test_the_example_queries_in_the_docs_run(big, big_scan):
    out, _, _ = big_scan
    doc = (ROOT / "docs" / "scan.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sql\n(.*?)```", doc, re.S)
    assert len(queries) >= 5
    con = duckdb.connect()
    for q in queries:
        rows = con.sql(q.replace("'out/", f"'{out}/")).fetchall()
        assert rows, q
    # One of them, checked against the generator: articles per outlet.
    per_outlet = dict(con.sql(f"SELECT outlet, count(*) FROM '{out}/articles/*.parquet' GROUP BY outlet").fetchall())
    assert per_outlet[ALTERED_OUTLET] == sum(1 for d, a in big.good.items()
                                             if a.outlet == ALTERED_OUTLET and not d.endswith(".txt"))


def test_every_column_is_documented():
    from attrib.scan.quote_clusters import COLUMNS as QUOTE_COLUMNS
    from attrib.scan.table_rows import COLUMNS

    doc = (ROOT / "docs" / "scan.md").read_text(encoding="utf-8")
    for table, cols in {**COLUMNS, **QUOTE_COLUMNS}.items():
        section = doc.split(f"### {table}\n", 1)
        assert len(section) == 2, f"docs/scan.md has no section for {table}"
        body = section[1].split("\n### ", 1)[0]
        for name, _ in cols:
            assert f"| `{name}` |" in body, f"{table}.{name} is not documented"


def test_a_local_cluster_gives_the_same_tables_as_the_process_pool(small, small_scan, tmp_path):
    out = tmp_path / "dask"
    run = run_cli(*scan_args(small, out, "--partition-size", "40", "--workers", "2"), timeout=300)
    assert run.code == 1, run.err
    assert tables(out) == small_scan
    assert len(small_scan["articles"]) == len(small.good)


def test_an_existing_dask_cluster_by_its_address(small, small_scan, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster:
        out = tmp_path / "remote"
        run = run_cli(*scan_args(small, out, "--partition-size", "40", "--scheduler", cluster.scheduler_address),
                      timeout=300)
    assert run.code == 1, run.err
    assert tables(out) == small_scan


def _markers(out: Path) -> int:
    return len(list((out / "_partitions").glob("*.json"))) if (out / "_partitions").is_dir() else 0


def _start(args: list[str]) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-m", "attrib", *args], cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for(cond, proc: subprocess.Popen, timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while not cond():
        assert proc.poll() is None, proc.communicate()[1].decode()[-2000:]
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


def test_a_worker_killed_mid_scan_is_replaced_and_its_partition_redone(small, small_scan, tmp_path):
    out = tmp_path / "killed"
    proc = _start(scan_args(small, out, "--partition-size", "40", "--workers", "2"))
    planned = 0
    try:
        _wait_for(lambda: _markers(out) >= 1, proc)
        workers = [p for p in psutil.Process(proc.pid).children(recursive=True)
                   if "spawn_main" in " ".join(p.cmdline())]
        assert len(workers) == 2
        planned = json.loads((out / "scan.json").read_text())["partitions"]
        assert _markers(out) < planned  # mid-scan
        workers[0].kill()
        _, err = proc.communicate(timeout=240)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 1, err.decode()[-2000:]
    assert _markers(out) == planned
    assert tables(out) == small_scan
    assert not list(out.glob("*/.*.tmp"))


def test_a_killed_scan_resumes_without_losing_or_doubling_a_row(small, small_scan, tmp_path):
    out = tmp_path / "crashed"
    proc = _start(scan_args(small, out, "--partition-size", "40", "--processes", "2"))
    try:
        _wait_for(lambda: _markers(out) >= 3, proc)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    planned = json.loads((out / "scan.json").read_text())["partitions"]
    before = _markers(out)
    assert 3 <= before < planned
    assert not (out / "report.html").exists()

    again = run_cli(*scan_args(small, out, "--partition-size", "40"))
    assert again.code == 2 and "--resume" in again.err and len(again.err.strip().splitlines()) == 1
    resumed = run_cli(*scan_args(small, out, "--partition-size", "40", "--resume"), timeout=300)
    assert resumed.code == 1, resumed.err
    assert f"{before} of them done before --resume" in resumed.out
    assert tables(out) == small_scan
    assert not list(out.glob("*/.*.tmp"))


def test_ctrl_c_stops_the_scan_and_says_how_to_resume(small, tmp_path):
    out = tmp_path / "stopped"
    proc = _start(scan_args(small, out, "--partition-size", "40", "--processes", "2"))
    try:
        _wait_for(lambda: _markers(out) >= 1, proc)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130
    assert "--resume" in err.decode() and "Traceback" not in err.decode()


def test_resume_refuses_other_options(small, tmp_path):
    out = tmp_path / "o"
    first = run_cli("scan", small.inputs[1], "--output", str(out), "--field", "text=body", "--no-clusters")
    assert first.code in (0, 1), first.err
    other = run_cli("scan", small.inputs[1], "--output", str(out), "--field", "text=body", "--resume",
                    "--partition-size", "7")
    assert other.code == 2 and "partition_size" in other.err and len(other.err.strip().splitlines()) == 1


def test_json_lines_tables_on_request(tmp_path):
    corpus = make_corpus(tmp_path / "c", txt=30, html=0, jsonl=30, warc=0, max_bytes=int(MAX_BYTES))
    out = tmp_path / "out"
    run = run_cli(*scan_args(corpus, out, "--format", "jsonl"))
    assert run.code == 1, run.err
    rows = [json.loads(line) for f in sorted((out / "articles").glob("*.jsonl")) for line in f.open()]
    assert sorted(r["document"] for r in rows) == sorted(corpus.good)
    con = duckdb.connect()
    assert con.sql(f"SELECT count(*) FROM read_json_auto('{out}/statements/*.jsonl')").fetchall()[0][0] > 0


def test_bad_scan_arguments_are_one_line(tmp_path):
    for args, words in ((["scan", str(tmp_path / "nope"), "-o", str(tmp_path / "o1")], "no such file"),
                        (["scan", str(ROOT / "README.md"), "-o", str(tmp_path / "o2")], "not an input"),
                        (["scan", str(ROOT / "fixtures"), "-o", str(ROOT / "README.md")], "not a folder")):
        run = run_cli(*args)
        assert run.code == 2 and words in run.err and len(run.err.strip().splitlines()) == 1, run.err


def test_without_the_extra_scan_says_what_to_install(tmp_path):
    probe = ("import sys, importlib.abc\n"
             "class Block(importlib.abc.MetaPathFinder):\n"
             "    def find_spec(self, name, path=None, target=None):\n"
             "        if name.split('.')[0] in ('pyarrow', 'dask', 'distributed'):\n"
             "            raise ModuleNotFoundError(name)\n"
             "sys.meta_path.insert(0, Block())\n"
             "from attrib.cli import main\n"
             f"sys.exit(main(['scan', {str(ROOT / 'fixtures')!r}, '-o', {str(tmp_path / 'o')!r}]))\n")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        'attrib: error: attrib scan needs dask, distributed, pyarrow: pip install "attrib[scan]"']
    assert not (tmp_path / "o").exists()
