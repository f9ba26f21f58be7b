"""Options several subcommands share: the corpus, the index and data folders, the config
file, event filters and corrections; one definition each, so that help texts never drift."""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = [
    "add_config",
    "add_corpus",
    "add_corrections",
    "add_data_dir",
    "add_event_filters",
    "add_index_dir",
]


def add_event_filters(p: argparse.ArgumentParser) -> None:
    """The events list's sort and filters, the same as the reader's (index: EventFilter)."""
    from index import CONFLICT_TYPES, SORTS

    p.add_argument(
        "--sort",
        choices=SORTS,
        help="most conflicts / most reports / newest first / title A-Z (conflicts compares "
        "every event's reports: cached after the first run)",
    )
    p.add_argument(
        "--outlet",
        metavar="NAME",
        action="append",
        default=[],
        help="only events an outlet whose name contains NAME reported (repeat: any of them)",
    )
    p.add_argument(
        "--since", metavar="DATE", help="only events with a report on or after DATE (YYYY-MM-DD)"
    )
    p.add_argument(
        "--until", metavar="DATE", help="only events with a report on or before DATE (YYYY-MM-DD)"
    )
    p.add_argument(
        "--has-conflict",
        metavar="TYPE",
        choices=CONFLICT_TYPES,
        help=f"only events with a conflict of this type ({', '.join(CONFLICT_TYPES)})",
    )
    p.add_argument(
        "--filter",
        metavar="TEXT",
        default="",
        help="the reader's typed filter, e.g. 'outlet:yonhap conflict:number last week'",
    )


def add_index_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--index-dir",
        metavar="DIR",
        type=Path,
        help="folder of this corpus's index (default: user cache dir; env NEWSREADER_INDEX_DIR)",
    )
    # beside --index-dir: every command that may index the corpus walks it
    parser.add_argument(
        "--follow-links",
        action="store_true",
        help="follow symbolic links that lead outside the corpus folder (default: only links"
        " inside it are read; env NEWSREADER_FOLLOW_LINKS=1); the index remembers it: later"
        " runs follow them too",
    )
    parser.add_argument(
        "--no-follow-links",
        action="store_true",
        help="stop following links out of the corpus, which the index remembered"
        " (env NEWSREADER_FOLLOW_LINKS=0)",
    )


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        help="folder of your marks and notes (default: user data dir; env NEWSREADER_DATA_DIR)",
    )


def add_corrections(parser: argparse.ArgumentParser, text: str, data_dir: bool = True) -> None:
    """--no-corrections (and --data-dir, where the corrections are kept, unless it is there)."""
    parser.add_argument("--no-corrections", action="store_true", help=text)
    if data_dir:
        add_data_dir(parser)


def add_corpus(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        metavar="DIR",
        type=Path,
        help="folder of articles (default: the bundled sample corpus)",
    )
    add_index_dir(parser)


def add_config(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="the TOML config file (default: config.toml in the user config dir; env "
        "NEWSREADER_CONFIG)",
    )
