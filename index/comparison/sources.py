"""Independent sources of a comparison: reports that copy another count with their original."""

from __future__ import annotations

from collections.abc import Sequence

from index.base.models import Article, Claim, Comparison
from index.events.collapse import representative
from index.events.copies import source_families


def find_copies(articles: Sequence[Article]) -> tuple[tuple[str, str], ...]:
    """(copy, original) for each report that copies another of ``articles``; the original is
    the family's origin (earliest, or the outlet the others name), else its first id, as in the
    grouping (so a copy's original is the report its event was grouped by)."""
    by_id = {a.id: a for a in articles}
    out = []
    for family in source_families(articles):
        if len(family.articles) > 1:
            rep = representative(family, by_id).id
            out += [(member, rep) for member in family.articles if member != rep]
    order = {a.id: k for k, a in enumerate(articles)}
    return tuple(sorted(out, key=lambda pair: order[pair[0]]))


def copy_of(c: Comparison) -> dict[str, str]:
    """The original of each copied report of the comparison."""
    return dict(c.copies)


def independent_sources(c: Comparison, article_ids: Sequence[str] | None = None) -> int:
    """How many source families the reports (all, or ``article_ids``) come from."""
    original = copy_of(c)
    ids = [a.id for a in c.articles] if article_ids is None else article_ids
    return len({original.get(i, i) for i in ids})


def claim_sources(c: Comparison, claim: Claim) -> int:
    """How many independent sources support a claim (copies of one report count once)."""
    return independent_sources(c, claim.articles)


def label(source: str | None, article_id: str) -> str:
    """How an export names a report everywhere (headings, citations, figures): its outlet, else
    its file name marked as such ("(no outlet) harbor.txt"), never passed off as an outlet."""
    return source or f"(no outlet) {article_id.rsplit('/', 1)[-1]}"
