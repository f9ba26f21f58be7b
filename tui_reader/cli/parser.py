"""Builds the argument parsers of ``newsreader`` (the app) and its headless subcommands."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NoReturn

from tui_reader import __version__
from tui_reader.cli.options import (
    add_config,
    add_corpus,
    add_corrections,
    add_data_dir,
    add_event_filters,
    add_index_dir,
)

COMMANDS = ("index", "search", "events", "compare", "facts", "export", "show", "fetch", "config")
"""The headless subcommands; each has a parser below and a handler in handlers.py."""

DESCRIPTION = (
    "Compare how different outlets report the same event. Bare `newsreader` opens the bundled "
    "sample corpus; `newsreader DIR` opens a folder of articles (.txt, .md, .json, .jsonl, "
    "saved web pages .html, RSS/Atom feeds .xml .rss .atom)."
)


class OneLineParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line on stderr and exit code 2, like every
    other error of newsreader (argparse prints the whole usage first)."""

    def error(self, message: str) -> NoReturn:
        flat = " ".join(message.split())
        self.exit(2, f"{self.prog}: error: {flat} (see `{self.prog} --help`)\n")


def app_parser() -> argparse.ArgumentParser:
    """The parser for opening the app (no subcommand)."""
    parser = OneLineParser(
        prog="newsreader",
        description=DESCRIPTION,
        epilog=f"commands: {', '.join(COMMANDS)} (see `newsreader COMMAND --help`)",
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    parser.add_argument("corpus", nargs="?", type=Path, metavar="DIR", help="folder of articles")
    add_index_dir(parser)
    add_data_dir(parser)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the index from scratch")
    add_config(parser)
    return parser


def command_parser() -> argparse.ArgumentParser:
    """The parser for the headless subcommands."""
    parser = OneLineParser(prog="newsreader", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "index",
        help="index a folder of articles",
        description="Index a folder of articles (incrementally), then print one summary line.",
    )
    p.add_argument("corpus", type=Path, metavar="DIR", help="folder of articles")
    p.add_argument("--rebuild", action="store_true", help="rebuild the index from scratch")
    p.add_argument(
        "--verify",
        action="store_true",
        help="read every index file against its checksum and rebuild a damaged index",
    )
    add_index_dir(p)

    p = sub.add_parser(
        "search",
        help="search the articles",
        description=(
            "Search titles and bodies (indexing first if needed). Whoosh query language: AND, OR,"
            ' NOT, "phrases", title:/source: fields, wild*cards, fuzzy~. Plain words rank articles'
            " with all of them first and still return articles with some of them. Filter fields"
            " answered by the events' comparisons: conflict:TYPE, only:OUTLET, shared:>=N,"
            " event:ID (README: Search)."
        ),
    )
    p.add_argument("query", nargs="+", help="the query (several words are joined by spaces)")
    add_corpus(p)
    p.add_argument("--limit", type=int, default=10, metavar="N", help="hits to show (default 10)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    p = sub.add_parser(
        "events",
        help="group the articles by event",
        description=(
            "Group the articles that report the same real-world event, with the corrections"
            " you made (merge, move, split) applied."
        ),
    )
    add_corpus(p)
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    add_corrections(p, "show the machine's own grouping, without your corrections")
    add_event_filters(p)

    p = sub.add_parser(
        "compare",
        help="compare the reports of an event, or chosen articles",
        description=(
            "Show what reports share, what only one says, and where they conflict. Give --event"
            " ID, or two or more article ids, or --pairs FILE.jsonl to relate single statements."
        ),
    )
    p.add_argument("articles", nargs="*", metavar="ARTICLE_ID", help="article ids to compare")
    add_corpus(p)
    p.add_argument("--event", metavar="ID", help="compare the reports of this event")
    add_corrections(p, "--event ids of the machine's own grouping, without your corrections")
    p.add_argument(
        "--pairs",
        type=Path,
        metavar="FILE",
        help='JSON lines {"id": ..., "a": str, "b": str} in a file or - (standard input);'
        " prints one relation per line",
    )
    p.add_argument(
        "--format", choices=("text", "json", "md", "jsonl"), default="text", help="output format"
    )

    p = sub.add_parser(
        "facts",
        help="every figure and date of an event's reports, side by side",
        description=(
            "The event's fact table: every figure and date each report states (headlines"
            " included), one slot per line group, disputed slots first, each value with the"
            " independent sources ('n of m') and outlets stating it, then the pairs that"
            " disagree. Give --event ID or one or more article ids. JSON: docs/facts-schema.md."
        ),
    )
    p.add_argument("articles", nargs="*", metavar="ARTICLE_ID", help="article ids")
    add_corpus(p)
    p.add_argument("--event", metavar="ID", help="the reports of this event")
    add_corrections(p, "--event ids of the machine's own grouping, without your corrections")
    p.add_argument("--format", choices=("text", "json", "md"), default="text", help="output format")

    p = sub.add_parser(
        "export",
        help="export an event's report, or your marked excerpts",
        description=(
            "Write a report: the reports of an event, the claims they share (strongest first),"
            " every conflict with both excerpts, what only one report says, and your marks and"
            " notes; or (--marked) every excerpt you marked. Every excerpt cites outlet, title,"
            " date and path. JSON shape: docs/export-format.md."
        ),
    )
    add_corpus(p)
    add_corrections(p, "events of the machine's own grouping, without your corrections")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--event", metavar="ID", help="export the report of this event")
    which.add_argument("--marked", action="store_true", help="export every marked excerpt")
    p.add_argument(
        "--format", choices=("md", "html", "json"), default="md", help="report format (default md)"
    )
    p.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="file to write (default: standard output)"
    )
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    p = sub.add_parser(
        "show",
        help="print one article as newsreader sees it",
        description=(
            "Print the cleaned article (title, source, published, url, author, body), so that an"
            " extraction from a web page or feed can be checked. A feed entry loaded from its"
            " summary says so."
        ),
    )
    p.add_argument("article", metavar="ARTICLE_ID", help="the article id (its path, path#n)")
    add_corpus(p)
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    p = sub.add_parser(
        "fetch",
        help="download web pages and feeds into a corpus folder",
        description=(
            "Download pages and feeds into a folder (one file per page, one per feed; a hidden"
            " sidecar records the URL and retrieval time). A second run asks only for newer"
            " copies (ETag / Last-Modified). One line per URL; a failed URL does not stop the"
            " others (exit code 2 when any failed). Then `newsreader index DIR` or open DIR."
        ),
    )
    p.add_argument("urls", nargs="*", metavar="URL", help="page or feed addresses (http, https)")
    p.add_argument(
        "--into", type=Path, default=Path("."), metavar="DIR", help="corpus folder (default: .)"
    )
    p.add_argument("--opml", type=Path, metavar="FILE", help="fetch every feed of an OPML file")
    p.add_argument(
        "--feeds", type=Path, metavar="FILE", help="fetch the URLs of a file, one a line"
    )
    p.add_argument(
        "--refresh", action="store_true", help="fetch again every feed already in the folder"
    )

    p = sub.add_parser(
        "config",
        help="where the config file is; open it in your editor",
        description=(
            "The TOML config file: default corpus, theme, key bindings, export folder and"
            " format. Without an option: its path and the settings it holds."
        ),
    )
    which = p.add_mutually_exclusive_group()
    which.add_argument("--path", action="store_true", help="print the config file's path")
    which.add_argument(
        "--edit",
        action="store_true",
        help="open it in $VISUAL or $EDITOR (a commented template when there is none yet)",
    )
    add_config(p)
    return parser


_SEARCH_VALUE_OPTIONS = ("--corpus", "--index-dir", "--limit", "--format")


def search_argv(argv: list[str]) -> list[str]:
    """``search`` arguments with every query word after ``--``, so that an exclusion typed
    unquoted ("newsreader search -storm ferry") is the query's, not an unknown option."""
    if "--" in argv:
        return argv
    options: list[str] = []
    words: list[str] = []
    expecting = False
    for token in argv[1:]:
        if expecting:
            options.append(token)
            expecting = False
        elif token.startswith("--") or token == "-h":
            options.append(token)
            # a long option given in full or abbreviated, without "=value", takes the next token
            expecting = (
                "=" not in token
                and len(token) > 2
                and any(name.startswith(token) for name in _SEARCH_VALUE_OPTIONS)
            )
        else:
            words.append(token)
    return [argv[0], *options, "--", *words] if words else [argv[0], *options]
