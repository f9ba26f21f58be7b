"""extract_quantities never raises on arbitrary text and its spans slice back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from index.numbers import extract_quantities

_NEWSY = st.lists(
    st.sampled_from(
        ["1.500", "1,500", "ten", "thousand", "$", "2.6m", "-", "to", "more than", "troops",
         "%", "million", "killed", "Oct.", "17", " ", "of", "between", "and", "3.5", "a dozen"]
    )
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _NEWSY))
def test_never_raises_and_spans_slice_back(text: str) -> None:
    for q in extract_quantities(text):
        assert text[q.start:q.end] == q.text
        assert q.low <= q.value <= q.high or q.low <= q.high
        assert 0 <= q.start < q.end <= len(text)
