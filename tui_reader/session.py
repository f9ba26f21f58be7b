"""Remembers between sessions what is not a setting: the folder of the last export.

It is kept in the user data dir (beside the marks: ``--data-dir`` / ``NEWSREADER_DATA_DIR`` /
XDG), never in the config file, which holds only what the user wrote there. The rule for the
export dialog's folder: the folder used last in this session; on a fresh start the config's
``[export] folder`` when the user set one, else the folder of the last export of any session,
else the working directory.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from index import data_dir

STATE_NAME = "reader-state.json"


def state_path() -> Path:
    """The file the reader's remembered state is written to."""
    return data_dir() / STATE_NAME


def last_export_folder() -> Path | None:
    """The folder of the last export of any session, if it still exists."""
    try:
        data = json.loads(state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # none yet, or unreadable: the dialog starts in the working directory
    folder = data.get("export_folder") if isinstance(data, dict) else None
    if not isinstance(folder, str) or not folder:
        return None
    path = Path(folder)
    return path if path.is_dir() else None


def remember_export_folder(folder: Path) -> None:
    """Write ``folder`` as the last export's (atomically; a failure only forgets it)."""
    path = state_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{STATE_NAME}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"export_folder": str(folder)}), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only data dir: the next session starts in the working directory


def first_export_folder(configured: Path | None) -> Path | None:
    """The export dialog's folder on a fresh start: the configured one, else the last used."""
    return configured if configured is not None else last_export_folder()
