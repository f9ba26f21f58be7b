"""What a web file's bytes hold (a feed, a page, neither), how to decompress and decode them."""

from __future__ import annotations

import codecs
import re
import zlib
from typing import Literal

from index.ingest.decode import Unreadable, decode

Kind = Literal["feed", "page", "other"]

_GZIP_MAGIC = b"\x1f\x8b"
_HEAD = 4096  # declarations, doctypes and root elements sit in the first bytes
# Skipped before the root element: XML declaration, processing instructions, comments, doctype.
_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)", re.IGNORECASE | re.DOTALL)
_ROOT = re.compile(rb"<([A-Za-z][\w.-]*:)?([A-Za-z][\w.-]*)")
_FEED_ROOTS = frozenset({b"rss", b"feed", b"rdf", b"channel"})
_HTML_START = re.compile(rb"\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<title)", re.I)
# <meta charset="x"> or <meta http-equiv=... content="text/html; charset=x">, and an XML
# declaration's encoding: only in the first bytes, as browsers look for them.
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([\w.:-]{1,40})", re.I)
_HEADER_CHARSET = re.compile(rb"charset\s*=\s*[\"']?\s*([\w.:-]{1,40})", re.I)
_XML_ENCODING = re.compile(rb"<\?xml[^>]{0,100}?encoding\s*=\s*[\"']([\w.:-]{1,40})[\"']", re.I)


def gunzip(data: bytes, limit: int) -> bytes:
    """``data`` decompressed when it is gzip, at most ``limit`` bytes out (a small file may
    inflate to gigabytes); ``Unreadable`` when it is damaged or inflates past the limit."""
    if not data.startswith(_GZIP_MAGIC):
        return data
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error:
        raise Unreadable("damaged gzip file") from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise Unreadable(f"file inflates to more than {limit / (1024 * 1024):g} MB")
    if not inflater.eof:
        raise Unreadable("damaged gzip file: it ends too early")
    return out


def sniff(data: bytes) -> Kind:
    """A feed when the root element is ``rss``, ``feed`` (Atom) or ``rdf:RDF`` (RSS 1.0); a page
    when the text starts like HTML; else other. Only the first 4 KB are read."""
    head = _strip_bom(data[:_HEAD])
    pos = 0
    while True:
        m = _PROLOG.match(head, pos)
        if m is None:
            break
        pos = m.end()
    root = _ROOT.match(head, _skip_space(head, pos))
    if root and root.group(2).lower() in _FEED_ROOTS:
        return "feed"
    if _HTML_START.match(head, pos) or (root and root.group(2).lower() == b"html"):
        return "page"
    return "other"


def _skip_space(head: bytes, pos: int) -> int:
    while pos < len(head) and head[pos : pos + 1].isspace():
        pos += 1
    return pos


def _strip_bom(head: bytes) -> bytes:
    if head.startswith(codecs.BOM_UTF8):
        return head[3:]
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            # An even number of bytes, so a split character never ends the sniffed head.
            text = head[2 : len(head) - len(head) % 2].decode(codec, "replace")
            return text.encode("utf-8", "replace")
    return head


def decode_page(data: bytes, content_type: str | None = None) -> str:
    """A page's text, decoded as a browser does: a byte-order mark, else the charset of the
    HTTP Content-Type it was served with (kept in its fetch sidecar), else the charset its head
    declares, else the loader's decoding (UTF-8, then cp1252)."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data)
    header = (
        _HEADER_CHARSET.search(content_type.encode("latin-1", "replace")) if content_type else None
    )
    head = data[:_HEAD]
    m = header or _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    codec = _codec(m.group(1)) if m else ""
    if codec:
        return data.decode(codec, "replace")
    return decode(data)


def _codec(raw: bytes) -> str:
    """The Python codec of a declared charset, or "" for UTF-8 and unknown names (the loader's
    own decoding handles those, counting damaged bytes)."""
    try:
        codec = codecs.lookup(raw.decode("ascii", "replace")).name
    except LookupError:
        return ""
    # Browsers read a declared latin-1 or ASCII as windows-1252 (WHATWG Encoding), and a
    # declared UTF-16 without a BOM as UTF-8.
    if codec in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    if codec.startswith("utf-16") or codec == "utf-8":
        return ""
    return codec
