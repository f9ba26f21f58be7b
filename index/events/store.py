"""The terms of the last grouped corpus on disk, by article content, so a regrouping after a few
files changed tokenizes only those (index/events/cache.py).

A store is a folder of flat arrays (no pickles): ``hashes`` (sha256 of each article's content,
32 bytes a row), ``ptr``, ``features`` (ids into ``vocabulary.txt``, one feature a line),
``counts`` and ``kinds``; the sampled shingles of every article, copies too (index/events/
copies.py), as ``shingle_hashes``, ``shingle_ptr`` and ``shingles``; and ``meta.json`` naming
the code that wrote it. It is written while
the grouping collects the terms, batch by batch, into a temporary folder that replaces the old
store only once complete; a store that is missing, damaged or written by other code is ignored.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

import numpy as np
import numpy.typing as npt

from index.base.code_hash import code_version
from index.events.shingles import Samples
from index.events.terms import Rows

FORMAT = 1
Shingles = npt.NDArray[np.uint64]
_ARRAYS = {"ptr": np.int64, "features": np.int32, "counts": np.uint32, "kinds": np.float32}


def digest(content: str) -> bytes:
    """The 32 bytes of a hex sha256 (``cache.content_hash``)."""
    return bytes.fromhex(content)


class StoreReader:
    """A store read back: which contents it holds, and their rows (in its own feature ids)."""

    def __init__(self, folder: Path) -> None:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT or meta.get("code") != code_version():
            raise ValueError("a store of other code")
        text = (folder / "vocabulary.txt").read_bytes().decode("utf-8", "surrogatepass")
        self.vocabulary = text.split("\n") if text else []
        raw = (folder / "hashes").read_bytes()
        self.ptr = np.fromfile(folder / "ptr", dtype=np.int64)
        self.features = np.fromfile(folder / "features", dtype=np.int32)
        self.counts = np.fromfile(folder / "counts", dtype=np.uint32)
        self.kinds = np.fromfile(folder / "kinds", dtype=np.float32)
        rows = len(self.ptr) - 1
        entries = len(self.features)
        if (
            len(raw) != 32 * rows
            or self.ptr[0] != 0
            or self.ptr[-1] != entries
            or np.any(np.diff(self.ptr) < 0)
            or len(self.counts) != entries
            or len(self.kinds) != entries
            or (
                entries and (self.features.min() < 0 or self.features.max() >= len(self.vocabulary))
            )
        ):
            raise ValueError("a damaged store")
        self.rows = {raw[32 * i : 32 * i + 32]: i for i in range(rows)}
        self.sampled = _read_shingles(folder)

    def shingles(self, content: bytes) -> Shingles | None:
        """The sampled shingles of the article with this content, if the store has them."""
        return self.sampled.get(content)

    def take(self, rows: Sequence[int]) -> Rows:
        """The terms of ``rows`` (row numbers of this store)."""
        index = np.asarray(rows, dtype=np.int64)
        starts, ends = self.ptr[index], self.ptr[index + 1]
        lengths = ends - starts
        ptr = np.zeros(len(index) + 1, dtype=np.int64)
        np.cumsum(lengths, out=ptr[1:])
        entries = np.repeat(starts - ptr[:-1], lengths) + np.arange(int(ptr[-1]))
        return Rows(
            ptr,
            self.features[entries].astype(np.int64),
            self.counts[entries].astype(np.float64),
            self.kinds[entries].astype(np.float64),
        )


def _read_shingles(folder: Path) -> dict[bytes, Shingles]:
    """The shingles part of a store, by content ({} when it has none, or a damaged one)."""
    try:
        raw = (folder / "shingle_hashes").read_bytes()
        ptr = np.fromfile(folder / "shingle_ptr", dtype=np.int64)
        values = np.fromfile(folder / "shingles", dtype=np.uint64)
    except OSError:
        return {}
    if len(raw) != 32 * (len(ptr) - 1) or ptr[0] != 0 or ptr[-1] != len(values):
        return {}
    if np.any(np.diff(ptr) < 0):
        return {}
    bounds = ptr.tolist()
    return {
        raw[32 * i : 32 * i + 32]: values[bounds[i] : bounds[i + 1]] for i in range(len(ptr) - 1)
    }


def read_store(folder: Path) -> StoreReader | None:
    """The store in ``folder``, or None when there is none usable."""
    try:
        return StoreReader(folder)
    except (OSError, ValueError, UnicodeError):
        return None


class StoreWriter:
    """Writes a new store beside ``folder``, row batch by row batch; ``finish`` puts it in
    place of the old one, ``abandon`` removes it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.parent.mkdir(parents=True, exist_ok=True)
        self.temp = Path(tempfile.mkdtemp(prefix=".terms-", dir=folder.parent))
        self.files: dict[str, BinaryIO] = {
            name: open(self.temp / name, "wb") for name in (*_ARRAYS, "hashes", "shingles")
        }
        self.files["ptr"].write(np.zeros(1, dtype=np.int64).tobytes())
        self.seen: set[bytes] = set()
        # the contents whose shingles are written, in order, and how many each
        self.shingled: dict[bytes, int] = {}
        self.entries = 0
        self.done = False

    def write(self, hashes: list[bytes], rows: Rows, features: npt.NDArray[np.int32]) -> None:
        """``rows`` of articles with content ``hashes``, their features as the builder's ids.
        The store is a cache: a write that fails (disk full) abandons it, never the grouping."""
        if self.done:
            return
        try:
            self._write(hashes, rows, features)
        except OSError:
            self.abandon()

    def _write(self, hashes: list[bytes], rows: Rows, features: npt.NDArray[np.int32]) -> None:
        kept = []
        for r, content in enumerate(hashes):
            if content not in self.seen:  # the same content twice: one row
                self.seen.add(content)
                kept.append(r)
        if not kept:
            return
        rows_kept = np.asarray(kept, dtype=np.int64)
        starts, ends = rows.ptr[rows_kept], rows.ptr[rows_kept + 1]
        lengths = ends - starts
        entries = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        entries += np.arange(int(lengths.sum()))
        self.files["hashes"].write(b"".join(hashes[r] for r in kept))
        self.files["features"].write(features[entries].astype(np.int32).tobytes())
        self.files["counts"].write(rows.counts[entries].astype(np.uint32).tobytes())
        self.files["kinds"].write(rows.kinds[entries].astype(np.float32).tobytes())
        ends_at = self.entries + np.cumsum(lengths)
        self.entries = int(ends_at[-1])
        self.files["ptr"].write(ends_at.astype(np.int64).tobytes())

    def shingles(self, hashes: list[bytes], shingles: Sequence[Shingles]) -> None:
        """The sampled shingles of articles with content ``hashes``, written as they come (the
        store holds none of them in memory; a content's first shingles are kept)."""
        if self.done:
            return
        try:
            self._shingles(hashes, shingles)
        except OSError:
            self.abandon()

    def _shingles(self, hashes: list[bytes], shingles: Sequence[Shingles]) -> None:
        known = self.shingled
        fresh = []
        for t, content in enumerate(hashes):
            if content not in known:  # the same content twice: its first shingles
                known[content] = len(shingles[t])
                fresh.append(t)
        if isinstance(shingles, Samples) and len(fresh) == len(hashes):
            self.files["shingles"].write(shingles.values.astype(np.uint64, copy=False).data)
            return
        for t in fresh:
            self.files["shingles"].write(np.asarray(shingles[t], dtype=np.uint64).tobytes())

    def finish(self, vocabulary: list[str]) -> None:
        if self.done:
            return
        try:
            self._finish(vocabulary)
        except OSError:
            self.abandon()
        self.done = True

    def _finish(self, vocabulary: list[str]) -> None:
        for handle in self.files.values():
            handle.close()
        lengths = np.fromiter(self.shingled.values(), dtype=np.int64, count=len(self.shingled))
        (self.temp / "shingle_hashes").write_bytes(b"".join(self.shingled))
        (self.temp / "shingle_ptr").write_bytes(
            np.r_[0, np.cumsum(lengths)].astype(np.int64).tobytes()
        )
        text = "\n".join(vocabulary).encode("utf-8", "surrogatepass")
        (self.temp / "vocabulary.txt").write_bytes(text)
        meta = {"format": FORMAT, "code": code_version(), "rows": len(self.seen)}
        (self.temp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        old = self.folder.with_name(self.folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if self.folder.exists():
            os.replace(self.folder, old)
        os.replace(self.temp, self.folder)
        shutil.rmtree(old, ignore_errors=True)

    def abandon(self) -> None:
        self.done = True
        for handle in self.files.values():
            try:
                handle.close()
            except OSError:
                pass
        shutil.rmtree(self.temp, ignore_errors=True)
