"""Pairs of mentions across the reports of one event (index/conflicts/pairing.py)."""

from __future__ import annotations

import re
from collections.abc import Callable

from index.base.models import Passage
from index.conflicts.pairing import across_reports, opposed


def _passage(article: str, text: str) -> Passage:
    return Passage(f"{article}:0", article, 0, len(text), text)


def _words(pattern: str) -> Callable[[str], list[str]]:
    return lambda text: re.findall(pattern, text)


def test_opposed_pairs_mentions_of_two_kinds_from_different_reports_only() -> None:
    ps = [_passage("a", "up up"), _passage("b", "down"), _passage("a", "down")]
    found = [
        (p.article_id, x, q.article_id, y)
        for p, x, q, y in opposed(ps, _words("up"), _words("down"), 10)
    ]
    assert found == [("a", "up", "b", "down"), ("a", "up", "b", "down")]


def test_opposed_gives_nothing_past_its_most() -> None:
    ps = [_passage("a", "up " * 6), _passage("b", "down " * 6)]
    assert list(opposed(ps, _words("up"), _words("down"), 11)) == []
    assert len(list(opposed(ps, _words("up"), _words("down"), 12))) == 36


def test_across_reports_skips_a_group_past_its_most() -> None:
    groups = {"k": ["a1", "b1", "a2"], "big": ["a", "b", "c"]}
    found = list(across_reports(groups, lambda m: m[0], 2))
    assert found == []
    found = list(across_reports(groups, lambda m: m[0], 3))
    assert ("k", "a1", "b1") in found and ("k", "a1", "a2") not in found
