"""Build the export document (a JSON-ready dict) from a comparison and the user's marks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

from index.base.models import Article, Comparison, Conflict, Event, Link, Passage
from index.comparison.build import distinct_conflicts, unique_passages
from index.comparison.json_form import conflict_to_json
from index.comparison.sources import copy_of, independent_sources, label
from index.comparison.variants import variant_reports
from index.conflicts.detect import quote_diff
from index.export.figures import figures_of, figures_to_json
from index.marks.anchoring import Anchored, conflict_key

FORMAT = "newsreader-export"
VERSION = 1


def article_meta(article: Article) -> dict[str, Any]:
    """A report in the list of reports: what every excerpt of it cites."""
    return {**article.to_meta(), "url": article.url, "label": label(article.source, article.id)}


def excerpt(
    article: Article | None,
    article_id: str,
    start: int | None,
    end: int | None,
    text: str,
    in_title: bool = False,
) -> dict[str, Any]:
    """A quoted passage with its citation (outlet, title, date, path); offsets index the body,
    or the title when ``in_title`` (the report's headline)."""
    return {
        "article": article_id,
        "source": article.source if article else None,
        "label": label(article.source if article else None, article_id),
        "title": article.title if article else None,
        "published": article.published if article else None,
        "path": article.path if article else article_id.split("#", 1)[0],
        "start": start,
        "end": end,
        "text": text,
        "in_title": in_title,
    }


class _Quoter:
    """Excerpts of a comparison's passages by id (lookups built once per event)."""

    def __init__(self, comparison: Comparison) -> None:
        self.passages: dict[str, Passage] = {p.id: p for p in comparison.passages}
        self.articles: dict[str, Article] = {a.id: a for a in comparison.articles}

    def __call__(self, passage_id: str) -> dict[str, Any]:
        p = self.passages[passage_id]
        article = self.articles[p.article_id]
        return excerpt(article, p.article_id, p.start, p.end, p.text, p.in_title)


def _claims(c: Comparison, outlet: Mapping[str, str], quote: _Quoter) -> list[dict[str, Any]]:
    # strongest first; the claim order from the engine breaks ties (sorted() is stable)
    claims = sorted(c.claims, key=lambda claim: -len(set(claim.articles)))
    total, families = len(c.articles), independent_sources(c)
    return [
        {
            "support": len(set(cl.articles)),
            "total": total,
            # the same counted by independent sources: a copy counts with its original
            "independent_sources": independent_sources(c, list(dict.fromkeys(cl.articles))),
            "total_sources": families,
            "sources": [outlet[a] for a in dict.fromkeys(cl.articles)],
            "excerpts": [quote(pid) for pid in cl.passages],
        }
        for cl in claims
    ]


def _conflicts(
    c: Comparison, dismissed: set[str], quote: _Quoter
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(conflicts, conflicts the user dismissed as false)."""
    passage = quote.passages
    kept: list[tuple[Link, Conflict]] = []
    gone: list[tuple[Link, Conflict]] = []
    for link in c.links:
        for x in link.conflicts:
            key = conflict_key(x, passage[link.a], passage[link.b])
            (gone if key in dismissed else kept).append((link, x))
    # one entry per pair of passages and type: two findings there are one conflict to read
    return _entries(distinct_conflicts(kept), quote), _entries(distinct_conflicts(gone), quote)


def _entries(pairs: list[tuple[Link, Conflict]], quote: _Quoter) -> list[dict[str, Any]]:
    out = []
    for link, x in pairs:
        diff = quote_diff(x.a.text, x.b.text) if x.type == "quote" else None
        spans = conflict_to_json(x)
        out.append(
            {
                "key": conflict_key(x, quote.passages[link.a], quote.passages[link.b]),
                "type": x.type,
                "explanation": x.explanation,
                "a": {**quote(link.a), "span": spans["a"]},
                "b": {**quote(link.b), "span": spans["b"]},
                "diff": None if diff is None else [list(step) for step in diff],
            }
        )
    return out


def _variants(c: Comparison, outlet: Mapping[str, str]) -> list[dict[str, Any]]:
    """Each name spelled differently by the reports (not a conflict), with who writes each form."""
    out = []
    for variant in c.variants:
        uses = variant_reports(c, variant)
        forms = [
            {"form": form, "articles": list(ids), "outlets": sorted({outlet[i] for i in ids})}
            for form, ids in uses.items()
        ]
        out.append({"type": variant.type, "forms": forms})
    return out


def mark_entry(mark: Anchored, article: Article | None) -> dict[str, Any]:
    """One of the user's marks: label, note, whether it is still found, and the excerpt."""
    a = mark.annotation
    text = mark.text if mark.text is not None else a.text
    return {
        "id": a.id,
        "label": a.label,
        "note": a.note,
        "status": mark.status,
        "conflict": a.conflict,
        "created": a.created,
        "updated": a.updated,
        "excerpt": excerpt(article, a.article_id, mark.start, mark.end, text),
    }


def event_section(
    comparison: Comparison,
    marks: Sequence[Anchored] = (),
    dismissed: Iterable[str] = (),
    articles: Mapping[str, Article] | None = None,
    corrected: bool = False,
) -> dict[str, Any]:
    """Everything the report says about one event (or a set of chosen reports); ``corrected``:
    the event is the reader's correction of the grouping (a merge, move or split)."""
    c = comparison
    outlet = {a.id: label(a.source, a.id) for a in c.articles}
    by_id = {a.id: a for a in c.articles} | dict(articles or {})
    quote = _Quoter(c)
    conflicts, gone = _conflicts(c, set(dismissed), quote)
    original = copy_of(c)
    return {
        "id": c.event.id if c.event else None,
        "title": c.event.title if c.event else "Chosen reports",
        "corrected": corrected,
        "independent_sources": independent_sources(c),
        "reports": [{**article_meta(a), "copy_of": original.get(a.id)} for a in c.articles],
        "claims": _claims(c, outlet, quote),
        "conflicts": conflicts,
        "dismissed_conflicts": gone,
        "variants": _variants(c, outlet),
        "facts": figures_to_json(figures_of(c)),
        "unique": [
            {
                "article": a.id,
                "excerpts": [
                    excerpt(a, a.id, p.start, p.end, p.text, p.in_title)
                    for p in unique_passages(c, a.id)
                ],
            }
            for a in c.articles
        ],
        "marks": [mark_entry(m, by_id.get(m.annotation.article_id)) for m in marks],
    }


def marks_section(
    event: Event | None,
    articles: Sequence[Article],
    marks: Sequence[Anchored],
    by_id: Mapping[str, Article],
    corrected: bool = False,
) -> dict[str, Any]:
    """An event's reports and marks only (``--marked``); event None gathers orphaned marks."""
    return {
        "id": event.id if event else None,
        "title": event.title if event else "Marks on reports no longer in the corpus",
        "corrected": corrected,
        "reports": [article_meta(a) for a in articles],
        "marks": [mark_entry(m, by_id.get(m.annotation.article_id)) for m in marks],
    }


def document(scope: str, corpus: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    """The whole export: ``scope`` is "event" or "marked"."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "scope": scope,
        "corpus": corpus,
        "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "events": events,
    }
