"""Why it happened: a cause denied in one report and asserted in another (our reports)."""

from __future__ import annotations

from index.base.models import Article
from index.conflicts.cause_pairs import cause_pair_conflicts
from index.text.sentences import split_passages


def _art(aid: str, body: str) -> Article:
    return Article(id=aid, path=aid, title="Coach fired", body=body, source=aid)


def _flags(*articles: Article) -> list[tuple[str, str]]:
    by = {a.id: split_passages(a) for a in articles}
    return [(c.a.text, c.b.text) for _, _, c in cause_pair_conflicts(articles, by)]


def test_a_denied_cause_against_an_asserted_one() -> None:
    a = _art("a.txt", "A club source said that the Varna defeats played no role in the firing.")
    b = _art("b.txt", "Sunday's 3-0 defeat in Varna, the fifth in a row, was the last straw.")
    assert _flags(a, b) == [
        (
            "the Varna defeats played no role in",
            "Sunday's 3-0 defeat in Varna, the fifth in a row, was the last straw",
        )
    ]


def test_another_cause_is_no_conflict() -> None:
    a = _art("a.txt", "A club source said that the Varna defeats played no role in the firing.")
    b = _art("b.txt", "The row with the owner over money was the reason for the firing.")
    c = _art("c.txt", "The Varna defeats were the last straw, the club said.")
    assert _flags(a, b) == []  # the money row is another cause: both may hold
    assert len(_flags(a, c)) == 1
