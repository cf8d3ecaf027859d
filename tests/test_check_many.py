"""``attrib check FILE...`` and ``attrib check DIR``: one row per article, or one JSON
report per line, through the real CLI."""

from __future__ import annotations

import json
import shutil

from conftest import FIXTURES, run_cli

ARTICLES = sorted((FIXTURES / "articles").glob("*.txt"))


def _single(path) -> dict:
    run = run_cli("check", str(path), "--format", "json")
    assert run.code == 0, run.err
    return json.loads(run.out)


def test_several_files_give_one_row_each_in_order():
    a, b = ARTICLES[0], ARTICLES[1]
    run = run_cli("check", str(a), str(b))
    assert run.code == 0, run.err
    head, *rows = run.out.splitlines()
    assert head.split() == ["ARTICLE", "SCORE", "STATEMENTS", "FLAGS", "WORST", "FLAG"]
    assert len(rows) == 2
    for path, row in zip((a, b), rows):
        one = _single(path)
        cells = row.split()
        assert cells[0] == str(path)
        assert cells[1] == f"{one['summary']['score']:.0f}"
        assert cells[2] == str(len(one["statements"])) and cells[3] == str(len(one["flags"]))
        levels = [f["severity"] for f in one["flags"]]
        worst = max(levels, key=["info", "warning", "error"].index) if levels else "-"
        assert cells[4] == worst


def test_a_folder_is_searched_for_articles_and_json_gives_one_report_per_line(tmp_path):
    (tmp_path / "sub").mkdir()
    shutil.copy(ARTICLES[0], tmp_path / "one.txt")
    shutil.copy(ARTICLES[1], tmp_path / "sub" / "two.txt")
    shutil.copy(FIXTURES / "web" / "article.html", tmp_path / "sub" / "three.html")
    (tmp_path / ".hidden.txt").write_text("The mayor said nothing.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article\n", encoding="utf-8")
    run = run_cli("check", str(tmp_path), "--format", "json")
    assert run.code == 0, run.err
    reports = [json.loads(line) for line in run.out.splitlines()]
    assert [r["schema"] for r in reports] == ["attrib.report/1"] * 3
    # In name order, a folder's own files before its subfolders': one.txt, sub/three.html, sub/two.txt.
    assert reports[0]["article"]["text"] == ARTICLES[0].read_text(encoding="utf-8")
    assert reports[1]["article"]["title"]  # the HTML page, through trafilatura
    assert reports[2]["article"]["text"] == ARTICLES[1].read_text(encoding="utf-8")


def test_an_unreadable_article_is_a_row_and_the_others_go_on(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 au lait, not utf-8 \x81\n")
    run = run_cli("check", str(bad), str(ARTICLES[0]))
    assert run.code == 1
    rows = run.out.splitlines()[1:]
    assert "not read: not valid UTF-8" in rows[0] and rows[1].split()[0] == str(ARTICLES[0])
    as_json = run_cli("check", str(bad), str(ARTICLES[0]), "--format", "json")
    assert as_json.code == 1 and len(as_json.out.splitlines()) == 1
    assert "not valid UTF-8" in as_json.err and str(bad) in as_json.err


def test_output_file_and_fail_on(tmp_path):
    out = tmp_path / "table.txt"
    run = run_cli("check", str(ARTICLES[0]), str(ARTICLES[1]), "--output", str(out), "--fail-on", "info")
    assert run.out == "" and len(out.read_text(encoding="utf-8").splitlines()) == 3
    flagged = any(_single(p)["flags"] for p in ARTICLES[:2])
    assert run.code == (1 if flagged else 0)


def test_formats_that_take_one_article_say_so(tmp_path):
    for args, words in (((str(ARTICLES[0]), str(ARTICLES[1]), "--format", "md"), "one article at a time"),
                        ((str(ARTICLES[0]), "-"), "standard input"),
                        ((str(tmp_path),), "a directory with no .txt or .html articles")):
        run = run_cli("check", *args)
        assert run.code == 2 and words in run.err and len(run.err.strip().splitlines()) == 1, run.err
