"""Provides the newsreader widgets."""

from .article_pane import ArticlePane, BlockSpec
from .detail_panel import DetailPanel
from .passage_block import PassageBlock, PassageText

__all__ = ["ArticlePane", "BlockSpec", "DetailPanel", "PassageBlock", "PassageText"]
