"""Provides ArticlePane: one report drawn through Textual's line API, only the rows on screen.

A report of 5 MB is tens of thousands of passages: one widget each took minutes to mount and
gigabytes of memory. Here a passage is a plain Block; the pane wraps every block once per width
(linear, lines/wrap.py) and paints the rows in view on demand (lines/paint.py).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from rich.segment import Segment
from textual import events, work
from textual.binding import Binding
from textual.css.styles import RenderStyles
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from index import Article

from ..lines.layout import Block, Geometry, Layout, Spans
from ..lines.paint import COMPONENT_CLASSES, Palette, paint_line
from ..lines.prepared import BlockSpec, Prepared
from ..lines.wrap import wrap_starts
from .pane_header import header_rows


class ArticlePane(ScrollView, can_focus=True):
    """One report: a header, then its blocks; tracks a current block for navigation."""

    COMPONENT_CLASSES = COMPONENT_CLASSES
    GEOMETRY = Geometry(gutter=4, gap_every=False)  # the compare panes: gutter label, bar
    HEADER_INDENT = 6  # the header's text lines up with the passages'

    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False),
        Binding("k,up", "scroll_up", "Up", show=False),
    ]

    def __init__(
        self, article: Article, blocks: list[BlockSpec] | Prepared, note: str = "", **kwargs: object
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.article = article
        self.note = note  # after the outlet and date in the header: 'copy of <outlet>'
        ready = blocks if isinstance(blocks, Prepared) else Prepared.of(blocks)
        self.headline = ready.headline
        self.blocks = ready.blocks
        self._chars = ready.chars
        self.marked: set[int] = {b.index for b in ready.blocks if b.marked}
        self._by_key: dict[str, Block] | None = None
        # "!4/5" fits the class's 4 columns; "!7/10" needs 5: the gutter takes the longest label
        gutter = self.GEOMETRY.gutter
        self.geometry = (
            replace(self.GEOMETRY, gutter=ready.widest)
            if 0 < gutter < ready.widest
            else self.GEOMETRY
        )
        self.current = -1
        self.current_top = False  # the current block was last placed at the top (else centred)
        self._layout: Layout | None = None
        self._header: list[list[Segment]] = []
        self._palette: Palette | None = None

    # ---- layout ----

    @property
    def rows(self) -> Layout:
        """The blocks' rows at the pane's present width (recomputed when it changes)."""
        region = self.scrollable_content_region
        width = region.width
        geometry = self.geometry
        text_width = max(width - geometry.gutter - 2, 1)
        if (
            not self.show_vertical_scrollbar
            and self.styles.overflow_y == "auto"
            and self._chars // text_width > region.height
        ):
            # Its text alone fills more rows than the pane has: the scrollbar is coming. Laid out
            # at the width it leaves now, not twice (each a measure of every block, 7 ms for a
            # 5 MB report, and a wrap of all of them in the worker).
            width -= self.styles.scrollbar_size_vertical
            text_width = max(width - geometry.gutter - 2, 1)
        if self._layout is None or self._layout.width != text_width:
            self._header = header_rows(
                self.article, self.note, width, self.HEADER_INDENT, not self.headline
            )
            self._layout = Layout(self.blocks, text_width, len(self._header), geometry)
            self._sync_size()
            if not self._layout.exact:
                self._wrap_all(text_width)
        return self._layout

    class Wrapped(Message):
        """The worker wrapped every block at ``width``."""

        def __init__(self, width: int, starts: list[tuple[int, ...]]) -> None:
            super().__init__()
            self.width = width
            self.starts = starts

    @work(thread=True, exclusive=True, group="wrap", exit_on_error=False)
    def _wrap_all(self, width: int) -> None:
        # Off the UI thread: a long report's every line (the rows on screen are wrapped first).
        worker = get_current_worker()
        starts = []
        for block in self.blocks:
            if worker.is_cancelled:
                return
            starts.append(tuple(wrap_starts(block.text, width)))
        self.post_message(self.Wrapped(width, starts))

    def on_article_pane_wrapped(self, message: Wrapped) -> None:
        message.stop()
        layout = self._layout
        if layout is None or layout.width != message.width:
            return  # resized meanwhile: a newer worker wraps at the new width
        anchor = self.first_visible() if self.blocks else -1
        offset = self.scroll_offset.y - layout.tops[anchor] if anchor >= 0 else 0
        layout.adopt(message.starts)
        self._sync_size()
        if anchor >= 0:  # the same words stay at the top of the pane
            self.scroll_to(y=layout.tops[anchor] + offset, animate=False, immediate=True)
        self.refresh()

    def _sync_size(self) -> None:
        assert self._layout is not None
        size = Size(self.scrollable_content_region.width, self._layout.total)
        if size != self.virtual_size:
            self.virtual_size = size

    def header_text(self) -> str:
        """The header as painted, its rows joined by spaces."""
        return " ".join("".join(s.text for s in row).strip() for row in self._header)

    def on_resize(self, _event: events.Resize) -> None:
        self.rows  # noqa: B018 - re-wraps at the new width

    def on_unmount(self) -> None:
        # A widget is part of reference cycles (parent, app), freed only by a full collection,
        # and never once the app froze it (gc.freeze, app.py): a long report's blocks are let
        # go now, not kept with it.
        self.blocks = []
        self.marked = set()
        self._layout = None
        self._by_key = None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._palette = None  # a theme change: read the component classes again

    # ---- painting ----

    def _read_palette(self) -> Palette:
        def styles_of(name: str) -> RenderStyles | None:
            try:
                return self.get_component_styles(name)
            except KeyError:  # while the app shuts down they are gone before a last paint
                return None

        return Palette.read(self.rich_style, styles_of, self.has_class("-dim"))

    def render_lines(self, crop: Region) -> list[Strip]:
        layout = self.rows  # the width may have changed since the last paint
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        for _ in range(3):  # wrap the blocks in view; their rows may bring others in
            first, last = layout.at(top)[0], layout.at(top + height)[0]
            if not layout.ensure(first, last):
                break
            self._sync_size()
        self._palette = self._read_palette()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        layout = self.rows
        palette = self._palette
        width = self.scrollable_content_region.width
        base = self.rich_style
        if palette is None:
            return Strip.blank(width, base)
        if y < len(self._header):
            # The header stays on the pane's top rows while the text scrolls under it: which
            # outlet and date a pane shows is never scrolled away.
            style = palette.on(base, "pane--header")
            segments = [Segment(s.text, style + s.style) for s in self._header[y]]
            return Strip(segments).crop_extend(0, width, style)
        index, line = layout.at(self.scroll_offset.y + y)
        if index < 0 or line < 0:
            return Strip.blank(width, base)
        return self._paint(index, line, palette, width)

    def _paint(self, index: int, line: int, palette: Palette, width: int) -> Strip:
        block = self.blocks[index]
        span = self.rows.span(index, line, len(block.text))
        current = index == self.current
        return paint_line(block, span, line, palette, self.geometry.gutter, width, current)

    def paint_block(self, index: int) -> list[Strip]:
        """Every row of block ``index``, painted as the screen shows it (for tests and checks)."""
        width = self.scrollable_content_region.width
        palette = self._read_palette()
        return [self._paint(index, n, palette, width) for n in range(self.rows.heights[index])]

    # ---- changing what blocks show ----

    def set_spans(self, index: int, spans: Spans) -> None:
        """Replace the styled spans of block ``index`` (offsets into its text)."""
        kept = tuple(spans)
        if self.blocks[index].spans != kept:
            self.blocks[index].spans = kept
            self.refresh()

    def set_marked(self, index: int, marked: bool) -> None:
        """Mark block ``index`` (a star under its gutter label, a tint) or unmark it."""
        self.mark_blocks(self.marked | {index} if marked else self.marked - {index})

    def mark_blocks(self, indices: set[int]) -> None:
        """Mark exactly the blocks ``indices``: only those that change are visited, and the rows
        are measured once (a star on a line of its own may add a row)."""
        changed = indices ^ self.marked
        if not changed:
            return
        for index in changed:
            self.blocks[index].marked = index in indices
        self.marked = set(indices)
        if self._layout is not None:
            self._layout.measure()
            self._sync_size()
        self.refresh()

    # ---- where blocks are ----

    def block_for(self, key: str) -> Block | None:
        """The block showing passage ``key``."""
        if self._by_key is None:
            self._by_key = {b.key: b for b in self.blocks}
        return self._by_key.get(key)

    def block_at(self, y: int) -> int:
        """The block on row ``y`` of the viewport, or -1 (the header's rows hold none)."""
        layout = self.rows
        if y < len(self._header):
            return -1
        index, line = layout.at(self.scroll_offset.y + y)
        return index if line >= 0 else -1

    def set_current(self, index: int, scroll: bool = True, top: bool = False) -> None:
        """Mark block ``index`` as current and bring it into view (centred, or at the top)."""
        if not self.blocks:
            return
        self.current = max(0, min(index, len(self.blocks) - 1))
        self.current_top = top
        self.refresh()
        if scroll:
            # After the next refresh: the detail panel may change height (and so this pane's).
            self.call_after_refresh(self.bring_into_view, self.current, top)

    def bring_into_view(self, index: int, top: bool) -> None:
        """Scroll block ``index`` to the viewport's top, or centre it."""
        layout = self.rows
        if layout.ensure(index, index):
            self._sync_size()
        head = len(self._header)  # rows the header covers at the top
        y = layout.tops[index] - head
        if not top:
            room = self.scrollable_content_region.height - head
            y -= max(room - layout.heights[index], 0) // 2
        self.scroll_to(y=y, animate=False, immediate=True)

    def in_view(self, index: int) -> bool:
        """Whether block ``index`` is at least partly inside the viewport."""
        layout = self.rows
        head = len(self._header)
        top = self.scroll_offset.y + head
        height = self.scrollable_content_region.height - head
        return (
            layout.tops[index] < top + height and layout.tops[index] + layout.heights[index] > top
        )

    def first_visible(self) -> int:
        """Index of the first block whose bottom is below the header."""
        layout = self.rows
        top = self.scroll_offset.y + len(self._header)
        i = bisect_right(layout.tops, top) - 1
        if i < 0:
            return 0
        if layout.tops[i] + layout.heights[i] > top:
            return i
        return min(i + 1, len(self.blocks) - 1)

    def last_visible(self) -> int:
        """Index of the last block that is at least partly on screen."""
        layout = self.rows
        bottom = self.scroll_offset.y + self.scrollable_content_region.height
        return max(bisect_left(layout.tops, bottom) - 1, 0) if self.blocks else -1
