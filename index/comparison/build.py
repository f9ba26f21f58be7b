"""Build the Comparison of an event's reports: passages, links, conflicts, claims, variants."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import replace

from index.base.cancel import Cancel, cancellable, checkpoint
from index.base.fact_table import Fact, FactTable
from index.base.models import (
    Article,
    Comparison,
    Conflict,
    ConflictType,
    Event,
    Link,
    Passage,
    Relation,
    Span,
)
from index.comparison.alignment import align, pair_decision
from index.comparison.bounds import bounded
from index.comparison.cache import AnalysisCache, comparison_key, default_disk_path
from index.comparison.claims import group_claims
from index.comparison.sources import find_copies
from index.conflicts.detect import detect_conflicts, detect_text_conflicts
from index.conflicts.event_checks import EVENT_CHECKS
from index.conflicts.table import build_fact_table
from index.facts.names import name_variants
from index.text.credits import is_page_furniture
from index.text.sentences import split_passages, title_passage

# One cache per process; the sqlite copy is opt-in (NEWSREADER_ANALYSIS_CACHE=disk) so tests and
# one-shot CLI runs never write files they were not asked to.
_CACHE = AnalysisCache(
    default_disk_path() if os.environ.get("NEWSREADER_ANALYSIS_CACHE") == "disk" else None
)


def analysis_cache() -> AnalysisCache:
    """The process-wide analysis cache (to clear it, or to point it at a sqlite file)."""
    return _CACHE


def compare(
    articles: Sequence[Article],
    event: Event | None = None,
    *,
    cache: AnalysisCache | None = None,
    cancel: Cancel | None = None,
) -> Comparison:
    """Everything needed to show how ``articles`` relate: passages, links, claims, variants.

    Articles are deduplicated by id (first kept) and compared in the given order. A very long
    report is analysed up to a bound (index/comparison/bounds.py); the part left out is named in
    ``Comparison.not_compared``. ``cancel`` (a function, called from this thread) is checked
    between chunks of the work: once it returns True, Cancelled is raised there and nothing is
    cached. The result is cached by content: comparing the same reports again returns it.
    """
    cache = cache if cache is not None else _CACHE
    first: dict[str, Article] = {}
    for article in articles:
        first.setdefault(article.id, article)
    unique = tuple(first.values())
    key = comparison_key(unique, event)
    found = cache.comparison(key, unique, event)
    if found is not None:
        return found
    with cancellable(cancel):
        result = _analyse(unique, event, cache)
    cache.store(key, result)
    return result


def _analyse(unique: tuple[Article, ...], event: Event | None, cache: AnalysisCache) -> Comparison:
    seen, not_compared = bounded(unique)
    # The headline first (news states its main fact there), then the body's sentences.
    by_article: dict[str, list[Passage]] = {}
    for a in seen:
        checkpoint()
        by_article[a.id] = _headline(a) + cache.passages(a, split_passages)
    passages = tuple(p for a in seen for p in by_article[a.id])
    article_of = {a.id: a for a in seen}
    passage_of = {p.id: p for p in passages}
    # Credit lines and captions are about the page: shown and linked, never a conflict's side.
    furniture = frozenset(p.id for p in passages if is_page_furniture(p.text))
    links: list[Link] = []
    for n, link in enumerate(align(by_article)):
        if n % 32 == 0:
            checkpoint()
        pa, pb = passage_of[link.a], passage_of[link.b]
        conflicts = (
            []
            if furniture.intersection((pa.id, pb.id))
            else detect_conflicts(pa, pb, article_of[pa.article_id], article_of[pb.article_id])
        )
        links.append(Link(link.a, link.b, link.score, link.verbatim, tuple(conflicts)))
    claims = group_claims(links, passages)
    checkpoint()
    variants = name_variants([a.body for a in seen])
    checkpoint()
    copies = find_copies(seen)
    checkpoint()
    table = build_fact_table(seen, by_article)
    links = _with_fact_conflicts(links, table, by_article, furniture)
    for check in EVENT_CHECKS:
        links = _with_conflicts(links, check(seen, by_article), furniture)
        checkpoint()
    return Comparison(
        event, unique, passages, tuple(links), claims, tuple(variants), copies, table,
        not_compared,
    )  # fmt: skip


def _headline(article: Article) -> list[Passage]:
    passage = title_passage(article)
    return [passage] if passage is not None else []


def _passage_at(passages: list[Passage], fact: Fact) -> Passage | None:
    """The passage stating ``fact``: the headline passage for a fact of the title (None when the
    title repeats the body's first words, whose passage states the fact too)."""
    return next(
        (
            p
            for p in passages
            if p.in_title == fact.span.in_title and p.start <= fact.span.start < p.end
        ),
        None,
    )


def _with_fact_conflicts(
    links: list[Link],
    table: FactTable,
    by_article: dict[str, list[Passage]],
    furniture: frozenset[str] = frozenset(),
) -> list[Link]:
    """The table's disputes as conflicts on the passages that state them."""
    found: list[tuple[Passage, Passage, Conflict]] = []
    at: dict[tuple[str, bool, int], Passage | None] = {}  # a fact is in many disputes

    def passage(fact: Fact) -> Passage | None:
        key = (fact.span.article_id, fact.span.in_title, fact.span.start)
        if key not in at:
            at[key] = _passage_at(by_article[fact.span.article_id], fact)
        return at[key]

    for x, y, dispute in table.disputes():
        pa, pb = passage(x), passage(y)
        if pa is None or pb is None:
            continue
        kind = dispute_type(x)
        sa = Span(x.span.start, x.span.end, x.span.text)
        sb = Span(y.span.start, y.span.end, y.span.text)
        found.append((pa, pb, Conflict(kind, sa, sb, dispute.why)))
    return _with_conflicts(links, found, furniture)


def dispute_type(fact: Fact) -> ConflictType:
    """The conflict type a disputed fact is shown as: a date, a place, else a number."""
    if fact.kind in ("date", "year"):
        return "date"
    return "place" if fact.kind == "bearing" else "number"


def _with_conflicts(
    links: list[Link],
    found: list[tuple[Passage, Passage, Conflict]],
    furniture: frozenset[str] = frozenset(),
) -> list[Link]:
    """Conflicts found event-wide, added to the link between their two passages, or as a link
    of their own (score 0) when the passages are not aligned. A pair of spans the pairwise
    checks already explain is not explained twice; a pair with a side in ``furniture`` (a
    caption, a credit line) is no conflict."""
    if not found:
        return links  # most checks find nothing: no index of every link for them
    index = {frozenset((lk.a, lk.b)): i for i, lk in enumerate(links)}
    out = list(links)
    for pa, pb, c in found:
        if pa.id in furniture or pb.id in furniture:
            continue
        at = index.get(frozenset((pa.id, pb.id)))
        if at is None:
            index[frozenset((pa.id, pb.id))] = len(out)
            out.append(Link(pa.id, pb.id, 0.0, False, ()))
            at = len(out) - 1
        link = out[at]
        sa, sb = (c.a, c.b) if link.a == pa.id else (c.b, c.a)
        if any(_overlap(k.a, sa) and _overlap(k.b, sb) for k in link.conflicts):
            continue
        found_c = Conflict(c.type, sa, sb, c.explanation)
        out[at] = Link(link.a, link.b, link.score, link.verbatim, (*link.conflicts, found_c))
    return out


def _overlap(x: Span, y: Span) -> bool:
    return x.start < y.end and y.start < x.end


def fact_disputes(comparison: Comparison) -> list[tuple[Fact, Fact, str]]:
    """Every pair of facts of the comparison's table that disagree, with the reason."""
    return [(x, y, d.why) for x, y, d in comparison.facts.disputes()]


def relate(
    a: str, b: str, published_a: str | None = None, published_b: str | None = None
) -> Relation:
    """Relate two statements (batch ``--pairs`` mode): aligned by score, then checked by rules."""
    if not a.strip() or not b.strip():
        # Nothing stated on one side: two empty strings are "verbatim" to rapidfuzz, not a fact.
        return Relation("unrelated", 0.0, ())
    raw, linked = pair_decision(a, b)
    score = round(raw, 4)
    if not linked:
        return Relation("unrelated", score, ())
    conflicts = tuple(detect_text_conflicts(a, b, published_a, published_b))
    return Relation("conflict" if conflicts else "shared", score, conflicts)


def passages_of(comparison: Comparison, article_id: str) -> list[Passage]:
    """The passages of one article of a comparison, in reading order."""
    return [p for p in comparison.passages if p.article_id == article_id]


def unique_passages(comparison: Comparison, article_id: str) -> list[Passage]:
    """Passages of ``article_id`` that no link touches: what only this report says. A credit
    line or a caption (index/text/credits.py) is page furniture, not something it says."""
    linked = {pid for link in comparison.links for pid in (link.a, link.b)}
    return [
        p
        for p in passages_of(comparison, article_id)
        if p.id not in linked and not is_page_furniture(p.text)
    ]


def distinct_conflicts(pairs: Iterable[tuple[Link, Conflict]]) -> list[tuple[Link, Conflict]]:
    """Each conflict once: one type between one pair of passages (either order) is one entry,
    the explanations of the others added to the first's ("300 km vs 10 km; 300 km vs 23 km")."""
    at: dict[tuple[frozenset[str], str], int] = {}
    out: list[tuple[Link, Conflict]] = []
    for link, x in pairs:
        key = (frozenset((link.a, link.b)), x.type)
        if key not in at:
            at[key] = len(out)
            out.append((link, x))
            continue
        first_link, first = out[at[key]]
        if x.explanation not in first.explanation:
            first = replace(first, explanation=f"{first.explanation}; {x.explanation}")
        out[at[key]] = (first_link, first)
    return out
