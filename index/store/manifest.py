"""The index folder's bookkeeping: which corpus it belongs to, and what each corpus file became."""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.base.models import Notice, Skipped

META_NAME = "meta.json"
MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1
# Left by a reader that failed on the store named in it, so the next update rebuilds it.
DAMAGED_NAME = "damaged.json"
RACY_NS = 2_000_000_000


def is_racy(mtime_ns: int) -> bool:
    """Was the file modified too recently (or in the future) for its stat to be trusted?"""
    return time.time_ns() - mtime_ns < RACY_NS


@dataclass(frozen=True)
class FileRecord:
    """One corpus file as last indexed: its stat, its content hash, and the articles it gave."""

    size: int
    mtime_ns: int
    digest: str
    ids: tuple[str, ...]
    skipped: tuple[Skipped, ...] = ()
    # Modified within RACY_NS of being read: a same-size rewrite in the same clock tick would
    # keep size and mtime, so the stat alone is not trusted and the bytes are hashed next time.
    racy: bool = False
    # What the user must know about the file's articles (undecodable bytes); added after format
    # 1 was in use, so absent from older manifests and written only when there is one.
    notices: tuple[Notice, ...] = ()

    def same_stat(self, size: int, mtime_ns: int) -> bool:
        """True when the stat matches and can be trusted to mean "unchanged"."""
        return self.size == size and self.mtime_ns == mtime_ns and not self.racy

    def to_json(self) -> dict[str, Any]:
        data = {
            "size": self.size,
            "mtime_ns": self.mtime_ns,
            "hash": self.digest,
            "ids": list(self.ids),
            "skipped": [[s.path, s.reason] for s in self.skipped],
            "racy": self.racy,
        }
        if self.notices:
            data["notices"] = [[n.path, n.message] for n in self.notices]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FileRecord:
        return cls(
            size=int(data["size"]),
            mtime_ns=int(data["mtime_ns"]),
            digest=str(data["hash"]),
            ids=tuple(str(i) for i in data["ids"]),
            skipped=tuple(Skipped(str(p), str(r)) for p, r in data.get("skipped", [])),
            racy=bool(data.get("racy", False)),
            notices=tuple(Notice(str(p), str(m)) for p, m in data.get("notices", [])),
        )


@dataclass(frozen=True)
class Meta:
    """Identity of an index folder: the corpus it indexes, the schema, and the live store."""

    corpus: str
    schema_version: int
    store: str

    def to_json(self) -> dict[str, Any]:
        return {"corpus": self.corpus, "schema_version": self.schema_version, "store": self.store}


@dataclass(frozen=True)
class StoreRecord:
    """The part of the manifest that describes the store's last commit (no file records)."""

    corpus: str
    schema_version: int
    store: str
    generation: int
    doc_count: int
    store_files: dict[str, int]


@dataclass(frozen=True)
class Manifest(StoreRecord):
    """What the Whoosh store holds, written only after its commit succeeded.

    ``generation``, ``doc_count`` and ``store_files`` (name -> size) describe the commit, so a
    crash between the commit and this file, or a damaged store, shows up as a mismatch.
    """

    files: dict[str, FileRecord] = field(default_factory=dict)
    # False for a manifest written before files carried damage notices: its unchanged files are
    # read once more (not re-indexed) by the next update, so a damaged one is named too.
    damage_checked: bool = True

    def skipped(self) -> tuple[Skipped, ...]:
        return tuple(s for rel in sorted(self.files) for s in self.files[rel].skipped)

    def notices(self) -> tuple[Notice, ...]:
        return tuple(n for rel in sorted(self.files) for n in self.files[rel].notices)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": MANIFEST_FORMAT,
            "corpus": self.corpus,
            "schema_version": self.schema_version,
            "store": self.store,
            "generation": self.generation,
            "doc_count": self.doc_count,
            "store_files": self.store_files,
            "damage_checked": self.damage_checked,
            "files": {rel: rec.to_json() for rel, rec in sorted(self.files.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Manifest:
        if data.get("format") != MANIFEST_FORMAT:
            raise ValueError(f"unknown manifest format {data.get('format')!r}")
        return cls(
            **_store_fields(data),
            files={str(k): FileRecord.from_json(v) for k, v in data["files"].items()},
            damage_checked=bool(data.get("damage_checked", False)),
        )


def _store_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The store fields of a manifest's JSON, typed (shared by the full and the head-only read)."""
    return {
        "corpus": str(data["corpus"]),
        "schema_version": int(data["schema_version"]),
        "store": str(data["store"]),
        "generation": int(data["generation"]),
        "doc_count": int(data["doc_count"]),
        "store_files": {str(k): int(v) for k, v in data["store_files"].items()},
    }


# The manifest is written with its store fields first and "files" last (see to_json); outside a
# JSON string this byte sequence can only be the "files" key (inside one, '"' is escaped).
_FILES_KEY = b',"files":{'
_HEAD_CHUNK = 1 << 16


def read_store_record(index_dir: Path) -> StoreRecord | None:
    """The manifest's store fields, read from the head of the file only: opening the index for
    reading needs no file records (10,000 files make a 1.7 MB manifest)."""
    head = b""
    try:
        with (index_dir / MANIFEST_NAME).open("rb") as handle:
            while _FILES_KEY not in head:
                chunk = handle.read(_HEAD_CHUNK)
                if not chunk:
                    break
                head += chunk
    except OSError:
        return None
    cut = head.find(_FILES_KEY)
    try:
        if cut == -1:  # not written by write_manifest: parse it whole
            full = read_manifest(index_dir)
            data: Any = None if full is None else full.to_json()
        else:
            data = json.loads(head[:cut] + b"}")
        if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
            return None
        return StoreRecord(**_store_fields(data))
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    """Write JSON so a reader sees the old file or the new one, never half of one."""
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            # dumps, not dump: only the one-shot path uses the C encoder (10x faster at 10k files).
            handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_json(path: Path) -> dict[str, Any] | None:
    """The JSON object in ``path``, or None when it is missing or not a readable object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def read_meta(index_dir: Path) -> Meta | None:
    data = read_json(index_dir / META_NAME)
    if data is None:
        return None
    try:
        return Meta(str(data["corpus"]), int(data["schema_version"]), str(data["store"]))
    except (KeyError, TypeError, ValueError):
        return None


def read_manifest(index_dir: Path) -> Manifest | None:
    data = read_json(index_dir / MANIFEST_NAME)
    if data is None:
        return None
    try:
        return Manifest.from_json(data)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def write_meta(index_dir: Path, meta: Meta) -> None:
    write_json_atomic(index_dir / META_NAME, meta.to_json())


def write_manifest(index_dir: Path, manifest: Manifest) -> None:
    write_json_atomic(index_dir / MANIFEST_NAME, manifest.to_json())


def mark_damaged(index_dir: Path, store: str, reason: str) -> None:
    """Record that reading ``store`` failed; best effort (the folder may be read-only)."""
    try:
        write_json_atomic(index_dir / DAMAGED_NAME, {"store": store, "reason": reason})
    except OSError:
        pass


def damaged_reason(index_dir: Path, store: str) -> str | None:
    """Why a reader found ``store`` damaged, if one did (marks for older stores are ignored)."""
    data = read_json(index_dir / DAMAGED_NAME)
    if data is None or data.get("store") != store:
        return None
    return str(data.get("reason", "reading it failed"))


def clear_damaged(index_dir: Path) -> None:
    (index_dir / DAMAGED_NAME).unlink(missing_ok=True)
