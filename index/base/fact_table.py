"""The event fact table's dataclasses: each report's figures and dates by slot, and disputes."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Literal

FactKind = Literal[
    "count", "money", "percent", "age", "magnitude", "duration", "times", "date", "year", "bearing"
]
Nature = Literal["conflict", "evolving"]


@dataclass(frozen=True)
class FactSpan:
    """Where a fact is stated: offsets into the article's title (``in_title``) or its body."""

    article_id: str
    in_title: bool
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fact:
    """One value one report states for one slot ("people injured": at least 12)."""

    slot: (
        str  # readable key of what is counted or dated: "people wounded", "dollar", "date of sink"
    )
    kind: FactKind
    value: str  # the normalised value, readable: "12", ">= 20,000", "$184 million", "Fri", "1957"
    low: float  # numeric bounds of the value (a date's day ordinal, a year)
    high: float
    span: FactSpan


@dataclass(frozen=True)
class Dispute:
    """Two facts of one slot from different reports that cannot both hold (or grew in time)."""

    a: int  # index into the row's facts
    b: int
    nature: Nature
    why: str


@dataclass(frozen=True)
class FactRow:
    """One slot of the event: every report's value, and the pairs that disagree."""

    slot: str
    kind: FactKind
    facts: tuple[Fact, ...]
    disputes: tuple[Dispute, ...] = ()

    @property
    def disputed(self) -> bool:
        return bool(self.disputes)


@dataclass(frozen=True)
class FactTable:
    """An event's facts side by side, disputed rows first."""

    rows: tuple[FactRow, ...] = field(default=())

    def disputes(self) -> list[tuple[Fact, Fact, Dispute]]:
        """Every dispute with its two facts."""
        return [(r.facts[d.a], r.facts[d.b], d) for r in self.rows for d in r.disputes]


def _bound(x: float) -> float | None:
    return None if math.isinf(x) else x  # JSON has no infinity: an open bound is null


def fact_table_to_json(table: FactTable) -> dict[str, Any]:
    """The public JSON shape of a fact table (docs/facts-schema.md)."""
    return {
        "rows": [
            {
                "slot": r.slot,
                "kind": r.kind,
                "disputed": r.disputed,
                "facts": [
                    {
                        "article_id": f.span.article_id,
                        "in_title": f.span.in_title,
                        "start": f.span.start,
                        "end": f.span.end,
                        "text": f.span.text,
                        "slot": f.slot,
                        "kind": f.kind,
                        "value": f.value,
                        "low": _bound(f.low),
                        "high": _bound(f.high),
                    }
                    for f in r.facts
                ],
                "disputes": [
                    {"a": d.a, "b": d.b, "nature": d.nature, "why": d.why} for d in r.disputes
                ],
            }
            for r in table.rows
        ]
    }


def fact_table_from_json(data: dict[str, Any] | None) -> FactTable:
    """Rebuild a table from ``fact_table_to_json`` output (an old cache entry has none)."""
    if not data:
        return FactTable()
    rows = []
    for r in data["rows"]:
        facts = tuple(
            Fact(
                f["slot"],
                f["kind"],
                f["value"],
                -math.inf if f["low"] is None else float(f["low"]),
                math.inf if f["high"] is None else float(f["high"]),
                FactSpan(f["article_id"], bool(f["in_title"]), f["start"], f["end"], f["text"]),
            )
            for f in r["facts"]
        )
        disputes = tuple(Dispute(d["a"], d["b"], d["nature"], d["why"]) for d in r["disputes"])
        rows.append(FactRow(r["slot"], r["kind"], facts, disputes))
    return FactTable(tuple(rows))
