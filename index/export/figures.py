"""An event's fact table to read: each slot's values with the independent sources stating them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from index.base.fact_table import Fact, FactKind, FactRow, FactTable, fact_table_to_json
from index.base.models import Comparison
from index.comparison.sources import independent_sources, label

RowNature = Literal["conflict", "evolving", ""]


@dataclass(frozen=True)
class FigureValue:
    """One value of a slot and every statement of it (several reports may state it)."""

    value: str
    facts: tuple[int, ...]  # indexes into the row's facts, in report order
    articles: tuple[str, ...]  # the reports stating it, in the comparison's order
    sources: int  # independent source families among them (copies count once)
    outlets: tuple[str, ...]  # label of each of those reports (sources.label)
    disputed: bool  # in a dispute with another value of the slot


@dataclass(frozen=True)
class FigureRow:
    """One slot: its values, most sources first, and why they disagree (if they do)."""

    row: FactRow
    nature: RowNature  # "conflict" when any pair cannot both hold, "evolving" when they grew
    values: tuple[FigureValue, ...]

    @property
    def slot(self) -> str:
        return self.row.slot

    @property
    def kind(self) -> FactKind:
        return self.row.kind

    @property
    def disputed(self) -> bool:
        return self.row.disputed

    def fact(self, value: FigureValue, k: int = 0) -> Fact:
        """The ``k``-th statement of ``value``."""
        return self.row.facts[value.facts[k]]


@dataclass(frozen=True)
class Figures:
    """The rows of an event's fact table, conflicts first, then figures that grew, then the rest;
    ``sources`` is the m of "n of m sources"."""

    rows: tuple[FigureRow, ...]
    reports: int
    sources: int

    @property
    def disputed(self) -> int:
        return sum(1 for r in self.rows if r.disputed)


def _row(c: Comparison, row: FactRow, outlet: dict[str, str], order: dict[str, int]) -> FigureRow:
    in_dispute = {i for d in row.disputes for i in (d.a, d.b)}
    groups: dict[str, list[int]] = {}
    for i, fact in enumerate(row.facts):
        groups.setdefault(fact.value, []).append(i)
    values = []
    for value, indexes in groups.items():
        ids = sorted({row.facts[i].span.article_id for i in indexes}, key=lambda a: order.get(a, 0))
        values.append(
            FigureValue(
                value,
                tuple(indexes),
                tuple(ids),
                independent_sources(c, ids),
                tuple(outlet.get(a, a) for a in ids),
                bool(in_dispute & set(indexes)),
            )
        )
    # Most sources first; the first stated first among equals (sorted() is stable).
    values.sort(key=lambda v: (-v.sources, -len(v.articles)))
    natures = {d.nature for d in row.disputes}
    nature: RowNature = "conflict" if "conflict" in natures else natures.pop() if natures else ""
    return FigureRow(row, nature, tuple(values))


def figures_of(c: Comparison) -> Figures:
    """The comparison's fact table as rows of values with their sources and outlets."""
    outlet = {a.id: label(a.source, a.id) for a in c.articles}
    order = {a.id: k for k, a in enumerate(c.articles)}
    rows = [_row(c, r, outlet, order) for r in c.facts.rows]
    rank = {"conflict": 0, "evolving": 1, "": 2}
    rows.sort(key=lambda r: rank[r.nature])  # stable: the table's own order within each
    return Figures(tuple(rows), len(c.articles), independent_sources(c))


def figures_to_json(f: Figures) -> dict[str, Any]:
    """Rows as in docs/facts-schema.md, each with its ``nature`` and ``values``."""
    rows = []
    for r in f.rows:
        (base,) = fact_table_to_json(FactTable((r.row,)))["rows"]
        base["nature"] = r.nature or None
        base["values"] = [
            {
                "value": v.value,
                "facts": list(v.facts),
                "articles": list(v.articles),
                "reports": len(v.articles),
                "independent_sources": v.sources,
                "outlets": list(v.outlets),
                "disputed": v.disputed,
            }
            for v in r.values
        ]
        rows.append(base)
    return {"reports": f.reports, "independent_sources": f.sources, "rows": rows}
