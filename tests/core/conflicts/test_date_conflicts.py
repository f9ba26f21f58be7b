"""Date conflicts between two statements (the date of one act), and their look-alikes."""

from __future__ import annotations

import pytest

from tests.helpers import MONDAY
from tests.helpers import conflict_types as types


@pytest.mark.parametrize(
    ("a", "b", "pa", "pb"),
    [
        (
            "Kim called in the envoy on Friday.",
            "Kim called in the envoy last week.",
            MONDAY,
            MONDAY,
        ),
        ("Kim called in the envoy last week.", "Kim called in the envoy on Friday.", None, None),
        (
            "Kim called in the envoy on Monday.",
            "Zinoviev answered reporters on Sunday.",
            None,
            None,
        ),
        (
            "Kim called in the envoy yesterday.",
            "Kim called in the envoy on Sunday.",
            MONDAY,
            MONDAY,
        ),
        (
            "Kim called in the envoy yesterday.",
            "Kim called in the envoy yesterday.",
            MONDAY,
            "2024-10-22",
        ),
        ("The envoy was called in on Oct. 20.", "Kim called in the envoy on Sunday.", None, MONDAY),
        (  # two verbs weeks apart: two acts of the story (the bill passed, then signed)
            "The harbour bill the assembly passed last week lets Kim recall the envoy.",
            "The harbour bill signed by the governor on Oct. 30 lets Kim recall the envoy.",
            MONDAY,
            MONDAY,
        ),
    ],
)
def test_date_lookalikes(a: str, b: str, pa: str | None, pb: str | None) -> None:
    assert "date" not in types(a, b, pa, pb)


@pytest.mark.parametrize(
    ("a", "b", "pa", "pb"),
    [
        ("Kim called in the envoy on Friday.", "Kim called in the envoy on Thursday.", None, None),
        (
            "Kim called in the envoy on Oct. 17.",
            "Kim called in the envoy on October 18.",
            None,
            None,
        ),
        (
            "Kim called in the envoy yesterday.",
            "The envoy was called in by Kim on Saturday.",
            MONDAY,
            MONDAY,
        ),
        (
            "Kim called in the envoy last week.",
            "Kim called in the envoy earlier today.",
            MONDAY,
            MONDAY,
        ),
        (
            "The envoy was called in on 17 October 2024.",
            "Kim called in the envoy on Sunday.",
            None,
            MONDAY,
        ),
        (  # two verbs for one act a day apart: still two days
            "The harbour court ruled on the envoy's appeal on Friday.",
            "The harbour court voted 3-0 on the envoy's appeal on Thursday.",
            None,
            None,
        ),
    ],
)
def test_date_conflicts(a: str, b: str, pa: str | None, pb: str | None) -> None:
    assert types(a, b, pa, pb) == ["date"]


def test_statement_day_vs_event_day() -> None:
    # The day a statement was made is not the day of the event it reports.
    a = "Oct. 19: Reports emerged that 800 engineers had reached the dam."
    b = "The ministry said on Friday that 800 engineers had reached the dam."
    assert "date" not in types(a, b, MONDAY, None)


def test_timeline_label_takes_the_sentence_verb() -> None:
    a = "Oct. 17: At a briefing in Brussels, President Zelenskyy said 10,000 troops were ready."
    b = "President Zelensky said on Sunday that 10,000 troops were ready."
    assert types(a, b, MONDAY, None) == ["date"]


def test_date_of_another_action_in_the_same_passage() -> None:
    a = "Early on Friday, the singer checked into a clinic in Palm Springs."
    b = "After she left a clinic in Malibu on Thursday, the singer checked into a clinic."
    assert "date" not in types(a, b)
    c = "The singer checked into a clinic in Palm Springs on Thursday."
    d = "The singer checked into a clinic in Palm Springs on Friday."
    assert types(c, d) == ["date"]


def test_a_date_belongs_to_the_nearest_verb_before_it() -> None:
    # "rose ... on Thursday" dates the toll, not the storm "that hit" the coast (dated Wednesday
    # on the other side): two actions. "struck" and "shook" the coast are one.
    toll = (
        "The death toll from the storm that hit the coast rose to 14 on Thursday, after"
        " divers found two more bodies."
    )
    storm = (
        "A storm hit the coast of Pemba late on Wednesday night, killing 12 people,"
        " officials said on Thursday."
    )
    assert "date" not in types(toll, storm)
    struck = "A storm struck the coast of Pemba on Thursday, killing 12 people."
    shook = "A storm shook the coast of Pemba late on Wednesday, killing 12 people."
    assert types(struck, shook) == ["date"]


def test_a_possessive_weekday_dates_its_noun_not_the_action() -> None:
    # "Tuesday's vote" is the day of the vote; the storm hit the day before, in both reports
    assert "date" not in types(
        "The storm hit on Monday, a day before the vote.",
        "The storm hit a day before Tuesday's vote.",
    )
    assert "date" not in types(
        "The storm hit the coast on Monday.",
        "The storm hit the coast before Wednesday\u2019s council vote.",
    )


def test_possessive_weekdays_of_one_thing_still_clash() -> None:
    assert "date" in types(
        "Tuesday's vote was delayed by the storm.", "Wednesday's vote was delayed by the storm."
    )
    assert "date" in types(
        "The storm hit the coast on Monday.", "The storm hit the coast on Tuesday."
    )
