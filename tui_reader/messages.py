"""Provides the app's typed Messages: worker results, state changes, and screens' requests.

Three directions, three kinds:
- worker -> App: a thread worker's result (jobs.py posts them to the App, which updates the state);
- App -> screens: the state changed (posted to every screen on the stack; they do not bubble);
- screen -> App: a request the App carries out (open a screen, start a worker); they bubble up.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message
from textual.message_pump import MessagePump

from index import Article, Comparison, Event

if TYPE_CHECKING:  # Whoosh loads in the index worker, after the first paint
    from index import CorpusIndex, Correction, FetchResult, Figures, IndexReport, SearchResults


# ---- worker -> App ----


@dataclass
class IndexOpened(Message):
    """The index worker opened the index (it is being brought up to date)."""

    index: CorpusIndex


@dataclass
class IndexProgress(Message):
    """The index worker finished one more file (``what``: "Reading" while a full build reads
    the files, before it indexes them); bursts coalesce (only the newest counts)."""

    done: int
    total: int
    path: str
    what: str = "Indexing"

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress)


@dataclass
class ArticlesLoaded(Message):
    """A full build read every article (sorted by id); they are grouped before being indexed."""

    articles: list[Article]


@dataclass
class IndexReady(Message):
    """The index is up to date: every article, and the update report (summary, skipped files).
    ``grouped``: these articles came as ArticlesLoaded and were grouped then."""

    articles: list[Article]
    report: IndexReport
    grouped: bool = False


@dataclass
class CorpusChanged(Message):
    """The watcher saw corpus files added, changed or deleted since the index last looked."""

    paths: tuple[str, ...]  # corpus-relative, at most a few (for the notification)
    count: int


@dataclass
class WatchFailed(Message):
    """The corpus watcher stopped (too many folders to watch, a vanished corpus...)."""

    reason: str


@dataclass
class FeedsProgress(Message):
    """The fetch worker is at feed ``done`` of ``total`` (``url``); bursts coalesce."""

    done: int
    total: int
    url: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, FeedsProgress)


@dataclass
class FeedsFetched(Message):
    """The fetch worker asked every feed of the corpus for a newer copy (none: no feeds)."""

    results: list[FetchResult]


@dataclass
class EventsReady(Message):
    """Articles were grouped into events."""

    events: list[Event]


@dataclass
class EventsFirst(Message):
    """The events of the first ``part`` of ``total`` articles, shown while all are grouped
    (EventsReady replaces them)."""

    events: list[Event]
    part: int
    total: int


@dataclass
class ComparisonReady(Message):
    """A comparison finished; ``key`` is the event id, or the joined article ids."""

    key: str
    comparison: Comparison


@dataclass
class FiguresReady(Message):
    """The figures of a comparison (posted to the Figures screen that asked)."""

    key: str
    figures: Figures


@dataclass
class SearchFinished(Message):
    """Results for a query (posted to the screen that asked)."""

    query: str
    results: SearchResults


@dataclass
class SearchProgress(Message):
    """A query with filter fields is comparing events: ``done`` of ``total`` (to the screen)."""

    query: str
    done: int
    total: int


@dataclass
class SearchWaiting(Message):
    """A query cannot run yet: the first index is being built (it runs again once it is)."""

    query: str


@dataclass
class SearchFailed(Message):
    """A query could not be parsed; ``error`` is the one-line QueryError message."""

    query: str
    error: str


# ---- App -> screens: the state changed (AppState holds the new values) ----


class StateChanged(Message, bubble=False):
    """Base of the state updates the App posts to every screen on the stack."""


@dataclass
class ProgressChanged(StateChanged):
    """Indexing (or fetching, ``what``) advanced: ``done`` of ``total``, the last one ``path``."""

    done: int
    total: int
    path: str
    what: str = "Indexing"


class ArticlesChanged(StateChanged):
    """``state.articles`` (and ``state.report``) were replaced: the index is ready, or a full
    build read every article (``state.report`` still None: not indexed yet)."""


@dataclass
class EventsChanged(StateChanged):
    """``state.events`` were replaced: the articles are grouped, or a correction regrouped them
    (``focus``: the event it made, for the cursor)."""

    focus: str | None = None


@dataclass
class ComparisonAdded(StateChanged):
    """``state.comparisons[key]`` arrived."""

    key: str


class IndexFailed(StateChanged):
    """Indexing failed; ``state.failure`` says why."""


class ComparisonFailed(StateChanged):
    """The comparison the user is waiting for failed (the App has shown why)."""


# ---- screen -> App: requests ----


@dataclass
class OpenEvent(Message):
    """Compare the reports of an event."""

    event: Event


@dataclass
class OpenArticle(Message):
    """Read one article alone, search hits (body offsets) marked."""

    article: Article
    matches: tuple[tuple[int, int], ...] = ()


@dataclass
class OpenFigures(Message):
    """Show the figures of an event (or of chosen reports, ``key`` their joined ids)."""

    key: str
    articles: list[Article]
    event: Event | None


@dataclass
class CorrectionWanted(Message):
    """Save a correction of the grouping (merge, move, split) and regroup; None undoes the
    corpus's latest correction."""

    correction: Correction | None


@dataclass
class ComparisonWanted(Message):
    """Compute a comparison in the background (ComparisonAdded tells when it is in the state)."""

    key: str
    articles: list[Article]
    event: Event | None


@dataclass
class ComparisonAbandoned(Message):
    """The screen waiting for comparison ``key`` was left: stop computing it."""

    key: str


@dataclass
class ConflictsWanted(Message):
    """Compare every event of more than one report (for sorting or filtering by conflicts):
    ComparisonAdded tells as each lands; already compared ones are skipped."""


@dataclass
class SearchWanted(Message):
    """Run a query in the background; the results go to ``reply_to``."""

    query: str
    reply_to: MessagePump


@dataclass
class ExportWritten(Message):
    """An export was written to ``path``: the next export dialog proposes its folder."""

    path: Path
