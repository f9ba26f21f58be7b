"""Open, stat and list a path of any length: past PATH_MAX, through folder descriptors."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

_T = TypeVar("_T")
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0)
# Bytes of a path opened in one step: well under PATH_MAX (4096 on Linux), so every step works
# however deep the folder (90 nested names of 60 characters make a path of 5,500).
_PIECE = 2048


def _step(fd: int, piece: list[bytes]) -> int:
    try:
        return os.open(b"/".join(piece), _DIR_FLAGS, dir_fd=fd)
    finally:
        os.close(fd)


def folder_fd(folder: Path) -> int:
    """An open descriptor of ``folder``, reached a piece of at most _PIECE bytes at a time."""
    raw = os.fsencode(folder)
    fd = os.open(b"/" if raw.startswith(b"/") else b".", _DIR_FLAGS)
    try:
        piece: list[bytes] = []
        length = 0
        for part in (p for p in raw.split(b"/") if p):
            if piece and length + len(part) + 1 > _PIECE:
                fd = _step(fd, piece)
                piece, length = [], 0
            piece.append(part)
            length += len(part) + 1
        if piece:
            fd = _step(fd, piece)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _at(path: Path, direct: Callable[[], _T], relative: Callable[[int], _T]) -> _T:
    """``direct()``, or when the path is too long for one call, ``relative(parent_fd)``."""
    try:
        return direct()
    except OSError as error:
        if error.errno != errno.ENAMETOOLONG:
            raise
    fd = folder_fd(path.parent)
    try:
        return relative(fd)
    finally:
        os.close(fd)


def open_path(path: Path, flags: int) -> int:
    """``os.open(path, flags)`` for a path of any length."""
    return _at(path, lambda: os.open(path, flags), lambda fd: os.open(path.name, flags, dir_fd=fd))


def stat_path(path: Path, follow_symlinks: bool = True) -> os.stat_result:
    """``os.stat`` for a path of any length."""
    return _at(
        path,
        lambda: os.stat(path, follow_symlinks=follow_symlinks),
        lambda fd: os.stat(path.name, dir_fd=fd, follow_symlinks=follow_symlinks),
    )


def is_link(path: Path) -> bool:
    """True when ``path`` is a symbolic link; False when it is not or cannot be looked at."""
    try:
        return stat.S_ISLNK(stat_path(path, follow_symlinks=False).st_mode)
    except OSError:
        return False


class Entry:
    """One name in a folder listing: whether it is a folder (following links) and a link."""

    __slots__ = ("name", "is_dir", "is_link")

    def __init__(self, entry: os.DirEntry[str]) -> None:
        self.name = entry.name
        self.is_link = self.is_dir = False
        try:
            self.is_link = entry.is_symlink()
            self.is_dir = entry.is_dir()  # follows symlinks, as os.walk does
        except OSError:  # a name that cannot be looked at: loading it says why
            pass


def list_folder(folder: Path) -> list[Entry]:
    """The entries of ``folder`` (a path of any length); raises ``OSError``."""

    try:
        with os.scandir(folder) as entries:
            return [Entry(e) for e in entries]
    except OSError as error:
        if error.errno != errno.ENAMETOOLONG:
            raise
    fd = folder_fd(folder)
    try:
        with os.scandir(fd) as by_fd:
            return [Entry(e) for e in by_fd]
    finally:
        os.close(fd)


def real_path(path: Path) -> str | None:
    """Where ``path`` leads once every symbolic link is followed, or None when nowhere."""
    flags = getattr(os, "O_PATH", os.O_RDONLY) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = open_path(path, flags | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        # The kernel's own name for the open file: right for any length, unlike realpath(),
        # which gives up on a path longer than PATH_MAX.
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return os.path.realpath(path)
    finally:
        os.close(fd)
