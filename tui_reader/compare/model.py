"""Provides CompareModel: a Comparison indexed for the UI, and each passage's mark (PassageView)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from index import Article, Comparison, Conflict, Link, Passage

from ..text import outlet

Kind = Literal["conflict", "verbatim", "shared", "unique"]
GUTTER: dict[str, str] = {"shared": "│", "verbatim": "≡", "conflict": "!", "unique": "·"}
LEGEND = "│ shared  ≡ verbatim  ! conflict  · only here  4/5 = sources stating it"


@dataclass(frozen=True)
class PassageView:
    """One passage of one article with everything needed to draw and explain it."""

    passage: Passage
    kind: Kind
    links: tuple[Link, ...]
    supporters: tuple[str, ...]  # article ids stating this fact, this article included
    conflict_spans: tuple[tuple[int, int], ...]  # offsets into passage.text

    def other(self, link: Link) -> str:
        """The passage id at the other end of ``link``."""
        return link.b if link.a == self.passage.id else link.a

    def conflicts(self) -> list[tuple[Link, Conflict, bool]]:
        """Every conflict of this passage, with its link and whether this passage is side a."""
        return [(k, c, k.a == self.passage.id) for k in self.links for c in k.conflicts]


class CompareModel:
    """Indexes a Comparison by article and passage so the UI can navigate it cheaply."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.articles: dict[str, Article] = {a.id: a for a in comparison.articles}
        self.passages: dict[str, Passage] = {p.id: p for p in comparison.passages}
        # a copy (wire copy, syndication) counts with its original: one independent source
        self.copy_of: dict[str, str] = dict(comparison.copies)
        links_of: dict[str, list[Link]] = defaultdict(list)
        for link in comparison.links:
            links_of[link.a].append(link)
            links_of[link.b].append(link)
        claim_of: dict[str, tuple[str, ...]] = {}
        for claim in comparison.claims:
            for pid in claim.passages:
                claim_of[pid] = claim.articles
        self.views: dict[str, list[PassageView]] = {a.id: [] for a in comparison.articles}
        self.by_id: dict[str, PassageView] = {}
        for passage in comparison.passages:
            view = _view(passage, tuple(links_of.get(passage.id, ())), claim_of, self.passages)
            self.views.setdefault(passage.article_id, []).append(view)
            self.by_id[passage.id] = view

    @property
    def total(self) -> int:
        """How many reports the comparison holds."""
        return len(self.comparison.articles)

    def sources(self, article_ids: Iterable[str]) -> int:
        """How many independent sources the reports come from (copies count with their
        original, as index.independent_sources counts them)."""
        return len({self.copy_of.get(i, i) for i in article_ids})

    @property
    def total_sources(self) -> int:
        """How many independent sources the comparison's reports come from."""
        return self.sources(self.articles)

    def copy_note(self, article_id: str) -> str:
        """'copy of <outlet>' for a report that copies another of the comparison, else ''."""
        original = self.copy_of.get(article_id)
        return "" if original is None else f"copy of {self.outlet_of(original)}"

    def outlet_of(self, article_id: str) -> str:
        """A display name for an article's outlet."""
        article = self.articles.get(article_id)
        return outlet(article.source, article.path) if article else article_id

    def counts(self) -> tuple[int, int]:
        """(shared links, conflict links) of the whole comparison."""
        conflicts = sum(1 for link in self.comparison.links if link.conflicts)
        return len(self.comparison.links) - conflicts, conflicts

    def strength(self, view: PassageView) -> str:
        """'3 of 4 sources' for a linked passage, counting independent sources; '(5 reports)'
        after it when copies made the reports more."""
        k, n = self.sources(view.supporters), len(set(view.supporters))
        return f"{k} of {self.total_sources} sources" + (f" ({n} reports)" if n != k else "")


def comparison_counts(comparison: Comparison) -> tuple[int, int, int]:
    """(independent sources, shared links, conflict links): CompareModel's total_sources and
    counts() without indexing every passage (the events list's columns; a 5 MB report's model
    is 10-20 ms of the UI thread, for each comparison that arrives)."""
    copy_of = dict(comparison.copies)
    sources = len({copy_of.get(a.id, a.id) for a in comparison.articles})
    conflicts = sum(1 for link in comparison.links if link.conflicts)
    return sources, len(comparison.links) - conflicts, conflicts


def _view(
    passage: Passage,
    links: tuple[Link, ...],
    claim_of: dict[str, tuple[str, ...]],
    passages: dict[str, Passage],
) -> PassageView:
    spans: list[tuple[int, int]] = []
    for link in links:
        for conflict in link.conflicts:
            span = conflict.a if link.a == passage.id else conflict.b
            start = max(span.start - passage.start, 0)
            end = min(span.end - passage.start, len(passage.text))
            if end > start:
                spans.append((start, end))
    kind: Kind
    if spans or any(link.conflicts for link in links):
        kind = "conflict"
    elif any(link.verbatim for link in links):
        kind = "verbatim"
    elif links:
        kind = "shared"
    else:
        kind = "unique"
    supporters = claim_of.get(passage.id)
    if supporters is None:
        # No claim listed it: the supporters are this article and the linked passages' articles.
        ids = {passage.article_id}
        for link in links:
            other = passages.get(link.b if link.a == passage.id else link.a)
            if other is not None:
                ids.add(other.article_id)
        supporters = tuple(sorted(ids))
    return PassageView(passage, kind, links, tuple(supporters), tuple(sorted(set(spans))))
