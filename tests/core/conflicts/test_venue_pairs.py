"""Where a game is played: at home in one report, at the opponent's in another (our reports)."""

from __future__ import annotations

from index.base.models import Article
from index.conflicts.venue_pairs import venue_pair_conflicts
from index.text.sentences import split_passages


def _art(aid: str, body: str) -> Article:
    return Article(id=aid, path=aid, title="Coach fired", body=body, source=aid)


def _flags(*articles: Article) -> list[str]:
    by = {a.id: split_passages(a) for a in articles}
    return [c.explanation for _, _, c in venue_pair_conflicts(articles, by)]


def test_at_home_against_a_team_and_at_that_team_are_two_venues() -> None:
    a = _art("a.txt", "The Gulls were to play at home, with Rask making his debut against Varna.")
    b = _art("b.txt", "Rask will coach the Gulls in Sunday's game at Varna.")
    c = _art("c.txt", "Burgas host the Varna Sharks on Sunday.")
    assert len(_flags(a, b)) == 1
    assert _flags(c, b) == ['Venue differs: "host the Varna Sharks" (at home) vs "game at Varna"']


def test_another_day_or_another_opponent_is_another_game() -> None:
    a = _art("a.txt", "Burgas host the Varna Sharks on Sunday.")
    b = _art("b.txt", "Burgas lost Tuesday's game at Varna by ten points.")
    c = _art("c.txt", "Burgas lost the game at Ruse on Sunday.")
    assert _flags(a, b) == []
    assert _flags(a, c) == []
