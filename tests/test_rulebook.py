"""Rule data is validated at load time; every problem names file, rule and key."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from attrib import Checker, RuleError
from attrib.assess.ruleset import parse_rules
from attrib.assess.terms import terms_of, validate
from attrib.rulebook import bundled_rules_dir, load_rulebook

ROOT = Path(__file__).resolve().parents[1]


def write(dir: Path, name: str, text: str) -> Path:
    path = dir / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_rules_load_and_have_the_lexicons_the_engine_needs():
    rules = load_rulebook()
    assert bundled_rules_dir().is_dir()
    for name in ("news-agencies", "vague-sources", "anonymous-markers", "role-nouns", "abbreviations"):
        assert rules.lexicon(name), name
    assert any(g.id == "speech" and "said" in g.forms for g in rules.cues)


def test_the_library_titles_lexicon_is_nameparsers_list():
    """rules/lexicons/library-titles.yaml is generated (scripts/library_titles.py) so that
    a run does not import nameparser; it must still be the library's list."""
    pytest.importorskip("nameparser")
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "library_titles.py"), "--check"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
    assert "ambassador" in load_rulebook().lexicon("library-titles")


def test_every_bundled_pattern_compiles_and_passes_the_runaway_probes():
    """The bundled patterns are compiled on first use, not at load (start-up): this is
    where a mistake in one is caught instead."""
    found = list(terms_of(parse_rules(load_rulebook()).rules))
    assert sum(len(t.parts) + len(t.exceptions) for t in found) > 200
    for terms in found:
        validate(terms)  # raises RuleError naming the file, rule and key


def test_a_user_pattern_is_compiled_and_checked_at_load(cli, tmp_path):
    write(tmp_path, "house.yaml", "kind: flags\nid: house.bad\ncategory: house-style\nlevel: info\n"
                                  "type: phrase\nmatch: {patterns: ['(unclosed']}\nmessage: x\nexplanation: x\n"
                                  "examples: {match: ['(unclosed']}\n")
    run = cli("rules", "--check", str(tmp_path))
    assert run.code == 2 and "Traceback" not in run.err
    assert "house.yaml: rule 'house.bad': key 'match.patterns[1]': bad regular expression" in run.err


@pytest.mark.parametrize("body,needle", [
    ("kind: cues\ngroups:\n  - id: mine\n    class: shouting\n    forms: [yelled]\n",
     "rule 'mine': key 'class': unknown class 'shouting'"),
    ("kind: cues\ngroups:\n  - id: mine\n    class: speech\n    forms: [yelled, 3]\n",
     "rule 'mine': key 'forms': item 2 must be non-empty text"),
    ("kind: cues\ngroups:\n  - id: mine\n    class: speech\n    forms: [yelled]\n    colour: red\n",
     "rule 'mine': key 'colour': unknown key"),
    ("kind: cues\ngroups:\n  - id: mine\n    class: speech\n    forms: [yelled]\n    not_object: novel\n",
     "rule 'mine': key 'not_object'"),
    ("kind: lexicon\nid: extra\nentries: [yes, fine]\n",
     "rule 'extra': key 'entries': item 1 was read as true"),
    ("kind: lexicon\nid: extra\nentries: [a, b\n", "invalid YAML at line"),
    ("- just a list\n", "must be a mapping with a 'kind' key"),
    ("id: nokind\n", "key 'kind'"),
])
def test_bad_rule_files_are_reported_with_file_rule_and_key(tmp_path, body, needle):
    path = write(tmp_path, "bad.yaml", body)
    with pytest.raises(RuleError) as err:
        load_rulebook([tmp_path])
    assert str(path) in str(err.value)
    assert needle in str(err.value)


def test_cli_reports_a_bad_rule_file_in_one_line(cli, tmp_path):
    write(tmp_path, "bad.yaml", "kind: cues\ngroups:\n  - id: mine\n    class: nope\n    forms: [x]\n")
    run = cli("check", "fixtures/articles/harbour-strike.txt", "--rules", str(tmp_path))
    assert run.code == 2
    assert "Traceback" not in run.err
    assert len(run.err.strip().splitlines()) == 1
    assert "bad.yaml: rule 'mine': key 'class'" in run.err


def test_a_user_rule_pack_adds_cues_and_extends_lexicons(tmp_path):
    text = "Mayor Ines Duarte grumbled that the budget was late.\n"
    assert not Checker().extract(text)
    write(tmp_path, "cues.yaml", "kind: cues\ngroups:\n  - id: grumbling\n    class: speech\n"
                                 "    forms: [grumbled]\n")
    write(tmp_path, "agencies.yaml", "kind: lexicon\nid: news-agencies\nentries: [Harbour Wire]\n")
    checker = Checker([tmp_path])
    rules = checker.rules
    (st,) = checker.extract(text)
    assert st.cue_text == "grumbled"
    assert st.source.resolved == "Ines Duarte"
    assert "harbour wire" in rules.lexicon("news-agencies")
    assert "afp" in rules.lexicon("news-agencies")  # extended, not replaced


def test_a_user_cue_group_names_the_objects_that_make_it_no_cue(tmp_path):
    write(tmp_path, "cues.yaml", "kind: cues\ngroups:\n  - id: penning\n    class: writing\n"
                                 "    not_object: [ballad]\n    forms: [penned]\n")
    checker = Checker([tmp_path])
    assert checker.extract("The mayor penned that the budget was late.")
    assert not checker.extract("The mayor penned a short ballad for the harbour festival.")


def test_a_user_pack_can_remove_lexicon_entries(tmp_path):
    write(tmp_path, "trim.yaml", "kind: lexicon\nid: vague-sources\nremove: [observers]\n")
    assert "observers" not in load_rulebook([tmp_path]).lexicon("vague-sources")


def test_a_pack_is_searched_outside_hidden_folders_only(tmp_path):
    write(tmp_path, "cues.yaml", "kind: cues\ngroups:\n  - id: grumbling\n    class: speech\n"
                                 "    forms: [grumbled]\n")
    (tmp_path / ".venv").mkdir()
    write(tmp_path / ".venv", "junk.yaml", "not: [a rule file\n")
    assert any(g.id == "grumbling" for g in load_rulebook([tmp_path]).cues)


def test_an_unknown_kind_is_an_error_not_ignored(tmp_path):
    path = write(tmp_path, "typo.yaml", "kind: lexicons\nid: x\nentries: [a]\n")
    with pytest.raises(RuleError) as err:
        load_rulebook([tmp_path])
    assert str(path) in str(err.value) and "key 'kind'" in str(err.value)


def test_the_words_each_pattern_needs_are_kept_between_runs(tmp_path):
    """assess/needs_memo.py, on a real file: what one run worked out, the next reads; a
    file written by other code, or broken, is not read; a run keeps only its own
    patterns, so a rule pack used once does not weigh on every later start."""
    from attrib.assess import terms
    from attrib.assess.needs_memo import NeedsMemo

    code, path = Path(terms.__file__), tmp_path / "rule-needs.json"
    first = NeedsMemo(code, path)
    pack, bundled = r"\bharbour\s+(?:levy|tax)\b", r"\b(?:observers|critics)\s+say\b"
    for pattern in (pack, bundled):
        assert first.get(pattern) is None
        first.put(pattern, terms.required_sets(pattern))
    first.save()
    second = NeedsMemo(code, path)
    assert second.get(bundled) == terms.required_sets(bundled) == (frozenset({"observers", "critics"}),
                                                                   frozenset({"say"}))
    second.put(r"\bquay\b", terms.required_sets(r"\bquay\b"))
    second.save()  # this run used two patterns, not the pack's
    third = NeedsMemo(code, path)
    assert third.get(pack) is None and third.get(bundled) is not None
    other = tmp_path / "other.py"
    other.write_text("# another version of the code\n", encoding="utf-8")
    assert NeedsMemo(other, path).get(bundled) is None
    path.write_text("{not json", encoding="utf-8")
    assert NeedsMemo(code, path).get(bundled) is None


def test_a_cue_guard_the_engine_does_not_read_is_refused(tmp_path):
    """`needs: that` was once accepted and documented, but nothing read it: a user's guard
    would have done nothing. Only `needs: subject` is read."""
    write(tmp_path, "mine.yaml", "kind: cues\ngroups:\n  - id: mine\n    class: speech\n    forms: [yelled]\n"
                                 "    needs: that\n")
    with pytest.raises(RuleError) as err:
        load_rulebook([tmp_path])
    assert "rule 'mine': key 'needs': must be: subject" in str(err.value)
