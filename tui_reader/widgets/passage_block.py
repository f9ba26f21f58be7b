"""Provides PassageBlock: one passage with its gutter mark, its text literal and spans styled."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.style import Style
from textual.widget import Widget
from textual.widgets import Static

from ..text import neutralize

STAR = "★"  # under the gutter label of a marked passage: visible without colour

MARK_CLASSES = {
    "pane--shared",
    "pane--verbatim",
    "pane--conflict",
    "pane--unique",
    "pane--match",
    "pane--match-current",
}


class PassageText(Static):
    """The passage's words: Content built from the text (never markup) plus styled spans."""

    COMPONENT_CLASSES = MARK_CLASSES

    def __init__(self, text: str, spans: list[tuple[int, int, str]]) -> None:
        super().__init__(classes="passage-text")
        self.text = neutralize(text)  # same length: span offsets stay valid
        self.spans = spans

    def set_spans(self, spans: list[tuple[int, int, str]]) -> None:
        """Replace the styled spans (offsets into the text, component class names)."""
        self.spans = spans
        self.refresh(layout=False)

    def render(self) -> Content:
        # Styles come from the .tcss component classes at render time, so theme changes apply.
        # Not partial: a partial style drops the alpha of "$error 35%" and paints the span in the
        # full colour; the full style blends it over the passage's own background.
        content = Content(self.text)
        for start, end, name in self.spans:
            style = Style.from_rich_style(self.get_component_rich_style(name))
            content = content.stylize(style, start, end)
        return content


class PassageBlock(Widget):
    """A gutter (symbol + strength) beside the passage text; state lives in CSS classes."""

    TEXT: type[PassageText] = PassageText  # the reader's paragraphs use their own text class

    def __init__(
        self,
        index: int,
        key: str,
        text: str,
        kind: str,
        label: str,
        spans: list[tuple[int, int, str]],
    ) -> None:
        super().__init__(classes=f"passage -{kind}")
        self.index = index
        self.key = key
        self.kind = kind
        self.label = label
        self._text = text
        self._spans = spans

    def compose(self) -> ComposeResult:
        yield Static(Content(self.label), classes="gutter")
        yield self.TEXT(self._text, self._spans)

    @property
    def body(self) -> PassageText:
        """The text widget."""
        return self.query_one(PassageText)

    def set_marked(self, marked: bool) -> None:
        """Give the block the ``-marked`` class and a star under its gutter label (or take
        them off)."""
        if marked == self.has_class("-marked"):
            return
        self.set_class(marked, "-marked")
        # on a line of its own: the compare gutter is only as wide as "!4/5"
        star = "\n".join(x for x in (self.label, STAR) if x)
        self.query_one(".gutter", Static).update(Content(star if marked else self.label))
