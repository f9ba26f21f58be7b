"""`newsreader config`: the config file's path, its settings, or the file in an editor."""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess

from ..config import TEMPLATE, config_path, load_config
from .common import EXIT_OK, fail


def config_command(args: argparse.Namespace) -> int:
    """--path prints the path; --edit opens the file (made from the template if missing);
    neither prints the path and every setting it holds. A bad file is one line, exit code 2."""
    from ..config import ConfigError

    path = config_path(args.config)
    if args.path:
        print(path)
        return EXIT_OK
    if args.edit:
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not editor:
            return fail(f"set VISUAL or EDITOR to edit {path}")
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(TEMPLATE, encoding="utf-8")
        done = subprocess.run([*shlex.split(editor), str(path)], check=False)
        if done.returncode != 0:
            return fail(f"the editor ({editor}) exited with code {done.returncode}")
    try:
        config = load_config(path)
    except ConfigError as error:
        return fail(str(error))
    print(f"{path}{'' if path.exists() else ' (not there yet: every setting is the default)'}")
    settings = {
        "corpus": config.corpus,
        "theme": config.theme,
        "export.folder": config.export_folder,
        "export.format": config.export_format,
        **{f"keys.{action}": keys for action, keys in sorted(config.keys.items())},
    }
    for name, value in settings.items():
        if value is not None:
            print(f"  {name} = {value}")
    return EXIT_OK
