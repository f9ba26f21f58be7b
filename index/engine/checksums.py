"""Checksums of a store's files, recorded at commit and compared when a file may have changed."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

# (mtime_ns, blake2b-128 hex) of one store file as committed. Whoosh never rewrites a file it
# committed (a later commit writes new ones), so a moved mtime means someone else wrote it.
FileSum = tuple[int, str]
_CHUNK = 1 << 20


def file_sum(path: Path) -> FileSum:
    """The file's mtime and the checksum of its bytes; raises ``OSError``."""
    digest = hashlib.blake2b(digest_size=16)
    with path.open("rb") as handle:
        mtime = os.fstat(handle.fileno()).st_mtime_ns
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return mtime, digest.hexdigest()


def file_sums(folder: Path, names: list[str], known: dict[str, FileSum]) -> dict[str, FileSum]:
    """The sums of ``names`` in ``folder``; one in ``known`` whose mtime is unchanged is kept
    without reading the file (an update reads only the files its commit wrote)."""
    sums = {}
    for name in names:
        old = known.get(name)
        try:
            mtime = (folder / name).stat().st_mtime_ns
        except OSError:
            continue  # not there: the size check names it
        sums[name] = old if old is not None and old[0] == mtime else file_sum(folder / name)
    return sums


def sums_problem(folder: Path, sums: dict[str, FileSum], verify: bool) -> str | None:
    """Why the files do not match their recorded sums, or None. Only files whose mtime moved
    are read (a stat each: cheap enough for every open), every file with ``verify``."""
    for name, (mtime, digest) in sums.items():
        path = folder / name
        try:
            st = path.stat()
            if not verify and st.st_mtime_ns == mtime:
                continue
            if file_sum(path)[1] != digest:
                return f"{name} changed since it was written (checksum)"
        except OSError:
            return f"{name} is missing"
        if st.st_mtime_ns != mtime:
            _restore_mtime(path, st.st_atime_ns, mtime)
    return None


def _restore_mtime(path: Path, atime_ns: int, mtime_ns: int) -> None:
    """Same bytes, another mtime (a copy that did not keep times, a touch): give the file its
    committed mtime back, so it is not read again at every open. Best effort (read-only)."""
    try:
        os.utime(path, ns=(atime_ns, mtime_ns))
    except OSError:
        pass
