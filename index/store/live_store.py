"""The live store of an index folder found and opened while other processes update it."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from index.base.errors import IndexUnavailable
from index.engine import SCHEMA_VERSION, Store, check_store, store_problem, update_lock_held
from index.store.manifest import (
    META_NAME,
    Manifest,
    Meta,
    StoreRecord,
    damaged_reason,
    read_manifest,
    read_meta,
    read_store_record,
)

# Tries to open the live store while another process switches or commits it (0.05 s apart).
OPEN_ATTEMPTS = 20


@dataclass(frozen=True)
class FolderState:
    """The index folder as found: a usable manifest, or the reason it must be rebuilt."""

    manifest: Manifest | None
    reason: str | None  # None with no manifest means "nothing there yet": a first build


def inspect_folder(index_dir: Path, corpus: Path, verify: bool = False) -> FolderState:
    """What the index folder holds for ``corpus``: a usable manifest, or why to rebuild
    (``verify``: every store file read against its checksum)."""
    meta = read_meta(index_dir)
    manifest = read_manifest(index_dir)
    if meta is None and manifest is None:
        return FolderState(None, None)
    if meta is not None and meta.corpus != str(corpus):
        return FolderState(None, f"rebuilt: the index belonged to {meta.corpus}")
    if meta is not None and meta.schema_version != SCHEMA_VERSION:
        return FolderState(None, "rebuilt: the index was made by another version of newsreader")
    if meta is None or manifest is None:
        return FolderState(
            None, "repaired a damaged index (its metadata was missing or unreadable)"
        )
    if manifest.corpus != meta.corpus or manifest.store != meta.store:
        return FolderState(None, "repaired a damaged index (its metadata disagreed)")
    problem = damaged_reason(index_dir, manifest.store) or store_problem(
        index_dir / manifest.store, manifest, verify
    )
    if problem:
        return FolderState(None, f"repaired a damaged index ({problem})")
    return FolderState(manifest, None)


def open_live(
    index_dir: Path, corpus: Path, cached: Callable[[str], Store | None]
) -> tuple[str, Store, bool]:
    """(store name, the live store, opened now) for ``corpus``'s index in ``index_dir``: the
    store ``cached`` still holds when the meta names it, else the store checked against its
    manifest and opened. A store being switched or committed by another process is looked at
    again; IndexUnavailable when there is none or it is damaged."""
    problem = None
    for _ in range(OPEN_ATTEMPTS):
        meta = read_meta(index_dir)
        if meta is None and (index_dir / META_NAME).exists() and update_lock_held(index_dir):
            time.sleep(0.05)  # unreadable while another process holds the lock: look again
            continue
        if meta is None or meta.corpus != str(corpus):
            raise IndexUnavailable(f"{corpus} is not indexed yet; run `newsreader index`")
        held = cached(meta.store)
        if held is not None:
            return meta.store, held, False
        # Only the manifest's store fields: its file records are for updates.
        manifest = read_store_record(index_dir)
        ix, problem = (
            (None, "its manifest is missing")
            if manifest is None
            else check_store(index_dir / meta.store, manifest)
        )
        if ix is not None:
            return meta.store, ix, True
        if not _switching(index_dir, meta, manifest):
            break
        time.sleep(0.05)  # another process is committing or switching stores: look again
    if problem is None:  # the meta never became readable
        raise IndexUnavailable(f"{corpus} is not indexed yet; run `newsreader index`")
    raise IndexUnavailable(f"the index of {corpus} is damaged ({problem}); run `newsreader index`")


def _switching(index_dir: Path, meta: Meta, manifest: StoreRecord | None) -> bool:
    """Did another process change the index while we checked it (a rebuild writes the new
    manifest, then the meta; an update commits, then writes the manifest)? Then what we
    found was that change in progress, not damage."""
    if manifest is not None and manifest.store != meta.store:
        return True
    if update_lock_held(index_dir):
        return True
    now = read_store_record(index_dir)
    before = None if manifest is None else (manifest.store, manifest.generation)
    after = None if now is None else (now.store, now.generation)
    return read_meta(index_dir) != meta or before != after
