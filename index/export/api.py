"""Export an event's comparison, or every marked excerpt, with the user's marks and notes."""

from __future__ import annotations

from collections.abc import Sequence, Set
from pathlib import Path
from typing import Any

from index.base.models import Article, Comparison, Event
from index.export.build import document, event_section, marks_section
from index.export.html import FORMATS, render
from index.export.write import ExportError, write_atomic
from index.marks.anchoring import Anchored
from index.marks.store import AnnotationStore

__all__ = ["FORMATS", "ExportError", "event_document", "marked_document", "render", "write_atomic"]


def event_document(
    corpus: Path,
    comparison: Comparison,
    store: AnnotationStore | None = None,
    corrected: bool = False,
) -> dict[str, Any]:
    """The export of one comparison (an event, or chosen reports) with its marks; ``corrected``:
    the event is the reader's correction of the grouping."""
    marks: list[Anchored] = []
    dismissed: set[str] = set()
    by_id = {a.id: a for a in comparison.articles}
    if store is not None:
        event_id = comparison.event.id if comparison.event else None
        marks = store.anchored(corpus, by_id, by_id, event_id)
        dismissed = store.dismissed(corpus)
    section = event_section(comparison, marks, dismissed, corrected=corrected)
    return document("event", str(corpus), [section])


def marked_document(
    corpus: Path,
    articles: Sequence[Article],
    events: Sequence[Event],
    store: AnnotationStore,
    corrected: Set[str] = frozenset(),
) -> dict[str, Any]:
    """Every marked excerpt of the corpus, grouped by the event its report belongs to now
    (``events``: the grouping with the reader's corrections; ``corrected``: the ids of the events
    they changed).

    Marks on reports that are no longer in the corpus come last, orphaned, never left out.
    """
    by_id = {a.id: a for a in articles}
    marks = store.anchored(corpus, by_id)
    event_of = {aid: ev for ev in events for aid in ev.article_ids}
    sections = []
    for ev in events:
        mine = [m for m in marks if event_of.get(m.annotation.article_id) is ev]
        if mine:
            reports = [by_id[a] for a in ev.article_ids if a in by_id]
            sections.append(marks_section(ev, reports, mine, by_id, ev.id in corrected))
    lost = [m for m in marks if m.annotation.article_id not in event_of]
    if lost:
        alone = [
            by_id[a] for a in dict.fromkeys(m.annotation.article_id for m in lost) if a in by_id
        ]
        sections.append(marks_section(None, alone, lost, by_id))
    return document("marked", str(corpus), sections)
