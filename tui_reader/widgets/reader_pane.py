"""Provides ReaderPane: an ArticlePane whose text can also show marked and cursor sentences."""

from __future__ import annotations

from textual.content import Content
from textual.style import Style

from .article_pane import ArticlePane
from .passage_block import PassageBlock, PassageText

# Span names a reader paragraph adds to the compare screen's (app.tcss styles them).
READER_CLASSES = {"pane--marked", "pane--cursor"}


class ReaderText(PassageText):
    """PassageText whose reader-only span styles are read from the pane.

    They are the pane's component classes, not each paragraph's: Textual restyles every
    component class of every widget, and two more per paragraph made a long report open
    about a quarter slower.
    """

    def render(self) -> Content:
        pane = next((a for a in self.ancestors if isinstance(a, ReaderPane)), None)
        content = Content(self.text)
        for start, end, name in self.spans:
            if pane is not None and name in READER_CLASSES:
                # not partial: a partial style drops the alpha of "$success 30%" (full green)
                rich = pane.get_component_rich_style(name)
            else:
                rich = self.get_component_rich_style(name, partial=True)
            content = content.stylize(Style.from_rich_style(rich), start, end)
        return content


class ReaderBlock(PassageBlock):
    """A paragraph of the reader: a (usually empty) gutter for the mark star, then the text."""

    TEXT = ReaderText


class ReaderPane(ArticlePane):
    """The reader's single pane: one ReaderBlock per paragraph."""

    COMPONENT_CLASSES = READER_CLASSES
    BLOCK = ReaderBlock
    _cached: list[PassageBlock] | None = None

    @property
    def blocks(self) -> list[PassageBlock]:
        """The blocks, found once: a DOM query walks every node, and on a long report that
        was most of the time of a cursor move (they never change after compose)."""
        if self._cached is None or len(self._cached) != len(self.specs):
            self._cached = list(self.query(PassageBlock))
        return self._cached
