"""A corpus run (``attrib extract`` over folders) survives bad files: a binary file, a
FIFO, a UTF-16 file; an empty folder and two files with one id are errors that say so;
the paths seen are kept on disk, not in memory."""

from __future__ import annotations

import json
import os
import tracemalloc
from pathlib import Path

import pytest

from conftest import run_cli

SENTENCES = [
    "The harbour master said the port would reopen on Monday.",
    "“We have done what we could,” the mayor told reporters on Tuesday.",
    "Officials said the ferry timetable would change in spring.",
    "According to the council, the bridge repairs will cost 4 million euros.",
]


def corpus(root: Path, n: int, per_folder: int = 50) -> list[Path]:
    paths = []
    for i in range(n):
        folder = root / f"part{i // per_folder:03d}"
        folder.mkdir(exist_ok=True)
        path = folder / f"doc{i:04d}.txt"
        path.write_text(SENTENCES[i % len(SENTENCES)] + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_one_binary_file_among_200_is_skipped_and_the_rest_finish(tmp_path):
    paths = corpus(tmp_path, 200)
    paths[57].write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    run = run_cli("extract", str(tmp_path))
    assert run.code == 1, run.err
    docs = [d["doc"] for d in lines(run.out)]
    assert len(docs) == 199 and "doc0057" not in docs
    assert docs == sorted(docs)  # in path order, as before
    warnings = run.err.strip().splitlines()
    assert warnings == [f"attrib: warning: skipped {paths[57]}: this looks like a binary file, not an article",
                        "attrib: warning: 1 of 200 documents skipped"]


def test_a_fifo_is_skipped_never_read(tmp_path):
    corpus(tmp_path, 3)
    fifo = tmp_path / "part000" / "pipe.txt"
    os.mkfifo(fifo)
    run = run_cli("extract", str(tmp_path), timeout=60)  # reading it would block forever
    assert run.code == 1, run.err
    assert [d["doc"] for d in lines(run.out)] == ["doc0000", "doc0001", "doc0002"]
    assert f"skipped {fifo}: a FIFO, not read" in run.err
    named = run_cli("extract", str(fifo), timeout=60)
    assert named.code == 2 and named.err.strip() == f"attrib: error: {fifo}: a FIFO, not read"


def test_an_empty_folder_is_an_error_that_says_so(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.md").write_text("not a document")
    run = run_cli("extract", str(tmp_path / "empty"))
    assert run.code == 2 and run.out == ""
    assert run.err.strip() == f"attrib: error: {tmp_path / 'empty'}: no .txt documents in this folder"


def test_every_file_bad_is_an_error(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(b"\x00\x01\x02binary")
    run = run_cli("extract", str(tmp_path))
    assert run.code == 2 and run.out == ""
    assert run.err.strip().endswith("attrib: error: none of the 2 documents could be read")


def test_two_files_with_one_id_are_refused_before_anything_is_written(tmp_path):
    corpus(tmp_path, 120)
    clash = tmp_path / "zzz" / "doc0003.txt"
    clash.parent.mkdir()
    clash.write_text(SENTENCES[0])
    run = run_cli("extract", str(tmp_path))
    assert run.code == 2 and run.out == ""
    assert run.err.strip() == (f"attrib: error: {clash}: same document id 'doc0003' as "
                               f"{tmp_path / 'part000' / 'doc0003.txt'}")


def test_the_same_file_named_twice_is_read_once(tmp_path):
    paths = corpus(tmp_path, 3)
    run = run_cli("extract", str(tmp_path), str(paths[1]))
    assert run.code == 0, run.err
    assert [d["doc"] for d in lines(run.out)] == ["doc0000", "doc0001", "doc0002"]


def test_utf16_documents_are_read(tmp_path):
    text = "The harbour master said the port would reopen on Monday.\n"
    (tmp_path / "with-bom.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "plain.txt").write_text(text, encoding="utf-8")
    run = run_cli("extract", str(tmp_path))
    assert run.code == 0, run.err
    by_doc = {d["doc"]: d["attributions"] for d in lines(run.out)}
    # The byte-order mark is kept as a character, so every offset is one further on.
    shifted = [[[a - 1, b - 1] for a, b in att["cue"]] for att in by_doc["with-bom"]]
    assert shifted == [att["cue"] for att in by_doc["plain"]] and shifted


def _python_peak(root: Path) -> int:
    from attrib.corpus_walk import Corpus, Skipped

    tracemalloc.start()
    try:
        walk = Corpus([str(root)])
        count = sum(1 for item in walk if not isinstance(item, Skipped))
        walk.close()
        return tracemalloc.get_traced_memory()[1] if count else 0
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("small,large", [(1200, 8000)])
def test_memory_for_the_paths_is_flat_in_the_number_of_files(tmp_path, small, large):
    """Python memory while finding, checking and listing 1,200 files and 8,000: the same
    within 100 KB (it was 0.75 KB a file). bench/extract_memory.py measures the
    whole process."""
    (tmp_path / "small").mkdir()
    (tmp_path / "large").mkdir()
    corpus(tmp_path / "small", small, per_folder=100)
    corpus(tmp_path / "large", large, per_folder=100)
    peak_small = _python_peak(tmp_path / "small")
    peak_large = _python_peak(tmp_path / "large")
    assert peak_large - peak_small < 100 * 1024, (peak_small, peak_large)
