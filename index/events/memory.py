"""The grouping's memory: freed pages given back, arrays set aside in a temporary file."""

from __future__ import annotations

import ctypes
import tempfile
from collections.abc import Callable
from typing import Any, BinaryIO

import numpy as np
import numpy.typing as npt

_TRIM: Callable[[int], int] | None
try:  # glibc's: gives the heap's free pages back to the system (elsewhere there is none)
    _TRIM = ctypes.CDLL(None).malloc_trim
except (OSError, AttributeError, TypeError):  # pragma: no cover - not glibc
    _TRIM = None


def release() -> None:
    """Give the memory freed in small pieces back to the system. The batches and the shingles
    are ~1,000 arrays under glibc's mmap threshold each, so freeing them left their pages in
    the heap: 100k held ~300 MB of free pages through the neighbour search that follows."""
    if _TRIM is not None:
        _TRIM(0)


# Where an array was written: (offset in bytes, number of items, its type)
Place = tuple[int, int, np.dtype[Any]]


class Spill:
    """Arrays written one after another to an unnamed temporary file (the system deletes it
    when it is closed or the process ends) and read back by their place. The process holds
    none of it: read back with ``read``, not mapped (mapped pages read count in its memory)."""

    def __init__(self) -> None:
        self._file: BinaryIO | None = None
        self._failed = False

    def put(self, array: npt.NDArray[Any]) -> Place | None:
        """Write ``array``; its place, or None when there is no temporary file to write to
        (the caller keeps the array)."""
        if self._failed:
            return None
        if self._file is None:
            try:
                self._file = tempfile.TemporaryFile(prefix="newsreader-")
            except OSError:  # no writable temporary directory: everything stays in memory
                self._failed = True
                return None
        offset = self._file.seek(0, 2)
        try:
            self._file.write(np.ascontiguousarray(array).data)
        except OSError:  # the disk is full: this array and the next stay in memory
            self._file.truncate(offset)
            self._failed = True
            return None
        return offset, len(array), array.dtype

    def get(self, place: Place, start: int = 0, stop: int | None = None) -> npt.NDArray[Any]:
        """The array written at ``place``, or its items ``start:stop`` (read alone)."""
        offset, count, dtype = place
        if self._file is None:
            raise ValueError("the spill file is closed")
        stop = count if stop is None else stop
        self._file.seek(offset + start * dtype.itemsize)
        out = np.empty(stop - start, dtype=dtype)
        if self._file.readinto(out.data) != out.nbytes:  # type: ignore[attr-defined]
            raise OSError("the spill file was cut short")
        return out

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def __del__(self) -> None:  # a holder dropped without closing it (an error, a test)
        self.close()
