"""Reads newsreader's TOML config file (XDG config dir): corpus, theme, keys, export defaults.

Textual-free, so the command line reads it too. A file that is not there is an empty config; a
file that is there but wrong is one line naming the file (ConfigError).
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_config_path

ENV = "NEWSREADER_CONFIG"
FORMATS = ("md", "html", "json")
KNOWN = {"corpus", "theme", "keys", "export"}
TEMPLATE = """\
# newsreader's settings (TOML). Every line is optional.

# The corpus folder opened when none is given on the command line.
# corpus = "~/news"

# The theme (Ctrl+P, "Change theme" saves the one chosen here).
# theme = "textual-dark"

[export]
# Where the export dialog proposes to write, and in which format (md, html or json).
# folder = "~/exports"
# format = "md"

[keys]
# Any action's keys, by the id ? help shows beside it: comma-separated Textual key names.
# next-conflict = "c,ctrl+n"
# articles = "A"
"""


class ConfigError(ValueError):
    """The config file is there but cannot be used; the message names the file."""


@dataclass(frozen=True, slots=True)
class Config:
    """What the config file says; None where it says nothing."""

    path: Path
    corpus: Path | None = None
    theme: str | None = None
    keys: Mapping[str, str] = field(default_factory=dict)
    export_folder: Path | None = None
    export_format: str | None = None


def config_path(explicit: Path | None = None) -> Path:
    """--config FILE, else NEWSREADER_CONFIG, else config.toml in the XDG config dir."""
    if explicit is not None:
        return explicit.expanduser()
    if os.environ.get(ENV):
        return Path(os.environ[ENV]).expanduser()
    return user_config_path("newsreader") / "config.toml"


def load_config(path: Path) -> Config:
    """The config at ``path`` (an empty one when there is no file)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config(path)
    except OSError as error:
        raise ConfigError(f"{path}: {error.strerror or error}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    unknown = sorted(set(data) - KNOWN)
    if unknown:
        raise ConfigError(f"{path}: unknown setting {unknown[0]!r} (known: {', '.join(KNOWN)})")
    export = _table(path, data, "export")
    keys = _table(path, data, "keys")
    for action, value in keys.items():
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f'{path}: keys.{action} must be a string of keys, e.g. "c,ctrl+n"')
    fmt = _text(path, export, "format", "export.format")
    if fmt is not None and fmt not in FORMATS:
        raise ConfigError(f"{path}: export.format must be one of {', '.join(FORMATS)}")
    corpus = _text(path, data, "corpus", "corpus")
    folder = _text(path, export, "folder", "export.folder")
    return Config(
        path,
        corpus=Path(corpus).expanduser() if corpus else None,
        theme=_text(path, data, "theme", "theme"),
        keys={str(k): str(v) for k, v in keys.items()},
        export_folder=Path(folder).expanduser() if folder else None,
        export_format=fmt,
    )


def _table(path: Path, data: Mapping[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: [{name}] must be a table")
    return value


def _text(path: Path, data: Mapping[str, Any], key: str, name: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"{path}: {name} must be a string")
    return value


_THEME_LINE = re.compile(r"^theme\s*=.*$", re.MULTILINE)


def save_theme(path: Path, theme: str) -> None:
    """Write ``theme = "..."`` into the config, keeping every other line (comments too): the
    top-level line is replaced, or added above the first table."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = TEMPLATE
    line = f"theme = {json.dumps(theme)}"  # a JSON string is a valid TOML basic string
    head_end = re.search(r"^\[", text, re.MULTILINE)
    head = text[: head_end.start()] if head_end else text
    if _THEME_LINE.search(head):
        head = _THEME_LINE.sub(line, head, count=1)
    else:
        head = head.rstrip("\n") + f"\n{line}\n\n"
    new = head + (text[head_end.start() :] if head_end else "")
    tomllib.loads(new)  # never leave a file the next start cannot read
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new, encoding="utf-8")
