"""A feed entry loaded from its summary is labelled so in the reader and compare headers."""

from __future__ import annotations

from index import Article
from tui_reader.widgets.pane_header import header_parts


def _article(is_summary: bool) -> Article:
    return Article(
        id="f.xml#e1",
        path="f.xml",
        title="Council approves [b]breakwater[/b]",
        body="The council voted for it.",
        source="Coast Wire",
        published="2025-03-10T15:05:00+00:00",
        is_summary=is_summary,
    )


def test_header_says_summary_only() -> None:
    assert header_parts(_article(True)) == (
        "Coast Wire · 2025-03-10 · summary only",
        "Council approves [b]breakwater[/b]",
    )
    assert "summary" not in " ".join(header_parts(_article(False)))
