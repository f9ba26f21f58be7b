"""Provides the newsreader widgets that more than one screen uses."""

from .article_pane import ArticlePane, BlockSpec
from .marks_panel import MarksPanel
from .passage_block import PassageBlock, PassageText
from .reader_pane import ReaderPane

__all__ = ["ArticlePane", "BlockSpec", "MarksPanel", "PassageBlock", "PassageText", "ReaderPane"]
