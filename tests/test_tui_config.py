"""attrib.toml [tui] and the tui command line."""

from __future__ import annotations

import pytest

from attrib import ConfigError
from attrib.settings import load_settings, read_settings
from attrib.tui.launch import validate
from support_tui import ARTICLE


def parse_config(path):
    """The [tui] settings as the review screen takes them: read, then checked against
    the screen's binding ids and Textual's themes."""
    settings = read_settings(path)
    validate(settings)
    return settings.tui


def load_config(explicit=None, cwd=None):
    return load_settings(explicit, cwd).tui


def test_keys_and_theme_are_read(tmp_path):
    path = tmp_path / "attrib.toml"
    path.write_text('[tui]\ntheme = "textual-light"\n[tui.keys]\nconfirm = "y"\n'
                    'dismiss = "d, x"\n', encoding="utf-8")
    config = parse_config(path)
    assert config.keys == {"confirm": "y", "dismiss": "d,x"}
    assert config.theme == "textual-light"


def test_found_where_attrib_check_finds_its_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user"))
    assert load_config(cwd=tmp_path).keys == {}
    (tmp_path / "pyproject.toml").write_text('[tool.attrib.tui.keys]\nquit = "ctrl+q"\n')
    assert load_config(cwd=tmp_path).keys == {"quit": "ctrl+q"}
    (tmp_path / "attrib.toml").write_text('[tui.keys]\nnote = "m"\n')
    assert load_config(cwd=tmp_path).keys == {"note": "m"}  # attrib.toml comes first
    other = tmp_path / "other.toml"
    other.write_text('[tui]\ntheme = "nord"\n')
    assert load_config(str(other)).theme == "nord"
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(str(tmp_path / "missing.toml"))


def test_a_tui_table_does_not_upset_attrib_check(cli, tmp_path):
    (tmp_path / "attrib.toml").write_text('disable = ["hedge"]\n[tui.keys]\nconfirm = "y"\n')
    run = cli("check", str(ARTICLE), cwd=tmp_path, env={"XDG_CONFIG_HOME": str(tmp_path)})
    assert run.code == 0, run.err


@pytest.mark.parametrize("body, message", [
    ('[tui.keys]\nconfrim = "y"\n', "unknown binding id 'confrim'"),
    ('[tui.keys]\nconfirm = 3\n', "'confirm' must be a string"),
    ('[tui.keys]\nconfirm = "ctrl s"\n', "'confirm' must be a string"),
    ('[tui]\ntheme = "neon"\n', "theme 'neon' is not a Textual theme"),
    ('[tui]\ncolour = "red"\n', "unknown setting 'colour'"),
    ('[tui\n', "invalid TOML"),
])
def test_bad_settings_name_the_file_and_the_key(tmp_path, body, message):
    path = tmp_path / "attrib.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        parse_config(path)
    assert str(path) in str(err.value) and message in str(err.value)


def test_cli_bad_config_is_one_line_and_exit_2(cli, tmp_path):
    (tmp_path / "attrib.toml").write_text('[tui.keys]\nconfrim = "y"\n')
    run = cli("tui", str(ARTICLE), cwd=tmp_path, env={"XDG_CONFIG_HOME": str(tmp_path / "cfg")})
    assert run.code == 2
    assert run.err.count("\n") == 1 and "unknown binding id 'confrim'" in run.err
    assert "Traceback" not in run.err


def test_cli_without_a_terminal_says_so(cli, tmp_path):
    run = cli("tui", str(ARTICLE), cwd=tmp_path, env={"XDG_CONFIG_HOME": str(tmp_path)})
    assert run.code == 2
    assert run.err == (f"attrib: error: attrib tui needs a terminal; for a report use "
                       f"attrib check {ARTICLE}\n")


def test_short_form_opens_the_tui_only_for_an_existing_file(cli, tmp_path):
    run = cli(str(ARTICLE), cwd=tmp_path, env={"XDG_CONFIG_HOME": str(tmp_path)})
    assert run.code == 2 and "needs a terminal" in run.err  # it went to `tui`
    run = cli(str(tmp_path / "missing.txt"))
    assert run.code == 2 and "invalid choice" in run.err
    run = cli("tui", str(tmp_path / "missing.txt"))
    assert run.code == 2 and run.err.strip().endswith("missing.txt: no such file")


def test_cli_tui_refuses_stdin(cli):
    run = cli("tui", "-", stdin=b"Someone said things.")
    assert run.code == 2 and "give the article as a file" in run.err
