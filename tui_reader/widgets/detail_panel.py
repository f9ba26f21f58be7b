"""Provides DetailPanel and explain(): who shares the current passage, what conflicts and why."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from index.conflicts import quote_diff
from index.models import Conflict

from ..marks import GUTTER, CompareModel, PassageView
from ..text import one_line

KIND_NAMES = {
    "shared": "Shared",
    "verbatim": "Verbatim copy",
    "conflict": "Conflict",
    "unique": "Only in this report",
}


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """The core's word diff of two quotes, runs of the same op joined: [(op, words)]."""
    runs: list[tuple[str, str]] = []
    for op, word in quote_diff(a, b):
        if runs and runs[-1][0] == op:
            runs[-1] = (op, f"{runs[-1][1]} {word}")
        else:
            runs.append((op, word))
    return runs


def _diff_line(a: str, b: str) -> Content:
    parts: list[Content | tuple[str, str] | str] = ["  words: "]
    styles = {"=": "", "-": "strike $error", "+": "underline $success"}
    marks = {"=": "", "-": "-", "+": "+"}
    for op, words in word_diff(a, b):
        parts.append((f"{marks.get(op, '')}{one_line(words)} ", styles.get(op, "")))
    return Content.assemble(*parts)


def _conflict_lines(model: CompareModel, view: PassageView) -> list[Content]:
    lines: list[Content] = []
    for link, conflict, mine_is_a in view.conflicts():
        other = model.passages.get(view.other(link))
        other_outlet = model.outlet_of(other.article_id) if other else "?"
        mine, theirs = (conflict.a, conflict.b) if mine_is_a else (conflict.b, conflict.a)
        lines.append(Content.assemble(
            ("! ", "bold $error"), (f"{conflict.type}", "bold"), " vs ", (other_outlet, "bold"),
            ": ", (one_line(mine.text, 50), "underline"), " ≠ ",
            (one_line(theirs.text, 50), "underline"),
            " — ", one_line(conflict.explanation, 160),
        ))
        if conflict.type == "quote":
            lines.append(_diff_line(mine.text, theirs.text))
    return lines


def explain(model: CompareModel, view: PassageView, limit: int = 4) -> Content:
    """A few lines describing the passage's mark, its sources, and every conflict."""
    symbol = GUTTER[view.kind]
    own = model.outlet_of(view.passage.article_id)
    if view.kind == "unique":
        head = Content.assemble((f"{symbol} {KIND_NAMES['unique']}", "bold"), f": {own}")
        return head
    outlets = ", ".join(model.outlet_of(a) for a in view.supporters)
    head = Content.assemble(
        (f"{symbol} {KIND_NAMES[view.kind]}", "bold"), " · ",
        (model.strength(view), "bold"), ": ", one_line(outlets, 90),
    )
    verbatim = [model.outlet_of(model.passages[view.other(k)].article_id)
                for k in view.links if k.verbatim and view.other(k) in model.passages]
    lines = [head]
    if verbatim:
        lines.append(Content("≡ copied word for word in: " + ", ".join(sorted(set(verbatim)))))
    lines.extend(_conflict_lines(model, view))
    return Content("\n").join(lines[:limit])


def conflict_summary(conflict: Conflict) -> str:
    """One line for a conflict (used by the command palette and tests)."""
    return f"{conflict.type}: {one_line(conflict.explanation)}"


class DetailPanel(Static):
    """A few lines under the panes; content is always built from literal text."""

    def show(self, content: Content) -> None:
        """Replace the explanation."""
        self.update(content)
