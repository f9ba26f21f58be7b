"""Quantities: normalised values, bounds and counted things, with years and times left out."""

from __future__ import annotations

import math

import pytest

from index.facts.counted import lemma
from index.facts.numbers import extract_quantities


def one(text: str):  # type: ignore[no-untyped-def]
    found = extract_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Moscow moved 10,000 troops to the border.", 10_000, "troop"),
        ("Some reports said 1.500 special forces soldiers went.", 1_500, "soldier"),
        ("Officials counted 1,500 special forces.", 1_500, "force"),
        ("They saw ten thousand soldiers there.", 10_000, "soldier"),
        ("The fund pledged $2.6 million on Monday.", 2_600_000, "dollar"),
        ("The fund pledged 2.6m dollars.", 2_600_000, "dollar"),
        ("It gave 2.6 million dollars.", 2_600_000, "dollar"),
        ("About 11,000 infantrymen arrived.", 11_000, "infantryman"),
        ("Turnout reached 61.5 percent.", 61.5, "percent"),
        ("Turnout reached 61.5%.", 61.5, "percent"),
        ("A 45-year-old driver was held.", 45, "age"),
        ("A magnitude 6.2 earthquake hit.", 6.2, "magnitude"),
        ("Twenty-five people were rescued.", 25, "people"),
        ("A dozen drones were shot down.", 12, "drone"),
        ("Seoul said 1,500 of its troops were ready.", 1_500, "troop"),
    ],
)
def test_values_and_counted_things(text: str, value: float, unit: str) -> None:
    q = one(text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert text[q.start : q.end] == q.text


def test_decimal_comma_only_before_a_scale_or_percent() -> None:
    assert one("Aid of 1,5 million euros arrived.").value == 1_500_000
    assert one("Inflation hit 2,5% in May.").value == 2.5
    assert one("The fund lost 1,500 dollars.").value == 1500


def test_thousands_separator_dot_equals_comma() -> None:
    assert one("1.500 troops").value == one("1,500 troops").value == 1500
    assert one("a 2.5 point drop").value == 2.5


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("more than 1,000 people", 1000, math.inf),
        ("at least 20 people", 20, math.inf),
        ("up to 300 people", 0, 300),
        ("nearly 500 people", 450, 500),
        ("about 100 people", 90, 110),
        ("10-12 people", 10, 12),
        ("between 2 and 3 million people", 2_000_000, 3_000_000),
        ("hundreds of people", 200, 999),
    ],
)
def test_bounds(text: str, low: float, high: float) -> None:
    q = one(text)
    assert q.low == pytest.approx(low)
    assert q.high == pytest.approx(high)
    assert q.approximate


def test_exact_number_is_not_approximate() -> None:
    q = one("exactly 40 sailors")
    assert (q.low, q.high, q.approximate) == (40, 40, False)


@pytest.mark.parametrize(
    "text",
    [
        "The talks opened on Oct. 17, 2024.",
        "He spoke on 17 October in 2023.",
        "The meeting began at 3 p.m. and ended at 10:30.",
        "It was his 3rd visit since 1999.",
        "An F-16 flew over; COVID-19 cases fell.",
        "One of the envoys left.",
    ],
)
def test_dates_times_and_labels_are_not_counts(text: str) -> None:
    assert extract_quantities(text) == []


def test_state_of_the_counted_thing() -> None:
    assert one("20 soldiers were killed in the strike.").state == "killed"
    assert one("The strike killed 20 soldiers.").state == "killed"
    assert one("Six military personnel went north.").state is None
    q = one("The death toll rose to 31.")
    assert (q.unit, q.state) == ("people", "killed")


def test_lemma() -> None:
    assert lemma("troops") == "troop"
    assert lemma("infantrymen") == "infantryman"
    assert lemma("casualties") == "casualty"
    assert lemma("personnel") == "personnel"


def test_a_range_keeps_the_currency_written_on_its_first_end() -> None:
    (q,) = [q for q in extract_quantities("Orioles ($140-150 million) bid first.") if q.unit]
    assert (q.text, q.unit, q.low, q.high) == ("$140-150 million", "dollar", 140e6, 150e6)


def test_a_range_in_mm_takes_the_currency_of_its_first_end() -> None:
    got = extract_quantities("The Hawks are at seven years, $140 - 150MM, people said.")
    money = [q for q in got if q.unit == "dollar"]
    assert [(q.text, q.low, q.high) for q in money] == [("$140 - 150MM", 140e6, 150e6)]
    assert all(q.unit != "dollar" for q in extract_quantities("a 20mm cannon and 30 - 40mm shells"))


def test_the_counted_noun_is_the_head_of_a_compound_and_never_an_adverb() -> None:
    def heads(text: str) -> list[str | None]:
        return [q.unit for q in extract_quantities(text)]

    assert heads("The haul held one rocket propelled grenade launcher.") == ["launcher"]
    assert heads("They fired two rocket propelled grenades.") == ["grenade"]
    assert heads("Police said 12 heavily armed men fled.") == ["man"]
    assert heads("Three villagers slightly injured were treated.") == ["villager"]
    # after a plural, a participle is a verb: the count stays with its noun
    assert heads("About 5,000 people gathered outside the court.") == ["people"]
    assert heads("Some 50,000 people marched destroying shop windows.") == ["people"]


def test_the_state_of_a_count_is_found_past_an_apposition() -> None:
    """ "three people, two men and a woman, were killed": killed, though commas stand between."""
    [q, *_] = extract_quantities("Three people, two men and a woman, were killed in the fire.")
    assert (q.text, q.state) == ("Three people", "killed")
    [q, *_] = extract_quantities("Three people, the mayor said on Monday night, ran away.")
    assert q.state is None
