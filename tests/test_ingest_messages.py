"""Messages that say what is wrong: UTF-16 text read (or refused with the reason), other
URL schemes named as such, deeply nested YAML and bad outlet files in rule packs as one
line, wherever the pack is loaded."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, run_cli

TEXT = "The harbour master said the port would reopen on Monday.\n“We are ready,” said Ana Díaz.\n"


def one_error(run, expected: str) -> str:
    assert run.code == 2, (run.code, run.err)
    assert "Traceback" not in run.err
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("attrib: error: "), run.err
    assert expected in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_read(tmp_path, codec):
    path = tmp_path / "story.txt"
    path.write_bytes(("\ufeff" + TEXT).encode(codec))
    run = run_cli("check", str(path), "-f", "json")
    assert run.code == 0, run.err
    report = json.loads(run.out)
    assert report["article"]["text"] == "\ufeff" + TEXT  # the mark kept, as for UTF-8
    assert {s["source"]["text"] for s in report["statements"]} >= {"The harbour master", "Ana Díaz"}


@pytest.mark.parametrize("codec,order", [("utf-16-le", "LE"), ("utf-16-be", "BE")])
def test_utf16_without_a_byte_order_mark_is_named(tmp_path, codec, order):
    path = tmp_path / "story.txt"
    path.write_bytes(TEXT.encode(codec))
    one_error(run_cli("check", str(path)),
              f"looks like UTF-16 text without a byte-order mark; convert it with iconv -f UTF-16{order} -t UTF-8")


def test_binary_is_still_binary(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    one_error(run_cli("check", str(path)), "looks like a binary file")


def test_utf32_is_named(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(TEXT.encode("utf-32"))
    one_error(run_cli("check", str(path)), "this is UTF-32 text; convert it with iconv -f UTF-32 -t UTF-8")


def test_coverage_with_another_scheme_says_only_http(tmp_path):
    run = run_cli("check", str(FIXTURES / "web" / "article.html"), "--format", "json",
                  "--coverage", "ftp://files.example.org/story.html",
                  env={"ATTRIB_CACHE_DIR": str(tmp_path / "cache")})
    assert run.code == 0, run.err
    assert run.err.strip() == ("attrib: warning: coverage skipped: ftp://files.example.org/story.html: "
                               "only http and https URLs can be fetched")
    page = json.loads(run.out)["coverage"]["pages"][0]
    assert "no such file" not in page["error"] and "only http and https" in page["error"]


# -- rule packs (fixed on main by the lead; tested here) -------------------------------------

def _nested_pack(tmp_path, depth: int):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "deep.yaml").write_text("kind: lexicon\nid: deep\nentries: " + "[" * depth + "]" * depth + "\n")
    return pack


def test_deeply_nested_yaml_is_one_line(tmp_path):
    """libyaml stops at 1,000 levels with a parse error; either way, one line."""
    pack = _nested_pack(tmp_path, 5000)
    article = str(FIXTURES / "articles" / "harbour-strike.txt")
    one_error(run_cli("check", article, "--rules", str(pack)), "deep.yaml: ")
    one_error(run_cli("rules", "--check", str(pack)), "deep.yaml: ")


def test_deeply_nested_yaml_without_libyaml_is_a_rule_error(tmp_path, monkeypatch):
    """The pure-Python loader (PyYAML built without libyaml) recurses until Python stops it."""
    import yaml

    from attrib import RuleError, rulebook

    monkeypatch.setattr(rulebook, "_LOADER", yaml.SafeLoader)
    pack = _nested_pack(tmp_path, 5000)
    with pytest.raises(RuleError, match=r"deep\.yaml: nested too deeply to be a rule file"):
        rulebook.read_yaml(pack / "deep.yaml")


def test_rules_check_refuses_an_outlet_file_as_check_does(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "outlets.yaml").write_text(
        "kind: outlets\noutlets:\n  - {domain: a.example, name: A, kinds: [tabloid], sources: ['https://a']}\n")
    expected = "outlets.yaml: rule 'a.example': key 'kinds': unknown kind 'tabloid'"
    one_error(run_cli("check", str(FIXTURES / "articles" / "harbour-strike.txt"), "--rules", str(pack)), expected)
    one_error(run_cli("rules", "--check", str(pack)), expected)


def test_yaml_tags_never_run_code(tmp_path):
    """Rule files are read with a safe loader: a Python tag is an error, never a call."""
    pack = tmp_path / "pack"
    pack.mkdir()
    marker = tmp_path / "ran"
    (pack / "evil.yaml").write_text(
        f"kind: lexicon\nid: evil\nentries: !!python/object/apply:os.system ['touch {marker}']\n")
    one_error(run_cli("rules", "--check", str(pack)), "evil.yaml: ")
    assert not marker.exists()
