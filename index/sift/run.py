"""A search narrowed by filters: hits kept where the event's comparison has passages that pass.

The knowledge lives in the comparisons (computed per event, cached by content in
index/comparison's cache), not in the Whoosh index, so the filters are a post-filter: the words
are searched first, then each hit's event is compared (or read from the cache) and the hit kept
when one of its passages passes. Cost: one comparison per event touched (the first time; the
cache answers after), and, when filters drop hits, searching again for more (up to every match).
Without words, every event in scope is compared.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from index.base.errors import QueryError
from index.base.models import Article, Comparison, Event, Passage
from index.comparison.sources import claim_sources
from index.search import SearchHit, SearchResults
from index.search.snippet import snippet
from index.sift.fields import Sieve

CompareFn = Callable[[Event, list[Article]], Comparison]
SearchFn = Callable[[str, int], SearchResults]
Progress = Callable[[int, int], None]
# Hits asked of the index per round when filters may drop some: the page times this, then all.
WIDEN = 4
# At most this many hits are looked at (each one's matches and snippet are computed): a filter
# that keeps almost nothing of a very common word stops there, its total then a lower bound.
SCAN = 2000


def passing_passages(sieve: Sieve, c: Comparison, article_id: str) -> list[Passage]:
    """The passages of ``article_id`` in ``c`` that pass every per-passage filter."""
    by_id = {a.id: a for a in c.articles}
    linked: dict[str, set[str]] = {}
    types: dict[str, set[str]] = {}
    passage_article = {p.id: p.article_id for p in c.passages}
    for link in c.links:
        for here, there in ((link.a, link.b), (link.b, link.a)):
            linked.setdefault(here, set()).add(passage_article.get(there, ""))
            types.setdefault(here, set()).update(x.type for x in link.conflicts)
    sources: dict[str, int] = {}
    for claim in c.claims:
        n = claim_sources(c, claim)
        for pid in claim.passages:
            sources[pid] = max(sources.get(pid, 1), n)
    out = []
    for p in c.passages:
        if p.article_id != article_id:
            continue
        kinds = types.get(p.id, set())
        if sieve.conflict is not None and not (
            kinds if sieve.conflict == "any" else kinds & {sieve.conflict}
        ):
            continue
        if not sieve.sources_ok(sources.get(p.id, 1)):
            continue
        if sieve.only is not None:
            others = {by_id[a] for a in linked.get(p.id, set()) if a in by_id}
            if not all(outlet_is(a, sieve.only) for a in {by_id[article_id], *others}):
                continue
        out.append(p)
    return out


def outlet_is(article: Article, name: str) -> bool:
    """Does ``name`` (any case, words in order) name the article's outlet? A report that names
    none is shown as "(no outlet) FILE": its file name stands in."""
    want = " ".join(name.casefold().split())
    own = article.source or article.path.rsplit("/", 1)[-1]
    return bool(want) and want in " ".join(own.casefold().split())


def sift_search(
    sieve: Sieve,
    search: SearchFn,
    events: Sequence[Event],
    articles: Mapping[str, Article],
    comparison_of: CompareFn,
    limit: int = 10,
    progress: Progress | None = None,
) -> SearchResults:
    """The hits of ``sieve``'s words (``search``) that its filters keep, best first; without
    words, every article of the events in scope with passages that pass (most first). A kept
    hit's matches are its matched words inside passing passages, or those passages whole."""
    limit = max(1, int(limit))
    scope = _scope(sieve, events, articles)
    event_of = {aid: e for e in scope for aid in e.article_ids}
    compared: dict[str, Comparison] = {}

    def comparison(event: Event) -> Comparison:
        if event.id not in compared:
            members = [articles[a] for a in event.article_ids if a in articles]
            compared[event.id] = comparison_of(event, members)
            if progress is not None:
                progress(len(compared), len(scope))
        return compared[event.id]

    query = sieve.words
    if not query:
        return _without_words(sieve, scope, articles, comparison, limit)
    ask = limit * WIDEN
    while True:
        results = search(query, ask)
        found = (_keep(sieve, hit, event_of, articles, comparison) for hit in results.hits)
        kept = [h for h in found if h is not None]
        every = len(results.hits) >= results.total or not results.hits
        if len(kept) >= limit or every or ask >= SCAN:
            # past the hits looked at, more may pass: then the total is a lower bound ("12+")
            exact = every and results.total_exact
            return SearchResults(sieve.text, len(kept), tuple(kept[:limit]), exact)
        ask = min(results.total, SCAN)  # the page was not enough: every match, once


def _scope(sieve: Sieve, events: Sequence[Event], articles: Mapping[str, Article]) -> list[Event]:
    if sieve.event is not None:
        scope = [e for e in events if e.id == sieve.event]
        if not scope:
            raise QueryError(f"event:{sieve.event}", "no event has this id (newsreader events)")
        return scope
    if sieve.only is not None:
        name = sieve.only
        return [
            e
            for e in events
            if any(outlet_is(articles[a], name) for a in e.article_ids if a in articles)
        ]
    if sieve.conflict is not None or (sieve.shared is not None and not sieve.sources_ok(1)):
        return [e for e in events if len(e.article_ids) > 1]  # one report has no link
    return list(events)


def _keep(
    sieve: Sieve,
    hit: SearchHit,
    event_of: Mapping[str, Event],
    articles: Mapping[str, Article],
    comparison: Callable[[Event], Comparison],
) -> SearchHit | None:
    event = event_of.get(hit.id)
    if event is None or hit.id not in articles:
        return None
    if not sieve.per_passage:
        return hit
    passages = passing_passages(sieve, comparison(event), hit.id)
    if not passages:
        return None
    inside = tuple(
        m for m in hit.matches if any(p.start <= m[0] and m[1] <= p.end for p in passages)
    )
    if hit.matches and not inside:
        return None  # the words are in the report, but not in a passage that passes
    excerpt, marks = snippet(articles[hit.id].body, inside or _spans(passages))
    return replace(hit, snippet=excerpt, snippet_matches=marks, matches=inside or _spans(passages))


def _spans(passages: Sequence[Passage]) -> tuple[tuple[int, int], ...]:
    return tuple((p.start, p.end) for p in passages)


def _without_words(
    sieve: Sieve,
    scope: Sequence[Event],
    articles: Mapping[str, Article],
    comparison: Callable[[Event], Comparison],
    limit: int,
) -> SearchResults:
    """Every article of the events in scope with a passage that passes, most passages first."""
    found: list[SearchHit] = []
    for event in scope:
        for aid in event.article_ids:
            article = articles.get(aid)
            if article is None:
                continue
            if sieve.per_passage:
                passages = passing_passages(sieve, comparison(event), aid)
                if not passages:
                    continue
                matches = _spans(passages)
            else:
                passages, matches = [], ()
            excerpt, marks = snippet(article.body, matches)
            found.append(
                SearchHit(
                    id=article.id,
                    path=article.path,
                    title=article.title,
                    source=article.source,
                    published=article.published,
                    score=float(len(passages)),
                    snippet=excerpt,
                    snippet_matches=marks,
                    matches=matches,
                    is_summary=article.is_summary,
                )
            )
    found.sort(key=lambda h: (-h.score, h.id))
    return SearchResults(_query_of(sieve), len(found), tuple(found[:limit]))


def _query_of(sieve: Sieve) -> str:
    return sieve.text
