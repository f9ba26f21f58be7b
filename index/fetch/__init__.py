"""Downloading pages and feeds into a corpus folder (the only network code): httpx, politely."""

from __future__ import annotations

from index.fetch.client import FetchError, FetchLimits
from index.fetch.lists import read_opml, read_url_list
from index.fetch.run import FetchResult, corpus_feeds, fetch_urls

__all__ = [
    "FetchError",
    "FetchLimits",
    "FetchResult",
    "corpus_feeds",
    "fetch_urls",
    "read_opml",
    "read_url_list",
]
