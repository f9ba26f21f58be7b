"""Typed conflicts on aligned statements: what must be found, and look-alikes that must not."""

from __future__ import annotations

import pytest

from index.conflicts import detect_conflicts, detect_text_conflicts
from index.models import Article, Passage

MONDAY = "2024-10-21"


def types(a: str, b: str, pa: str | None = None, pb: str | None = None) -> list[str]:
    return [c.type for c in detect_text_conflicts(a, b, pa, pb)]


# --- look-alikes that are NOT conflicts -------------------------------------------------------

@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Pyongyang dispatched 1.500 special forces to Russia.",
         "Pyongyang dispatched 1,500 special forces to Russia."),
        ("Moscow has received 10,000 troops from the North.",
         "Moscow has received 10,000 soldiers from the North."),
        ("More than 1,000 people left the border town.",
         "Some 1,200 people left the border town."),
        ("In the first clash 20 soldiers were killed, officials said.",
         "Seoul believes six North Korean military personnel went to Russia first."),
        ("Donors promised $2.6 million for shelters.",
         "Donors promised 2.6m dollars for shelters."),
        ("Donors promised ten thousand blankets.", "Donors promised 10,000 blankets."),
        ("Between 10 and 12 fighters crossed at night.", "Eleven fighters crossed at night."),
        ("About 11,000 troops are in Kursk.", "Roughly 11,500 troops are in Kursk."),
        ("Russia sent 10,000 troops and 50 tanks.", "Russia sent 10,000 soldiers."),
    ],
)
def test_number_lookalikes(a: str, b: str) -> None:
    assert "number" not in types(a, b)


@pytest.mark.parametrize(
    ("a", "b", "pa", "pb"),
    [
        ("Kim called in the envoy on Friday.", "Kim called in the envoy last week.",
         MONDAY, MONDAY),
        ("Kim called in the envoy last week.", "Kim called in the envoy on Friday.", None, None),
        ("Kim called in the envoy on Monday.", "Zinoviev answered reporters on Sunday.",
         None, None),
        ("Kim called in the envoy yesterday.", "Kim called in the envoy on Sunday.",
         MONDAY, MONDAY),
        ("Kim called in the envoy yesterday.", "Kim called in the envoy yesterday.",
         MONDAY, "2024-10-22"),
        ("The envoy was called in on Oct. 20.", "Kim called in the envoy on Sunday.", None, MONDAY),
    ],
)
def test_date_lookalikes(a: str, b: str, pa: str | None, pb: str | None) -> None:
    assert "date" not in types(a, b, pa, pb)


# --- conflicts that MUST be found -------------------------------------------------------------

@pytest.mark.parametrize(
    ("a", "b", "words"),
    [
        ("Russia now hosts 10,000 troops from the North.",
         "Russia now hosts 11,000 infantrymen from the North.", ("10,000 troops", "11,000")),
        ("Pyongyang dispatched 1,500 special forces.", "Pyongyang dispatched 3,000 special forces.",
         ("1,500", "3,000")),
        ("The strike killed 12 civilians.", "The strike killed 20 people.", ("12", "20")),
        ("Aid worth $2.6 million arrived.", "Aid worth $3.1 million arrived.", ("2.6", "3.1")),
        ("At least 40 people died in the fire.", "Thirty people died in the fire.",
         ("40", "Thirty")),
        ("The quake measured magnitude 6.2 at the coast.", "A 5.8-magnitude quake hit the coast.",
         ("6.2", "5.8")),
        ("Turnout was 61 percent.", "Turnout was 48%.", ("61", "48")),
    ],
)
def test_number_conflicts(a: str, b: str, words: tuple[str, str]) -> None:
    found = [c for c in detect_text_conflicts(a, b) if c.type == "number"]
    assert len(found) == 1, found
    c = found[0]
    assert words[0] in c.a.text and words[1] in c.b.text
    assert a[c.a.start:c.a.end] == c.a.text and b[c.b.start:c.b.end] == c.b.text
    assert c.explanation.startswith("Numbers differ: ")


def test_number_explanation_names_both_counted_things() -> None:
    (c,) = detect_text_conflicts("Russia got 10,000 troops.", "Russia got 11,000 infantrymen.")
    assert c.explanation == "Numbers differ: 10,000 troops vs 11,000 infantrymen"


@pytest.mark.parametrize(
    ("a", "b", "pa", "pb"),
    [
        ("Kim called in the envoy on Friday.", "Kim called in the envoy on Thursday.", None, None),
        ("Kim called in the envoy on Oct. 17.", "Kim called in the envoy on October 18.",
         None, None),
        ("Kim called in the envoy yesterday.", "The envoy was called in by Kim on Saturday.",
         MONDAY, MONDAY),
        ("Kim called in the envoy last week.", "Kim called in the envoy earlier today.",
         MONDAY, MONDAY),
        ("The envoy was called in on 17 October 2024.", "Kim called in the envoy on Sunday.",
         None, MONDAY),
    ],
)
def test_date_conflicts(a: str, b: str, pa: str | None, pb: str | None) -> None:
    assert types(a, b, pa, pb) == ["date"]


def test_detect_conflicts_offsets_index_the_article_bodies() -> None:
    body_a = "Seoul protested. Russia now hosts 10,000 troops from the North."
    body_b = "A long preamble here. Then more. Russia now hosts 11,000 soldiers from the North."
    art_a = Article("a.txt", "a.txt", "A", body_a, published=MONDAY)
    art_b = Article("b.txt", "b.txt", "B", body_b, published=MONDAY)
    sa, sb = body_a.index("Russia"), body_b.index("Russia")
    pa = Passage("a.txt:1", "a.txt", sa, len(body_a), body_a[sa:])
    pb = Passage("b.txt:2", "b.txt", sb, len(body_b), body_b[sb:])
    (c,) = detect_conflicts(pa, pb, art_a, art_b)
    assert body_a[c.a.start:c.a.end] == c.a.text == "10,000 troops"
    assert body_b[c.b.start:c.b.end] == c.b.text == "11,000 soldiers"


def test_identical_passages_have_no_conflicts() -> None:
    text = "Russia sent 10,000 troops on Friday, the ministry may have said."
    assert detect_text_conflicts(text, text, MONDAY, "2024-10-25") == ()
