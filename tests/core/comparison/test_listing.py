"""Sorting and filtering events: facts per event, the typed filter, sort keys (no Textual)."""

from __future__ import annotations

from datetime import date

import pytest

from index import (
    Article,
    Comparison,
    Conflict,
    Event,
    FilterError,
    Link,
    Span,
    event_facts,
    parse_filter,
    sort_facts,
)

TODAY = date(2024, 10, 20)


def _article(i: str, source: str, published: str) -> Article:
    return Article(i, f"{i}.md", f"title {i}", "Body.", source=source, published=published)


def _conflicts(*types: str) -> Comparison:
    span = Span(0, 1, "x")
    links = tuple(
        Link(f"a{n}", f"b{n}", 0.9, False, conflicts=(Conflict(t, span, span, "why"),))  # type: ignore[arg-type]
        for n, t in enumerate(types)
    )
    return Comparison(None, (), (), links, ())


FERRY = Event("e1", "Ferry aground off Mokpo", ("a", "b", "c"))
QUAKE = Event("e2", "Quake shakes Lima", ("d", "e"))
SHOW = Event("e3", "Orchid show opens", ("f",))
ARTICLES = {
    "e1": [
        _article("a", "Yonhap", "2024-10-17T09:00Z"),
        _article("b", "Reuters", "2024-10-18"),
        _article("c", "Korea Herald", "2024-10-18"),
    ],
    "e2": [_article("d", "Reuters", "2024-09-01"), _article("e", "El Comercio", "2024-09-02")],
    "e3": [_article("f", "Valley Times", "")],
}


def facts(compared: bool = True) -> list:
    out = []
    for event, comparison in (
        (FERRY, _conflicts("number", "number", "date")),
        (QUAKE, _conflicts("quote")),
        (SHOW, None),
    ):
        out.append(event_facts(event, ARTICLES[event.id], comparison if compared else None))
    return out


def kept(text: str, compared: bool = True) -> list[str]:
    wanted = parse_filter(text, TODAY)
    return [f.event.id for f in facts(compared) if wanted.keeps(f)]


def test_facts_count_conflicts_by_type_and_know_single_reports_have_none() -> None:
    ferry, quake, show = facts()
    assert ferry.conflicts == {"number": 2, "date": 1} and ferry.conflict_count == 3
    assert ferry.outlets == ("Korea Herald", "Reuters", "Yonhap")
    assert ferry.dates == ("2024-10-17", "2024-10-18", "2024-10-18")
    assert show.conflicts == {} and show.dates == ()
    assert facts(compared=False)[0].conflicts is None


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("outlet:yonhap", ["e1"]),
        ("outlet:REUTERS", ["e1", "e2"]),
        ('outlet:"korea herald"', ["e1"]),
        ("conflict:number", ["e1"]),
        ("conflict:quote", ["e2"]),
        ("conflict:any", ["e1", "e2"]),
        ("has:conflict", ["e1", "e2"]),
        ("since:2024-10-01", ["e1"]),
        ("until:2024-09", ["e2"]),  # a month means its first day
        ("since:2024-09-02 until:2024-10-17", ["e1", "e2"]),
        ("last week", ["e1"]),
        ("last 60 days", ["e1", "e2"]),
        ("ferry", ["e1"]),
        ("Lima outlet:reuters", ["e2"]),
        ("", ["e1", "e2", "e3"]),
    ],
)
def test_typed_filter(text: str, ids: list[str]) -> None:
    assert kept(text) == ids


def test_conflict_filter_is_undecided_until_compared() -> None:
    wanted = parse_filter("conflict:number", TODAY)
    assert wanted.needs_comparisons
    ferry, _quake, show = facts(compared=False)
    assert wanted.keeps(ferry) is None
    assert wanted.keeps(show) is False  # one report: no conflict, known without comparing
    # another condition that already fails decides without the conflicts
    assert parse_filter("outlet:nobody conflict:number", TODAY).keeps(ferry) is False


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("conflict:colour", "no conflict type 'colour'"),
        ("since:someday", "'since:someday': not a date"),
        ("since:2024-13-01", "not a date"),
        ("colour:red", "unknown field 'colour'"),
        ("outlet:", "has no value"),
        ("sort:size", "cannot sort by 'size'"),
        ('outlet:"unclosed', "no closing quotation"),
    ],
)
def test_bad_filters_say_which_term(text: str, message: str) -> None:
    with pytest.raises(FilterError, match=message):
        parse_filter(text, TODAY)


def test_sorts() -> None:
    all_facts = facts()
    ids = lambda key: [f.event.id for f in sort_facts(all_facts, key)]  # noqa: E731
    assert ids("conflicts") == ["e1", "e2", "e3"]
    assert ids("reports") == ["e1", "e2", "e3"]
    assert ids("date") == ["e1", "e2", "e3"]  # newest first, undated last
    assert ids("title") == ["e1", "e3", "e2"]
    assert ids(None) == ["e1", "e2", "e3"]
    assert parse_filter("sort:title", TODAY).sort == "title"
    # not yet compared events sort after the counted ones
    mixed = [facts(compared=False)[0], *all_facts[1:]]
    assert [f.event.id for f in sort_facts(mixed, "conflicts")] == ["e2", "e3", "e1"]
