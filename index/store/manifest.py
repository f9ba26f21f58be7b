"""The index folder's bookkeeping: which corpus it belongs to, and what each corpus file became."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.base.models import Notice, Skipped
from index.store.jsonfile import (
    Malformed,
    integer,
    mapping,
    pairs,
    read_json,
    remove_file,
    strings,
    text,
    write_json_atomic,
)

META_NAME = "meta.json"
MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1
# Left by a reader that failed on the store named in it, so the next update rebuilds it.
DAMAGED_NAME = "damaged.json"
RACY_NS = 2_000_000_000
# The most bytes read of meta.json and damaged.json (a few hundred bytes when newsreader wrote
# them), and of the manifest (about 170 bytes per corpus file: 3 million files).
SMALL_LIMIT = 1 << 16
MANIFEST_LIMIT = 512 << 20
_INT_LIMIT = 2**63 - 1


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
    def from_json(cls, data: Any) -> FileRecord:
        """The record as written by ``to_json``; raises ``Malformed`` for anything else."""
        data = mapping(data)
        racy = data.get("racy", False)
        if not isinstance(racy, bool):
            raise Malformed("racy is not true or false")
        return cls(
            size=integer(data, "size"),
            mtime_ns=integer(data, "mtime_ns", low=-_INT_LIMIT),
            digest=text(data, "hash"),
            ids=tuple(strings(data["ids"])),
            skipped=tuple(Skipped(p, r) for p, r in pairs(data.get("skipped", []))),
            racy=racy,
            notices=tuple(Notice(p, m) for p, m in pairs(data.get("notices", []))),
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
    # name -> (mtime_ns, checksum) of each store file at commit; absent in older manifests.
    store_sums: dict[str, tuple[int, str]] = field(default_factory=dict)


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
            "store_sums": {name: list(value) for name, value in self.store_sums.items()},
            "damage_checked": self.damage_checked,
            "files": {rel: rec.to_json() for rel, rec in sorted(self.files.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Manifest:
        """The manifest as written by ``to_json``; raises ``Malformed`` for anything else."""
        return cls(
            **_store_fields(data),
            files={k: FileRecord.from_json(v) for k, v in mapping(data["files"]).items()},
            damage_checked=data.get("damage_checked", False) is True,
        )


def _store_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The store fields of a manifest's JSON, each of the type and range newsreader writes
    (shared by the full and the head-only read); raises ``Malformed`` (or KeyError)."""
    if data.get("format") != MANIFEST_FORMAT:
        raise Malformed(f"unknown manifest format {str(data.get('format'))[:20]!r}")
    files = mapping(data["store_files"])
    sums = mapping(data.get("store_sums", {}))
    return {
        "corpus": text(data, "corpus"),
        "schema_version": integer(data, "schema_version"),
        "store": text(data, "store"),
        "generation": integer(data, "generation"),
        "doc_count": integer(data, "doc_count"),
        "store_files": {name: integer(files, name) for name in files},
        "store_sums": {name: _file_sum(value) for name, value in sums.items()},
    }


def _file_sum(value: Any) -> tuple[int, str]:
    """One [mtime_ns, checksum] pair of ``store_sums``."""
    if not isinstance(value, list) or len(value) != 2:
        raise Malformed("not a store file sum")
    return integer({"mtime": value[0]}, "mtime", low=-_INT_LIMIT), text({"sum": value[1]}, "sum")


# The manifest is written with its store fields first and "files" last (see to_json); outside a
# JSON string this byte sequence can only be the "files" key (inside one, '"' is escaped).
_FILES_KEY = b',"files":{'
_HEAD_CHUNK = 1 << 16
_HEAD_MAX = 1 << 20


def read_store_record(index_dir: Path) -> StoreRecord | None:
    """The manifest's store fields, read from the head of the file only: opening the index for
    reading needs no file records (10,000 files make a 1.7 MB manifest)."""
    try:
        with (index_dir / MANIFEST_NAME).open("rb") as handle:
            # The store fields take a few kilobytes; more than 1 MB is not a manifest of ours
            # (searching a growing head again for each chunk was quadratic).
            head = handle.read(_HEAD_CHUNK)
            if _FILES_KEY not in head and len(head) == _HEAD_CHUNK:
                head += handle.read(_HEAD_MAX - _HEAD_CHUNK)
    except OSError:
        return None
    cut = head.find(_FILES_KEY)
    try:
        if cut == -1:  # not written by write_manifest: parse it whole
            full = read_manifest(index_dir)
            data: Any = None if full is None else full.to_json()
        else:
            data = json.loads(head[:cut] + b"}")
        if not isinstance(data, dict):
            return None
        return StoreRecord(**_store_fields(data))
    except (KeyError, ValueError, RecursionError):  # Malformed is a ValueError
        return None


def read_meta(index_dir: Path) -> Meta | None:
    """The index folder's meta, or None when it is missing or not what newsreader writes."""
    data = read_json(index_dir / META_NAME, SMALL_LIMIT)
    if data is None:
        return None
    try:
        return Meta(text(data, "corpus"), integer(data, "schema_version"), text(data, "store"))
    except (KeyError, Malformed):
        return None


def read_manifest(index_dir: Path) -> Manifest | None:
    """The manifest, or None when it is missing or not what newsreader writes."""
    data = read_json(index_dir / MANIFEST_NAME, MANIFEST_LIMIT)
    if data is None:
        return None
    try:
        return Manifest.from_json(data)
    except (KeyError, Malformed):
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
    data = read_json(index_dir / DAMAGED_NAME, SMALL_LIMIT)
    if data is None or data.get("store") != store:
        return None
    reason = data.get("reason")
    # One short line of ours ("reading it failed: ValueError"), or our own words.
    if not isinstance(reason, str) or len(reason) > 200 or "\n" in reason:
        return "reading it failed"
    return reason


def clear_damaged(index_dir: Path) -> None:
    remove_file(index_dir / DAMAGED_NAME)
