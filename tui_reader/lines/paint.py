"""Provides Palette (the pane's styles, read from its CSS component classes) and paint_line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.css.styles import RenderStyles
from textual.strip import Strip

from ..text import neutralize
from .layout import Block

# Span classes of passage text (app.tcss styles them).
SPAN_CLASSES = {
    "pane--shared",
    "pane--verbatim",
    "pane--conflict",
    "pane--unique",
    "pane--match",
    "pane--match-current",
    "pane--marked",
    "pane--cursor",
}
KINDS = ("shared", "verbatim", "conflict", "unique", "skipped")
# The bar down a passage differs by mark in its line style, not only its colour ("skipped": the
# part of a long report the comparison did not analyse).
BARS = {"shared": "│", "verbatim": "║", "conflict": "┃", "skipped": "╎"}
PART_CLASSES = {
    "pane--header",
    "pane--gutter",
    "pane--current",
    "pane--current-gutter",
    "pane--marked-gutter",
    "pane--marked-text",
    "pane--dim",
    *(f"pane--gutter-{k}" for k in KINDS),
    *(f"pane--bar-{k}" for k in KINDS),
}
COMPONENT_CLASSES = SPAN_CLASSES | PART_CLASSES


@dataclass(frozen=True)
class Layer:
    """One component class's own rules: colours keep their alpha, to be blended over a ground."""

    color: Color | None
    background: Color | None
    text_style: Style


class Palette:
    """The pane's styles for one paint, read from its component classes: a theme change applies
    at the next paint. Translucent colours are blended over the ground they are painted on, as
    Textual blends a widget over its parent (a conflict's tint over the current passage's)."""

    def __init__(self, base: Style, layers: dict[str, Layer], dim: bool) -> None:
        self.base = base
        self.layers = layers
        self.dim = dim
        self._cache: dict[tuple[Style, str], Style] = {}

    @classmethod
    def read(
        cls, base: Style, styles_of: Callable[[str], RenderStyles | None], dim: bool
    ) -> Palette:
        """``styles_of(name)``: the widget's component styles (None when they are gone)."""
        layers: dict[str, Layer] = {}
        for name in COMPONENT_CLASSES:
            styles = styles_of(name)
            if styles is None:
                continue
            layers[name] = Layer(
                styles.color if styles.has_rule("color") else None,
                styles.background if styles.has_rule("background") else None,
                styles.text_style if styles.has_rule("text_style") else Style(),
            )
        return cls(base, layers, dim)

    def on(self, ground: Style, name: str) -> Style:
        """``ground`` with class ``name`` painted over it."""
        key = (ground, name)
        if key in self._cache:
            return self._cache[key]
        layer = self.layers.get(name)
        style = ground
        if layer is not None:
            under = Color.from_rich_color(ground.bgcolor) if ground.bgcolor else Color(0, 0, 0)
            back = under
            if layer.background is not None and layer.background.a > 0:
                back = under.blend(layer.background.with_alpha(1.0), layer.background.a)
            fore: Color | None = None
            if layer.color is not None:
                fore = back.blend(layer.color.with_alpha(1.0), layer.color.a)
            style = (
                ground
                + layer.text_style
                + Style(
                    color=fore.rich_color if fore is not None else None,
                    bgcolor=back.rich_color if ground.bgcolor or back is not under else None,
                )
            )
        self._cache[key] = style
        return style


def paint_line(
    block: Block,
    line: tuple[int, int],
    row: int,
    p: Palette,
    gutter: int,
    width: int,
    current: bool,
) -> Strip:
    """Row ``row`` of ``block``: gutter, bar, a space, then the text from ``line``'s start to its
    end with its spans; ``current``: the block the cursor is on. ``width``: the pane's."""
    text_style = p.base
    if current:
        text_style = p.on(text_style, "pane--current")
    if block.marked:
        text_style = p.on(text_style, "pane--marked-text")
    if p.dim and block.kind == "unique":
        text_style = p.on(text_style, "pane--dim")
    segments: list[Segment] = []
    if gutter:
        style = p.on(p.base, "pane--current") if current else p.base
        style = p.on(style, "pane--gutter")
        if block.marked:
            style = p.on(style, "pane--marked-gutter")
        style = p.on(style, f"pane--gutter-{block.kind}")
        labels = block.gutter_lines()
        if current and row < max(len(labels), 1):  # the label's rows, not the whole block's
            style = p.on(style, "pane--current-gutter")
        label = labels[row] if row < len(labels) else ""
        segments.append(Segment(label[:gutter].ljust(gutter), style))
    # The bar sits on the text's ground, in its kind's colour.
    segments.append(Segment(BARS.get(block.kind, " "), p.on(text_style, f"pane--bar-{block.kind}")))
    segments.append(Segment(" ", text_style))
    segments.extend(_runs(block, line[0], line[1], text_style, p))
    return Strip(segments).crop_extend(0, width, text_style)


def _runs(block: Block, start: int, end: int, style: Style, p: Palette) -> list[Segment]:
    """The text from ``start`` to ``end`` cut where the spans begin and end, each run styled."""
    text = block.text
    spans = [(max(s, start), min(e, end), n) for s, e, n in block.spans if s < end and e > start]
    if not spans:
        return [Segment(neutralize(text[start:end]), style)]
    cuts = sorted({start, end, *(s for s, _e, _n in spans), *(e for _s, e, _n in spans)})
    runs: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        run_style = style
        for s, e, name in spans:  # later spans on top (hits over marks over the cursor)
            if s <= a and b <= e:
                run_style = p.on(run_style, name)
        runs.append(Segment(neutralize(text[a:b]), run_style))
    return runs
