"""The frozen dataclasses every part of newsreader speaks: articles, passages, links, events."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol

from index.base.fact_table import FactTable

ConflictType = Literal[
    "number", "date", "place", "role", "actor", "certainty", "negation", "quote", "manner"
]
LinkKind = Literal["shared", "conflict"]


class _Reference(Protocol):
    # read-only members, so frozen dataclasses (Article, SearchHit) match
    @property
    def id(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def source(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...


def article_ref(item: _Reference) -> dict[str, str | bool | None]:
    """The public JSON shape of a reference to an article, from anything that carries its fields.

    ``"is_summary": true`` is added only for a feed entry loaded from its summary (the shape of
    every other reference is unchanged for existing readers)."""
    ref: dict[str, str | bool | None] = {
        "id": item.id,
        "path": item.path,
        "title": item.title,
        "source": item.source,
        "published": item.published,
    }
    if getattr(item, "is_summary", False):
        ref["is_summary"] = True
    return ref


@dataclass(frozen=True)
class Article:
    """One news report, after loading and cleaning.

    ``body`` is the cleaned text; every character offset anywhere in newsreader indexes it.
    """

    # corpus-relative POSIX path, or "path#n" for the n-th object of a .json/.jsonl file, or
    # "path#<entry id>" for a feed entry
    id: str
    path: str  # corpus-relative POSIX path of the file it came from
    title: str
    body: str
    source: str | None = None  # the outlet, never invented
    published: str | None = None  # ISO 8601 as given by front matter / JSON, else None
    url: str | None = None
    author: str | None = None
    # A feed entry that carried only its summary, not the full report (shown as such).
    is_summary: bool = False

    def to_meta(self) -> dict[str, str | bool | None]:
        """The public JSON shape of an article reference (used by events, compare, search)."""
        return article_ref(self)


@dataclass(frozen=True)
class Skipped:
    """A file (or one object of a file) that could not be loaded, with a one-line reason."""

    path: str
    reason: str


@dataclass(frozen=True)
class Notice:
    """A file that loaded but not cleanly (e.g. undecodable bytes), with a one-line message."""

    path: str
    message: str


@dataclass(frozen=True)
class Passage:
    """A sentence of an article: ``article.body[start:end] == text``; or its headline
    (``in_title``): ``article.title[start:end] == text``, id ``f"{article_id}:title"``."""

    id: str  # f"{article_id}:{index}", or f"{article_id}:title" for the headline
    article_id: str
    start: int
    end: int
    text: str
    # The headline is stated too (and often first): it is compared, linked and marked like any
    # sentence, but its offsets index the title, which is not part of the body.
    in_title: bool = False

    def source(self, article: Article) -> str:
        """The text the offsets index: the article's title for a headline, else its body."""
        return article.title if self.in_title else article.body


@dataclass(frozen=True)
class Span:
    """Character offsets into an article's cleaned body, and the text they cover."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Conflict:
    """A typed disagreement between two linked passages, with the spans that disagree."""

    type: ConflictType
    a: Span
    b: Span
    explanation: str


@dataclass(frozen=True)
class Link:
    """Two passages of different articles that state the same fact (and maybe disagree on it)."""

    a: str  # passage id
    b: str  # passage id
    score: float  # similarity in [0, 1]
    verbatim: bool
    conflicts: tuple[Conflict, ...] = ()

    @property
    def kind(self) -> LinkKind:
        return "conflict" if self.conflicts else "shared"


@dataclass(frozen=True)
class Claim:
    """Linked passages across an event's articles: one fact and the articles that support it."""

    passages: tuple[str, ...]
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Variant:
    """Spellings of one entity that are not a conflict (Zelensky / Zelenskiy / Zelenskyy)."""

    type: Literal["name"]
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Event:
    """Articles that report the same real-world event. ``id`` is stable for an unchanged corpus."""

    id: str
    title: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True)
class NotCompared:
    """The part ``body[start:end]`` of an article that a comparison did not analyse (a very long
    report is compared up to a bound): no passages, links or figures come from it. A reader
    shows that text as it is, with ``reason`` (one line)."""

    article_id: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Comparison:
    """Everything the reader, the CLI and export need to show how an event's reports relate."""

    event: Event | None
    articles: tuple[Article, ...]
    passages: tuple[Passage, ...]
    links: tuple[Link, ...]
    claims: tuple[Claim, ...]
    variants: tuple[Variant, ...] = field(default=())
    # (copy, original) for each report that copies another of these reports (wire copy,
    # syndication): one source family counts once in "n of m independent sources".
    copies: tuple[tuple[str, str], ...] = field(default=())
    facts: FactTable = field(default=FactTable())  # every report's figures and dates by slot
    # The tail of each report too long to analyse whole (index/comparison/bounds.py); empty for
    # ordinary reports. Passages cover only what was analysed.
    not_compared: tuple[NotCompared, ...] = field(default=())


@dataclass(frozen=True)
class Relation:
    """How two single statements relate: the same fact, the same fact disagreeing, or neither."""

    relation: Literal["shared", "conflict", "unrelated"]
    score: float
    conflicts: tuple[Conflict, ...]
