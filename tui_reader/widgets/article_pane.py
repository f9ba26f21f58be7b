"""Provides ArticlePane: a scrolling article, a header and one PassageBlock per passage."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from index import Article

from ..text import date_only, one_line, outlet
from .passage_block import PassageBlock


@dataclass
class BlockSpec:
    """What one block shows: text, mark kind, gutter label and styled spans (text offsets)."""

    key: str  # passage id, or "p<n>" for a paragraph
    start: int  # offset of the text in the article body
    text: str
    kind: str = "plain"
    label: str = ""
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    paragraph: bool = False  # starts a new paragraph of the article (a blank line above)


def header_content(article: Article, note: str = "") -> Content:
    """Outlet, date and title as literal Content (outlet names may contain brackets); a feed
    entry loaded from its summary says so, since its text is not the whole report, and
    ``note`` follows (a copied report's 'copy of <outlet>')."""
    summary = "summary only" if article.is_summary else ""
    parts = (outlet(article.source, article.path), date_only(article.published), summary, note)
    meta = " · ".join(x for x in parts if x)
    return Content.assemble((meta, "bold"), "\n", one_line(article.title))


class ArticlePane(VerticalScroll):
    """One report: header then blocks; tracks a current block for navigation."""

    BLOCK: type[PassageBlock] = PassageBlock  # the reader's pane uses its own block class

    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False),
        Binding("k,up", "scroll_up", "Up", show=False),
    ]

    def __init__(
        self, article: Article, blocks: list[BlockSpec], note: str = "", **kwargs: object
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.article = article
        self.note = note  # after the outlet and date in the header: 'copy of <outlet>'
        self.specs = blocks
        self.current = -1
        self.current_top = False  # the current block was last placed at the top (else centred)

    def compose(self) -> ComposeResult:
        yield Static(header_content(self.article, self.note), classes="pane-header")
        for i, spec in enumerate(self.specs):
            block = self.BLOCK(i, spec.key, spec.text, spec.kind, spec.label, spec.spans)
            block.set_class(spec.paragraph, "-paragraph")
            yield block

    @property
    def blocks(self) -> list[PassageBlock]:
        """The mounted passage blocks in order."""
        return list(self.query(PassageBlock))

    def block_for(self, key: str) -> PassageBlock | None:
        """The block showing passage ``key``."""
        return next((b for b in self.blocks if b.key == key), None)

    def set_current(self, index: int, scroll: bool = True, top: bool = False) -> None:
        """Mark block ``index`` as current and bring it into view (centred, or at the top)."""
        blocks = self.blocks
        if not blocks:
            return
        index = max(0, min(index, len(blocks) - 1))
        if 0 <= self.current < len(blocks):
            blocks[self.current].remove_class("-current")
        self.current = index
        blocks[index].add_class("-current")
        self.current_top = top
        if scroll:
            # After the next refresh: the detail panel may change height (and so this pane's).
            self.call_after_refresh(self._bring_into_view, blocks[index], top)

    def _bring_into_view(self, block: PassageBlock, top: bool) -> None:
        if top:
            self.scroll_to_widget(block, top=True, animate=False, immediate=True)
        else:
            self.scroll_to_center(block, animate=False, immediate=True)

    def in_view(self, index: int) -> bool:
        """Whether block ``index`` is at least partly inside the viewport."""
        region = self.blocks[index].virtual_region
        top, height = self.scroll_y, self.scrollable_content_region.height
        return region.y < top + height and region.y + region.height > top

    def last_visible(self) -> int:
        """Index of the last block that is at least partly on screen."""
        visible = [b.index for b in self.blocks if self.in_view(b.index)]
        return visible[-1] if visible else len(self.blocks) - 1

    def first_visible(self) -> int:
        """Index of the first block whose top is on screen (after a free scroll)."""
        top = self.scroll_y
        for block in self.blocks:
            if block.virtual_region.y + block.virtual_region.height > top:
                return block.index
        return 0
