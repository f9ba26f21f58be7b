"""A very long report is compared up to a bound and the rest is named (not_compared); a
comparison can be cancelled between chunks of its work."""

from __future__ import annotations

import random
import threading

import pytest

from index.base.cancel import Cancelled, cancellable, checkpoint
from index.base.models import Article
from index.comparison import bounds
from index.comparison.build import compare
from index.comparison.cache import AnalysisCache
from index.comparison.json_form import comparison_from_json, comparison_to_json
from index.comparison.passage_terms import clear_caches
from index.comparison.report import comparison_to_markdown, comparison_to_text

_PLACES = "Lindqvist Varberg Orsund Kallby Tamsa Brekke".split()
_WHO = "The mayor|Police|The union|Rescuers|The harbour master|Officials".split("|")
_WHAT = [
    "{n} workers joined the strike in {p}",
    "the ferry to {p} was cancelled for {d} days",
    "{n} families left their homes near {p}",
    "the bridge at {p} reopened after {d} days",
    "repairs in {p} would cost {n} thousand crowns",
]


def _sentence(rng: random.Random) -> str:
    what = rng.choice(_WHAT).format(
        n=rng.randint(2, 9000), d=rng.randint(2, 30), p=rng.choice(_PLACES)
    )
    return f"{rng.choice(_WHO)} said {what}."


def _body(rng: random.Random, chars: int) -> str:
    paragraphs: list[str] = []
    while sum(map(len, paragraphs)) < chars:
        paragraphs.append(" ".join(_sentence(rng) for _ in range(rng.randint(2, 5))))
    return "\n\n".join(paragraphs)


def _event(long_chars: int) -> list[Article]:
    """A long report and a short one restating its first sentences (our own text)."""
    rng = random.Random(5)
    long_body = _body(rng, long_chars)
    short_body = " ".join(long_body.split("\n\n")[:3])
    return [
        Article(id="long.txt", path="long.txt", title="Harbour strike record", body=long_body),
        Article(id="short.txt", path="short.txt", title="Harbour strike", body=short_body),
    ]


def test_shares_keep_ordinary_reports_whole_and_bound_the_long_ones() -> None:
    assert bounds.shares([3_000, 9_000, 40_000]) == [3_000, 9_000, 40_000]
    got = bounds.shares([5_000_000, 2_000, 3_000])
    assert got[1:] == [2_000, 3_000] and got[0] == bounds.REPORT_CHARS
    many = bounds.shares([1_000_000] * 6 + [500])
    assert many[-1] == 500 and sum(many) <= bounds.TOTAL_CHARS
    assert max(many[:-1]) - min(many[:-1]) <= 1 < bounds.REPORT_CHARS - many[0]  # equal shares


def test_a_cut_ends_on_a_paragraph_or_sentence_within_the_bound() -> None:
    body = "First one. Second one.\n\nThird paragraph here. And more text follows on."
    assert bounds.cut_at(body, 1_000) == len(body)
    at = bounds.cut_at(body, 30)
    assert body[:at] == "First one. Second one."
    text = "\n\n".join(" ".join(f"Sentence {p}-{k} is here." for k in range(5)) for p in range(20))
    for limit in range(60, len(text), 37):
        at = bounds.cut_at(text, limit)
        assert limit * (1 - bounds.BACK) <= at <= limit
        window = text[int(limit * (1 - bounds.BACK)) : limit]
        if "\n\n" in window:
            assert text[at : at + 2] == "\n\n"
        elif ". " in window:
            assert text[at - 1] == "." and text[at] == " "
    assert bounds.cut_at("x" * 100, 40) == 40  # no boundary at all: the bound itself


def test_a_long_report_is_compared_up_to_the_bound_and_the_rest_is_named() -> None:
    event = _event(400_000)
    clear_caches()
    result = compare(event, cache=AnalysisCache())
    long_body = event[0].body
    (part,) = result.not_compared
    assert part.article_id == "long.txt" and part.end == len(long_body)
    assert 0.75 * bounds.REPORT_CHARS <= part.start <= bounds.REPORT_CHARS
    assert f"{part.start:,} of {len(long_body):,}" in part.reason and "\n" not in part.reason
    assert result.articles[0].body == long_body  # the reader still gets the whole text
    passages = [p for p in result.passages if p.article_id == "long.txt"]
    assert passages and max(p.end for p in passages) <= part.start
    assert all(p.source(event[0])[p.start : p.end] == p.text for p in passages)
    # what was compared still links: the short report restates the long one's opening
    assert len(result.links) >= 5


def test_ordinary_events_have_nothing_left_out() -> None:
    event = _event(20_000)
    assert compare(event, cache=AnalysisCache()).not_compared == ()


def test_the_left_out_part_travels_in_json_text_and_markdown() -> None:
    event = _event(200_000)
    result = compare(event, cache=AnalysisCache())
    data = comparison_to_json(result)
    (entry,) = data["not_compared"]
    assert entry["article"] == "long.txt" and entry["end"] == len(event[0].body)
    assert comparison_from_json(data, result.articles, None).not_compared == result.not_compared
    assert "Not compared [long.txt]: only the first" in comparison_to_text(result)
    assert "Not compared, *long.txt*" in comparison_to_markdown(result)


def test_cancel_stops_a_comparison_between_chunks_and_caches_nothing() -> None:
    event = _event(60_000)
    cache = AnalysisCache()
    calls = [0]

    def cancel_late() -> bool:
        calls[0] += 1
        return calls[0] > 200  # well into the work, not at its first check

    clear_caches()
    with pytest.raises(Cancelled):
        compare(event, cache=cache, cancel=cancel_late)
    assert calls[0] == 201  # checked often, and it stopped at the first True
    # nothing was stored: the next call does the work (and is not cancelled)
    counted = [0]
    result = compare(event, cache=cache, cancel=lambda: bool(counted.append(1)))
    assert result.links and len(counted) > 200
    assert compare(event, cache=cache) is result  # now cached


def test_checkpoints_see_only_their_own_threads_callback() -> None:
    checkpoint()  # no callback: nothing happens
    seen: list[str] = []

    def other_thread() -> None:
        try:
            checkpoint()
            seen.append("went on")
        except Cancelled:
            seen.append("cancelled")

    with cancellable(lambda: True):
        with pytest.raises(Cancelled):
            checkpoint()
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
        with cancellable(lambda: False), pytest.raises(Cancelled):
            checkpoint()  # the enclosing callback still counts
    assert seen == ["went on"]
    checkpoint()
