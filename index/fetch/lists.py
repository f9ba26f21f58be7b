"""The URLs of a feed list: an OPML file (``xmlUrl`` of each outline) or one URL per line."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

from index.fetch.client import FetchError

_MAX_LIST_BYTES = 5 * 1024 * 1024


def _read(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(_MAX_LIST_BYTES + 1)
    except OSError as error:
        raise FetchError(f"cannot read {path}: {error.strerror or error}") from None
    if len(data) > _MAX_LIST_BYTES:
        raise FetchError(f"{path} is larger than 5 MB")
    return data


def read_url_list(path: Path) -> list[str]:
    """One URL per line; blank lines and lines starting with # are ignored."""
    text = _read(path).decode("utf-8", "replace")
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def read_opml(path: Path) -> list[str]:
    """The feed URL (``xmlUrl``) of every outline, in document order, once each.

    Python's expat refuses external entities and bounds entity expansion, so an untrusted
    OPML file cannot read local files or blow up memory."""
    try:
        root = ElementTree.fromstring(_read(path))
    except ElementTree.ParseError as error:
        raise FetchError(f"{path} is not valid OPML: {error}") from None
    urls: dict[str, None] = {}  # ordered, each once
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            urls.setdefault(url)
    return list(urls)
