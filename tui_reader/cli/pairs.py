"""``compare --pairs``: statements read from a regular file or ``-``, one JSON object a line."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from .common import EXIT_ERROR, EXIT_OK, fail

MAX_LINE_BYTES = 1024 * 1024
"""A line holds two statements: one longer than this is reported, never held in memory whole."""
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


class PairsError(Exception):
    """The whole input is unusable; ``str(error)`` is the one-line reason."""


def compare_pairs(path: Path, relate: Callable[..., Any], to_json: Callable[..., Any]) -> int:
    """Relate single statements, one JSON line in, one out.

    A bad JSON line is reported (``FILE:N: reason``) and the next lines still answered; a file
    that is not UTF-8 text (UTF-16, binary, an undecodable line: the encoding is the file's,
    not the line's) stops with one line. Only a regular file or ``-`` is read, so a fifo or a
    device named by mistake never blocks.
    """
    name = str(path)
    try:
        with _open(path) as stream:
            status = EXIT_OK
            for number, line in _lines(stream, name):
                if line is None:
                    print(
                        f"newsreader: error: {name}:{number}: line longer than "
                        f"{MAX_LINE_BYTES // (1024 * 1024)} MB",
                        file=sys.stderr,
                    )
                    status = EXIT_ERROR
                    continue
                answer = _relate_line(line, relate, to_json)
                if isinstance(answer, str):
                    print(f"newsreader: error: {name}:{number}: {answer}", file=sys.stderr)
                    status = EXIT_ERROR
                else:
                    print(_dumps(answer))
            return status
    except PairsError as error:
        return fail(str(error))


def _open(path: Path) -> IO[bytes]:
    if str(path) == "-":
        return os.fdopen(os.dup(sys.stdin.fileno()), "rb")
    # O_NONBLOCK: opening a fifo for reading would wait for a writer forever
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise PairsError(f"cannot read {path}: {error.strerror or error}") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise PairsError(f"{path} is not a regular file (give a file, or - for standard input)")
    return os.fdopen(fd, "rb")


def _lines(stream: IO[bytes], name: str) -> Iterator[tuple[int, str | None]]:
    """(number, text) per non-blank line; text None for a line over MAX_LINE_BYTES."""
    first = True
    number = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        if first:
            if raw.startswith(_UTF16_32_BOMS):
                raise PairsError(f"{name} is UTF-16 or UTF-32 text; --pairs reads UTF-8 JSON lines")
            raw = raw.removeprefix(b"\xef\xbb\xbf")
            first = False
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line, a chunk at a time
                raw = stream.readline(MAX_LINE_BYTES)
            yield number, None
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise PairsError(
                f"{name}:{number}: not UTF-8 text (byte {raw[error.start]:#04x} at column"
                f" {error.start + 1}); --pairs reads UTF-8 JSON lines"
            ) from None
        if "\x00" in text:
            raise PairsError(f"{name}:{number}: a NUL byte: a binary file, not JSON lines")
        if text.strip():
            yield number, text


def _relate_line(
    line: str, relate: Callable[..., Any], to_json: Callable[..., Any]
) -> dict[str, Any] | str:
    """The relation of one line as JSON, or the reason the line is not a pair."""
    try:
        item = json.loads(line)
    except RecursionError:
        return "JSON nested too deeply"
    except ValueError as error:  # JSONDecodeError, and a number too long to convert
        return str(error)
    a = item.get("a") if isinstance(item, dict) else None
    b = item.get("b") if isinstance(item, dict) else None
    if not isinstance(a, str) or not isinstance(b, str):
        return 'each line is an object with "a" and "b" strings'
    result: dict[str, Any] = to_json(item.get("id"), relate(a, b))
    return result


def _dumps(answer: dict[str, Any]) -> str:
    text = json.dumps(answer, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a "\\ud800" escape: keep it escaped
        return json.dumps(answer)
    return text
