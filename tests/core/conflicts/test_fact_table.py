"""The event fact table: slots, values and disputes across reports (fictional reports)."""

from __future__ import annotations

import json

from index import Article, compare, fact_disputes
from index.base.fact_table import fact_table_from_json, fact_table_to_json
from index.conflicts.table import build_fact_table


def _art(aid: str, body: str, title: str = "Storm report") -> Article:
    return Article(id=aid, path=aid, title=title, body=body, source=aid.split(".")[0])


def _disputes(*articles: Article) -> list[tuple[str, str, str]]:
    table = build_fact_table(articles)
    return [(x.span.text, y.span.text, d.nature) for x, y, d in table.disputes()]


def test_two_injury_counts_for_one_storm_are_disputed() -> None:
    a = _art("a.txt", "Officials said 12 people were injured when the storm hit Varna.")
    b = _art("b.txt", "Rescuers said 18 people were injured when the storm hit the port.")
    assert _disputes(a, b) == [("12 people", "18 people", "conflict")]


def test_thousands_separators_and_rounding_agree() -> None:
    a = _art("a.txt", "The flood forced 1.500 residents to leave their homes near the river.")
    b = _art("b.txt", "The flood forced 1,500 residents to leave their homes by the river.")
    c = _art("c.txt", "The flood forced about 1,480 residents to leave their homes.")
    assert _disputes(a, b, c) == []


def test_a_bracketed_conversion_is_not_a_second_figure() -> None:
    a = _art(
        "a.txt", "Thieves took two million pounds ($3.1 million) from the Orly vault, Lund said."
    )
    b = _art("b.txt", "Thieves took $2.9 million from the Orly vault, Lund said.")
    assert all("3.1" not in x and "3.1" not in y for x, y, _n in _disputes(a, b))


def test_open_bounds_that_grew_are_an_evolving_difference() -> None:
    a = _art("a.txt", "At least 3 people were killed when the tower collapsed in Osk.")
    b = _art("b.txt", "At least 10 people were killed when the tower collapsed in Osk.")
    assert _disputes(a, b) == [("At least 3 people", "At least 10 people", "evolving")]


def test_a_figure_past_a_lower_bound_grew_and_one_near_it_agrees() -> None:
    a = _art("a.txt", "The Brass Lantern has already taken in more than $240 million.")
    b = _art("b.txt", "The Brass Lantern has already taken in $310 million worldwide.")
    c = _art("c.txt", "The Brass Lantern has already taken in $246 million worldwide.")
    assert _disputes(a, b) == [("more than $240 million", "$310 million", "evolving")]
    assert _disputes(a, c) == []


def test_a_figure_of_what_can_or_may_be_is_no_reported_figure() -> None:
    a = _art("a.txt", "The vote counts only with a turnout that must be more than 50 percent.")
    b = _art("b.txt", "Officials said turnout in the vote reached 91 percent on Sunday.")
    c = _art("c.txt", "Rescuers fear the toll could rise to 40 people killed in Osk.")
    d = _art("d.txt", "Rescuers said 12 people were killed in Osk on Monday.")
    assert _disputes(a, b) == []
    assert _disputes(c, d) == []


def test_two_named_parties_amounts_are_not_compared() -> None:
    a = _art("a.txt", "The Harbour Kings offered Dace Mirren a deal worth $50 million.")
    b = _art("b.txt", "The Valley Hawks offered Dace Mirren a deal worth $70 million.")
    assert _disputes(a, b) == []


def test_a_headline_figure_is_a_fact_with_title_offsets() -> None:
    a = _art("a.txt", "Crews searched the mine all night.", title="Mine blast kills 9 workers")
    b = _art("b.txt", "The mine blast killed 14 workers, the company said.")
    table = build_fact_table([a, b])
    (x, y, _d) = table.disputes()[0]
    assert x.span.in_title and a.title[x.span.start : x.span.end] == x.span.text == "9 workers"
    assert not y.span.in_title and b.body[y.span.start : y.span.end] == "14 workers"


def test_days_of_one_action_are_compared_and_a_statement_day_is_not() -> None:
    a = _art("a.txt", "The singer checked into the clinic on Tuesday, her agent said Friday.")
    b = _art("b.txt", "The singer checked into the clinic on Friday.")
    c = _art("c.txt", "The singer was admitted late Thursday and checked in around 1 a.m.")
    got = _disputes(a, b, c)
    assert ("Tuesday", "Friday", "conflict") in got
    assert all("said" not in x for x, _y, _n in got)


def test_table_disputes_mark_passages_that_are_not_aligned() -> None:
    a = _art(
        "a.txt", "Heavy rain fell for hours over the valley.\nSeven climbers died on the ridge."
    )
    b = _art("b.txt", "A guide told reporters that 11 climbers died on the ridge overnight.")
    comparison = compare([a, b])
    assert fact_disputes(comparison)
    marked = [c for link in comparison.links for c in link.conflicts if c.type == "number"]
    assert {(c.a.text, c.b.text) for c in marked} == {("Seven climbers", "11 climbers")}


def test_table_json_round_trip() -> None:
    a = _art("a.txt", "At least 3 people were killed when the tower collapsed in Osk.")
    b = _art("b.txt", "At least 10 people were killed when the tower collapsed in Osk.")
    table = build_fact_table([a, b])
    data = json.loads(json.dumps(fact_table_to_json(table)))
    assert data["rows"][0]["facts"][0]["high"] is None  # an open bound
    assert fact_table_from_json(data) == table


def test_a_count_in_words_of_one_act_is_disputed() -> None:
    a = _art("a.txt", "Mara Quell married twice; her first marriage lasted four years.")
    b = _art("b.txt", "Mara Quell was married three times but had no children.")
    assert _disputes(a, b) == [("twice", "three times", "conflict")]


def test_a_party_the_other_report_knows_separates_amounts() -> None:
    a = _art("a.txt", "The Harbour Kings offered Dace Mirren $90 million. The Valley Hawks waited.")
    b = _art("b.txt", "The Valley Hawks offered Dace Mirren a deal worth $84 million.")
    assert _disputes(a, b) == []


def test_a_round_figure_is_no_rounding_of_one_8_percent_away() -> None:
    said = "the club offered its new striker Mirren a deal worth {} over the coming years."
    a = _art("a.txt", said.format("$200 million"))
    b = _art("b.txt", said.format("$184 million"))
    c = _art("c.txt", said.format("$196 million"))
    assert ("$200 million", "$184 million", "conflict") in _disputes(a, b, c)
    assert all("196" not in x + y for x, y, _n in _disputes(a, c))


def test_a_bracket_after_a_name_holds_that_party_figures() -> None:
    a = _art("a.txt", "the rival club Hawks (eight years, $160 million) made the striker an offer.")
    b = _art("b.txt", "the rival club Hawks offered the striker a deal of $120 million, he said.")
    assert ("$160 million", "$120 million", "conflict") in _disputes(a, b)


def test_one_party_sum_told_by_two_reporters_is_compared() -> None:
    a = _art(
        "a.txt",
        "Ola Brenn reported on his show that the Harbour Kings have made Dace Mirren an"
        " eight-year, $200 million offer.",
    )
    b = _art(
        "b.txt",
        "Vik Sorel reported the Harbour Kings of owner Tam Oduya offered Mirren an eight-year"
        " deal worth $184 million.",
    )
    c = _art("c.txt", "The Valley Hawks offered Dace Mirren an eight-year deal worth $150 million.")
    assert _disputes(a, b) == [("$200 million", "$184 million", "conflict")]
    assert _disputes(a, c) == [] and _disputes(b, c) == []


def test_a_city_written_by_its_english_name_is_the_same_place() -> None:
    a = _art("a.txt", "In Salonika about 50,000 people marched past the harbour front.")
    b = _art("b.txt", "In Thessaloniki another 20,000 people marched past the harbour.")
    c = _art("c.txt", "In Patras another 20,000 people marched past the harbour.")
    assert [n for *_s, n in _disputes(a, b)] == ["conflict"]
    assert _disputes(a, c) == []
