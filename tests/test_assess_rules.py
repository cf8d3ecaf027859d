"""Flag rules as data: every bundled rule's own examples, rule-pack validation with
file/rule/key errors, user packs, lexicon extension, and the ``attrib rules`` command."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

import attrib
from attrib.assess.examples import run_examples
from attrib.assess.ruleset import CATEGORIES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CHECKER = attrib.Checker()
BUNDLED = CHECKER.ruleset


@pytest.mark.parametrize("rule", BUNDLED.rules, ids=lambda r: r.id)
def test_bundled_rule_examples(rule):
    results = run_examples(rule, CHECKER.prepared)
    assert results, "every rule has examples"
    failures = [r.describe() for r in results if not r.ok]
    assert not failures, "\n".join(failures)


def test_every_category_has_rules_and_every_rule_a_counter_example():
    assert {r.category for r in BUNDLED.rules} == set(CATEGORIES)
    assert all(r.no_match_examples for r in BUNDLED.rules)


def write_pack(tmp_path: Path, files: dict[str, str]) -> Path:
    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    for name, body in files.items():
        (pack / name).write_text(textwrap.dedent(body), encoding="utf-8")
    return pack


GOOD_RULE = """\
    kind: flags
    id: house.unnamed-spokesperson
    category: house-style
    level: warning
    type: phrase
    scope: outside-quotes
    match:
      tokens: [a spokesperson, a spokesman, a spokeswoman]
      exceptions: ['\\b(?:a|an)\\s+spokes(?:person|man|woman)\\s+for\\b']
    message: "“{match}” names no one"
    explanation: House style names every spokesperson.
    examples:
      match:
        - {text: "A spokesman said the quay would reopen.", flagged: A spokesman}
      no_match:
        - "A spokesman for the Harbour Board said the quay would reopen."
"""


def test_check_a_good_pack(cli, tmp_path):
    pack = write_pack(tmp_path, {"house.yaml": GOOD_RULE})
    run = cli("rules", "--check", str(pack))
    assert run.code == 0, run.err
    assert "1 rule, 2 examples, all pass" in run.out


def test_a_failing_example_exits_1_and_names_file_rule_and_key(cli, tmp_path):
    broken = GOOD_RULE.replace('"A spokesman for the Harbour Board said the quay would reopen."',
                               '"A spokesman said nothing at all."')
    pack = write_pack(tmp_path, {"house.yaml": broken})
    run = cli("rules", "--check", str(pack))
    assert run.code == 1
    assert "house.yaml" in run.out and "'house.unnamed-spokesperson'" in run.out
    assert "'examples.no_match[1]'" in run.out and "expected no flag" in run.out


BAD_PACKS = {
    "unknown key": (GOOD_RULE.replace("scope: outside-quotes", "scoop: outside-quotes"), "'scoop'"),
    "bad level": (GOOD_RULE.replace("level: warning", "level: severe"), "'level'"),
    "bad regex": (GOOD_RULE.replace("exceptions: ['\\b(?:a|an)", "exceptions: ['\\b(?:a|an"), "'match.exceptions[1]'"),
    "bad placeholder": (GOOD_RULE.replace("{match}", "{speaker}"), "'message'"),
    "no examples": (GOOD_RULE.split("    examples:")[0], "'examples'"),
    "unknown lexicon": (GOOD_RULE.replace("tokens: [a spokesperson, a spokesman, a spokeswoman]",
                                          "lexicons: [no-such-list]"), "'match.lexicons'"),
    "unknown type": (GOOD_RULE.replace("type: phrase", "type: grammar"), "'type'"),
    "condition not offered": (GOOD_RULE.replace("scope: outside-quotes",
                                                "scope: outside-quotes\n    when: {source_type: [vague]}"),
                              "'when.source_type'"),
    "bad yaml": ("kind: flags\nid: [unclosed\n", "invalid YAML"),
}


@pytest.mark.parametrize("name", BAD_PACKS)
def test_an_invalid_pack_exits_2_with_file_rule_and_key(cli, tmp_path, name):
    body, key = BAD_PACKS[name]
    pack = write_pack(tmp_path, {"house.yaml": body})
    for args in (("rules", "--check", str(pack)),
                 ("check", str(FIXTURES / "articles/harbour-strike.txt"), "--rules", str(pack))):
        run = cli(*args)
        assert run.code == 2, (name, run.out, run.err)
        assert run.err.count("\n") == 1 and "Traceback" not in run.err
        assert "house.yaml" in run.err and key in run.err
        if name != "bad yaml":
            assert "'house.unnamed-spokesperson'" in run.err


def test_a_user_pack_flags_through_check(cli, tmp_path):
    pack = write_pack(tmp_path, {"house.yaml": GOOD_RULE})
    article = tmp_path / "a.txt"
    article.write_text("A spokesman said the quay would reopen on Friday.\n", encoding="utf-8")
    data = json.loads(cli("check", str(article), "-f", "json", "--rules", str(pack)).out)
    ours = [f for f in data["flags"] if f["rule"] == "house.unnamed-spokesperson"]
    assert [f["text"] for f in ours] == ["A spokesman"]
    assert ours[0]["category"] == "house-style" and ours[0]["message"] == "“A spokesman” names no one"
    assert data["summary"]["by_flag_category"]["house-style"] == 1


def test_a_pack_can_extend_the_loaded_label_lexicon_and_replace_a_bundled_rule(cli, tmp_path):
    pack = write_pack(tmp_path, {
        "labels.yaml": "kind: lexicon\nid: loaded-labels\nentries: [wreckers]\nremove: [regime]\n",
        "hedge.yaml": """\
            kind: flags
            id: hedge.adverb
            category: hedge
            level: error
            type: phrase
            match: {tokens: [reportedly]}
            message: "house: {match}"
            explanation: Stricter house rule.
            examples: {match: ["It reportedly sank."]}
        """})
    article = tmp_path / "a.txt"
    article.write_text("The wreckers blocked the quay. The regime closed the port. "
                       "The ferry allegedly sank.\n", encoding="utf-8")
    flags = json.loads(cli("check", str(article), "-f", "json", "--rules", str(pack)).out)["flags"]
    labels = [f["text"] for f in flags if f["category"] == "loaded-label"]
    assert labels == ["wreckers"]
    # the replaced hedge.adverb no longer lists "allegedly"
    assert not [f for f in flags if f["text"] == "allegedly" and f["category"] == "hedge"]
    listing = cli("rules", "--rules", str(pack)).out
    line = next(ln for ln in listing.splitlines() if ln.startswith("hedge.adverb "))
    assert "error" in line and "hedge.yaml" in line and "bundled:" not in line


def test_rules_lists_every_rule_with_category_severity_and_file(cli):
    run = cli("rules")
    assert run.code == 0
    lines = run.out.splitlines()
    assert lines[0].split() == ["ID", "CATEGORY", "SEVERITY", "FILE"]
    for rule in BUNDLED.rules:
        row = next(ln for ln in lines if ln.startswith(rule.id + " "))
        assert row.split()[1:] == [rule.category, rule.level.value,
                                   "bundled:flags/" + Path(rule.file).name]
    assert f"{len(BUNDLED.rules)} rules, {len(BUNDLED.rules)} on" in run.out


def test_check_of_a_missing_directory_exits_2(cli, tmp_path):
    run = cli("rules", "--check", str(tmp_path / "nope"))
    assert run.code == 2 and "not a directory" in run.err
