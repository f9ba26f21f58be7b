"""Writing a whole Whoosh segment from documents, with the files Whoosh's own writer would write.

Whoosh's ``SegmentWriter`` makes a 5-tuple per posting, pools, sorts and re-reads them, looks
each document's field length up in the just-written lengths file, and adds postings to blocks
one call at a time. Here each term's postings are kept in one flat list as documents come
(in document order, so no sort but the terms'), and blocks are written a term at a time. The
per-document files come from Whoosh's own writer, and the postings and term files are byte for
byte the same as Whoosh's (a test compares them), so any Whoosh reader and later incremental
writers see an ordinary segment.
"""

from __future__ import annotations

import heapq
import os
import pickle
import tempfile
import zlib
from array import array
from collections.abc import Iterator, Mapping
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3TermInfo
from whoosh.fields import Schema
from whoosh.formats import Characters, Positions
from whoosh.system import pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte

from index.fast_analyzer import FastNewsAnalyzer

# Postings held in memory before a sorted run is spilled to disk (steady memory at 100k).
LIMIT_MB = 96

# term -> [docnum, weight, value bytes, docnum, weight, value bytes, ...] in document order
Table = dict[bytes, list[Any]]


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
        self, storage: Any, schema: Schema, indexname: str = "MAIN", limit_mb: int = LIMIT_MB
    ) -> None:
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
        self._weights: dict[tuple[float, int], float] = {}
        self._runs: list[str] = []
        self._size = 0
        self._limit = limit_mb * 1024 * 1024
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
                for term, weight, vbytes, freq in self._postings(field, name, value):
                    length += freq
                    size += 64 + len(vbytes)
                    found = table.get(term)
                    if found is None:
                        table[term] = [docnum, weight, vbytes]
                        size += 120 + len(term)
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
    ) -> Iterator[tuple[bytes, float, bytes, int]]:
        """(term, weight, value bytes, frequency) of each term of one field value."""
        chars = self._fast[name]
        if chars is None:
            for term, freq, weight, vbytes in field.index(value):
                yield term, weight, vbytes, freq
            return
        boost = field.format.field_boost
        weights = self._weights
        postings, _length = field.analyzer.postings(value, chars)
        for term, freq, vbytes in postings:
            # Whoosh sums a 1.0 boost per token: freq * boost, one float object per value.
            weight = weights.get((boost, freq))
            if weight is None:
                weight = weights[(boost, freq)] = float(freq) * boost
            yield term, weight, vbytes, freq

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

    def finish(self) -> Any:
        """Write the terms and postings, close the segment's files; the segment, or None."""
        self._perdoc.close()
        if not self.docnum:
            self.cancel()
            return None
        writer = self._codec.field_writer(self._storage, self.segment)
        blocks = _BlockWriter(self._codec, writer._postfile)
        last = None
        for name, term, postings in self._merged():
            if name != last:
                writer.start_field(name, self._schema[name])
                fmt = self._schema[name].format
                lengths = self._lengths.get(name)
                last = name
            info = blocks.write(fmt, lengths, postings)
            writer._tindex.add(pack_ushort(writer._fieldid) + term, info.to_bytes())
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


def _read_run(path: str) -> Iterator[tuple[str, bytes, list[Any]]]:
    with open(path, "rb") as handle:
        while True:
            try:
                yield pickle.load(handle)
            except EOFError:
                return


class _BlockWriter:
    """One term's postings as W3PostingsWriter writes them: blocks of ``blocklimit`` postings,
    each a pickled (id gaps, weights, values) compressed with zlib, after a pickled info tuple."""

    def __init__(self, codec: W3Codec, postfile: Any) -> None:
        self._limit = codec._blocklimit
        self._compression = codec._compression
        if codec._inlinelimit > 1:
            raise ValueError("inlined postings are not written here")
        self._postfile = postfile

    def write(self, fmt: Any, lengths: bytearray | None, postings: list[Any]) -> W3TermInfo:
        postfile = self._postfile
        info = W3TermInfo()
        start = postfile.tell()
        postfile.write(WHOOSH3_HEADER_MAGIC)
        docs, weights, values = postings[0::3], postings[1::3], postings[2::3]
        fixed = fmt.fixed_value_size()
        step = self._limit
        for at in range(0, len(docs), step):
            ids = docs[at : at + step]
            block_weights = weights[at : at + step]
            stored = array("f", block_weights)
            present = [byte_to_length(lengths[d]) for d in ids if lengths[d]] if lengths else []
            minlength = min(present) if present else None
            maxlength = max(present) if present else 0
            maxweight = max(block_weights)
            if not maxweight > 0:
                maxweight = 0
            if all(w == 1.0 for w in stored):
                mini_weights: Any = None
            elif all(w == stored[0] for w in stored):
                mini_weights = stored[0]
            else:
                mini_weights = tuple(stored)
            kept = [v for v in values[at : at + step] if v]
            if fixed is None or fixed < 0:
                mini_values: Any = tuple(kept)
            else:
                mini_values = None if fixed == 0 else b"".join(kept)
            gaps = tuple(d - p for d, p in zip(ids, [0, *ids[:-1]], strict=True))
            data = pickle.dumps((gaps, mini_weights, mini_values), 2)
            if self._compression:
                data = zlib.compress(data, self._compression)
            head = pickle.dumps(
                (
                    len(ids),
                    ids[-1],
                    maxweight,
                    self._compression,
                    length_to_byte(minlength),
                    length_to_byte(maxlength),
                ),
                2,
            )
            _add_block(info, stored, ids, minlength, maxlength, maxweight)
            size = len(head) + len(data)
            postfile.write_int(-size if at + step >= len(docs) else size)
            postfile.write(head)
            postfile.write(data)
        info.set_extent(start, postfile.tell() - start)
        return info


def _add_block(
    info: W3TermInfo,
    weights: array[float],
    ids: list[int],
    minlength: int | None,
    maxlength: int,
    maxweight: float,
) -> None:
    """W3TermInfo.add_block's statistics, from the block's figures."""
    info._weight += sum(weights)
    info._df += len(ids)
    if info._minlength is None:
        info._minlength = minlength
    elif minlength is not None:
        info._minlength = min(info._minlength, minlength)
    info._maxlength = max(info._maxlength, maxlength)
    info._maxweight = max(info._maxweight, maxweight)
    if info._minid is None:
        info._minid = ids[0]
    info._maxid = ids[-1]
