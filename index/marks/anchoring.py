"""Find a saved mark again in an article that may have changed: in place, moved, edited or gone."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz

from index.base.models import Article, Comparison, Conflict, Passage
from index.marks.model import Annotation
from index.text.sentences import split_sentences

Status = Literal["attached", "moved", "changed", "orphaned"]
# A sentence or paragraph this similar (rapidfuzz ratio, 0-100) to the saved text is the same
# passage edited (a word or figure changed); below it the passage is taken to be gone.
SIMILAR = 80.0
# Marks shorter than a sentence are located inside the body; they must match more closely.
SIMILAR_SPAN = 90.0
_SPACE = re.compile(r"\s+")


def text_hash(text: str) -> str:
    """A hash of a passage's text, blind to whitespace changes (re-wrapped lines)."""
    return hashlib.sha256(_SPACE.sub(" ", text.strip()).encode("utf-8")).hexdigest()[:32]


def conflict_key(conflict: Conflict, a: Passage, b: Passage) -> str:
    """A stable name for a conflict between two passages, from their texts, not their offsets.

    The pair is ordered so that the same conflict found with the sides swapped has the same key.
    """
    sides = sorted([(text_hash(a.text), conflict.a.text), (text_hash(b.text), conflict.b.text)])
    raw = "\x1f".join([conflict.type, *(part for side in sides for part in side)])
    return "cf-" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True)
class Anchored:
    """Where a mark is in the current article: ``start``/``end``/``text`` are None if orphaned."""

    annotation: Annotation
    status: Status
    start: int | None
    end: int | None
    text: str | None

    @property
    def orphaned(self) -> bool:
        return self.status == "orphaned"


@lru_cache(maxsize=16)
def _candidates(body: str) -> tuple[tuple[int, int, str], ...]:
    """Sentences and paragraphs (the units a mark is normally made on), whitespace collapsed."""
    spans = split_sentences(body)
    spans += [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", body)]
    return tuple((s, e, _SPACE.sub(" ", body[s:e])) for s, e in spans)


def _nearest(body: str, text: str, near: int) -> int | None:
    """The occurrence of ``text`` in ``body`` closest to offset ``near``."""
    best: int | None = None
    at = body.find(text)
    while at >= 0:
        if best is None or abs(at - near) < abs(best - near):
            best = at
        at = body.find(text, at + 1)
    return best


def locate(text: str, start: int, body: str) -> tuple[Status, int | None, int | None]:
    """Find ``text`` (saved at ``start``) in ``body``: exact place, exact elsewhere, fuzzy, none."""
    end = start + len(text)
    if body[start:end] == text and text:
        return "attached", start, end
    if not text.strip():
        return "orphaned", None, None
    at = _nearest(body, text, start)
    if at is not None:
        return "moved", at, at + len(text)
    wanted = _SPACE.sub(" ", text.strip())
    best: tuple[float, int, int] | None = None
    for s, e, candidate in _candidates(body):
        score = fuzz.ratio(wanted, candidate, score_cutoff=SIMILAR)
        if score and (best is None or score > best[0]):
            best = (score, s, e)
    if best is not None:
        return "changed", best[1], best[2]
    if len(text) < len(body):
        hit = fuzz.partial_ratio_alignment(wanted, body, score_cutoff=SIMILAR_SPAN)
        if hit is not None:
            return "changed", hit.dest_start, hit.dest_end
    return "orphaned", None, None


def anchor(annotation: Annotation, article: Article | None) -> Anchored:
    """Where ``annotation`` is in the current version of its article (None: the article is gone)."""
    if article is None:
        return Anchored(annotation, "orphaned", None, None, None)
    status, start, end = locate(annotation.text, annotation.start, article.body)
    if start is None or end is None:
        return Anchored(annotation, "orphaned", None, None, None)
    return Anchored(annotation, status, start, end, article.body[start:end])


def without_dismissed(comparison: Comparison, dismissed: set[str]) -> Comparison:
    """The comparison with the conflicts the user dismissed as false taken off their links."""
    if not dismissed:
        return comparison
    passage = {p.id: p for p in comparison.passages}
    links = tuple(
        replace(
            link,
            conflicts=tuple(
                c
                for c in link.conflicts
                if conflict_key(c, passage[link.a], passage[link.b]) not in dismissed
            ),
        )
        for link in comparison.links
    )
    return replace(comparison, links=links)
