"""Find the article files of a corpus folder, in a stable order, without following symlink loops."""

from __future__ import annotations

import os
from pathlib import Path

EXTENSIONS = frozenset({".txt", ".md", ".markdown", ".json", ".jsonl"})


def relative_id(root: Path, path: Path) -> str:
    """``path`` relative to ``root`` as a POSIX path: the id every article and skip is keyed by."""
    try:
        rel = path.relative_to(root)
    except ValueError:
        rel = Path(os.path.relpath(path, root))
    return rel.as_posix()


def walk(root: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Candidate files under ``root`` sorted by relative POSIX path, and folders that failed.

    Hidden files and folders (name starting with ".") are skipped. Symlinked folders are not
    descended (``followlinks=False``), so a symlink loop cannot trap the walk; symlinked files
    that resolve to a regular file are kept.
    """
    found: list[Path] = []
    errors: list[tuple[Path, str]] = []

    def on_error(error: OSError) -> None:
        where = Path(error.filename) if error.filename else root
        errors.append((where, f"cannot read folder: {error.strerror or error}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        base = Path(dirpath)
        for name in filenames:
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in EXTENSIONS:
                continue
            path = base / name
            if path.is_file():  # drops broken symlinks, fifos and sockets
                found.append(path)
    found.sort(key=lambda p: relative_id(root, p))
    return found, errors


def discover(root: Path) -> list[Path]:
    """Every candidate article file under ``root``, recursively, sorted by relative POSIX path."""
    return walk(root)[0]
