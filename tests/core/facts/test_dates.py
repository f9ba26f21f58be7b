"""Date expressions: found by our own patterns, resolved against the publication date."""

from __future__ import annotations

from datetime import date

from index.facts.dates import compatible, extract_dates

MONDAY = "2024-10-21T09:30:00+00:00"  # a Monday


def only(text: str, published: str | None = MONDAY):  # type: ignore[no-untyped-def]
    found = extract_dates(text, published)
    assert len(found) == 1, found
    assert text[found[0].start : found[0].end] == found[0].text
    return found[0]


def test_weekday_resolves_to_the_last_such_day() -> None:
    d = only("The envoy was called in on Friday.")
    assert (d.start_date, d.end_date, d.weekday) == (date(2024, 10, 18),) * 2 + (4,)


def test_same_weekday_as_publication_is_today_and_last_is_a_week_ago() -> None:
    d = only("Talks resumed on Monday.")
    assert d.start_date == d.end_date == date(2024, 10, 21)
    assert only("Talks resumed last Monday.").start_date == date(2024, 10, 14)


def test_relative_expressions() -> None:
    assert only("He spoke yesterday.").start_date == date(2024, 10, 20)
    week = only("He spoke last week.")
    assert (week.start_date, week.end_date) == (date(2024, 10, 14), date(2024, 10, 20))
    month = only("He spoke earlier this month.")
    assert (month.start_date, month.end_date) == (date(2024, 10, 1), date(2024, 10, 21))
    assert only("It began two days ago.").start_date == date(2024, 10, 19)


def test_absolute_dates_in_three_styles() -> None:
    for text in ("It opened Oct. 17.", "It opened October 17.", "It opened 17 October 2024."):
        assert only(text).start_date == date(2024, 10, 17), text


def test_a_day_without_a_year_is_the_one_nearest_the_publication() -> None:
    # a vote "scheduled for December 15" in an October report is this December's
    assert only("The vote is scheduled for December 15.").start_date == date(2024, 12, 15)
    # "on December 30" in a January report is last December's
    assert only("It opened on December 30.", "2025-01-03").start_date == date(2024, 12, 30)


def test_without_publication_date_keeps_what_is_written() -> None:
    d = only("It opened Oct. 17.", None)
    assert d.start_date is None and (d.month, d.day) == (10, 17)
    assert only("It opened on Friday.", None).weekday == 4
    assert only("It opened last week.", None).start_date is None
    assert only("It opened 17 October 2024.", None).start_date == date(2024, 10, 17)


def test_the_modal_may_is_not_a_month() -> None:
    assert extract_dates("Troops may be sent, officials may say.", MONDAY) == []
    assert only("It ends in May 2025.").start_date == date(2025, 5, 1)


def test_compatibility() -> None:
    friday, last_week = only("on Friday"), only("last week")
    assert compatible(friday, last_week) is True
    assert compatible(only("on Friday", None), only("last week", None)) is None
    assert compatible(only("on Friday", None), only("on Thursday", None)) is False
    assert compatible(only("Oct. 17", None), only("on Friday")) is False  # Friday was Oct. 18
    assert compatible(only("Oct. 18", None), only("on Friday")) is True


def test_a_broken_publication_date_resolves_nothing_and_raises_nothing() -> None:
    for published in ("2024-13-45", "yesterday", "", "2024-10-99"):
        d = only("He spoke on Friday.", published)
        assert d.start_date is None and d.weekday == 4
    for edge in ("0001-01-01", "9999-12-31"):  # no day before year 1 or after 9999
        found = extract_dates("Friday, next Monday, two days ago, Oct. 17", edge)
        assert [d.text for d in found] == ["Friday", "next Monday", "two days ago", "Oct. 17"]
