"""Catch malformed search queries that Whoosh's lenient parser would silently reinterpret."""

from __future__ import annotations

import re
from collections.abc import Collection

from index.base.errors import QueryError

BINARY = frozenset({"AND", "OR", "ANDNOT", "ANDMAYBE"})
UNARY = frozenset({"NOT"})
# A phrase, a bracket, or a run of other characters optionally ending in a phrase (title:"x y").
_TOKEN = re.compile(r'"[^"]*"|[()\[\]]|[^\s()\[\]"]+(?:"[^"]*")?')
_FIELD = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):(.*)$", re.S)
_PAIRS = {")": "(", "]": "["}


def minus_as_not(text: str) -> str:
    """``-word``, ``-"a phrase"``, ``-title:word`` and ``-(a b)`` at the start of a word become
    ``NOT ...``, the form Whoosh reads (it would search "-wall" as "wall"); a hyphen inside a
    word ("covid-19") or standing alone ("a - b") is left as it is."""
    parts: list[str] = []
    last = 0
    for match in _TOKEN.finditer(text):
        token, start = match.group(), match.start()
        before = text[start - 1] if start > 0 else " "
        after = text[match.end() : match.end() + 1]
        if not token.startswith("-") or not (before.isspace() or before in "(["):
            continue
        if token == "-" and after not in ("(", "["):
            continue  # a dash on its own is punctuation, as before
        parts.append(text[last:start] + "NOT ")
        last = start + 1
    return "".join(parts) + text[last:]


def check_syntax(text: str, fields: Collection[str]) -> bool:
    """Raise QueryError with a friendly reason when ``text`` is not a well-formed query
    (``fields``: the names a query may use, as in ``title:word``).

    Returns True when the query uses an explicit operator (AND, OR, NOT, -word...).
    """
    if not text.strip():
        raise QueryError(text, "the query is empty")
    if text.count('"') % 2:
        raise QueryError(text, 'unbalanced quotes: a "phrase" needs a closing quote')
    tokens = _TOKEN.findall(minus_as_not(text))
    _check_brackets(text, tokens)
    for index, token in enumerate(tokens):
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        prev = tokens[index - 1] if index > 0 else None
        if token in BINARY:
            if (
                prev is None
                or nxt is None
                or prev in BINARY | UNARY | {"(", "["}
                or nxt in (BINARY | {")", "]"})
            ):
                raise QueryError(text, f"{token} needs a word or group on each side")
        elif token in UNARY:
            if nxt is None or nxt in BINARY | UNARY | {")", "]"}:
                raise QueryError(text, f"{token} needs a word or group after it")
        elif token == "(" and nxt == ")":
            raise QueryError(text, "empty parentheses")
        else:
            _check_word(text, token, nxt, fields)
    return any(token in BINARY or token in UNARY for token in tokens)


def _check_brackets(text: str, tokens: list[str]) -> None:
    stack: list[str] = []
    for token in tokens:
        if token in ("(", "["):
            stack.append(token)
        elif token in _PAIRS:
            if not stack or stack.pop() != _PAIRS[token]:
                raise QueryError(text, f"unbalanced brackets: an unexpected {token!r}")
    if stack:
        raise QueryError(text, f"unbalanced brackets: a {stack[-1]!r} is never closed")


def _check_word(text: str, token: str, nxt: str | None, fields: Collection[str]) -> None:
    match = _FIELD.match(token)
    word = token
    if match:
        name, word = match.group(1), match.group(2)
        if name not in fields:
            known = ", ".join(f"{f}:" for f in ("title", "body", "source", "published"))
            raise QueryError(text, f"unknown field {name}: (use {known} or quote the words)")
        if not word and nxt not in ("(", "["):
            raise QueryError(text, f"{name}: needs a word after it, as in {name}:word")
    if word and not word.startswith('"') and not word.strip("*?"):
        raise QueryError(text, "a wildcard alone matches everything; add some letters")
