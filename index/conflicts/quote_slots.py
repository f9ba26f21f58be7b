"""When two differently worded quotes are one utterance: reordered clauses, or the same slot."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence

# A quote's clauses: split at punctuation and at the conjunctions that join clauses.
_CLAUSE_BREAK = re.compile(
    r"[,;:]|\b(?:but|although|though|while|whereas|so|because)\b", re.IGNORECASE
)
_TOKEN = re.compile(r"[\w'’]+")
_REACH = 300


def clauses_covered(qa: str, qb: str, content: Callable[[list[str]], set[str]]) -> bool:
    """Both quotes have several clauses and every clause of each shares a content word with the
    other quote: the same
    utterance with its clauses reordered ("Our teams reached every village, but some roads are
    cut" / "Some roads are blocked, although our teams got to all the villages"), not one
    subject with two different predicates ("Their arms deals endanger the world" / "Their
    arms deals, including shells, deserve our scorn")."""
    for this, other in ((qa, qb), (qb, qa)):
        words = content(_TOKEN.findall(other))
        clauses = [c for c in (content(_TOKEN.findall(x)) for x in _CLAUSE_BREAK.split(this)) if c]
        if len(clauses) < 2:
            return False  # one clause: nothing was reordered, the plain overlap rule decides
        if any(not clause & words for clause in clauses):
            return False
    return True


def _tokens(text: str, norm: Callable[[str], str]) -> list[tuple[str, int]]:
    return [(norm(m.group()), m.start()) for m in _TOKEN.finditer(text)]


def _slot(pairs: Sequence[tuple[int, int]], inside: range, size_b: int) -> range | None:
    """The stretch of the other text between the words matched just before and just after a
    quote; None unless the quote is anchored on both sides."""
    before = [j for i, j in pairs if i < inside.start]
    after = [j for i, j in pairs if i >= inside.stop]
    if not before or not after:
        return None
    start, stop = max(before) + 1, min(after)
    return range(start, min(max(stop, start), size_b))


def same_slot(
    a: str, span_a: tuple[int, int], b: str, span_b: tuple[int, int], norm: Callable[[str], str]
) -> bool:
    """Do the two quotes stand in the same place of the same sentence ("such a step would be
    "a dangerous development" in the war" / "such a deployment "would be a dangerous turn" in
    the war")? Words matched around each quote, on both sides of it, must frame most of the
    other quote."""
    (a, span_a), (b, span_b) = _around(a, span_a), _around(b, span_b)
    ta, tb = _tokens(a, norm), _tokens(b, norm)
    qa = range(*_index_range(ta, span_a))
    qb = range(*_index_range(tb, span_b))
    if not qa or not qb:
        return False
    matcher = difflib.SequenceMatcher(a=[w for w, _p in ta], b=[w for w, _p in tb], autojunk=False)
    pairs = [
        (blk.a + k, blk.b + k) for blk in matcher.get_matching_blocks() for k in range(blk.size)
    ]
    for inside, other, size, mapping in (
        (qa, qb, len(tb), pairs),
        (qb, qa, len(ta), [(j, i) for i, j in pairs]),
    ):
        # Anchors are words outside the quote on its own side.
        slot = _slot([(i, j) for i, j in mapping if i not in inside], inside, size)
        if slot is None or len(set(slot) & set(other)) * 2 < len(other):
            return False
    return True


def _around(text: str, span: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    """The quote and up to _REACH characters either side: a slot is framed by nearby words, and
    a huge passage must not make the word alignment quadratic."""
    start = max(0, span[0] - _REACH)
    return text[start : span[1] + _REACH], (span[0] - start, span[1] - start)


def _index_range(tokens: list[tuple[str, int]], span: tuple[int, int]) -> tuple[int, int]:
    """Token indices of the tokens that start inside ``span``."""
    inside = [k for k, (_w, pos) in enumerate(tokens) if span[0] <= pos < span[1]]
    return (inside[0], inside[-1] + 1) if inside else (0, 0)
