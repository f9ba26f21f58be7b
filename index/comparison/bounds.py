"""How much of each report a comparison analyses: all of an ordinary report, the first part of a
very long one, and a note naming the part left out.

Every step of a comparison (sentence splitting, pair scoring, names, figures) grows with the
text, some faster than linearly (the pairs of passages of two long reports), so a 5 MB report
took minutes and gigabytes (issue 14). A news report is a few thousand words: the bound is far
above any report of the dev sets (under 10 KB) and a long read (about 50 KB), so ordinary
comparisons are exactly what they were. The bound is on characters, not time, so the same
reports always give the same comparison (it is cached by content).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from index.base.models import Article, NotCompared

# Characters of one report analysed at most (about 13,000 words), and of all the reports of one
# comparison together: reports longer than their share are cut, the shortest kept whole first.
REPORT_CHARS = 80_000
TOTAL_CHARS = 240_000
# A cut goes back to the end of a paragraph, else a sentence, else a word, if one lies within
# this fraction of the bound (else the bound itself).
BACK = 0.25


def shares(lengths: Sequence[int]) -> list[int]:
    """Characters analysed of each report: the shortest reports are kept whole, the longer ones
    share what is left of TOTAL_CHARS equally, none above REPORT_CHARS."""
    out = [0] * len(lengths)
    left, cap = TOTAL_CHARS, REPORT_CHARS
    order = sorted(range(len(lengths)), key=lambda k: (lengths[k], k))
    for rank, k in enumerate(order):
        fair = left // (len(lengths) - rank)
        out[k] = min(lengths[k], fair, cap)
        left -= out[k]
    return out


def cut_at(body: str, limit: int) -> int:
    """Where to end the analysed part of ``body``: at ``limit`` or before, on a boundary."""
    if len(body) <= limit:
        return len(body)
    floor = int(limit * (1 - BACK))
    for mark, keep in (("\n\n", 0), (". ", 1), ("\n", 0), (" ", 0)):
        at = body.rfind(mark, floor, limit)
        if at > 0:
            return at + keep
    return limit


def bounded(
    articles: Sequence[Article],
) -> tuple[tuple[Article, ...], tuple[NotCompared, ...]]:
    """The articles as the analysis sees them (a long body cut, everything else the same) and
    the part of each that is left out. Offsets stay those of the whole body: a cut keeps the
    start."""
    seen: list[Article] = []
    left_out: list[NotCompared] = []
    for article, share in zip(articles, shares([len(a.body) for a in articles]), strict=True):
        end = cut_at(article.body, share)
        if end >= len(article.body):
            seen.append(article)
            continue
        seen.append(dataclasses.replace(article, body=article.body[:end]))
        reason = (
            f"only the first {end:,} of {len(article.body):,} characters were compared"
            f" (at most {REPORT_CHARS:,} per report, {TOTAL_CHARS:,} per comparison)"
        )
        left_out.append(NotCompared(article.id, end, len(article.body), reason))
    return tuple(seen), tuple(left_out)
