"""A full build's worker process (``python -m index.store.build_worker``): one share of files in,
their records batch by batch and the segment out (index/store/build_workers.py starts it)."""

from __future__ import annotations

import traceback

from index.base.processes import Parent
from index.engine import segment_builder
from index.store.manifest import FileRecord
from index.store.parallel_build import BATCH, index_files, quietly


def main() -> None:
    parent = Parent()
    job = parent.receive()
    if job is None:
        return
    corpus, store, digest, files, load = job
    builder = segment_builder(store)
    try:
        for at in range(0, len(files), BATCH):
            if not parent.alive():  # killed: nobody reads what this writes
                builder.cancel()
                return
            batch = files[at : at + BATCH]
            records: dict[str, FileRecord] = {}
            index_files(builder, corpus, batch, digest, records, load)
            parent.send(("files", [rel for rel, _ in batch], records))
        parent.send(("segment", builder.finish()))
    except BaseException:  # noqa: B036 - reported to the parent, which retries the share
        report = traceback.format_exc()
        quietly(builder.cancel)  # on a full disk, closing its files fails again
        try:
            parent.send(("error", report))
        except OSError:
            pass  # the parent is gone


if __name__ == "__main__":
    main()
