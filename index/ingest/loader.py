"""The loader's public API: find a corpus's files and load them as cleaned Articles."""

from __future__ import annotations

from pathlib import Path

from index.base.errors import CorpusNotFound
from index.base.models import Article, Notice, Skipped
from index.ingest.clean import bounded_title, clean_title
from index.ingest.decode import (
    Unreadable,
    decode_counted,
    max_file_bytes,
    read_bytes,
    read_text_counted,
)
from index.ingest.filetypes import file_type, unsupported
from index.ingest.folder import discover, printable, relative_id, walk
from index.ingest.formats import LOADERS, NO_TEXT, load_web
from index.ingest.sidecar import read_origin

__all__ = [
    "discover",
    "relative_id",
    "load_file",
    "load_file_noticed",
    "damage_notices",
    "load_corpus",
]


def load_file(root: Path, path: Path) -> tuple[list[Article], list[Skipped]]:
    """The articles of one file, and what was skipped with a one-line reason.

    Never raises for bad content (undecodable, binary, too large, unreadable, malformed JSON):
    every problem becomes a ``Skipped(path=relative id, reason=...)``, both safe to print (a
    control character in a file name becomes U+FFFD there; article ids keep the real name).
    """
    articles, skipped, _notices = load_file_noticed(root, path)
    return articles, skipped


def load_file_noticed(root: Path, path: Path) -> tuple[list[Article], list[Skipped], list[Notice]]:
    """``load_file``, plus what the user must know about a file that did load: a file whose
    bytes were partly undecodable gives ``Notice(path, "N undecodable bytes shown as U+FFFD")``
    (its text is damaged where the U+FFFD are, so it must not be quoted unchecked)."""
    rel = relative_id(root, path)
    articles, skipped, bad = _load_file(rel, path)
    articles = [bounded_title(article) for article in articles]
    notices = [Notice(printable(rel), damage_message(bad))] if bad and articles else []
    return articles, [_printable(s) for s in skipped], notices


def damage_notices(rel: str, path: Path) -> tuple[Notice, ...]:
    """The damage notice of a file already loaded as ``rel``, from its bytes alone (nothing is
    parsed)."""
    try:
        _, bad = decode_counted(read_bytes(path))
    except Unreadable:
        return ()
    return (Notice(printable(rel), damage_message(bad)),) if bad else ()


def damage_message(bad_bytes: int) -> str:
    """The one-line notice of a file decoded with ``bad_bytes`` replaced."""
    noun = "byte" if bad_bytes == 1 else "bytes"
    return f"{bad_bytes} undecodable {noun} shown as U+FFFD"


def _printable(skip: Skipped) -> Skipped:
    path, reason = printable(skip.path), clean_title(skip.reason)
    return skip if (path, reason) == (skip.path, skip.reason) else Skipped(path, reason)


def _load_file(rel: str, path: Path) -> tuple[list[Article], list[Skipped], int]:
    """(articles, skipped, undecodable bytes) of one file."""
    kind = file_type(path.name)
    loader = LOADERS.get(kind)
    if loader is None:
        return _load_web(rel, path, kind)
    try:
        text, bad = read_text_counted(path)
    except Unreadable as error:
        return [], [Skipped(rel, str(error))], 0
    if not text.strip():
        return [], [Skipped(rel, NO_TEXT)], bad
    try:
        articles, skipped = loader(rel, text)
    except Exception as error:  # noqa: BLE001 - a last guard: one bad file never stops a corpus
        first = str(error).splitlines()[0] if str(error) else ""
        return [], [Skipped(rel, f"could not load: {type(error).__name__} {first}".strip())], bad
    return articles, skipped, bad


def _load_web(rel: str, path: Path, kind: str) -> tuple[list[Article], list[Skipped], int]:
    """A page or feed: bytes, not text (its own declaration says how to decode it)."""
    reason = unsupported(path.name)
    if reason is not None:
        return [], [Skipped(rel, reason)], 0
    try:
        data = read_bytes(path)
    except Unreadable as error:
        return [], [Skipped(rel, str(error))], 0
    try:
        articles, skipped = load_web(rel, kind, data, read_origin(path))
    except Exception as error:  # noqa: BLE001 - a last guard: one bad file never stops a corpus
        first = str(error).splitlines()[0] if str(error) else ""
        return [], [Skipped(rel, f"could not load: {type(error).__name__} {first}".strip())], 0
    return articles, skipped, 0


def load_corpus(root: Path) -> tuple[list[Article], list[Skipped]]:
    """Every article under ``root`` in discovery order; raises ``CorpusNotFound`` if no folder."""
    if not root.exists():
        raise CorpusNotFound(f"corpus folder not found: {root}")
    if not root.is_dir():
        raise CorpusNotFound(f"corpus is not a folder: {root}")
    max_file_bytes()  # a bad size limit is one error, not one per file
    paths, errors = walk(root)
    articles: list[Article] = []
    skipped = [Skipped(printable(relative_id(root, where)), reason) for where, reason in errors]
    for path in paths:
        got, missed = load_file(root, path)
        articles.extend(got)
        skipped.extend(missed)
    return articles, skipped
