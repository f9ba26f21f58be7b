"""Which files the loader reads, by name: the type of a file name, and the supported types."""

from __future__ import annotations

import os

TEXT_TYPES = frozenset({".txt", ".md", ".markdown", ".json", ".jsonl"})
# Saved web pages and feeds; a feed may also be saved as .html and a page as .xml: the bytes
# decide (index/ingest/sniff.py), the name only says that the file is worth reading.
WEB_TYPES = frozenset({".html", ".htm", ".xhtml", ".xml", ".rss", ".atom"})
GZIP_TYPES = frozenset(t + ".gz" for t in WEB_TYPES)
EXTENSIONS = TEXT_TYPES | WEB_TYPES | GZIP_TYPES


def file_type(name: str) -> str:
    """The lower-case type of a file name: ``.html.gz`` for a compressed page, else its
    extension (``.pdf``, ``.gz`` for other compressed files), or "" when it has none."""
    stem, ext = os.path.splitext(name.lower())
    if ext == ".gz":
        inner = os.path.splitext(stem)[1]
        return inner + ext if inner in WEB_TYPES else ext
    return ext


def unsupported(name: str) -> str | None:
    """The one-line reason a file of this name is not read, or None when it is."""
    kind = file_type(name)
    if kind in EXTENSIONS:
        return None
    return f"unsupported type {kind}" if kind else "unsupported type (no extension)"


def saved_page_assets(folder: str, siblings: list[str]) -> bool:
    """A browser's "save page, complete" writes ``NAME.html`` and a ``NAME_files`` folder of its
    scripts, styles and images: that folder, beside its page, holds no article."""
    if not folder.endswith("_files"):
        return False
    stem = folder[: -len("_files")]
    return any(stem + ext in siblings for ext in (".html", ".htm", ".xhtml"))
