"""Review state: stable finding keys, the SQLite store, the undo stack."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from attrib import Article, check
from attrib.review import Review, ReviewBook, findings_of
from attrib.store import DATA_DIR_ENV, ReviewStore, StoreError, default_path
from support_tui import ARTICLE, ROOT, harbour_report


def test_keys_are_stable_across_runs_and_unique():
    first = findings_of(harbour_report())
    second = findings_of(harbour_report())
    assert [f.key for f in first] == [f.key for f in second]
    assert len({f.key for f in first}) == len(first)
    # the key names the text, not the list position: drop a statement, the others keep theirs
    report = harbour_report()
    from dataclasses import replace

    fewer = findings_of(replace(report, statements=report.statements[1:], flags=()))
    keys = {f.id: f.key for f in first}
    assert all(keys[f.id] == f.key for f in fewer)


def test_flags_follow_their_statement_and_loose_flags_sit_in_text_order():
    findings = findings_of(harbour_report())
    ids = [f.id for f in findings]
    observers = next(f for f in findings if f.statement and f.statement.source.text == "Observers")
    assert ids[ids.index(observers.id) + 1] == "f2"  # the vague-source flag right after
    starts = [f.span.start for f in findings if not f.is_flag or f.statement is None]
    assert starts == sorted(starts)


def test_store_round_trip_and_blank_deletes(tmp_path):
    store = ReviewStore(tmp_path / "r.sqlite3")
    store.save("abc", "statement:1-2:3", Review("confirmed", "checked the tape"))
    store.save("abc", "flag:x:1-2", Review("dismissed"))
    store.save("other", "statement:1-2:3", Review("dismissed"))
    assert store.load("abc") == {"statement:1-2:3": Review("confirmed", "checked the tape"),
                                 "flag:x:1-2": Review("dismissed")}
    store.save("abc", "flag:x:1-2", Review())
    assert store.load("abc") == {"statement:1-2:3": Review("confirmed", "checked the tape")}
    store.close()
    again = ReviewStore(tmp_path / "r.sqlite3")
    assert again.load("other") == {"statement:1-2:3": Review("dismissed")}
    mode = sqlite3.connect(tmp_path / "r.sqlite3").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_book_saves_every_change_and_undoes_in_order(tmp_path):
    path = tmp_path / "r.sqlite3"
    book = ReviewBook("d1", ReviewStore(path))
    book.set("a", Review("confirmed"))
    book.set("a", Review("confirmed", "note"))
    book.set("b", Review("dismissed"))
    assert ReviewStore(path).load("d1") == {"a": Review("confirmed", "note"),
                                            "b": Review("dismissed")}
    assert book.undo() == "b"
    assert book.undo() == "a"
    assert ReviewStore(path).load("d1") == {"a": Review("confirmed")}
    assert book.undo() == "a"
    assert book.undo() is None
    assert ReviewStore(path).load("d1") == {}


def test_nothing_is_lost_when_the_process_is_killed(tmp_path):
    path = tmp_path / "r.sqlite3"
    script = textwrap.dedent(f"""
        import os, signal
        from attrib.review import Review
        from attrib.store import ReviewStore
        store = ReviewStore({str(path)!r})
        for i in range(20):
            store.save("d", f"k{{i}}", Review("confirmed", f"note {{i}}"))
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", script], env={**os.environ,
                          "PYTHONPATH": str(ROOT / "src")}, capture_output=True)
    assert proc.returncode == -signal.SIGKILL
    saved = ReviewStore(path).load("d")
    assert len(saved) == 20 and saved["k19"] == Review("confirmed", "note 19")


def test_data_dir_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "attrib.sqlite3"
    ReviewStore().save("d", "k", Review("confirmed"))
    assert (tmp_path / "data" / "attrib.sqlite3").is_file()


def test_a_file_that_is_not_a_database_is_one_clear_error(tmp_path):
    bad = tmp_path / "r.sqlite3"
    bad.write_bytes(b"this is not sqlite at all, just some text" * 100)
    with pytest.raises(StoreError, match=r"r\.sqlite3: cannot use the review database"):
        ReviewStore(bad)


def test_reviews_are_keyed_by_content_so_the_same_text_anywhere_finds_them(tmp_path):
    text = ARTICLE.read_text(encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text(text, encoding="utf-8")
    a = check(ARTICLE)
    b = check(copy)
    assert a.article.digest == b.article.digest
    assert Article(text + " ").digest != a.article.digest
