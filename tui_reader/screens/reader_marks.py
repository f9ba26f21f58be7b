"""Provides ReaderMarks: the reader screen's side of marking (the MarkSite its MarkController
asks: marking/site.py) and its export of the report with its marks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from index import Article, Passage

from ..marking import ExportPlan, MarkController, MarkScope, Spans, default_export_path
from ..reading import ArticleMap
from ..state import AppState
from ..widgets import ReaderPane

if TYPE_CHECKING:
    from index import Anchored, AnnotationStore


class ReaderPage(Protocol):
    """What marking needs of the reader screen."""

    state: AppState
    article: Article
    map: ArticleMap
    marked: list[tuple[int, int]]  # the marked spans of the report, painted by ``paint``
    marking: MarkController

    @property
    def pane(self) -> ReaderPane: ...

    @property
    def sentences(self) -> Sequence[Passage]: ...

    def current_passage(self) -> Passage | None: ...

    def paint(self) -> None: ...

    def set_cursor(self, n: int) -> None: ...


class ReaderMarks:
    """The report's sentences as the mark controller sees them: one report, its event's."""

    no_passage_hint = "Go to a sentence first: ) next sentence, n next hit, or click a paragraph"

    def __init__(self, page: ReaderPage) -> None:
        self.page = page

    def current_passage(self) -> Passage | None:
        return self.page.current_passage()

    def marks_scope(self) -> MarkScope:
        page = self.page
        event = page.state.event_of(page.article.id)
        return MarkScope({page.article.id: page.article}, None, event.id if event else None)

    def paint_marks(self, spans: Spans) -> None:
        self.page.marked = sorted(spans.get(self.page.article.id, []))
        self.page.paint()

    def reveal(self, passage: Passage) -> None:
        pane = self.page.pane
        block = self.page.map.block_of(passage.start)
        if 0 <= block < len(pane.blocks) and not pane.in_view(block):
            pane.set_current(block, top=False)

    def jump_to_mark(self, mark: Anchored) -> None:
        if mark.start is not None and self.page.sentences:
            self.page.set_cursor(self.page.map.sentence_at(mark.start))
            self.page.pane.focus()

    def focus_text(self) -> None:
        self.page.pane.focus()

    def mark_removed(self, mark: Anchored) -> None:
        self.page.marking.refresh()

    def export_plan(self) -> ExportPlan:
        path = self.page.article.path
        stem = re.sub(r"[^\w.-]+", "-", Path(path).stem).strip("-.") or "report"
        return ExportPlan(
            "Export this report with your marks",
            default_export_path(f"newsreader-{stem}.md"),
            self._export_document,
        )

    def _export_document(self, store: AnnotationStore | None) -> dict[str, Any]:
        """This report and its marks, in the ``--marked`` shape (docs/export-format.md)."""
        from index import document, marks_section

        state, article = self.page.state, self.page.article
        by_id = {article.id: article}
        marks = [] if store is None else store.anchored(state.corpus, by_id, by_id)
        event = state.event_of(article.id)
        corrected = event is not None and event.id in state.corrected
        section = marks_section(event, [article], marks, by_id, corrected)
        if event is None:  # events not grouped yet: not "reports no longer in the corpus"
            section["title"] = article.title
        return document("marked", str(state.corpus), [section])
