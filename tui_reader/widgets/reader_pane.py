"""Provides ReaderPane: an ArticlePane whose text can also show marked and cursor sentences."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from .article_pane import ArticlePane, header_content
from .passage_block import PassageBlock, PassageText

# Span names a reader paragraph adds to the compare screen's (app.tcss styles them).
READER_CLASSES = {"pane--marked", "pane--cursor"}


class ReaderText(PassageText):
    """PassageText that knows the reader's extra span styles."""

    COMPONENT_CLASSES = READER_CLASSES  # merged with PassageText's by Textual


class ReaderBlock(PassageBlock):
    """A paragraph of the reader: a (usually empty) gutter for the mark star, then the text."""

    def compose(self) -> ComposeResult:
        yield Static(Content(self.label), classes="gutter")
        yield ReaderText(self._text, self._spans)


class ReaderPane(ArticlePane):
    """The reader's single pane: one ReaderBlock per paragraph."""

    def compose(self) -> ComposeResult:
        # As ArticlePane.compose, with the reader's block class.
        yield Static(header_content(self.article), classes="pane-header")
        for i, spec in enumerate(self.specs):
            block = ReaderBlock(i, spec.key, spec.text, spec.kind, spec.label, spec.spans)
            block.set_class(spec.paragraph, "-paragraph")
            yield block
