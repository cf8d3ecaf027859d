"""Settings (attrib.toml, [tool.attrib], the user config dir) and exit statuses of
``attrib check``, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ARTICLE = str(Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "harbour-strike.txt")


@pytest.fixture
def home(tmp_path):
    """A working directory and an empty user config dir, so no real settings leak in."""
    work, config = tmp_path / "work", tmp_path / "config"
    work.mkdir()
    config.mkdir()
    return work, {"XDG_CONFIG_HOME": str(config)}


def flags(cli, work, env, *args):
    run = cli("check", ARTICLE, "-f", "json", *args, cwd=work, env=env)
    assert run.code == 0, run.err
    return json.loads(run.out)["flags"]


def test_defaults_flag_the_harbour_article(cli, home):
    work, env = home
    cats = {f["category"] for f in flags(cli, work, env)}
    assert {"vague-source", "agentless", "hedge", "unattributed-claim", "anonymous-source"} <= cats


def test_attrib_toml_switches_categories_and_rules_off_and_changes_severity(cli, home):
    work, env = home
    (work / "attrib.toml").write_text(
        'disable = ["hedge", "agentless.passive-view"]\n'
        '[severity]\n"unattributed-claim" = "info"\n"vague-source.unnamed-group" = "error"\n')
    got = flags(cli, work, env)
    assert not [f for f in got if f["category"] == "hedge"]
    assert not [f for f in got if f["rule"] == "agentless.passive-view"]
    assert {f["severity"] for f in got if f["category"] == "unattributed-claim"} == {"info"}
    assert [f["severity"] for f in got if f["rule"] == "vague-source.unnamed-group"] == ["error"]
    listing = cli("rules", cwd=work, env=env).out
    assert any(ln.startswith("hedge.adverb ") and " off " in ln for ln in listing.splitlines())
    assert "settings: " in listing and "attrib.toml" in listing


def test_pyproject_tool_attrib_and_relative_rule_dirs(cli, home):
    work, env = home
    (work / "house").mkdir()
    (work / "house" / "labels.yaml").write_text("kind: lexicon\nid: loaded-labels\nentries: [observers]\n")
    (work / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.attrib]\nrules = ["house"]\n'
                                         'disable = ["unattributed-claim"]\n')
    got = flags(cli, work, env)
    assert not [f for f in got if f["category"] == "unattributed-claim"]
    assert [f["text"] for f in got if f["category"] == "loaded-label"] == ["Observers"]


def test_user_config_dir_is_used_when_the_working_directory_has_none(cli, home):
    work, env = home
    user = Path(env["XDG_CONFIG_HOME"]) / "attrib"
    user.mkdir()
    (user / "attrib.toml").write_text('disable = ["vague-source"]\n')
    assert not [f for f in flags(cli, work, env) if f["category"] == "vague-source"]
    (work / "attrib.toml").write_text('disable = ["hedge"]\n')  # the working directory wins
    got = flags(cli, work, env)
    assert [f for f in got if f["category"] == "vague-source"]
    assert not [f for f in got if f["category"] == "hedge"]


@pytest.mark.parametrize("body, needle", [
    ('disabled = ["hedge"]\n', "'disabled'"),
    ('disable = ["no-such-rule"]\n', "no rule or category named 'no-such-rule'"),
    ('[severity]\nhedge = "loud"\n', "'severity.hedge'"),
    ('disable = [\n', "invalid TOML"),
    ('fail-on = "sometimes"\n', "'fail-on'"),
])
def test_a_bad_config_is_one_line_and_exit_2(cli, home, body, needle):
    work, env = home
    (work / "attrib.toml").write_text(body)
    run = cli("check", ARTICLE, cwd=work, env=env)
    assert run.code == 2
    assert run.err.count("\n") == 1 and "attrib.toml" in run.err and needle in run.err


def test_fail_on_sets_the_exit_status(cli, home):
    work, env = home
    assert cli("check", ARTICLE, cwd=work, env=env).code == 0  # default: never fail on flags
    assert cli("check", ARTICLE, "--fail-on", "warning", cwd=work, env=env).code == 1
    assert cli("check", ARTICLE, "--fail-on", "info", cwd=work, env=env).code == 1
    assert cli("check", ARTICLE, "--fail-on", "error", cwd=work, env=env).code == 0
    (work / "attrib.toml").write_text('fail-on = "warning"\n')
    assert cli("check", ARTICLE, cwd=work, env=env).code == 1
    assert cli("check", ARTICLE, "--fail-on", "never", cwd=work, env=env).code == 0


def test_usage_and_input_errors_exit_2(cli, home):
    work, env = home
    assert cli("check", ARTICLE, "--fail-on", "loud", cwd=work, env=env).code == 2
    missing = cli("check", str(work / "missing.txt"), cwd=work, env=env)
    assert missing.code == 2 and "Traceback" not in missing.err
    assert cli("check", ARTICLE, "--config", str(work / "none.toml"), cwd=work, env=env).code == 2


def test_a_rule_shipped_off_is_switched_on_by_enable(cli, home, tmp_path):
    work, env = home
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "strict.yaml").write_text(
        "kind: flags\nid: house.strict-said\ncategory: house-style\nlevel: info\ntype: phrase\n"
        "enabled: false\nmatch: {tokens: [stopped work]}\nmessage: '{match}'\n"
        "explanation: Off unless a house enables it.\nexamples: {match: ['They stopped work.']}\n")
    (work / "attrib.toml").write_text(f'rules = ["{pack}"]\n')
    assert not [f for f in flags(cli, work, env) if f["rule"] == "house.strict-said"]
    listing = cli("rules", cwd=work, env=env).out
    assert any(ln.startswith("house.strict-said ") and " off " in ln for ln in listing.splitlines())
    (work / "attrib.toml").write_text(f'rules = ["{pack}"]\nenable = ["house.strict-said"]\n')
    assert [f["text"] for f in flags(cli, work, env) if f["rule"] == "house.strict-said"] == ["stopped work"]
