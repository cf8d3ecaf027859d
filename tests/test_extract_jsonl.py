"""``attrib extract --format jsonl``: one line per document in the form the reference
scorer (../shared/eval/score_attributions.py) reads, and the scorer accepting it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES

ARTICLES = FIXTURES / "articles"


def lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def check_line(obj: dict, text: str) -> None:
    """The scorer's shape: doc, and attributions of cue/source/content lists of [s, e]."""
    assert set(obj) == {"doc", "attributions"}
    for att in obj["attributions"]:
        assert set(att) == {"cue", "source", "content"}, att
        assert att["cue"] and att["content"], att
        for role in ("cue", "source", "content"):
            for span in att[role]:
                assert isinstance(span, list) and len(span) == 2, span
                s, e = span
                assert isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text), span


def test_one_line_per_txt_with_its_stem(cli) -> None:
    run = cli("extract", str(ARTICLES), "--format", "jsonl")
    assert run.code == 0, run.err
    objs = lines(run.out)
    stems = sorted(p.stem for p in ARTICLES.glob("*.txt"))
    assert [o["doc"] for o in objs] == stems  # README.md and the YAML files are not read
    for obj in objs:
        text = (ARTICLES / f"{obj['doc']}.txt").read_text(encoding="utf-8")
        check_line(obj, text)
        assert obj["attributions"], obj["doc"]


def test_spans_index_the_file(cli) -> None:
    path = ARTICLES / "harbour-strike.txt"
    text = path.read_text(encoding="utf-8")
    (obj,) = lines(cli("extract", str(path)).out)
    cues = [text[s:e] for att in obj["attributions"] for s, e in att["cue"]]
    assert "According to" in cues and cues.count("said") >= 5, cues
    sources = {text[s:e] for att in obj["attributions"] for s, e in att["source"]}
    assert "Observers" in sources and "The Reuters news agency" in sources, sources


def test_files_and_directories_mixed_and_output_file(cli, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text('"It works," said Ana Pell.\n', encoding="utf-8")
    (tmp_path / "notes.md").write_text("Not an article, said nobody.\n", encoding="utf-8")
    one = tmp_path / "a.txt"
    one.write_text("The Orsk Rail Company said the line would reopen on Monday.\n", encoding="utf-8")
    out = tmp_path / "preds.jsonl"
    run = cli("extract", str(one), str(tmp_path / "sub"), "-o", str(out))
    assert run.code == 0 and run.out == "", run.err
    assert [o["doc"] for o in lines(out.read_text(encoding="utf-8"))] == ["a", "b"]


def test_a_missing_input_is_one_line(cli, tmp_path: Path) -> None:
    run = cli("extract", str(ARTICLES / "harbour-strike.txt"), str(tmp_path / "gone.txt"))
    assert run.code == 2 and "Traceback" not in run.err
    assert len(run.err.strip().splitlines()) == 1 and "gone.txt" in run.err


def test_reference_scorer_reads_it(cli, shared: Path, tmp_path: Path) -> None:
    """Not a quality bar: the scorer parses our lines and scores five PolNeAR dev docs."""
    dev = shared / "corpora/polnear/dev"
    docs = sorted((dev / "text").glob("*.txt"))[:5]
    assert len(docs) == 5
    pred = tmp_path / "pred.jsonl"
    run = cli("extract", *map(str, docs), "--format", "jsonl", "--output", str(pred))
    assert run.code == 0, run.err
    objs = lines(pred.read_text(encoding="utf-8"))
    assert [o["doc"] for o in objs] == [d.stem for d in docs]
    for obj, doc in zip(objs, docs):
        check_line(obj, doc.read_text(encoding="utf-8"))
    proc = subprocess.run([sys.executable, str(shared / "eval/score_attributions.py"), "--gold", str(dev),
                           "--pred", str(pred), "--docs-from-pred", "--json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["documents"] == 5
    assert result["predicted_attributions"] == sum(len(o["attributions"]) for o in objs) > 0
    assert result["gold_attributions"] > 0
    for key in ("attribution", "cue_overlap", "source_overlap", "content_overlap"):
        assert set(result[key]) == {"precision", "recall", "f1"}
        assert all(0.0 <= v <= 1.0 for v in result[key].values())
    assert result["cue_overlap"]["recall"] > 0  # the offsets meant something to the scorer
