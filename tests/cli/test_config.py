"""The config file: where it is, what it holds, one line naming the file when it is wrong, and
the theme written back with every other line kept."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tui_reader.config import (
    ENV,
    TEMPLATE,
    Config,
    ConfigError,
    config_path,
    load_config,
    save_theme,
)


def test_path_by_flag_then_environment_then_xdg(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_path() == tmp_path / "xdg" / "newsreader" / "config.toml"
    monkeypatch.setenv(ENV, str(tmp_path / "env.toml"))
    assert config_path() == tmp_path / "env.toml"
    assert config_path(tmp_path / "flag.toml") == tmp_path / "flag.toml"


def test_no_file_is_an_empty_config(tmp_path: Path) -> None:
    assert load_config(tmp_path / "none.toml") == Config(tmp_path / "none.toml")


def test_every_setting_read(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        'corpus = "~/news"\ntheme = "nord"\n[export]\nfolder = "/tmp/x"\nformat = "html"\n'
        '[keys]\nnext-conflict = "c,ctrl+n"\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.corpus == Path("~/news").expanduser()
    assert config.theme == "nord"
    assert config.export_folder == Path("/tmp/x") and config.export_format == "html"
    assert config.keys == {"next-conflict": "c,ctrl+n"}


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("theme = ", "not valid TOML"),
        ("colour = 'red'", "unknown setting 'colour'"),
        ("theme = 3", "theme must be a string"),
        ("[export]\nformat = 'pdf'", "export.format must be one of md, html, json"),
        ("[keys]\nquit = 1", "keys.quit must be a string"),
        ("keys = 'q'", "[keys] must be a table"),
    ],
)
def test_a_bad_file_is_one_line_naming_it(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and says in message and "\n" not in message


def test_the_theme_is_saved_keeping_every_other_line(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "c.toml"
    save_theme(path, "nord")  # no file yet: the commented template, with the theme
    assert load_config(path).theme == "nord"
    assert "# The theme" in path.read_text(encoding="utf-8")
    text = path.read_text(encoding="utf-8").replace("# next-conflict", "next-conflict")
    path.write_text("# mine\n" + text, encoding="utf-8")
    save_theme(path, 'gruvbox "x"')
    after = path.read_text(encoding="utf-8")
    assert after.startswith("# mine\n")
    assert [line for line in after.splitlines() if line.startswith("theme =")] == [
        'theme = "gruvbox \\"x\\""'
    ]
    config = load_config(path)
    assert config.theme == 'gruvbox "x"' and config.keys == {"next-conflict": "c,ctrl+n"}
    tomllib.loads(TEMPLATE)  # the template itself reads


def test_config_command_path_settings_edit_and_a_bad_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui_reader.cli import main

    path = tmp_path / "conf" / "config.toml"
    monkeypatch.setenv(ENV, str(path))
    assert main(["config", "--path"]) == 0
    assert capsys.readouterr().out.strip() == str(path)
    monkeypatch.setenv("EDITOR", "true")  # an editor that changes nothing
    monkeypatch.delenv("VISUAL", raising=False)
    assert main(["config", "--edit"]) == 0
    assert path.read_text(encoding="utf-8") == TEMPLATE  # made from the template
    path.write_text('theme = "nord"\n', encoding="utf-8")
    assert main(["config"]) == 0
    assert "theme = nord" in capsys.readouterr().out
    path.write_text("theme = 3\n", encoding="utf-8")
    assert main(["config"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(path) in err and "theme must be a string" in err
    # the app will not start on it either: the same line, exit code 2
    assert main([str(tmp_path)]) == 2
    assert "theme must be a string" in capsys.readouterr().err
