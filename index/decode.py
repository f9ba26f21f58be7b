"""Read an untrusted file's bytes as text: size limit, binary check, and an encoding fallback."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

DEFAULT_MAX_FILE_MB = 20.0
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_BINARY_RATIO = 0.1  # share of C0 control bytes above which a file is not text


class Unreadable(Exception):
    """A file that is not loaded; ``str(error)`` is the one-line reason."""


def max_file_bytes() -> int:
    """The size limit: ``NEWSREADER_MAX_FILE_MB`` (megabytes, may be fractional), default 20."""
    raw = os.environ.get("NEWSREADER_MAX_FILE_MB", "")
    try:
        mb = float(raw) if raw.strip() else DEFAULT_MAX_FILE_MB
    except ValueError:
        mb = DEFAULT_MAX_FILE_MB
    if not mb > 0:  # also rejects NaN
        mb = DEFAULT_MAX_FILE_MB
    return int(mb * 1024 * 1024)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or ``Unreadable`` when it is too large or cannot be read."""
    limit = max_file_bytes()
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # a fifo or device would block or never end
            raise Unreadable("not a regular file")
        if st.st_size > limit:
            raise Unreadable(f"file is larger than {limit / (1024 * 1024):g} MB")
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # never read more than the limit, whatever stat says
    except OSError as error:
        raise Unreadable(f"cannot read file: {error.strerror or error}") from None
    if len(data) > limit:
        raise Unreadable(f"file is larger than {limit / (1024 * 1024):g} MB")
    return data


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (BOM optional), UTF-16 with BOM, clean cp1252, else UTF-8 replaced.

    A decode with replacement characters still loads: the text is mostly right and a reader can
    see the damage. NUL bytes outside UTF-16 mean a binary file (``Unreadable``).
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data:
        raise Unreadable("binary file")
    if data and len(data.translate(None, _CONTROL_BYTES)) < len(data) * (1 - _BINARY_RATIO):
        raise Unreadable("binary file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


def read_text(path: Path) -> str:
    """The decoded text of ``path``; raises ``Unreadable`` with a one-line reason."""
    return decode(read_bytes(path))
