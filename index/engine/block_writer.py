"""A term's postings written as Whoosh's W3 postings writer writes them, a block at a time."""

from __future__ import annotations

import zlib
from array import array
from pickle import dumps
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3TermInfo
from whoosh.system import pack_int, pack_long

# Pickle protocol of each block's (ids, weights, values). Whoosh writes protocol 2, which has
# no bytes type: every posting's value became a call to _codecs.encode on a latin-1 string.
# Protocol 4 (Python 3.4+; Whoosh reads blocks with pickle.loads, any protocol) pickles them as
# bytes: a block is dumped ~10x and loaded ~5x faster, and compresses to less than half.
BLOCK_PROTOCOL = 4

# W3TermInfo.to_bytes: flags, total weight, doc frequency, min and max length bytes, max weight,
# first and last id; then the postings' offset and length in the postings file.
_TERM_INFO = W3TermInfo._struct


class BlockWriter:
    """One term's postings as W3PostingsWriter writes them: blocks of ``blocklimit`` postings,
    each a pickled (id gaps, weights, values) compressed with zlib, after a pickled info tuple;
    then the term's W3TermInfo bytes. Lengths are handled as length bytes, as Whoosh stores
    them (byte_to_length and length_to_byte are inverse on 1-255)."""

    def __init__(self, codec: W3Codec, postfile: Any, protocol: int) -> None:
        self._protocol = protocol
        self._limit = codec._blocklimit
        self._compression = codec._compression
        if codec._inlinelimit > 1:
            raise ValueError("inlined postings are not written here")
        self._raw = postfile.raw_file()  # StructFile.write and tell are Python wrappers

    def write(self, fmt: Any, lengths: bytearray | None, postings: list[Any]) -> bytes:
        """Write the postings; the term's info (W3TermInfo.to_bytes) for the terms file."""
        raw = self._raw
        write = raw.write
        start = raw.tell()
        write(WHOOSH3_HEADER_MAGIC)
        docs, weights, values = postings[0::3], postings[1::3], postings[2::3]
        fixed = fmt.fixed_value_size()
        level = self._compression
        total = len(docs)
        step = self._limit
        sum_weight = 0.0
        max_weight: float = 0
        min_byte: int | None = None
        max_byte = 0
        for at in range(0, total, step):
            ids = docs[at : at + step] if total > step else docs
            block_weights = weights[at : at + step] if total > step else weights
            count = len(ids)
            stored = array("f", block_weights)
            if lengths is None:
                low = high = 0
            else:
                found = [lengths[d] for d in ids]
                if 0 in found:
                    found = [b for b in found if b] or [0]
                low, high = min(found), max(found)
            block_max = max(block_weights)
            if not block_max > 0:
                block_max = 0
            if stored.count(1.0) == count:
                mini_weights: Any = None
            elif stored.count(stored[0]) == count:
                mini_weights = stored[0]
            else:
                mini_weights = tuple(stored)
            if fixed is not None and fixed >= 0:
                mini_values: Any = None if fixed == 0 else b"".join(values[at : at + step])
            else:
                block_values = values[at : at + step] if total > step else values
                mini_values = (
                    tuple(v for v in block_values if v)
                    if b"" in block_values
                    else (tuple(block_values))
                )
            gaps = (
                (ids[0],)
                if count == 1
                else tuple(d - p for d, p in zip(ids, [0, *ids[:-1]], strict=True))
            )
            data = dumps((gaps, mini_weights, mini_values), self._protocol)
            if level:
                data = zlib.compress(data, level)
            head = dumps((count, ids[-1], block_max, level, low, high), 2)
            size = len(head) + len(data)
            write(pack_int(-size if at + step >= total else size))
            write(head)
            write(data)
            sum_weight += sum(stored)
            if block_max > max_weight:
                max_weight = block_max
            if low and (min_byte is None or low < min_byte):
                min_byte = low
            max_byte = max(max_byte, high)
        info = _TERM_INFO.pack(
            0,
            sum_weight,
            total,
            min_byte or 0,
            max_byte,
            max_weight,
            docs[0],
            docs[-1],
        )
        packed: bytes = info + pack_long(start) + pack_int(raw.tell() - start)
        return packed
