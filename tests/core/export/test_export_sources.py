"""Export: copies said and counted once, and an event the reader corrected says so (JSON, Markdown,
HTML)."""

from __future__ import annotations

import json
from pathlib import Path

from index.base.models import Article, Comparison
from index.comparison.build import compare
from index.comparison.cache import AnalysisCache
from index.events.collapse import group_events
from index.export.api import event_document, marked_document, render
from index.ingest.loader import load_corpus
from index.marks.store import DB_NAME, AnnotationStore
from tests.helpers import write_corpus

WIRE, REPRINT = "harbour/ferry-wire.md", "harbour/reprint.md"


def _harbour(tmp_path: Path) -> tuple[Path, list[Article], Comparison]:
    corpus = write_corpus(tmp_path, with_copy=True)
    articles, _skipped = load_corpus(corpus)
    event = next(e for e in group_events(articles) if REPRINT in e.article_ids)
    by_id = {a.id: a for a in articles}
    chosen = [by_id[a] for a in event.article_ids]
    return corpus, articles, compare(chosen, event, cache=AnalysisCache())


def test_copies_are_said_and_counted_once(tmp_path: Path) -> None:
    corpus, _articles, comparison = _harbour(tmp_path)
    data = json.loads(render(event_document(corpus, comparison), "json"))
    (ev,) = data["events"]
    assert ev["corrected"] is False
    assert (len(ev["reports"]), ev["independent_sources"]) == (5, 4)
    copy_of = {r["id"]: r["copy_of"] for r in ev["reports"]}
    assert copy_of[REPRINT] == WIRE and copy_of[WIRE] is None
    assert sum(v is not None for v in copy_of.values()) == 1
    # a claim the wire and its copy both state: one source for the two, the reports counted too
    both = [c for c in ev["claims"] if {WIRE, REPRINT} <= {x["article"] for x in c["excerpts"]}]
    assert both
    for claim in both:
        assert claim["total"] == 5 and claim["total_sources"] == 4
        assert claim["independent_sources"] == claim["support"] - 1
    text = render(event_document(corpus, comparison), "md")
    assert "5 reports · 4 independent sources" in text
    assert "*copy of Ferry Wire*" in text
    k = both[0]["independent_sources"]
    assert f"{k} of 4 sources ({k + 1} reports)" in text
    assert "corrected this event" not in text
    page = render(event_document(corpus, comparison), "html")
    assert "<em>copy of Ferry Wire</em>" in page


def test_a_corrected_event_says_so(tmp_path: Path) -> None:
    corpus, articles, comparison = _harbour(tmp_path)
    doc = event_document(corpus, comparison, corrected=True)
    assert doc["events"][0]["corrected"] is True
    assert "You corrected this event's grouping" in render(doc, "md")
    assert "<em>You corrected this event" in render(doc, "html")
    article = next(a for a in articles if a.id == WIRE)
    events = group_events(articles)
    event = next(e for e in events if WIRE in e.article_ids)
    with AnnotationStore(tmp_path / DB_NAME) as store:
        store.add(corpus, article.id, 0, 10, article.body[:10], label="confirmed")
        doc = marked_document(corpus, articles, events, store, frozenset({event.id}))
    assert [ev["corrected"] for ev in doc["events"]] == [True]
    assert "You corrected this event's grouping" in render(doc, "md")
