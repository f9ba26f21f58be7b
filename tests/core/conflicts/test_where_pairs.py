"""Where something goes: open in one report, named as fact in another (fictional reports)."""

from __future__ import annotations

from index.base.models import Article
from index.conflicts.where_pairs import where_pair_conflicts
from index.text.sentences import split_passages


def _art(aid: str, body: str) -> Article:
    return Article(id=aid, path=aid, title="Smugglers held", body=body, source=aid)


def _answers(*articles: Article) -> list[str]:
    by = {a.id: split_passages(a) for a in articles}
    return [q.text for _, q, _ in where_pair_conflicts(articles, by)]


ASKED = _art(
    "a.txt",
    "It was not clear what would happen to the smugglers seized by the coast guard, or where"
    " they would be taken.",
)


def test_a_place_named_as_fact_answers_where() -> None:
    b = _art("b.txt", "The smugglers were taken ashore and will be handed over to police in Varna.")
    assert _answers(ASKED, b) == [b.body]
    finding = _art(
        "c.txt",
        "Officials are working to find out to which country the smugglers can be handed over.",
    )
    assert _answers(finding, b) == [b.body]


def test_a_hedge_another_act_or_another_thing_answers_nothing() -> None:
    hedged = _art("b.txt", "The smugglers will be taken ashore, possibly at Varna, officials said.")
    other_thing = _art("c.txt", "The minister had taken a firm view of smuggling in Varna.")
    other_act = _art("d.txt", "The smugglers were seized by a patrol boat in the Black Sea.")
    assert _answers(ASKED, hedged) == []
    assert _answers(ASKED, other_thing) == []
    assert _answers(ASKED, other_act) == []
