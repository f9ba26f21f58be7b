"""Text output of the headless commands: progress bar, summary lines, search hits, event lists."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping, Sequence, Set
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from index import Article, Event

ProgressCallback = Callable[[int, int, str], None]
META_CHARS = 40
"""An outlet or date in a list line is cut to this (the JSON forms carry them whole)."""


@contextlib.contextmanager
def progress_reporter(enabled: bool, label: str = "indexing") -> Iterator[ProgressCallback | None]:
    """A progress bar on stderr while indexing (or ``label``), when stderr is a terminal."""
    if not enabled:
        yield None
        return
    console = Console(stderr=True)
    columns = (
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("index", total=None)

        def update(done: int, total: int, _path: str) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def report_lines(report: Any) -> str:
    """The summary line, then one line per skipped file with its reason, and one per file
    that loaded damaged (its text has U+FFFD where bytes could not be decoded)."""
    lines = [report.summary_line()]
    if report.note:
        lines.append(f"note: {report.note}")
    lines.extend(f"skipped {item.path}: {item.reason}" for item in report.skipped)
    lines.extend(f"damaged {safe(n.path)}: {safe(n.message)}" for n in report.notices)
    return "\n".join(lines)


def safe(text: str) -> str:
    """Article text never carries control characters to the terminal (belt and braces)."""
    return "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)


def _cut(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word to at most ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    head = flat[: limit - 1]
    return (head.rsplit(" ", 1)[0] if " " in head else head) + "\u2026"


def print_search(results: Any, color: bool) -> None:
    """Ranked hits: title, source, path and a snippet with the matched words emphasised."""
    console = Console(highlight=False, no_color=not color, emoji=False)
    width = console.width  # the terminal's, 80 in a pipe: a title never wraps over many lines
    shown = len(results.hits)
    total = results.total_label()  # "35,000+" when the count stopped at a sure lower bound
    noun = "article matches" if total == "1" else "articles match"
    console.print(Text(f"{total} {noun} {results.query!r} (showing {shown})"))
    for rank, hit in enumerate(results.hits, start=1):
        source = _cut(safe(hit.source or "no outlet"), META_CHARS)  # the path follows
        date = f", {_cut(safe(hit.published), META_CHARS)}" if hit.published else ""
        summary = ", summary only" if getattr(hit, "is_summary", False) else ""
        tail = f"  ({source}{date}{summary})  {hit.score:.2f}"
        head = Text(f"\n{rank}. ")
        room = max(20, width - len(head) - len(tail) + 1)
        head.append(_cut(safe(hit.title), room), style="bold")
        head.append(tail)
        console.print(head)
        console.print(Text(f"   {safe(hit.path)}", style="dim"))
        console.print(_snippet(hit.snippet, hit.snippet_matches, color))


def _snippet(snippet: str, spans: Sequence[tuple[int, int]], color: bool) -> Text:
    """Matches styled bold on a terminal, wrapped in ** ** when piped (greppable, no ANSI)."""
    if color:
        text = Text("   " + safe(snippet))
        for start, end in spans:
            text.stylize("bold yellow underline", start + 3, end + 3)
        return text
    pieces, last = [], 0
    for start, end in sorted(spans):
        pieces.append(snippet[last:start])
        pieces.append(f"**{snippet[start:end]}**")
        last = end
    pieces.append(snippet[last:])
    return Text("   " + safe("".join(pieces)))


def events_text(
    events: Sequence[Event],
    by_id: Mapping[str, Article],
    corrected: Set[str] = frozenset(),
    width: int = 80,
    conflicts: Mapping[str, Mapping[str, int]] | None = None,
) -> str:
    """A readable list of events and their reports; an event you corrected says so, and the
    conflicts by type when they were counted (--sort conflicts, --has-conflict). An event's title
    and each report's title are cut so their lines fit ``width`` columns (the JSON form carries
    them whole); only a long article id, which is kept whole, makes a line longer."""
    if not events:  # every article is in one event: none means nothing loaded (see stderr)
        return "no events: no article was loaded" if not by_id else "no event matches"
    lines: list[str] = []
    for event in events:
        n = len(event.article_ids)
        mark = ", corrected" if event.id in corrected else ""
        counted = (conflicts or {}).get(event.id)
        if counted is not None:
            total = sum(counted.values())
            kinds = ", ".join(f"{k} {v}" for k, v in sorted(counted.items()))
            mark += f", {total} conflict{'s' if total != 1 else ''}" + (
                f": {kinds}" if kinds else ""
            )
        count = f"({n} report{'s' if n != 1 else ''}{mark})"
        room = max(20, width - len(event.id) - len(count) - 4)
        lines.append(f"{event.id}  {_cut(safe(event.title), room)}  {count}")
        for article_id in event.article_ids:
            article = by_id[article_id]
            meta = ", ".join(x for x in (article.source, article.published) if x)
            suffix = f"  [{_cut(safe(meta), META_CHARS)}]" if meta else ""
            # the id is kept whole (it is what `show` and `compare` take); the title fits the rest
            room = max(20, width - len(article.id) - len(suffix) - 6)
            lines.append(f"    {safe(article.id)}  {_cut(safe(article.title), room)}{suffix}")
        lines.append("")
    return "\n".join(lines).rstrip()
