"""The scans of one text for event grouping: its tokens, the ones opening a sentence, and the runs
of capitalised words, each a regular expression run in C over the whole text.

A token is a word (a letter, then letters, digits and inner apostrophes or hyphens) or a number
('1,500', '6.4'). A capitalised word is a name where it does not open a sentence; adjacent
capitalised words ('Red Sox', 'Betty Ford Center') also count as one phrase.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = r"[^\W\d_]\w*+(?:['\u2019-]+\w+)*+"
TOKEN = re.compile(_WORD + r"|\d+(?:[.,]\d+)*")
_TOKEN_ASCII = re.compile(_WORD + r"|\d+(?:[.,]\d+)*", re.ASCII)
# What may stand between a sentence's end (or the text's start) and its first word: closing
# quotes and brackets, then spaces, opening quotes and brackets. In the "shadow" of a text (below)
# the curly quotes are written ` < { |.
_OPENING = r"[\"'\u2019`|)]*[ \t\"'(\[<{]*"
_SHADOW_WORD = r"[A-Za-z]\w*+(?:['`-]+\w+)*+"
_INITIAL = re.compile(r"[.!?:\n\r]" + _OPENING + "(" + _SHADOW_WORD + ")", re.ASCII)
_FIRST = re.compile(_OPENING + "(" + _SHADOW_WORD + ")", re.ASCII)
_CAPITAL = r"[A-Z]\w*+(?:['`-]+\w+)*+"
_RUN = re.compile(_CAPITAL + "(?: " + _CAPITAL + ")+", re.ASCII)
# the characters a word may hold besides letters, and the ones that cannot start one
_IN_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'`-")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
# ASCII characters that stand for curly quotes in the shadow; in the text they match nothing
_STAND_INS = {"`": "~", "<": "~", "{": "~", "|": "~"}
_CURLY = {"\u2019": "`", "\u2018": "<", "\u201c": "{", "\u201d": "|"}
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=65_536)
def _shadow_char(char: str) -> str:
    """The ASCII character ``char`` stands as in a shadow text (same classes for the scans)."""
    if char in _CURLY:
        return _CURLY[char]
    if char in _STAND_INS:
        return _STAND_INS[char]
    if char.isascii():
        return char
    if _DIGIT.match(char):
        return "0"
    if _LETTER.match(char):
        return "A" if char.isupper() else "a"
    return "~"


_ASCII_TABLE = str.maketrans(_STAND_INS)


def shadow(text: str) -> str:
    """``text`` with every character replaced by an ASCII one of the same class for the scans
    below (a capital, another letter, a digit, each quote, anything else), so that they run
    with ASCII classes, several times faster than Unicode ones; offsets are unchanged."""
    if text.isascii():
        plain = "`" not in text and "<" not in text and "{" not in text and "|" not in text
        return text if plain else text.translate(_ASCII_TABLE)
    table = {ord(c): _shadow_char(c) for c in set(text) if not c.isascii() or c in _STAND_INS}
    return text.translate(table)


def tokens(text: str) -> list[str]:
    """Every token of ``text``, in order."""
    return (_TOKEN_ASCII if text.isascii() else TOKEN).findall(text)


def sentence_initial(text: str, shade: str) -> list[str]:
    """The words of ``text`` that open a sentence or a line (``shade``: its shadow)."""
    found = []
    first = _FIRST.match(shade)
    if first:
        found.append(text[first.start(1) : first.end(1)])
    if text is shade:
        found += _INITIAL.findall(text)
    else:
        found += [text[m.start(1) : m.end(1)] for m in _INITIAL.finditer(shade)]
    return found


def _starts_word(shade: str, at: int) -> bool:
    """True when a word begins at ``at``: the word characters just before it hold no letter
    (after '9', '-' or '_' a word begins; after 'a' it is the inside of a word)."""
    at -= 1
    while at >= 0 and shade[at] in _IN_WORD:
        if shade[at] in _LETTERS:
            return False
        at -= 1
    return True


def capital_runs(text: str, shade: str) -> list[str]:
    """Runs of two or more capitalised words separated by single spaces ('Red Sox Fans')."""
    runs = []
    at = 0
    while True:
        for match in _RUN.finditer(shade, at):
            start, end = match.span()
            if start and shade[start - 1] in _IN_WORD and not _starts_word(shade, start):
                # the capital was inside a word ('aB C'): a run may start at the next word
                at = shade.index(" ", start)
                break
            runs.append(text[start:end])
        else:
            return runs
