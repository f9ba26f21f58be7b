"""Provides the small dataclass Messages that thread workers post back to the UI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from index import Article, Comparison, Event

if TYPE_CHECKING:  # Whoosh loads in the index worker, after the first paint
    from index import IndexReport, SearchResults


@dataclass
class IndexProgress(Message):
    """The index worker finished one more file; bursts coalesce (only the newest counts)."""

    done: int
    total: int
    path: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress)


@dataclass
class IndexReady(Message):
    """The index is up to date: every article, and the update report (summary, skipped files)."""

    articles: list[Article]
    report: IndexReport


@dataclass
class EventsReady(Message):
    """Articles were grouped into events."""

    events: list[Event]


@dataclass
class ComparisonReady(Message):
    """A comparison finished; ``key`` is the event id, or the joined article ids."""

    key: str
    comparison: Comparison


@dataclass
class SearchFinished(Message):
    """Results for a query."""

    query: str
    results: SearchResults


@dataclass
class SearchFailed(Message):
    """A query could not be parsed; ``error`` is the one-line QueryError message."""

    query: str
    error: str
