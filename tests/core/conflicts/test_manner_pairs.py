"""How the same dead died: "<verb> to death" told two ways by two reports (fictional reports)."""

from __future__ import annotations

from index.base.models import Article
from index.conflicts.manner_pairs import manner_pair_conflicts
from index.text.sentences import split_passages


def _art(aid: str, body: str) -> Article:
    return Article(id=aid, path=aid, title="Ferry fire", body=body, source=aid)


def _flags(*articles: Article) -> list[str]:
    by = {a.id: split_passages(a) for a in articles}
    return [c.explanation for _, _, c in manner_pair_conflicts(articles, by)]


def test_two_manners_for_the_same_dead_are_a_conflict() -> None:
    a = _art("a.txt", "Officials said two deckhands were burnt to death in the engine room.")
    b = _art("b.txt", "Two deckhands suffocated to death when smoke filled the engine room.")
    assert _flags(a, b) == ['Manner of death differs: "burnt to death" vs "suffocated to death"']


def test_one_manner_in_other_words_agrees() -> None:
    a = _art("a.txt", "Two deckhands were burned to death in the engine room.")
    b = _art("b.txt", "Two deckhands were burnt to death, the captain said.")
    c = _art("c.txt", "The two deckhands choked to death in the smoke of the engine room.")
    d = _art("d.txt", "The two deckhands suffocated to death in the engine room's smoke.")
    assert _flags(a, b) == []
    assert _flags(c, d) == []


def test_other_dead_or_a_verdict_are_no_conflict() -> None:
    a = _art("a.txt", "Two deckhands were burnt to death in the engine room.")
    b = _art("b.txt", "In 1990 a farmer was beaten to death by robbers near Varna.")
    c = _art("c.txt", "The two men who set the fire were later sentenced to death.")
    assert _flags(a, b) == []  # nothing says these are the same dead
    assert _flags(a, c) == []  # a sentence, not how anyone died
