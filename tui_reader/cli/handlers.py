"""The headless subcommands over the core, and HANDLERS: the handler of each subcommand."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from . import listing, output, web
from .common import (
    EXIT_OK,
    Handler,
    corpus_path,
    fail,
    grouped_events,
    named_event,
    open_index,
    ready_index,
)
from .config_command import config_command
from .facts import facts
from .pairs import compare_pairs


def _index(args: argparse.Namespace) -> int:
    index = open_index(corpus_path(args.corpus), args.index_dir)
    with output.progress_reporter(enabled=sys.stderr.isatty()) as progress:
        report = index.update(rebuild=args.rebuild, progress=progress, verify=args.verify)
    print(output.report_lines(report))
    return EXIT_OK


def _search(args: argparse.Namespace) -> int:
    from index import split_query, validate_query

    if args.limit < 1:
        return fail("--limit must be at least 1")
    sieve = split_query(args.query)
    if sieve.words:
        validate_query(sieve.words)  # a malformed query fails at once, before any indexing
    index = ready_index(args)
    if sieve.filters:
        results = _sifted(index, sieve, args.limit)
    else:
        results = index.search(args.query, limit=args.limit)
    if args.format == "json":
        print(json.dumps(results.to_json(), ensure_ascii=False, indent=2))
    else:
        output.print_search(results, color=sys.stdout.isatty())
    return EXIT_OK


def _sifted(index: Any, sieve: Any, limit: int) -> Any:
    """Search with filter fields: the events' comparisons decide (index/sift), computed here
    with a progress bar on a terminal (NEWSREADER_ANALYSIS_CACHE=disk keeps them for the next
    run)."""
    from index import (
        AnnotationStore,
        NewsreaderError,
        apply_corrections,
        cached_group_events,
        compare,
        sift_search,
        without_dismissed,
    )

    articles = index.articles()
    events = cached_group_events(articles)
    dismissed: set[str] = set()
    try:  # event ids as `newsreader events` prints them, with your corrections
        with AnnotationStore.open(None) as store:
            events = list(apply_corrections(events, store.corrections(Path(index.corpus))).events)
            # conflict: leaves out the conflicts you dismissed as false, as the app does
            dismissed = store.dismissed(Path(index.corpus))
    except NewsreaderError:
        pass  # no marks store: the events as grouped
    by_id = {a.id: a for a in articles}
    with output.progress_reporter(sys.stderr.isatty(), "comparing") as progress:
        return sift_search(
            sieve,
            lambda words, n: index.search(words, limit=n),
            events,
            by_id,
            lambda event, members: without_dismissed(compare(members, event), dismissed),
            limit,
            None if progress is None else lambda done, total: progress(done, total, ""),
        )


def _events(args: argparse.Namespace) -> int:
    index = ready_index(args)
    articles = index.articles()
    events, corrected = grouped_events(args, index, articles)
    by_id = {article.id: article for article in articles}
    asked = listing.from_args(args)
    listed = listing.select(events, by_id, asked)
    events = [f.event for f in listed]
    # shown only when counted for every event (a single report's none is known without it)
    conflicts = {
        f.event.id: f.conflicts
        for f in listed
        if f.conflicts is not None and asked.counts_conflicts
    }
    if args.format == "json":
        payload = {
            "events": [
                {
                    "id": event.id,
                    "title": event.title,
                    "corrected": event.id in corrected,
                    "articles": [by_id[a].to_meta() for a in event.article_ids],
                    **({"conflicts": conflicts[event.id]} if event.id in conflicts else {}),
                }
                for event in events
            ]
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        width = shutil.get_terminal_size().columns
        print(output.events_text(events, by_id, corrected, width, conflicts))
    return EXIT_OK


def _compare(args: argparse.Namespace) -> int:
    from index import (
        compare,
        comparison_to_json,
        comparison_to_markdown,
        comparison_to_text,
        relate,
        relation_to_json,
    )

    if args.pairs is not None:
        if args.event or args.articles:
            return fail("--pairs takes no --event or article ids")
        return compare_pairs(args.pairs, relate, relation_to_json)
    if bool(args.event) == bool(args.articles):
        return fail("give either --event ID or two or more article ids")
    if args.format == "jsonl":
        return fail("--format jsonl goes with --pairs")
    index = ready_index(args)
    event = None
    if args.event:
        found = named_event(args, index)
        if isinstance(found, str):
            return fail(found)
        event, articles = found
    else:
        if len(args.articles) < 2:
            return fail("compare needs two or more article ids")
        articles = []
        for article_id in args.articles:
            article = index.article(article_id)
            if article is None:
                return fail(f"no article with id {article_id!r} in {index.corpus}")
            articles.append(article)
    comparison = compare(articles, event)
    if args.format == "json":
        payload = comparison_to_json(comparison)
        text = json.dumps(payload, ensure_ascii=False, indent=2)
    elif args.format == "md":
        text = comparison_to_markdown(comparison)
    else:
        text = comparison_to_text(comparison, shutil.get_terminal_size().columns)
    print(text)
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from index import (
        AnnotationStore,
        event_document,
        marked_document,
        render,
        write_atomic,
    )

    if args.output is None and args.force:
        return fail("--force goes with -o FILE")
    if args.output is not None:  # fail before any indexing when the file is there
        from index import ExportError

        target = args.output.expanduser()
        if target.is_symlink() or (target.exists() and not args.force):
            raise ExportError(
                f"{target} already exists (use --force to overwrite it)"
                if not target.is_symlink()
                else f"refusing to write through a symlink: {target}"
            )
    index = ready_index(args)
    corpus = Path(index.corpus)
    everything = index.articles()
    events, corrected = grouped_events(args, index, everything)
    with AnnotationStore.open(args.data_dir) as store:
        if args.marked:
            doc = marked_document(corpus, everything, events, store, corrected)
        else:
            from index import compare

            event = next((e for e in events if e.id == args.event), None)
            if event is None:
                return fail(f"no event with id {args.event!r} (see `newsreader events`)")
            by_id = {article.id: article for article in everything}
            comparison = compare([by_id[a] for a in event.article_ids], event)
            doc = event_document(corpus, comparison, store, event.id in corrected)
    text = render(doc, args.format)
    if args.output is None:
        sys.stdout.write(text)
    else:
        written = write_atomic(args.output, text, force=args.force)
        print(f"wrote {written}", file=sys.stderr)
    return EXIT_OK


HANDLERS: dict[str, Handler] = {
    "config": config_command,
    "index": _index,
    "search": _search,
    "events": _events,
    "compare": _compare,
    "facts": facts,
    "export": _export,
    "show": web.show,
    "fetch": web.fetch,
}
"""One handler per name in parser.COMMANDS."""
