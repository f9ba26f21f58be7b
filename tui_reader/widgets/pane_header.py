"""Provides a report pane's header: its outlet, date and title, literal, wrapped into rows."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style

from index import Article

from ..lines.wrap import wrap_starts
from ..text import date_only, one_line, outlet

TITLE_LIMIT = 300  # characters of a title shown in a header (a first line can be a whole text)


def header_parts(article: Article, note: str = "") -> tuple[str, str]:
    """Outlet, date (and "summary only" for a feed entry loaded from its summary: its text is not
    the whole report), ``note`` (a copied report's 'copy of <outlet>'), then the title; literal,
    control-free, on one line each."""
    summary = "summary only" if article.is_summary else ""
    parts = (outlet(article.source, article.path), date_only(article.published), summary, note)
    return " · ".join(x for x in parts if x), one_line(article.title, TITLE_LIMIT)


def header_rows(
    article: Article, note: str, width: int, indent: int, title: bool = True
) -> list[list[Segment]]:
    """The header's rows at ``width``: the outlet line in bold, then the title (``title``: not
    when the first block is the headline, which shows the title with its gutter and marks),
    each wrapped and indented by ``indent`` columns."""
    meta, heading = header_parts(article, note)
    inner = max(width - indent - 1, 1)
    rows: list[list[Segment]] = []
    for text, bold in ((meta, True), *(((heading, False),) if title else ())):
        starts = wrap_starts(text, inner)
        for a, b in zip(starts, [*starts[1:], len(text)], strict=False):
            rows.append([Segment(" " * indent), Segment(text[a:b], Style(bold=bold))])
    return rows
