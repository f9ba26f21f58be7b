"""Runs ``newsreader``: the app or a subcommand; every expected failure is one line, exit 2."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .parser import COMMANDS, app_parser, command_parser, search_argv


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 no result, 2 usage or input error).

    ``--help`` and ``--version`` exit through SystemExit(0), a usage error through SystemExit(2)
    after one line on stderr (parser.OneLineParser).
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    bad_env = _environment_problem()
    if args_list and args_list[0] in COMMANDS:
        if args_list[0] == "search":
            args_list = search_argv(args_list)
        args = command_parser().parse_args(args_list)
        if args.command == "search":
            args.query = " ".join(args.query)
        _follow_links(args)
        return _fail(bad_env) if bad_env else run_command(args)
    args = app_parser().parse_args(args_list)
    _follow_links(args)
    return _fail(bad_env) if bad_env else run_app(args)


def _fail(message: str) -> int:
    from .common import fail  # deferred: keeps `--help` fast

    return fail(message)


def _environment_problem() -> str | None:
    """The one-line error of a numeric NEWSREADER_* variable that is wrong, checked before any
    work (else it would surface later, inside a worker or the app's threads)."""
    from index import NewsreaderError, check_environment

    try:
        check_environment()
    except NewsreaderError as error:
        return str(error)
    return None


def _follow_links(args: argparse.Namespace) -> None:
    """--follow-links / --no-follow-links through the environment: the walk reads it there, and
    so do the writer processes an index build starts (and the app's later re-scans); the index
    records the choice (index/store/links.py)."""
    if getattr(args, "follow_links", False):
        os.environ["NEWSREADER_FOLLOW_LINKS"] = "1"
    elif getattr(args, "no_follow_links", False):
        os.environ["NEWSREADER_FOLLOW_LINKS"] = "0"


def run_app(args: argparse.Namespace) -> int:
    """Open the Textual app on a corpus (the bundled one by default)."""
    from ..config import ConfigError, config_path, load_config
    from .common import EXIT_OK, corpus_path, fail  # deferred: keeps `--help` fast

    try:
        config = load_config(config_path(args.config))
    except ConfigError as error:
        return fail(str(error))
    corpus = corpus_path(args.corpus if args.corpus is not None else config.corpus)
    if not corpus.is_dir():
        return fail(f"no such folder: {corpus}")
    from tui_reader.app import NewsReaderApp  # deferred: the headless commands never load Textual

    if getattr(args, "data_dir", None) is not None:
        # the app finds its marks through index.base.locations.data_dir(), which reads this
        os.environ["NEWSREADER_DATA_DIR"] = str(args.data_dir.expanduser())

    app = NewsReaderApp(corpus, index_dir=args.index_dir, rebuild=args.rebuild, config=config)
    app.run()
    return app.return_code or EXIT_OK


def run_command(args: argparse.Namespace) -> int:
    """Dispatch a subcommand; core errors and OS errors become one line and exit code 2."""
    from index import NewsreaderError

    from .common import fail
    from .handlers import HANDLERS

    try:
        return HANDLERS[args.command](args)
    except NewsreaderError as error:
        return fail(str(error))
    except OSError as error:
        return fail(f"{error.strerror or error}: {error.filename or ''}".rstrip(": "))
    except KeyboardInterrupt:
        return fail("interrupted")
