"""Number and age conflicts (counts of one thing at one time), and their look-alikes."""

from __future__ import annotations

import pytest

from index.conflicts.detect import detect_text_conflicts
from tests.helpers import conflict_types as types


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Pyongyang dispatched 1.500 special forces to Russia.",
            "Pyongyang dispatched 1,500 special forces to Russia.",
        ),
        (
            "Moscow has received 10,000 troops from the North.",
            "Moscow has received 10,000 soldiers from the North.",
        ),
        ("More than 1,000 people left the border town.", "Some 1,200 people left the border town."),
        (
            "In the first clash 20 soldiers were killed, officials said.",
            "Seoul believes six North Korean military personnel went to Russia first.",
        ),
        (
            "Donors promised $2.6 million for shelters.",
            "Donors promised 2.6m dollars for shelters.",
        ),
        ("Donors promised ten thousand blankets.", "Donors promised 10,000 blankets."),
        ("Between 10 and 12 fighters crossed at night.", "Eleven fighters crossed at night."),
        ("About 11,000 troops are in Kursk.", "Roughly 11,500 troops are in Kursk."),
        ("Russia sent 10,000 troops and 50 tanks.", "Russia sent 10,000 soldiers."),
    ],
)
def test_number_lookalikes(a: str, b: str) -> None:
    assert "number" not in types(a, b)


@pytest.mark.parametrize(
    ("a", "b", "words"),
    [
        (
            "Russia now hosts 10,000 troops from the North.",
            "Russia now hosts 11,000 infantrymen from the North.",
            ("10,000 troops", "11,000"),
        ),
        (
            "Pyongyang dispatched 1,500 special forces.",
            "Pyongyang dispatched 3,000 special forces.",
            ("1,500", "3,000"),
        ),
        ("The strike killed 12 civilians.", "The strike killed 20 people.", ("12", "20")),
        ("Aid worth $2.6 million arrived.", "Aid worth $3.1 million arrived.", ("2.6", "3.1")),
        (
            "At least 40 people died in the fire.",
            "Thirty people died in the fire.",
            ("40", "Thirty"),
        ),
        (
            "The quake measured magnitude 6.2 at the coast.",
            "A 5.8-magnitude quake hit the coast.",
            ("6.2", "5.8"),
        ),
        ("Turnout was 61 percent.", "Turnout was 48%.", ("61", "48")),
    ],
)
def test_number_conflicts(a: str, b: str, words: tuple[str, str]) -> None:
    found = [c for c in detect_text_conflicts(a, b) if c.type == "number"]
    assert len(found) == 1, found
    c = found[0]
    assert words[0] in c.a.text and words[1] in c.b.text
    assert a[c.a.start : c.a.end] == c.a.text and b[c.b.start : c.b.end] == c.b.text
    assert c.explanation.startswith("Numbers differ: ")


def test_number_explanation_names_both_counted_things() -> None:
    (c,) = detect_text_conflicts("Russia got 10,000 troops.", "Russia got 11,000 infantrymen.")
    assert c.explanation == "Numbers differ: 10,000 troops vs 11,000 infantrymen"


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (
            "The judges voted 2-1 to overturn the permit for the quarry.",
            "The panel voted 3-0 to overturn the permit for the quarry.",
            "number",
        ),
        (
            "In a 5-4 ruling, the Supreme Court struck down the toll law.",
            "The Supreme Court unanimously struck down the toll law.",
            "number",
        ),
    ],
)
def test_vote_tallies(a: str, b: str, kind: str) -> None:
    assert types(a, b) == [kind]


def test_different_votes_are_not_compared() -> None:
    a = "The county commission voted 4-1 in 2023 to sell the harbour land."
    b = "The judges voted 2-1 on Tuesday to overturn the rezoning of the marsh."
    assert "number" not in types(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The club lost 88-72 at home, its eighth loss in ten games.",
            "The club lost 91-70 at home on Friday.",
        ),
        (
            "The coach signed a deal through the 2008-09 season.",
            "The coach signed a deal through the 2009-10 season.",
        ),
        (
            "Guards seized 300 rounds of ammunition from the skiff.",
            "Guards have seized a total of 900 rounds of ammunition so far.",
        ),
        (
            "Police said 37 of the candidates were barred from the ballot.",
            "Police said 280 candidates were on the ballot.",
        ),
        (
            "The port says the terminal means 1,100 jobs for the county.",
            "The port says the terminal means hundreds of jobs for the county.",
        ),
    ],
)
def test_scores_seasons_totals_and_parts_are_not_number_conflicts(a: str, b: str) -> None:
    assert "number" not in types(a, b)


@pytest.mark.parametrize(
    "a",
    [
        "The Orioles have offered the pitcher a seven-year deal worth between $140 million and"
        " $150 million.",
        "The Red Sox bid for the pitcher was as high as $184 million over eight years.",
    ],
)
def test_a_passage_listing_several_figures_of_one_kind_is_not_contradicted(a: str) -> None:
    # Two teams' offers in one sentence: which one the other report's figure matches is unknown.
    b = (
        "Rival bids for the pitcher: the Orioles (seven years, $140-150 million) and the"
        " Nationals (eight years, $160 million)."
    )
    assert "number" not in types(a, b)
    assert types(
        "The Red Sox offered the pitcher $184 million over eight years.",
        "The Red Sox offered the pitcher $160 million over eight years.",
    ) == ["number"]


def test_a_count_of_two_groups_is_not_a_count_of_one() -> None:
    both = "The cruise ship evacuated some 420 passengers and crew before the strait."
    one = "The cruise ship evacuated its 246 passengers and most of its crew before the strait."
    assert "number" not in types(both, one)
    assert types(
        "The ferry carried 143 passengers and 12 crew when it ran aground.",
        "The ferry carried 147 passengers and 12 crew when it ran aground.",
    ) == ["number"]


def test_figures_over_different_sports_spans_are_different_figures() -> None:
    season = "Last season, split between two clubs, Okafor scored 31 goals and 12 assists."
    stint = "Okafor scored 11 goals and 12 assists in 24 games after the January move."
    combined = "Over a combined 52 games for both clubs, Okafor scored 31 goals."
    assert "number" not in types(season, stint)
    assert "number" not in types(stint, combined)
    assert types(
        "Okafor scored 11 goals in 24 games after the move.",
        "Okafor scored 14 goals in 24 games after the move.",
    ) == ["number"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The navy seized seven AK-47 rifles from the skiffs.",
            "The navy seized three rifles from the skiffs.",
        ),
        (
            "The club offered $160 million over eight years.",
            "The club offered $20 million per season over eight years.",
        ),
        (
            "In five raids so far, the crew has seized 31 magazines from the skiffs.",
            "In the raid the crew seized 12 magazines from the skiffs.",
        ),
    ],
)
def test_models_rates_and_running_totals_are_other_counts(a: str, b: str) -> None:
    assert "number" not in types(a, b)


def test_ages_of_named_people() -> None:
    a = "Passenger Kari Lund, 71, said the sea was calm."
    assert [
        c.explanation
        for c in detect_text_conflicts(a, "Passenger Kari Lund, 74, said the sea was calm.")
    ] == ["Ages differ for Passenger Kari Lund: 71 vs 74"]
    assert detect_text_conflicts(a, "Passenger Ole Berg, 74, said the sea was calm.") == ()
