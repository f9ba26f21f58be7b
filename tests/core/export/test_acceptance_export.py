"""Acceptance: exported reports read right where a user meets them (marks whose report is gone)."""

from __future__ import annotations

from typing import Any

from index.export.markdown import document_markdown, event_markdown


def _orphans() -> dict[str, Any]:
    excerpt = {
        "article": "gone.md",
        "source": None,
        "title": None,
        "published": None,
        "path": "gone.md",
        "start": None,
        "end": None,
        "text": "Gulls nested on the pier.",
    }
    mark = {
        "id": 1,
        "label": None,
        "note": "",
        "status": "orphaned",
        "conflict": None,
        "created": "2025-01-01T00:00:00+00:00",
        "updated": "2025-01-01T00:00:00+00:00",
        "excerpt": excerpt,
    }
    return {
        "id": None,
        "title": "Marks on reports no longer in the corpus",
        "reports": [],
        "marks": [mark],
    }


def test_orphaned_marks_are_not_called_reports_chosen_by_hand() -> None:
    doc = {
        "format": "newsreader-export",
        "version": 1,
        "scope": "marked",
        "corpus": "/c",
        "generated": "2025-01-01T00:00:00+00:00",
        "events": [_orphans()],
    }
    text = document_markdown(doc)
    assert "Marks on reports no longer in the corpus" in text
    assert "chosen by hand" not in text
    assert "Reports (0)" not in text  # an empty list of reports says nothing
    assert "Gulls nested on the pier." in text


def test_chosen_reports_still_say_so() -> None:
    chosen = {
        "id": None,
        "title": "Chosen reports",
        "claims": [],
        "conflicts": [],
        "dismissed_conflicts": [],
        "unique": [],
        "marks": [],
        "reports": [
            {
                "id": "a.md",
                "path": "a.md",
                "title": "A",
                "source": "Dale Post",
                "published": None,
                "url": None,
            }
        ],
    }
    text = event_markdown(chosen)
    assert "Reports chosen by hand" in text and "Reports (1)" in text
