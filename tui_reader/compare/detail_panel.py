"""Provides DetailPanel and explain(): who shares the current passage, what conflicts and why."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from ..text import one_line
from .model import GUTTER, CompareModel, PassageView

StyleType = Style | str

KIND_NAMES = {
    "shared": "Shared",
    "verbatim": "Verbatim copy",
    "conflict": "Conflict",
    "unique": "Only in this report",
}


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """The core's word diff of two quotes, runs of the same op joined: [(op, words)]."""
    from index import quote_diff  # loads the conflict checks: only once a passage is explained

    runs: list[tuple[str, str]] = []
    for op, word in quote_diff(a, b):
        if runs and runs[-1][0] == op:
            runs[-1] = (op, f"{runs[-1][1]} {word}")
        else:
            runs.append((op, word))
    return runs


# Styles without colour; the panel passes the colours of its .tcss component classes instead.
PLAIN: dict[str, StyleType] = {
    "heading": "bold",
    "conflict": "bold",
    "removed": "strike",
    "added": "underline",
}


def _diff_line(a: str, b: str, styles: Mapping[str, StyleType]) -> Content:
    parts: list[Content | tuple[str, StyleType] | str] = ["  words: "]
    by_op = {"=": "", "-": styles["removed"], "+": styles["added"]}
    marks = {"=": "", "-": "-", "+": "+"}
    for op, words in word_diff(a, b):
        parts.append((f"{marks.get(op, '')}{one_line(words)} ", by_op.get(op, "")))
    return Content.assemble(*parts)


def _edits_line(a: str, b: str, styles: Mapping[str, StyleType]) -> Content:
    """The word diff of a near copy, unchanged stretches cut to the word next to each edit."""
    runs = word_diff(a, b)
    parts: list[Content | tuple[str, StyleType] | str] = ["  edits: "]
    by_op = {"-": styles["removed"], "+": styles["added"]}
    last = len(runs) - 1
    for i, (op, words) in enumerate(runs):
        if op in by_op:
            parts.append((f"{op}{one_line(words)} ", by_op[op]))
            continue
        kept = words.split()
        if 0 < i < last and len(kept) <= 3:
            parts.append(f"{' '.join(kept)} ")
            continue
        left = kept[:1] if i > 0 else []
        right = kept[-1:] if i < last else []
        gap = ["…"] if len(kept) > len(left) + len(right) else []
        parts.append(" ".join(left + gap + right) + " ")
    return Content.assemble(*parts)


def _conflict_lines(
    model: CompareModel, view: PassageView, styles: Mapping[str, StyleType]
) -> list[Content]:
    lines: list[Content] = []
    for link, conflict, mine_is_a in view.conflicts():
        other = model.passages.get(view.other(link))
        other_outlet = model.outlet_of(other.article_id) if other else "?"
        mine, theirs = (conflict.a, conflict.b) if mine_is_a else (conflict.b, conflict.a)
        lines.append(
            Content.assemble(
                ("! ", styles["conflict"]),
                (conflict.type, "bold"),
                " vs ",
                (other_outlet, "bold"),
                ": ",
                (one_line(mine.text, 50), "underline"),
                " ≠ ",
                (one_line(theirs.text, 50), "underline"),
                " — ",
                one_line(conflict.explanation, 160),
            )
        )
        if conflict.type == "quote":
            lines.append(_diff_line(mine.text, theirs.text, styles))
    return lines


def variant_lines(model: CompareModel, view: PassageView) -> list[Content]:
    """For each name this passage writes that other reports spell differently: the other
    spellings and who writes them (a variant, not a conflict)."""
    from index import spelled_in, variant_reports

    lines = []
    text = view.passage.text
    for variant in model.comparison.variants:
        if not any(spelled_in(form, text) for form in variant.forms):
            continue
        others = [
            f"{one_line(form, 40)} ({', '.join(model.outlet_of(a) for a in ids)})"
            for form, ids in variant_reports(model.comparison, variant).items()
            if ids and not spelled_in(form, text)
        ]
        if others:
            lines.append(Content("~ name also spelled (not a conflict): " + "; ".join(others)))
    return lines


def explain(
    model: CompareModel,
    view: PassageView,
    limit: int = 4,
    styles: Mapping[str, StyleType] = PLAIN,
) -> Content:
    """A few lines describing the passage's mark, its sources, and every conflict."""
    symbol = GUTTER[view.kind]
    own = model.outlet_of(view.passage.article_id)
    if view.kind == "unique":
        head = Content.assemble((f"{symbol} {KIND_NAMES['unique']}", styles["heading"]), f": {own}")
        return Content("\n").join([head, *variant_lines(model, view)][:limit])
    outlets = ", ".join(model.outlet_of(a) for a in view.supporters)
    head = Content.assemble(
        (f"{symbol} {KIND_NAMES[view.kind]}", styles["heading"]),
        " · ",
        (model.strength(view), "bold"),
        ": ",
        one_line(outlets, 90),
    )
    from index import quote_diff

    exact: set[str] = set()
    edited: dict[str, str] = {}
    for k in view.links:
        other = model.passages.get(view.other(k))
        if k.verbatim and other is not None:
            outlet = model.outlet_of(other.article_id)
            if any(op != "=" for op, _ in quote_diff(view.passage.text, other.text)):
                edited.setdefault(outlet, other.text)
            else:
                exact.add(outlet)
    lines = [head]
    if exact:
        lines.append(Content("≡ copied word for word in: " + ", ".join(sorted(exact))))
    if edited:
        # A near copy can change a fact no conflict rule knows (an arm for a leg): show the edits.
        lines.append(Content("≡ copied with edits in: " + ", ".join(sorted(edited))))
    lines.extend(_conflict_lines(model, view, styles))
    lines.extend(variant_lines(model, view))
    if edited:
        # Last: a conflict line already says what differs, and the panel shows ``limit`` lines.
        lines.append(_edits_line(view.passage.text, edited[min(edited)], styles))
    return Content("\n").join(lines[:limit])


class DetailPanel(Static):
    """A few lines under the panes; content is always built from literal text."""

    COMPONENT_CLASSES = {"detail--heading", "detail--conflict", "detail--removed", "detail--added"}

    HINT = (
        "n/N linked passage · c/C conflict · u unique · Enter aligns the other panes · "
        "[ ] change report · ? all keys"
    )
    """What the panel says while the cursor is on no passage."""

    def show_hint(self) -> None:
        """Say which keys move the cursor (no passage is current)."""
        self.update(Content(self.HINT))

    def explain(self, model: CompareModel, view: PassageView, mark: str | None = None) -> None:
        """Explain ``view`` in the colours of this panel's component classes; ``mark`` is the
        user's own mark on the passage (label and note), shown on a line of its own."""
        styles: dict[str, StyleType] = {
            key: Style.from_rich_style(self.get_component_rich_style(f"detail--{key}"))
            for key in PLAIN
        }
        text = explain(model, view, styles=styles)
        if mark:
            text = Content.assemble(text, "\n", ("★ ", styles["heading"]), one_line(mark, 200))
        self.update(text)
