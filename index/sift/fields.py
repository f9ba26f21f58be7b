"""The filter fields of a query (conflict:, only:, shared:, event:) taken apart from its words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import get_args

from index.base.errors import QueryError
from index.base.models import ConflictType

CONFLICT_TYPES: tuple[str, ...] = (*get_args(ConflictType), "any")
FIELDS = ("conflict", "only", "shared", "event")
# A quoted phrase (skipped: "only:x" inside quotes is words), a bracket, or a filter field.
_SCAN = re.compile(
    r'"[^"]*"|[()\[\]]|(?<![\w:])(?P<neg>-?)(?P<name>conflict|only|shared|event):'
    r'(?P<value>"[^"]*"|[^\s()\[\]"]*)',
    re.IGNORECASE,
)
_COUNT = re.compile(r"^(>=|<=|>|<|=)?(\d{1,4})$")
_OPERATOR = re.compile(r"(?:^|\s)(AND|OR|NOT)\s*$")


@dataclass(frozen=True)
class Sieve:
    """A query's words (for the index) and its filters (for the comparisons). ``shared``: an
    operator and a number of independent sources."""

    text: str  # the query as typed
    words: str
    conflict: str | None = None
    only: str | None = None
    shared: tuple[str, int] | None = None
    event: str | None = None

    @property
    def filters(self) -> bool:
        """Does the query use any filter field?"""
        return any(x is not None for x in (self.conflict, self.only, self.shared, self.event))

    @property
    def per_passage(self) -> bool:
        """Do the filters pick passages (not only the reports of an event)?"""
        return any(x is not None for x in (self.conflict, self.only, self.shared))

    def sources_ok(self, n: int) -> bool:
        """Does a passage stated by ``n`` independent sources pass ``shared:``?"""
        if self.shared is None:
            return True
        op, want = self.shared
        return {">=": n >= want, "<=": n <= want, ">": n > want, "<": n < want}.get(op, n == want)


def split_query(text: str) -> Sieve:
    """The filter fields of ``text`` and what is left for the index. Filters apply to the whole
    query (they are ANDed with the words), so they cannot be negated, ORed or put in brackets:
    QueryError says so, and names a bad value."""
    found: dict[str, str] = {}
    words: list[str] = []
    last, depth = 0, 0
    for m in _SCAN.finditer(text):
        token = m.group()
        if token in "([":
            depth += 1
        elif token in ")]":
            depth -= 1
        if not m.group("name"):
            continue
        name = m.group("name").lower()
        before = text[last : m.start()]
        after = text[m.end() :].lstrip()
        if (
            m.group("neg")
            or depth
            or _OPERATOR.search(before)
            and not before.rstrip().endswith("AND")
            or after.startswith("OR ")
            or after == "OR"
        ):
            raise QueryError(
                text, f"{name}: filters the whole query; it cannot be negated, ORed or bracketed"
            )
        if name in found:
            raise QueryError(text, f"{name}: is given twice")
        found[name] = m.group("value").strip('"').strip()
        if not found[name]:
            raise QueryError(text, f"{name}: needs a value, as in {_EXAMPLE[name]}")
        words.append(re.sub(r"\bAND\s*$", "", before))
        last = m.end()
    words.append(text[last:])
    rest = re.sub(r"^\s*AND\b", "", " ".join(" ".join(words).split()))
    return Sieve(
        text=text,
        words=rest.strip(),
        conflict=_conflict(text, found.get("conflict")),
        only=found.get("only"),
        shared=_shared(text, found.get("shared")),
        event=found.get("event"),
    )


_EXAMPLE = {
    "conflict": "conflict:number",
    "only": "only:yonhap",
    "shared": "shared:>=3",
    "event": "event:ev-0123456789",
}


def _conflict(text: str, value: str | None) -> str | None:
    if value is None:
        return None
    if value.lower() not in CONFLICT_TYPES:
        raise QueryError(
            text, f"conflict:{value} is no conflict type (use {', '.join(CONFLICT_TYPES)})"
        )
    return value.lower()


def _shared(text: str, value: str | None) -> tuple[str, int] | None:
    if value is None:
        return None
    m = _COUNT.match(value)
    if m is None:
        raise QueryError(text, f"shared:{value} needs a number of sources, as in shared:>=3")
    return m.group(1) or "=", int(m.group(2))
