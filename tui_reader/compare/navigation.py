"""Provides the compare screen's navigation choices as plain functions (no widgets, no Textual).

Which block is the next of a kind, which report a pane shows next, which reports to bring in so
that every pane states the current passage: decided here, applied by PaneRow.
"""

from __future__ import annotations

from collections.abc import Sequence

from index import Article, Link

from ..widgets.pane_header import header_parts
from .model import CompareModel, PassageView

WANT: dict[str, tuple[str, ...]] = {
    "linked": ("shared", "verbatim", "conflict"),
    "conflict": ("conflict",),
    "unique": ("unique",),
}
"""What ``n``/``c``/``u`` step to: the block kinds of each."""


def next_of_kind(kinds: Sequence[str], start: int, step: int, wanted: Sequence[str]) -> int | None:
    """The first block after ``start`` (before it when ``step`` < 0) whose kind is wanted."""
    for offset in range(1, len(kinds) + 1):
        i = start + step * offset
        if not 0 <= i < len(kinds):
            return None
        if kinds[i] in wanted:
            return i
    return None


def next_anywhere(
    model: CompareModel, article_id: str, start: int, step: int, wanted: Sequence[str]
) -> tuple[str, int] | None:
    """The next passage of a wanted kind after block ``start`` of ``article_id`` (before it when
    ``step`` < 0), continuing into the following (previous) reports of the comparison in their
    order: (article id, block index), or None when no report has one further on."""
    order = [a.id for a in model.comparison.articles]
    here = order.index(article_id)
    reports = order[here:] if step > 0 else order[: here + 1][::-1]
    for n, report in enumerate(reports):
        kinds = [view.kind for view in model.views.get(report, [])]
        if n == 0:
            origin = start
        else:  # a report further on is searched from its first (last) passage
            origin = -1 if step > 0 else len(kinds)
        found = next_of_kind(kinds, origin, step, wanted)
        if found is not None:
            return report, found
    return None


def next_report(order: Sequence[str], shown: Sequence[str], active: int, step: int) -> str | None:
    """The report the active pane shows after ``step``: the next in ``order`` that no other pane
    shows; None when every report is already on screen."""
    current = shown[active]
    others = set(shown) - {current}
    i = order.index(current)
    for offset in range(1, len(order) + 1):
        candidate = order[(i + step * offset) % len(order)]
        if candidate not in others:
            return None if candidate == current else candidate
    return None


def more_or_fewer(order: Sequence[str], shown: Sequence[str], step: int) -> list[str]:
    """The reports on screen after adding (``step`` > 0) or removing a pane: at least one, at most
    one per report; a new pane shows the first report not on screen."""
    count = max(1, min(len(shown) + step, len(order)))
    if count <= len(shown):
        return list(shown[:count])
    return [*shown, next(a for a in order if a not in shown)]


def ranked(view: PassageView) -> list[Link]:
    """The passage's links, strongest first."""
    return sorted(view.links, key=lambda k: -k.score)


def with_linked_reports(
    model: CompareModel, view: PassageView, shown: Sequence[str], active: int
) -> list[str] | None:
    """The reports to show so that the other panes state ``view``'s passage: each pane whose
    report does not state it takes a report that does and is not on screen yet (strongest link
    first). None when no pane changes."""
    linked = [
        model.passages[view.other(k)].article_id
        for k in ranked(view)
        if view.other(k) in model.passages
    ]
    missing = [a for a in dict.fromkeys(linked) if a not in shown]
    result = list(shown)
    for i, article_id in enumerate(shown):
        if i == active or article_id in linked or not missing:
            continue
        result[i] = missing.pop(0)
    return result if result != list(shown) else None


def switched(before: Sequence[str], after: Sequence[str], articles: Sequence[Article]) -> list[str]:
    """'Pane 2 now shows Outlet · date: title' for each pane whose report changed."""
    by_id = {a.id: a for a in articles}
    lines = []
    for i, (old, new) in enumerate(zip(before, after, strict=False)):
        if old != new and new in by_id:
            meta, title = header_parts(by_id[new])
            lines.append(f"Pane {i + 1} now shows {meta}: {title[:60]}")
    return lines
