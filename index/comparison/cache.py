"""Analysis cached by content hash: passages per article body, comparisons per event content."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from index.base.code_hash import code_version
from index.base.locations import cache_dir
from index.base.models import Article, Comparison, Event, Passage
from index.comparison.json_form import comparison_from_json, comparison_to_json

# Bumped when the stored JSON's layout changes (the code version covers rule changes).
FORMAT = 2  # 2: headline passages (in_title)


def _hash(*parts: str | None) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(b"\x00" if part is None else part.encode("utf-8", "surrogatepass") + b"\x01")
    return digest.hexdigest()


def article_key(article: Article) -> str:
    """Passages depend on the id (they are named after it) and the cleaned body only."""
    return _hash(article.id, article.body)


def comparison_key(articles: Sequence[Article], event: Event | None) -> str:
    """Everything a comparison holds: its articles whole (ids, bodies, dates, URLs...), the
    event, the code."""
    parts: list[str | None] = [f"{FORMAT}-{code_version()}"]
    if event is not None:
        parts += [event.id, event.title]
    for a in articles:
        parts += [a.id, a.path, a.title, a.body, a.source, a.published, a.url, a.author]
        parts.append("summary" if a.is_summary else "full")
    return _hash(*parts)


class _LRU:
    """A small thread-safe least-recently-used map."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._data: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Any | None:
        with self._lock:
            if key not in self._data:
                return None
            self._data.move_to_end(key)
            return self._data[key]

    def put(self, key: str, value: Any) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


class AnalysisCache:
    """Passages and comparisons in memory (LRU) and, when ``disk`` is set, in a sqlite file."""

    def __init__(self, disk: Path | None = None, passages: int = 4096, comparisons: int = 64):
        self.disk = disk
        self._passages = _LRU(passages)
        self._comparisons = _LRU(comparisons)

    def passages(
        self, article: Article, split: Callable[[Article], list[Passage]]
    ) -> list[Passage]:
        key = article_key(article)
        found = self._passages.get(key)
        if found is None:
            found = tuple(split(article))
            self._passages.put(key, found)
        return list(found)

    def comparison(
        self, key: str, articles: Sequence[Article], event: Event | None
    ) -> Comparison | None:
        found = self._comparisons.get(key)
        if found is None and self.disk is not None:
            data = self._disk_get(key)
            if data is not None:
                found = comparison_from_json(data, articles, event)
                self._comparisons.put(key, found)
        return found if isinstance(found, Comparison) else None

    def store(self, key: str, comparison: Comparison) -> None:
        self._comparisons.put(key, comparison)
        if self.disk is not None:
            self._disk_put(key, comparison_to_json(comparison))

    def clear(self) -> None:
        self._passages.clear()
        self._comparisons.clear()

    def _connect(self) -> sqlite3.Connection:
        assert self.disk is not None
        self.disk.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.disk, timeout=5)
        db.execute("CREATE TABLE IF NOT EXISTS comparison (key TEXT PRIMARY KEY, json TEXT)")
        return db

    def _disk_get(self, key: str) -> dict[str, Any] | None:
        try:
            with self._connect() as db:
                row = db.execute("SELECT json FROM comparison WHERE key = ?", (key,)).fetchone()
            return json.loads(row[0]) if row else None
        except (sqlite3.Error, OSError, ValueError):
            return None  # a cache that cannot be read is a cache miss, never an error

    def _disk_put(self, key: str, data: dict[str, Any]) -> None:
        try:
            with self._connect() as db:
                db.execute(
                    "INSERT OR REPLACE INTO comparison VALUES (?, ?)", (key, json.dumps(data))
                )
        except (sqlite3.Error, OSError):
            pass  # the result is still returned and kept in memory


def default_disk_path() -> Path:
    """Where the on-disk analysis cache lives: ``cache_dir()/analysis.sqlite``."""
    return cache_dir() / "analysis.sqlite"
