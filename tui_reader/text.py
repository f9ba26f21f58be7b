"""Provides helpers that turn untrusted strings into literal, control-free Content."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.content import Content

# Article text must never drive the terminal: the core's one definition of what to take out.
from index import neutralize_controls, strip_controls


def clean(text: str | None) -> str:
    """Remove escape sequences and control characters (keeps newlines and tabs)."""
    return strip_controls(text) if text else ""


def neutralize(text: str | None) -> str:
    """Same-length text with every control character shown as U+FFFD.

    For text addressed by character offsets (passages, snippets): offsets stay valid, and without
    ESC no escape sequence can reach the terminal.
    """
    return neutralize_controls(text or "")


def one_line(text: str | None, limit: int = 0) -> str:
    """Clean text collapsed onto one line, shortened to ``limit`` characters when given."""
    flat = " ".join(clean(text).split())
    if limit and len(flat) > limit:
        return flat[: limit - 1].rstrip() + "…"
    return flat


def literal(text: str | None) -> Content:
    """Content that shows ``text`` exactly as written: never parsed as markup."""
    return Content(clean(text))


def outlet(source: str | None, path: str = "") -> str:
    """The outlet's name, or the file name marked as such when the article names none.

    Never invented, and never passed off as an outlet: a reader would take a bare
    "harbor-report.txt" in the outlet column for a publication's name.
    """
    if source:
        return one_line(source)
    name = one_line(path.rsplit("/", 1)[-1])
    return f"(no outlet) {name}" if name else "(no outlet)"


def outlets_line(articles: Iterable[Any]) -> str:
    """The outlets of some reports, named ones first (alphabetically), then the files of those
    that name none: a cut list shows outlets, not "(no outlet) ..." sorting first by its bracket."""
    names = {outlet(a.source, a.path) for a in articles}
    return ", ".join(sorted(names, key=lambda n: (n.startswith("(no outlet)"), _sort_key(n))))


def _sort_key(name: str) -> str:
    """Alphabetical by letters: "[Reuters]" sorts as Reuters, "dnipro" beside "Dnipro"."""
    return name.lstrip("[(\"'“‘").casefold()


def date_only(published: str | None) -> str:
    """The date part of an ISO 8601 timestamp, or an empty string."""
    return one_line(published)[:10] if published else ""


def counted(count: int | str, noun: str, plural: str = "") -> str:
    """'1 event', '3 events', '1,234 matching articles' ('35,000+' counts as many); the plural
    is ``noun + 's'`` unless given."""
    many = plural or noun + "s"
    return f"{count} {noun if str(count) == '1' else many}"
