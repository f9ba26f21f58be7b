"""Where newsreader keeps its files: the bundled corpus and XDG dirs, overridable by env."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from platformdirs import user_cache_path, user_data_path

APP_NAME = "newsreader"


def bundled_corpus() -> Path:
    """The sample corpus shipped with newsreader (the repo's ``corpus/``, or the wheel's copy)."""
    package = Path(__file__).resolve().parent.parent  # index/
    for candidate in (package.parent / "corpus", package / "_corpus"):
        if candidate.is_dir():
            return candidate
    return package.parent / "corpus"


def corpus_key(corpus: Path) -> str:
    """A short, stable, filesystem-safe key for a corpus folder, from its absolute path."""
    absolute = str(corpus.expanduser().resolve())
    digest = hashlib.sha256(absolute.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", Path(absolute).name)[:40] or "root"
    return f"{name}-{digest}"


def index_dir_for(corpus: Path, override: Path | str | None = None) -> Path:
    """The folder holding this corpus's Whoosh index.

    Precedence: explicit ``override`` (the ``--index-dir`` flag), then ``NEWSREADER_INDEX_DIR``,
    then the user cache dir keyed by the corpus's absolute path. Never inside the corpus.
    """
    if override:
        return Path(override).expanduser()
    env = os.environ.get("NEWSREADER_INDEX_DIR")
    if env:
        return Path(env).expanduser()
    return user_cache_path(APP_NAME, appauthor=False) / "index" / corpus_key(corpus)


def data_dir(override: Path | str | None = None) -> Path:
    """The folder for user data (annotations): ``--data-dir``, ``NEWSREADER_DATA_DIR``, or XDG."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("NEWSREADER_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """The folder for caches that can always be rebuilt (analysis results)."""
    env = os.environ.get("NEWSREADER_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    return user_cache_path(APP_NAME, appauthor=False)
