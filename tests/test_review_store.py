"""Review state: keys made of the text, the SQLite store (schema 2, field by field), its
upgrade from schema 1, two windows on one article, and the undo stack."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from attrib import Article, Checker, ReviewState, check
from attrib.review import Anchor, Review, ReviewBook, Stored, findings_of
from attrib.store import DATA_DIR_ENV, ReviewStore, StoreError, default_path
from support_tui import ARTICLE, ROOT, finding_with

EXTRA_CUE = """\
kind: cues
description: one more cue, so the engine finds a statement before all the others
groups:
  - id: test-halting
    class: speech
    forms: ["halting"]
"""

# The bundled rules flag nothing in the opening sentence: one more flag there, so every
# flag id moves too.
EXTRA_FLAG = """\
kind: flags
description: one more flag, so the engine flags a word before all the others
rules:
  - id: test.halting
    category: test
    level: info
    type: phrase
    scope: outside-quotes
    match:
      tokens: [halting]
    message: "“{match}”: a word the test flags"
    explanation: The test flags this word so that every flag after it moves by one.
    examples:
      match:
        - {text: "The strike is halting traffic.", flagged: halting}
      no_match:
        - "The strike goes on."
"""


def reviewed_words(book: ReviewBook, report) -> dict[str, str]:
    """What each verdict is on, in words: content for a statement, rule and words for a flag."""
    text = report.article.text
    out = {}
    for v in book.verdicts():
        st = next((s for s in report.statements if s.id == v.finding), None)
        if st is not None:
            out[st.content_text(text)[:40]] = v.state.value
        else:
            flag = next(f for f in report.flags if f.id == v.finding)
            out[f"{flag.rule}: {flag.text[:30]}"] = v.state.value
    return out


def test_verdicts_stay_on_their_statements_when_the_rules_change(tmp_path):
    """Review with the bundled rules, then open the same article with one more cue and
    one more flag rule: the engine now finds a statement and two flags first, so the ids
    move; the verdicts do not."""
    store = ReviewStore(tmp_path / "r.sqlite3")
    before = Checker().check(ARTICLE)
    book = ReviewBook(before.article.digest, store, findings_of(before))
    reyes = finding_with(before, "cannot spend money")
    varga = finding_with(before, "Ships are already waiting")
    observers = finding_with(before, "Observers", flag=True)
    book.set(reyes.key, "state", "confirmed")
    book.set(varga.key, "state", "dismissed")
    book.set(varga.key, "note", "two paragraphs")
    book.set(observers.key, "state", "dismissed")
    assert reviewed_words(book, before) == {
        'the authority "cannot spend money it doe': "confirmed",
        "Ships are already waiting offshore, Ever": "dismissed",
        "vague-source.unnamed-group: Observers": "dismissed"}
    assert (reyes.id, varga.id, observers.id) == ("s3", "s5", "f2")

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "cues.yaml").write_text(EXTRA_CUE, encoding="utf-8")
    (rules / "flags.yaml").write_text(EXTRA_FLAG, encoding="utf-8")
    after = Checker([rules]).check(ARTICLE)
    assert after.statements[0].content_text(after.article.text).startswith("container traffic")
    # the new statement's source ("Dock workers") is an unnamed group: flagged too
    assert [f.text for f in after.flags[:2]] == ["Dock workers", "halting"]
    again = ReviewBook(after.article.digest, store, findings_of(after))
    assert again.orphans() == []
    assert reviewed_words(again, after) == reviewed_words(book, before)
    ids = {v.finding: v.state.value for v in again.verdicts()}
    assert ids == {"s4": "confirmed", "s6": "dismissed", "f4": "dismissed"}  # moved with the text
    assert again[finding_with(after, "Ships are already waiting").key].note == "two paragraphs"


def test_keys_are_made_of_words_unique_and_the_same_on_every_run():
    first = findings_of(check(ARTICLE))
    second = findings_of(Checker().check(ARTICLE))
    assert [f.key for f in first] == [f.key for f in second]
    assert len({f.key for f in first}) == len(first)
    assert all(f.key.startswith(("statement:", "flag:")) for f in first)
    # no offsets or ids in them: the same sentence elsewhere in a text gives the same key
    report = check(ARTICLE)
    moved = check(Article(text="A new first line.\n\n" + report.article.text, path="x.txt"))
    keys = {f.key for f in findings_of(moved)}
    assert finding_with(report, "cannot spend money").key in keys


def test_a_review_follows_its_words_and_is_orphaned_when_they_are_gone(tmp_path):
    report = check(ARTICLE)
    store = ReviewStore(tmp_path / "r.sqlite3")
    digest = report.article.digest
    # saved by an earlier version whose keys differ, with the words it was made on
    kept = Anchor("statement", "the ministry could appoint a mediator within days", "said",
                  "An official", "An official who spoke ... said the ministry could appoint a mediator")
    gone = Anchor("statement", "the harbour will be sold to a foreign investor", "said", "Reyes", "")
    store.update(digest, "statement:0000000000000000", "state", "confirmed", kept.dumps())
    store.update(digest, "statement:1111111111111111", "state", "dismissed", gone.dumps())
    book = ReviewBook(digest, store, findings_of(report))
    mediator = finding_with(report, "appoint a mediator")
    assert book[mediator.key].state is ReviewState.CONFIRMED
    assert book.orphans() == ["statement:1111111111111111"]
    assert set(ReviewStore(tmp_path / "r.sqlite3").load(digest)) == {
        mediator.key, "statement:1111111111111111"}  # moved to today's key, the orphan kept


SCHEMA_1 = """
CREATE TABLE reviews (
    article TEXT NOT NULL, finding TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('open', 'confirmed', 'dismissed')),
    note TEXT NOT NULL DEFAULT '', updated TEXT NOT NULL,
    PRIMARY KEY (article, finding)) WITHOUT ROWID;
PRAGMA user_version=1;
"""


def test_a_schema_1_database_is_upgraded_and_its_offset_keys_move(tmp_path):
    report = check(ARTICLE)
    text = report.article.text
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA_1)
    # keys as the first schema wrote them: cue offsets and where the content starts
    told = text.index("told the Coastal")
    content = text.index("the authority \"cannot")
    observers = text.index("Observers say")
    rows = [(report.article.digest, f"statement:{told}-{told + 4}:{content}", "confirmed", "on tape"),
            (report.article.digest, f"flag:vague-source.unnamed-group:{observers}-{observers + 9}",
             "dismissed", "")]
    db.executemany("INSERT INTO reviews VALUES (?, ?, ?, ?, '2024-01-01T00:00:00+00:00')", rows)
    db.commit()
    db.close()

    store = ReviewStore(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 2
    book = ReviewBook(report.article.digest, store, findings_of(report))
    reyes = finding_with(report, "cannot spend money")
    flag = finding_with(report, "Observers", flag=True)
    assert book[reyes.key] == Review(ReviewState.CONFIRMED, "on tape")
    assert book[flag.key].state is ReviewState.DISMISSED
    assert set(store.load(report.article.digest)) == {reyes.key, flag.key}
    assert book.orphans() == []


def test_two_windows_save_field_by_field_and_see_each_other(tmp_path):
    report = check(ARTICLE)
    findings = findings_of(report)
    digest = report.article.digest
    key = finding_with(report, "Observers", flag=True).key
    one = ReviewBook(digest, ReviewStore(tmp_path / "r.sqlite3"), findings)
    two = ReviewBook(digest, ReviewStore(tmp_path / "r.sqlite3"), findings)
    assert one.set(key, "note", "ask who the observers are") is None
    assert two.set(key, "state", "dismissed") is None  # another field: no clash, nothing lost
    assert ReviewStore(tmp_path / "r.sqlite3").load(digest)[key].review == Review(
        ReviewState.DISMISSED, "ask who the observers are")
    assert one.reload() == [key]  # the dismissal made in the other window is seen
    assert one[key] == Review(ReviewState.DISMISSED, "ask who the observers are")
    assert one.reload() == []  # nothing new since
    # both edit the note: the second write says whose note it replaced
    assert two.set(key, "note", "fine as it is") is None  # two had seen one's note
    clash = one.set(key, "note", "name them")
    assert clash is not None and clash.theirs == "fine as it is" and clash.ours == "ask who the observers are"


def test_store_round_trip_blank_deletes_and_wal(tmp_path):
    store = ReviewStore(tmp_path / "r.sqlite3")
    assert store.update("abc", "k1", "state", "confirmed") == Review()
    store.update("abc", "k1", "note", "checked the tape")
    store.update("abc", "k2", "state", "dismissed")
    store.update("other", "k1", "speaker", "Tomas Reyes")
    assert {k: s.review for k, s in store.load("abc").items()} == {
        "k1": Review(ReviewState.CONFIRMED, "checked the tape"), "k2": Review(ReviewState.DISMISSED)}
    assert store.update("abc", "k2", "state", "open") == Review(ReviewState.DISMISSED)
    assert set(store.load("abc")) == {"k1"}
    store.close()
    again = ReviewStore(tmp_path / "r.sqlite3")
    assert again.load("other")["k1"] == Stored(Review(ReviewState.OPEN, "", "Tomas Reyes"), "")
    mode = sqlite3.connect(tmp_path / "r.sqlite3").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_book_saves_every_change_and_undoes_field_by_field(tmp_path):
    path = tmp_path / "r.sqlite3"
    book = ReviewBook("d1", ReviewStore(path))
    book.set("a", "state", "confirmed")
    book.set("a", "note", "note")
    book.set("b", "state", "dismissed")

    def saved():
        return {k: s.review for k, s in ReviewStore(path).load("d1").items()}

    assert saved() == {"a": Review(ReviewState.CONFIRMED, "note"), "b": Review(ReviewState.DISMISSED)}
    assert book.undo() == "b"
    assert book.undo() == "a"
    assert saved() == {"a": Review(ReviewState.CONFIRMED)}
    assert book.undo() == "a"
    assert book.undo() is None
    assert saved() == {}


def test_articles_are_listed_with_counts_and_the_cursor_is_kept(tmp_path):
    store = ReviewStore(tmp_path / "r.sqlite3")
    store.opened("d1", "Dock Workers Walk Out", "a/harbour.txt", 19)
    store.update("d1", "k1", "state", "confirmed")
    store.update("d1", "k2", "state", "dismissed")
    store.update("d1", "k2", "note", "wrong speaker")
    store.update("d2", "k1", "note", "only a note")
    store.set_cursor("d1", "k2")
    rows = {r.digest: r for r in store.articles()}
    assert (rows["d1"].title, rows["d1"].location, rows["d1"].findings) == ("Dock Workers Walk Out", "a/harbour.txt", 19)
    assert (rows["d1"].confirmed, rows["d1"].dismissed, rows["d1"].notes, rows["d1"].reviewed) == (1, 1, 1, 2)
    assert (rows["d2"].title, rows["d2"].notes, rows["d2"].reviewed) == ("", 1, 0)
    assert store.cursor("d1") == "k2" and store.cursor("d2") is None
    assert store.progress("d1") == (2, 19)


def test_nothing_is_lost_when_the_process_is_killed(tmp_path):
    path = tmp_path / "r.sqlite3"
    script = textwrap.dedent(f"""
        import os, signal
        from attrib.store import ReviewStore
        store = ReviewStore({str(path)!r})
        for i in range(20):
            store.update("d", f"k{{i}}", "state", "confirmed")
            store.update("d", f"k{{i}}", "note", f"note {{i}}")
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", script], env={**os.environ,
                          "PYTHONPATH": str(ROOT / "src")}, capture_output=True)
    assert proc.returncode == -signal.SIGKILL
    saved = ReviewStore(path).load("d")
    assert len(saved) == 20 and saved["k19"].review == Review(ReviewState.CONFIRMED, "note 19")


def test_data_dir_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "attrib.sqlite3"
    ReviewStore().update("d", "k", "state", "confirmed")
    assert (tmp_path / "data" / "attrib.sqlite3").is_file()


def test_a_file_that_is_not_a_database_is_one_clear_error_with_a_way_out(tmp_path):
    bad = tmp_path / "r.sqlite3"
    bad.write_bytes(b"this is not sqlite at all, just some text" * 100)
    with pytest.raises(StoreError, match=r"r\.sqlite3: cannot use the review database") as err:
        ReviewStore(bad)
    assert f"mv {bad} {bad}.broken" in str(err.value)  # no quotes needed for this path


def test_reviews_are_keyed_by_content_so_the_same_text_anywhere_finds_them(tmp_path):
    text = ARTICLE.read_text(encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text(text, encoding="utf-8")
    a = check(ARTICLE)
    b = check(copy)
    assert a.article.digest == b.article.digest
    assert Article(text + " ").digest != a.article.digest
