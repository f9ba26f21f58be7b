"""Provides ReaderPane and PreviewPane: an ArticlePane of paragraphs, for one report alone."""

from __future__ import annotations

from ..lines.layout import Geometry
from .article_pane import ArticlePane


class ReaderPane(ArticlePane):
    """The reader's single pane: a paragraph a block, a blank line between them, and a narrow
    gutter kept for the mark star (so marking never re-wraps a paragraph)."""

    GEOMETRY = Geometry(gutter=2, gap_every=True)
    HEADER_INDENT = 1


class PreviewPane(ArticlePane):
    """The article list's preview: paragraphs without a gutter."""

    GEOMETRY = Geometry(gutter=0, gap_every=True)
    HEADER_INDENT = 1
