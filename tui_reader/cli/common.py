"""Shared by the subcommands: exit codes, one-line errors, the ready index, the corrected events."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index import bundled_corpus

if TYPE_CHECKING:
    from index import Article, CorpusIndex, Event

from . import output

EXIT_OK = 0
EXIT_ERROR = 2

Handler = Callable[[argparse.Namespace], int]


def fail(message: str) -> int:
    """Print one clear line on stderr and return the error exit code."""
    print(f"newsreader: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def corpus_path(value: Path | None) -> Path:
    """The corpus folder given, or the bundled sample corpus."""
    return (value if value is not None else bundled_corpus()).expanduser()


def open_index(corpus: Path, index_dir: Path | None) -> Any:
    """The corpus's index, opened (not yet brought up to date)."""
    from index import CorpusIndex

    return CorpusIndex(corpus, index_dir)


def ready_index(args: argparse.Namespace) -> Any:
    """Open the index and bring it up to date, saying so on stderr only when work was done."""
    index = open_index(corpus_path(args.corpus), args.index_dir)
    if index.needs_update():
        interactive = sys.stderr.isatty()
        with output.progress_reporter(enabled=interactive) as progress:
            report = index.update(progress=progress)
        # On a terminal say what indexing did; in a pipe only what the user must know (skips,
        # damage, a repaired or rebuilt index) and on stderr: stdout is data.
        if interactive or report.skipped or report.notices or report.note:
            print(output.report_lines(report), file=sys.stderr)
    return index


def grouped_events(
    args: argparse.Namespace, index: CorpusIndex, articles: Sequence[Article]
) -> tuple[list[Event], frozenset[str]]:
    """The events of ``articles`` with the user's corrections applied (merge, move, split; not
    with ``--no-corrections``), and the ids of the events they changed. A correction naming a
    report that is gone is skipped, and counted on stderr."""
    from index import AnnotationStore, apply_corrections, cached_group_events

    events = cached_group_events(articles)
    if getattr(args, "no_corrections", False):
        return list(events), frozenset()
    with AnnotationStore.open(args.data_dir) as store:
        titles = {a.id: a.title for a in articles}  # a split-off event's title
        result = apply_corrections(events, store.corrections(Path(index.corpus)), titles)
    if result.stale:
        # a report a correction names is gone from the corpus: the correction is skipped
        print(
            f"{len(result.stale)} correction(s) skipped: a report they name is gone",
            file=sys.stderr,
        )
    return list(result.events), result.corrected


def named_event(args: argparse.Namespace, index: CorpusIndex) -> tuple[Event, list[Article]] | str:
    """The event ``--event ID`` names (the corrected grouping, as `newsreader events` prints it)
    and its reports, or the one-line error to give."""
    everything = index.articles()
    events, _corrected = grouped_events(args, index, everything)
    event = next((e for e in events if e.id == args.event), None)
    if event is None:
        return f"no event with id {args.event!r} (see `newsreader events`)"
    by_id = {article.id: article for article in everything}
    return event, [by_id[a] for a in event.article_ids]
