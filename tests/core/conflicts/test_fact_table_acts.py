"""Dates and years in the fact table are held to the act they date (fictional reports)."""

from __future__ import annotations

from index import Article
from index.conflicts.table import build_fact_table


def _art(aid: str, body: str) -> Article:
    return Article(id=aid, path=aid, title="Harbour report", body=body, source=aid)


def _disputes(*articles: Article) -> list[tuple[str, str]]:
    table = build_fact_table(articles)
    return sorted((x.span.text, y.span.text) for x, y, _ in table.disputes())


def test_a_month_of_one_act_is_compared() -> None:
    a = _art("a.txt", "The council approved the new harbour plan in March after a long debate.")
    b = _art("b.txt", "The council approved the new harbour plan in June, officials said.")
    assert _disputes(a, b) == [("March", "June")]


def test_a_year_opening_the_sentence_is_read() -> None:
    a = _art("a.txt", "In 1961, the old lighthouse closed its doors to visitors.")
    b = _art("b.txt", "The old lighthouse closed to visitors in 1963.")
    assert _disputes(a, b) == [("1961", "1963")]


def test_acts_joined_by_and_share_their_date() -> None:
    a = _art("a.txt", "A coast guard cutter on Tuesday stopped two boats and seized their nets.")
    b = _art("b.txt", "The cutter seized the nets of two fishing boats on Wednesday.")
    assert _disputes(a, b) == [("Tuesday", "Wednesday")]


def test_the_same_verb_of_two_things_is_no_dispute() -> None:
    a = _art("a.txt", "Okafor was released from a military prison in 1988, friends said.")
    b = _art("b.txt", "Northlight Records released the band's first album in 1994.")
    assert _disputes(a, b) == []


def test_a_verb_between_belongs_to_the_year() -> None:
    a = _art("a.txt", "Ruiz played for three clubs in the north before retiring in 1999.")
    b = _art("b.txt", "Ruiz played on the club's cup-winning side in 1991.")
    assert _disputes(a, b) == []


def test_every_year_of_a_list_dates_the_act() -> None:
    a = _art("a.txt", "Tomas Berg, who hosted the gala in 2019 and 2017, will return next year.")
    b = _art("b.txt", "Berg was praised for hosting the gala in 2017.")
    assert _disputes(a, b) == []


def test_small_hours_may_be_told_as_the_day_before() -> None:
    a = _art("a.txt", "The ferry docked at Varna on Thursday, the port said.")
    b = _art("b.txt", "Early Friday morning, around 2 a.m., the ferry docked at Varna.")
    assert _disputes(a, b) == []


def test_a_participle_after_a_noun_does_not_take_the_date() -> None:
    """ "ships transiting the strait on Friday": the day dates the clause's act, not the
    ships' passing; "before retiring in 1993" still dates the retiring."""
    from index.facts.table import report_facts

    a = _art("a.txt", "A frigate foiled an attack on ships transiting the strait on Friday.")
    [fact] = [f for f in report_facts(a) if f.kind == "date"]
    assert fact.slot == "date of foil"
    b = _art("b.txt", "He played for four clubs before retiring in 1993.")
    [year] = [f for f in report_facts(b) if f.kind == "year"]
    assert year.slot == "year of retir"


def test_one_verb_done_to_two_named_things_is_two_acts() -> None:
    # "signed" twice, but an order and a bill: two signings, two days
    a = _art("a.txt", "On May 4, Governor Alvarez signed an executive order closing the beaches.")
    b = _art("b.txt", "A harbour funding bill signed by Governor Alvarez on June 9 takes effect.")
    assert _disputes(a, b) == []


def test_one_verb_done_to_the_same_thing_is_one_act() -> None:
    a = _art("a.txt", "On May 4, Governor Alvarez signed the harbour funding bill into law.")
    b = _art("b.txt", "The harbour funding bill signed by Governor Alvarez on June 9 takes effect.")
    assert _disputes(a, b) == [("May 4", "June 9")]


def test_a_report_dating_another_act_does_not_hold_the_days_apart() -> None:
    # b dates the escort on Tuesday and the seizure on Wednesday; c dates the seizure on
    # Tuesday: b's Tuesday is of another act, so the seizure's two days are disputed
    b = _art(
        "b.txt",
        "The cutter escorted a convoy on Tuesday morning. The cutter seized two trawlers and "
        "their nets on Wednesday near the reef.",
    )
    c = _art("c.txt", "A coast guard cutter on Tuesday stopped two trawlers and seized their nets.")
    assert ("Wednesday", "Tuesday") in _disputes(b, c)


def test_another_thing_done_is_another_act() -> None:
    a = _art("a.txt", "On May 4, Governor Alvarez vetoed another harbour funding bill.")
    b = _art("b.txt", "The harbour funding bill was vetoed by Governor Alvarez on June 9.")
    assert _disputes(a, b) == []


def test_one_act_told_by_two_verbs_of_its_group_is_compared() -> None:
    a = _art("a.txt", "A coast guard cutter foiled a raid on the harbour fuel depot on Tuesday.")
    b = _art("b.txt", "The cutter thwarted the raid on the harbour fuel depot on Wednesday.")
    assert _disputes(a, b) == [("Tuesday", "Wednesday")]


def test_a_verb_of_the_acts_group_is_no_evidence_of_the_same_thing() -> None:
    # "fired" is the act "dismiss": sharing it says nothing about whose firing it was
    a = _art("a.txt", "Harbour master Teodor Lind was fired March 2 after four seasons.")
    b = _art("b.txt", "Fired on June 8, the pilot is suing the harbour board for $2 million.")
    assert _disputes(a, b) == []


def _dated(aid: str, body: str, published: str | None) -> Article:
    return Article(
        id=aid, path=aid, title="Harbour report", body=body, source=aid, published=published
    )


def test_a_resolved_day_is_compared_with_a_weekday_and_a_month_day() -> None:
    # a's Tuesday is 8 October (its date), b says Wednesday, c says 9 October
    a = _dated(
        "a.txt", "A coast guard cutter foiled a raid on the fuel depot on Tuesday.", "2024-10-09"
    )
    b = _dated("b.txt", "The cutter foiled the raid on the harbour fuel depot on Wednesday.", None)
    c = _dated(
        "c.txt", "The patrol, foiling a raid on the harbour fuel depot on 9 Oct, was praised.", None
    )
    pairs = {frozenset(p) for p in _disputes(a, b, c)}
    assert frozenset({"Tuesday", "Wednesday"}) in pairs
    assert frozenset({"Tuesday", "9 Oct"}) in pairs  # ", foiling ... on 9 Oct": the act's day
    assert frozenset({"Wednesday", "9 Oct"}) not in pairs  # 9 October 2024 was a Wednesday


def test_a_year_dates_the_act_next_to_it_not_the_acts_joined_before() -> None:
    a = _art(
        "a.txt", "Ruiz played and coached for ten seasons and was named coach of the year in 1997."
    )
    b = _art("b.txt", "Ruiz coached the harbour club from 1989, winning four cups.")
    assert _disputes(a, b) == []


def test_an_act_done_to_it_is_done_to_the_storys_thing() -> None:
    a = _art("a.txt", "The port board proposed the new dredging rules in May, officials said.")
    b = _art("b.txt", '"It has changed a lot since it was proposed in August," the mayor said.')
    assert _disputes(a, b) == [("May", "August")]
