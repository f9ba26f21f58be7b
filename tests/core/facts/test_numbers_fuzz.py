"""Number, date and conflict extraction never raise on arbitrary text; spans slice back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from index.conflicts.detect import detect_text_conflicts
from index.facts.dates import extract_dates
from index.facts.numbers import extract_quantities

_NEWSY = st.lists(
    st.sampled_from(
        [
            "1.500",
            "1,500",
            "ten",
            "thousand",
            "$",
            "2.6m",
            "-",
            "to",
            "more than",
            "troops",
            "%",
            "million",
            "killed",
            "Oct.",
            "17",
            " ",
            "of",
            "between",
            "and",
            "3.5",
            "a dozen",
        ]
    )
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _NEWSY))
def test_never_raises_and_spans_slice_back(text: str) -> None:
    for q in extract_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.low <= q.value <= q.high
        assert 0 <= q.start < q.end <= len(text)


_CLAIMS = st.lists(
    st.sampled_from(
        [
            '"',
            "“",
            "”",
            "Kim",
            "Hong-kyun",
            "said",
            "on",
            "Friday",
            "Oct.",
            "17",
            "last week",
            "may have",
            "sent",
            "did not",
            "confirm",
            "10,000",
            "troops",
            "spokesman",
            "Seoul",
            "and",
            "Moscow",
            "the",
            "army",
            "set up",
            "unanimous",
            "2-1",
            ",",
            ".",
            "[sic]",
            "(",
            "next Tuesday",
            "two days ago",
            "Feb. 31, 2023",
            "9999-99-99",
        ]
    ),
    max_size=40,
).map(" ".join)


_PUBLISHED = st.sampled_from(
    [
        None,
        "2024-10-21",
        "2024-10-21T23:55:00+01:00",
        "garbage",
        "2024-13-45",
        "0001-01-01",
        "9999-12-31",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(st.text(max_size=200), _CLAIMS), st.one_of(st.text(max_size=200), _CLAIMS), _PUBLISHED
)
def test_conflict_detection_never_raises_and_spans_slice_back(
    a: str, b: str, published: str | None
) -> None:
    for c in detect_text_conflicts(a, b, published, None):
        assert a[c.a.start : c.a.end] == c.a.text
        assert b[c.b.start : c.b.end] == c.b.text
        assert c.explanation and "\n" not in c.explanation
    for d in extract_dates(a, published):
        assert a[d.start : d.end] == d.text
