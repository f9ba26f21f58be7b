"""Untrusted text made inert for a terminal: escape sequences and control characters out."""

from __future__ import annotations

import re

# C0/C1 controls except \n and \t, DEL, bidi embeddings/overrides/isolates (text spoofing), BOMs,
# and lone surrogates (from JSON "\\ud800" escapes), which no UTF-8 writer can encode.
CONTROL_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\ud800-\udfff"
_CONTROLS = re.compile(f"[{CONTROL_CHARS}]")
# Terminal escape sequences. Order matters: string-type sequences (OSC, DCS, ...) first so their
# payload (e.g. an OSC 52 clipboard write or an OSC 8 hyperlink target) goes with them. 8-bit C1
# introducers (U+009B, U+009D...) are removed alone with the controls, not with what follows:
# in real text they are mostly mojibake of curly quotes, and the words after them must survive.
_ESCAPES = re.compile(
    r"""
      \x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?       # OSC ... BEL/ST (unterminated: to end of line)
    | \x1b[PX^_][^\x07\x1b\n]*(?:\x07|\x1b\\)?     # DCS / SOS / PM / APC strings
    | \x1b\[[0-?]*[ -/]*[@-~]?                   # CSI
    | \x1b[ -/]*[0-~]?                           # any other ESC sequence, or a bare ESC
    """,
    re.VERBOSE,
)
# Anything normalising would change (tabs and line separators too): when absent (most files),
# the text is returned untouched.
_SUSPECT = re.compile(f"[\t\u2028\u2029{CONTROL_CHARS}]")
_NEWLINES = re.compile("\r\n?|[\u2028\u2029\u0085\x0c\x0b]")


def strip_controls(text: str, *, normalise: bool = False) -> str:
    """``text`` without terminal escape sequences and control characters; newlines and tabs
    stay. With ``normalise`` (the form of a cleaned body), every line break (CR, CRLF, U+2028...)
    also becomes ``\\n`` and a tab a space."""
    if (_SUSPECT if normalise else _CONTROLS).search(text) is None:
        return text  # ESC is a control: no control, no escape sequence
    if normalise:
        text = _NEWLINES.sub("\n", text)
    text = _CONTROLS.sub("", _ESCAPES.sub("", text))
    return text.replace("\t", " ") if normalise else text


def neutralize_controls(text: str) -> str:
    """Same-length text with every control character shown as U+FFFD: for text addressed by
    character offsets (passages, snippets), which stay valid; without ESC no escape sequence
    can reach the terminal."""
    return _CONTROLS.sub("\ufffd", text)
