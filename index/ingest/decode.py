"""Read an untrusted file's bytes as text: size limit, binary check, and an encoding fallback."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from pathlib import Path

from index.base.env import env_number
from index.ingest.longpath import is_link, open_path

DEFAULT_MAX_FILE_MB = 20.0
LIMIT_ENV = "NEWSREADER_MAX_FILE_MB"
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_BINARY_RATIO = 0.1  # share of C0 control bytes above which a file is not text
# Sequences shaped like UTF-8 (a lead byte and its continuation bytes) that no correct encoder
# writes: overlong forms (C0 AF for "/"), UTF-16 surrogates encoded one by one (CESU-8, ED A0 80)
# and code points above U+10FFFF.
_BAD_UTF8_FORM = re.compile(
    rb"[\xc0\xc1][\x80-\xbf]|\xe0[\x80-\x9f][\x80-\xbf]|\xed[\xa0-\xbf][\x80-\xbf]"
    rb"|\xf0[\x80-\x8f][\x80-\xbf]{2}|\xf4[\x90-\xbf][\x80-\xbf]{2}"
)


class Unreadable(Exception):
    """A file that is not loaded; ``str(error)`` is the one-line reason."""


def max_file_bytes() -> int:
    """The size limit: ``NEWSREADER_MAX_FILE_MB`` (megabytes, may be fractional), default 20.

    Raises ``ConfigError`` (one line) for a value that is not a number from 0.001 to
    1,000,000 (index.base.env): "inf" or "1e309" gave an OverflowError traceback, "abc" was
    ignored, "1e-300" made every file too large.
    """
    mb = env_number(LIMIT_ENV)
    return int((DEFAULT_MAX_FILE_MB if mb is None else mb) * 1024 * 1024)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or ``Unreadable`` when it is too large or cannot be read."""
    limit = max_file_bytes()
    try:
        # O_NONBLOCK: a fifo swapped in after discovery must not block the open; fstat checks
        # the file actually opened, not the name (which may change between a stat and an open).
        fd = open_path(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise Unreadable(open_problem(path, error)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # a fifo, folder or device would block or never end
            raise Unreadable("not a regular file")
        if st.st_size > limit:
            raise Unreadable(f"file is larger than {limit / (1024 * 1024):g} MB")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)  # never read more than the limit, whatever stat says
    except OSError as error:
        raise Unreadable(f"cannot read file: {error.strerror or error}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise Unreadable(f"file is larger than {limit / (1024 * 1024):g} MB")
    return data


def open_problem(path: Path, error: OSError) -> str:
    """The one-line reason a file could not be opened or looked at; symlink trouble named as
    such."""
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT and is_link(path):
        return "broken symbolic link"
    if error.errno == errno.ENOENT:
        return "file vanished before it could be read"
    if error.errno == errno.ENXIO:  # a socket: nothing to open
        return "not a regular file"
    return f"cannot read file: {error.strerror or error}"


def decode(data: bytes) -> str:
    """Bytes to text (see ``decode_counted``)."""
    return decode_counted(data)[0]


def decode_counted(data: bytes) -> tuple[str, int]:
    """Bytes to text, and how many bytes could not be decoded (each run shown as U+FFFD).

    UTF-8 (BOM optional), UTF-16 with BOM, UTF-8 with a few damaged bytes replaced, clean cp1252
    (a clean decode: 0), else UTF-8 replaced. A decode with replacement characters still loads:
    the text is mostly right and a reader sees the damage as U+FFFD where the bad bytes were;
    the count lets the index summary say so. NUL bytes outside UTF-16 mean a binary file
    (``Unreadable``).
    """
    if data.startswith(codecs.BOM_UTF8):
        return _utf8_replacing(data[len(codecs.BOM_UTF8) :])
    if data.startswith(codecs.BOM_UTF16_LE):
        return _replacing(data[2:], "utf-16-le")
    if data.startswith(codecs.BOM_UTF16_BE):
        return _replacing(data[2:], "utf-16-be")
    if b"\x00" in data:
        raise Unreadable("binary file")
    if data and len(data.translate(None, _CONTROL_BYTES)) < len(data) * (1 - _BINARY_RATIO):
        raise Unreadable("binary file")
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    replaced, bad = _utf8_replacing(data)
    if _mostly_utf8(replaced) or _BAD_UTF8_FORM.search(data):
        # UTF-8 with a few damaged bytes: cp1252 would turn every good accent into mojibake.
        # An overlong or surrogate sequence is UTF-8 written wrongly, never Windows-1252 text
        # (which would read it as "À¯" or "í€"): damaged, whatever else the file holds.
        return replaced, bad
    try:
        return data.decode("cp1252"), 0
    except UnicodeDecodeError:
        return replaced, bad


def _utf8_replacing(data: bytes) -> tuple[str, int]:
    """``data.decode("utf-8", "replace")`` and the number of bytes replaced, all in C: the valid
    part re-encodes to its own bytes, each inserted U+FFFD to 3 (a literal U+FFFD in the file is
    always a complete EF BF BD sequence, never part of an invalid one)."""
    text = data.decode("utf-8", errors="replace")
    inserted = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if not inserted:
        return text, 0
    return text, len(data) - (len(text.encode("utf-8")) - 3 * inserted)


def _replacing(data: bytes, encoding: str) -> tuple[str, int]:
    """``data.decode(encoding, "replace")`` and the number of bytes replaced, found run by run
    (for UTF-16, where damage is rare: a lone surrogate or an odd last byte)."""
    view = memoryview(data)
    parts: list[str] = []
    bad = pos = 0
    while True:
        try:
            parts.append(codecs.decode(view[pos:], encoding))
            return "".join(parts), bad
        except UnicodeDecodeError as error:
            parts.append(codecs.decode(view[pos : pos + error.start], encoding))
            parts.append("\ufffd")
            bad += error.end - error.start
            pos += error.end


def _mostly_utf8(replaced: str) -> bool:
    """Did a replacing UTF-8 decode find at least as many valid non-ASCII characters as bad
    bytes? Legacy 8-bit text almost never forms valid multi-byte UTF-8 sequences."""
    bad = replaced.count("\ufffd")
    good = len(replaced) - len(replaced.encode("ascii", "ignore")) - bad
    return good > 0 and good >= bad


def read_text(path: Path) -> str:
    """The decoded text of ``path``; raises ``Unreadable`` with a one-line reason."""
    return decode(read_bytes(path))


def read_text_counted(path: Path) -> tuple[str, int]:
    """The decoded text of ``path`` and its count of undecodable bytes (``decode_counted``)."""
    return decode_counted(read_bytes(path))
