"""Writing a whole Whoosh segment from documents: an ordinary segment, written faster.

Whoosh's ``SegmentWriter`` makes a 5-tuple per posting, pools, sorts and re-reads them, looks
each document's field length up in the just-written lengths file, and adds postings to blocks
one call at a time. Here each term's postings are kept in one flat list as documents come
(in document order, so no sort but the terms'), and blocks are written a term at a time. The
per-document files come from Whoosh's own writer; with ``block_protocol=2`` the postings and
term files are byte for byte Whoosh's (a test compares them), by default only the pickle of
each block differs (BLOCK_PROTOCOL), so any Whoosh reader and later incremental writers see an
ordinary segment with the same postings.
"""

from __future__ import annotations

import heapq
import os
import pickle
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TypeAlias

from whoosh.codec.base import Segment as _WhooshSegment
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.formats import Characters, Positions
from whoosh.system import pack_ushort
from whoosh.util.numeric import length_to_byte

from index.engine.analyzer import FastNewsAnalyzer
from index.engine.block_writer import BLOCK_PROTOCOL, BlockWriter
from index.engine.schema import build_schema

# Postings held in memory (estimated) before a sorted run is spilled to disk, so memory stays
# steady at 100k. 160: a writer of half of 10k articles (~143 MB) never spills and peaks at
# about 200 MB, as Whoosh's pool (limitmb=128) did; spilling all postings once costs ~10% CPU.
LIMIT_MB = 160
# Rough memory of one posting (three list slots, its value bytes) and of a term's entry.
POSTING_BYTES = 96
TERM_BYTES = 160

# term -> [docnum, weight, value bytes, docnum, weight, value bytes, ...] in document order
Table = dict[bytes, list[Any]]
# A finished segment: picklable (a worker process sends it), committed by ``StoreWriter``.
Segment: TypeAlias = _WhooshSegment


def _fast_chars(field: Any) -> bool | None:
    """True/False: the field's terms come from FastNewsAnalyzer.postings (with/without
    character offsets); None: the field is indexed through Whoosh's own ``field.index``."""
    if not isinstance(field.analyzer, FastNewsAnalyzer):
        return None
    kind = type(field.format)
    if kind is Characters:
        return True
    return False if kind is Positions else None


class SegmentBuilder:
    """Add documents with ``add``, then ``finish`` writes the segment and returns it (None if
    no document was added); ``cancel`` drops what was written."""

    def __init__(
        self,
        storage: Any,
        schema: Schema,
        indexname: str = "MAIN",
        limit_mb: int | None = None,
        block_protocol: int = BLOCK_PROTOCOL,
    ) -> None:
        """``block_protocol`` 2 writes exactly Whoosh's bytes (the tests compare them)."""
        for name in schema.names():
            field = schema[name]
            if field.vector or field.separate_spelling() or field.column_type:
                raise ValueError(f"field {name!r}: vectors, spelling and columns not supported")
        self._codec = W3Codec()
        self._storage = storage
        self._schema = schema
        self.segment = self._codec.new_segment(storage, indexname)
        self._perdoc = self._codec.per_document_writer(storage, self.segment)
        self._fast = {name: _fast_chars(schema[name]) for name in schema.names()}
        self._tables: dict[str, Table] = {}
        # Per scorable field, each document's length byte (as Whoosh stores and reads it).
        self._lengths: dict[str, bytearray] = {}
        self._weights: dict[float, list[float]] = {}
        self._runs: list[str] = []
        self._size = 0
        self._limit = (LIMIT_MB if limit_mb is None else limit_mb) * 1024 * 1024
        self._protocol = block_protocol
        self.docnum = 0

    def add(self, fields: Mapping[str, str | None]) -> None:
        """One document: what ``writer.add_document(**fields)`` indexes and stores."""
        docnum = self.docnum
        perdoc = self._perdoc
        perdoc.start_doc(docnum)
        size = 0
        for name in sorted(fields):
            value = fields[name]
            if value is None or name.startswith("_"):
                continue
            field = self._schema[name]
            length = 0
            if field.indexed:
                table = self._tables.setdefault(name, {})
                postings, length = self._postings(field, name, value)
                size += POSTING_BYTES * len(postings)
                for term, weight, vbytes in postings:
                    found = table.get(term)
                    if found is None:
                        table[term] = [docnum, weight, vbytes]
                        size += TERM_BYTES
                    else:
                        found += (docnum, weight, vbytes)
                if not field.scorable:
                    length = 0
                else:
                    lengths = self._lengths.setdefault(name, bytearray())
                    lengths.extend(bytes(docnum + 1 - len(lengths)))
                    lengths[docnum] = length_to_byte(length) if length else 0
            perdoc.add_field(name, field, value if field.stored else None, length)
        perdoc.finish_doc()
        self.docnum += 1
        self._size += size
        if self._size > self._limit:
            self._spill()

    def _postings(
        self, field: Any, name: str, value: str
    ) -> tuple[list[tuple[bytes, float, bytes]], int]:
        """(term, weight, value bytes) of each term of one field value, and the value's length
        (the sum of the frequencies)."""
        chars = self._fast[name]
        if chars is None:
            out, length = [], 0
            for term, freq, weight, vbytes in field.index(value):
                out.append((term, weight, vbytes))
                length += freq
            return out, length
        boost = field.format.field_boost
        # Whoosh sums a 1.0 boost per token: freq * boost; one float object per frequency.
        weights = self._weights.get(boost)
        if weights is None:
            weights = self._weights[boost] = [float(f) * boost for f in range(256)]
        postings, length = field.analyzer.postings(value, chars)
        return [
            (term, weights[freq] if freq < 256 else float(freq) * boost, vbytes)
            for term, freq, vbytes in postings
        ], length

    def _spill(self) -> None:
        """Write the postings so far to a run file sorted by (field, term) and start afresh."""
        fd, path = tempfile.mkstemp(suffix=".run", dir=self._storage.folder)
        self._runs.append(path)
        with os.fdopen(fd, "wb") as handle:
            for item in self._in_memory():
                pickle.dump(item, handle, pickle.HIGHEST_PROTOCOL)
        self._tables = {}
        self._size = 0

    def _in_memory(self) -> Iterator[tuple[str, bytes, list[Any]]]:
        for name in sorted(self._tables):
            table = self._tables[name]
            for term in sorted(table):
                yield name, term, table[term]

    def _merged(self) -> Iterator[tuple[str, bytes, list[Any]]]:
        """Every (field, term, postings) in order; a term's postings from several runs are
        joined in run order, which is document order."""
        if not self._runs:
            yield from self._in_memory()
            return
        if self._tables:
            self._spill()
        sources = [_read_run(path) for path in self._runs]
        current: tuple[str, bytes, list[Any]] | None = None
        for name, term, postings in heapq.merge(*sources, key=lambda item: item[:2]):
            if current is not None and current[0] == name and current[1] == term:
                current[2].extend(postings)
                continue
            if current is not None:
                yield current
            current = (name, term, postings)
        if current is not None:
            yield current

    def finish(self) -> Segment | None:
        """Write the terms and postings, close the segment's files; the segment, or None."""
        self._perdoc.close()
        if not self.docnum:
            self.cancel()
            return None
        writer = self._codec.field_writer(self._storage, self.segment)
        blocks = BlockWriter(self._codec, writer._postfile, self._protocol)
        last = None
        for name, term, postings in self._merged():
            if name != last:
                writer.start_field(name, self._schema[name])
                fmt = self._schema[name].format
                lengths = self._lengths.get(name)
                last = name
            info = blocks.write(fmt, lengths, postings)
            writer._tindex.add(pack_ushort(writer._fieldid) + term, info)
        writer.close()
        self._remove_runs()
        self.segment.set_doc_count(self.docnum)
        return self.segment

    def cancel(self) -> None:
        """Drop the runs; the caller removes the store folder the segment files are in."""
        if not self._perdoc.is_closed:
            self._perdoc.close()
        self._remove_runs()

    def _remove_runs(self) -> None:
        for path in self._runs:
            try:
                os.remove(path)
            except OSError:
                pass
        self._runs = []


def segment_builder(store: Path) -> SegmentBuilder:
    """A builder of a new segment in the store folder ``store`` (with the article schema)."""
    return SegmentBuilder(FileStorage(str(store), supports_mmap=False), build_schema())


def _read_run(path: str) -> Iterator[tuple[str, bytes, list[Any]]]:
    with open(path, "rb") as handle:
        while True:
            try:
                yield pickle.load(handle)
            except EOFError:
                return
