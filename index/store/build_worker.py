"""A full build's worker process (``python -m index.store.build_worker``): one share of files in,
their records batch by batch and the segment out (index/store/build_workers.py starts it)."""

from __future__ import annotations

import traceback
from pathlib import Path

from index.base.processes import Parent
from index.engine import SegmentBuilder, segment_builder
from index.store.manifest import FileRecord
from index.store.parallel_build import (
    BATCH,
    Digest,
    Loader,
    Read,
    add_read,
    quietly,
    read_files,
)

GO = "go"  # the parent's word to a held worker: index what you read


def main() -> None:
    parent = Parent()
    job = parent.receive()
    if job is None:
        return
    corpus, store, digest, files, load, hold = job
    builder = segment_builder(store)
    try:
        if hold:
            if not _read_then_index(parent, builder, corpus, files, digest, load):
                builder.cancel()  # the build stopped before indexing
                return
        else:
            for at in range(0, len(files), BATCH):
                if not parent.alive():  # killed: nobody reads what this writes
                    builder.cancel()
                    return
                batch = files[at : at + BATCH]
                records: dict[str, FileRecord] = {}
                add_read(builder, read_files(corpus, batch, digest, records, load))
                parent.send(("files", [rel for rel, _ in batch], records))
        parent.send(("segment", builder.finish()))
    except BaseException:  # noqa: B036 - reported to the parent, which retries the share
        report = traceback.format_exc()
        quietly(builder.cancel)  # on a full disk, closing its files fails again
        try:
            parent.send(("error", report))
        except OSError:
            pass  # the parent is gone


def _read_then_index(
    parent: Parent,
    builder: SegmentBuilder,
    corpus: Path,
    files: list[tuple[str, Path]],
    digest: Digest,
    load: Loader,
) -> bool:
    """A held build: send every batch's articles as it is read, wait for GO, then index them
    (the parent groups events meanwhile: this process leaves it the cores). False when the
    parent stopped the build instead (None: it closed the pipe)."""
    held: list[Read] = []
    for at in range(0, len(files), BATCH):
        records: dict[str, FileRecord] = {}
        read = read_files(corpus, files[at : at + BATCH], digest, records, load)
        parent.send(("read", read, records))
        held.append(read)
    if parent.receive() != GO:
        return False
    for read in held:
        add_read(builder, read)
        parent.send(("files", [rel for rel, _ in read], {}))
    return True


if __name__ == "__main__":
    main()
