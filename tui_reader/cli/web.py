"""The `show` and `fetch` subcommands: one article as newsreader sees it, and downloading."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from . import output
from .common import EXIT_ERROR, EXIT_OK, fail, ready_index


def article_json(article: Any) -> dict[str, Any]:
    """The fields of a search hit, then url, author and the cleaned body."""
    return {**article.to_meta(), "url": article.url, "author": article.author, "body": article.body}


def article_text(article: Any) -> str:
    lines = [article.title, ""]
    for name in ("source", "published", "url", "author"):
        value = getattr(article, name)
        lines.append(f"{name}: {value if value is not None else '(none)'}")
    lines.append(f"id: {article.id}")
    if article.is_summary:
        lines.append("summary only: the feed carried no full text of this report")
    lines += ["", article.body]
    return output.safe("\n".join(lines))


def show(args: argparse.Namespace) -> int:
    index = ready_index(args)
    article = index.article(args.article)
    if article is None:
        return fail(f"no article with id {args.article!r} in {index.corpus}")
    if args.format == "json":
        print(json.dumps(article_json(article), ensure_ascii=False, indent=2))
    else:
        print(article_text(article))
    return EXIT_OK


def fetch(args: argparse.Namespace) -> int:
    from index import FetchError, corpus_feeds, fetch_urls, read_opml, read_url_list

    into = args.into.expanduser()
    urls = list(args.urls)
    try:
        if args.opml is not None:
            urls += read_opml(args.opml.expanduser())
        if args.feeds is not None:
            urls += read_url_list(args.feeds.expanduser())
    except FetchError as error:
        return fail(str(error))
    if args.refresh:
        urls += corpus_feeds(into) if into.is_dir() else []
    if not urls:
        return fail("nothing to fetch: give URLs, --opml FILE, --feeds FILE or --refresh")
    if into.exists() and not into.is_dir():
        return fail(f"not a folder: {into}")
    into.mkdir(parents=True, exist_ok=True)
    results = fetch_urls(urls, into)
    counts = dict.fromkeys(("new", "changed", "unchanged", "failed"), 0)
    for result in results:
        counts[result.status] += 1
        stream = sys.stderr if result.status == "failed" else sys.stdout
        prefix = "newsreader: error: " if result.status == "failed" else ""
        print(prefix + output.safe(result.line()), file=stream)
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    print(f"fetched into {into}: {summary}", file=sys.stderr)
    return EXIT_ERROR if counts["failed"] else EXIT_OK
