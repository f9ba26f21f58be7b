"""Write a report safely: never over an existing file unless forced, never through a symlink."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from index.base.errors import NewsreaderError


class ExportError(NewsreaderError):
    """The report cannot be written where asked."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str, force: bool = False) -> Path:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename.

    A crash leaves either the old file or the whole new one, never half a report. An existing
    ``path`` is replaced only with ``force``; a symlink at ``path`` is always refused.
    """
    path = Path(path).expanduser()
    if path.is_symlink():
        raise ExportError(f"refusing to write through a symlink: {path}")
    if path.exists():
        if not path.is_file():
            raise ExportError(f"not a regular file: {path}")
        if not force:
            raise ExportError(f"{path} already exists (use --force to overwrite it)")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"no such folder: {folder}")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes 0600; a report is an ordinary file
        if force:
            os.replace(temp, path)  # rename replaces the entry itself, never a link's target
        else:
            try:
                os.link(temp, path)  # fails if the name appeared meanwhile: no silent overwrite
            except FileExistsError:
                raise ExportError(f"{path} already exists (use --force to overwrite it)") from None
            except OSError as error:
                if path.exists() or path.is_symlink():
                    raise ExportError(
                        f"{path} already exists (use --force to overwrite it)"
                    ) from error
                os.replace(temp, path)  # a file system without hard links
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
    return path
