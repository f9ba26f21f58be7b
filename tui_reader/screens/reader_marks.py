"""Provides ReaderMarks: the reader's side of marks (the article's event, export of one report)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from textual.widgets import Label

from index import AnnotationStore, Article, Event

from .export_dialog import ExportDialog
from .mark_actions import MarkActions, default_export_path


class ReportExportDialog(ExportDialog):
    """The export dialog, worded for one report rather than a comparison."""

    def on_mount(self) -> None:
        # ExportDialog.on_mount runs too (Textual calls each class's handler): it focuses the path.
        self.query(Label).first().update("Export this report with your marks")


class ReaderMarks(MarkActions):
    """Base of ReaderScreen: new marks carry the article's event; export writes this report."""

    article: Article
    no_passage_hint = "Go to a sentence first: ) next sentence, n next hit, or click a paragraph"
    _event: Event | None = None

    def event_of_article(self) -> Event | None:
        """The event the article belongs to (None until events are grouped)."""
        if self._event is None:
            aid = self.article.id
            self._event = next((ev for ev in self.app.events or [] if aid in ev.article_ids), None)
        return self._event

    def new_mark_event(self) -> str | None:
        event = self.event_of_article()
        return event.id if event else None

    def export_dialog(self) -> ExportDialog:
        stem = re.sub(r"[^\w.-]+", "-", Path(self.article.path).stem).strip("-.") or "report"
        return ReportExportDialog(default_export_path(f"newsreader-{stem}.md"))

    def export_document(self, store: AnnotationStore | None) -> dict[str, Any] | None:
        """This report and its marks, in the ``--marked`` shape (docs/export-format.md)."""
        from index import document, marks_section

        by_id = {self.article.id: self.article}
        marks = [] if store is None else store.anchored(self.app.corpus, by_id, by_id)
        event = self.event_of_article()
        section = marks_section(event, [self.article], marks, by_id)
        if event is None:  # events not grouped yet: not "reports no longer in the corpus"
            section["title"] = self.article.title
        return document("marked", str(self.app.corpus), [section])
