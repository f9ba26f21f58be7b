"""Provides the newsreader widgets that more than one screen uses."""

from .article_pane import ArticlePane, BlockSpec
from .lists import KeyFooter, ListOptions, ListTable, PickList
from .marks_panel import MarksPanel
from .reader_pane import PreviewPane, ReaderPane
from .typing import TypingArea, TypingInput

__all__ = [
    "ArticlePane",
    "BlockSpec",
    "KeyFooter",
    "ListOptions",
    "ListTable",
    "MarksPanel",
    "PickList",
    "PreviewPane",
    "ReaderPane",
    "TypingArea",
    "TypingInput",
]
