"""Quote conflicts: the same utterance quoted in different words, with a word-level diff."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from index.base.models import Conflict
from index.conflicts.clauses import STOP, conflict, stem
from index.conflicts.quote_slots import clauses_covered, same_slot
from index.conflicts.quote_words import (
    norm_word,
    quote_words,
    sic_words,
    spoken,
    typo,
)
from index.conflicts.roles import same_person
from index.facts.names import candidate_names
from index.text.lexicon import FUNCTION_WORDS

_QUOTE = re.compile(r'"(?P<s>[^"\n]{3,600})"|“(?P<c>[^”\n]{3,600})”')
# Two quotes are one utterance when they share at least half their words, mostly in order.
_MIN_OVERLAP = 0.5


def quote_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Word-level diff of two quotes: ("=", w), ("-", w) only in a, ("+", w) only in b.

    Case, punctuation and British/American spelling are ignored when matching words.
    """
    wa, wb = spoken(quote_words(a)), spoken(quote_words(b))
    na, nb = [norm_word(w) for w in wa], [norm_word(w) for w in wb]
    sic = sic_words(a) | sic_words(b)
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=na, b=nb, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or (
            op == "replace"
            and i2 - i1 == j2 - j1
            and all(
                x in sic or y in sic or typo(x, y)
                for x, y in zip(na[i1:i2], nb[j1:j2], strict=True)
            )
        ):
            out.extend(("=", w) for w in wa[i1:i2])
        else:
            out.extend(("-", w) for w in wa[i1:i2])
            out.extend(("+", w) for w in wb[j1:j2])
    return out


@lru_cache(maxsize=4096)
def quotes(text: str) -> tuple[tuple[int, int, str, tuple[str, ...]], ...]:
    """(start, end, quote, speakers named in the same sentence outside quotes)."""
    out = []
    for m in _QUOTE.finditer(text):
        group = "s" if m.group("s") is not None else "c"
        inner = m.group(group)
        if len(quote_words(inner)) < 3:
            continue
        sentence_start = max(text.rfind(". ", 0, m.start()) + 1, 0)
        stop = text.find(". ", m.end())
        sentence_end = len(text) if stop < 0 else stop
        speakers = tuple(
            form
            for s, e, form in candidate_names(text[sentence_start:sentence_end])
            if not (m.start() <= s + sentence_start < m.end())
        )
        start, end = m.start(group), m.end(group)
        end -= len(inner) - len(inner.rstrip(" ,.;:"))  # highlight words, not trailing commas
        out.append((start, end, text[start:end], speakers))
    return tuple(out)


def same_speaker(x: tuple[str, ...], y: tuple[str, ...]) -> bool | None:
    """True: one named speaker; False: different named speakers; None: not attributed."""
    if not x or not y:
        return None  # unattributed: the word overlap alone has to show it is one utterance
    return any(same_person(p, q) for p in x for q in y)


def _content(words: list[str]) -> set[str]:
    return {stem(w) for w in words if w.lower() not in STOP and len(w) > 2}


def _explain(diff: list[tuple[str, str]]) -> str:
    changes: list[str] = []
    i = 0
    while i < len(diff) and len(changes) < 3:
        if diff[i][0] == "=":
            i += 1
            continue
        minus: list[str] = []
        plus: list[str] = []
        while i < len(diff) and diff[i][0] != "=":
            (minus if diff[i][0] == "-" else plus).append(diff[i][1])
            i += 1
        if minus and plus:
            changes.append(f"“{' '.join(minus)}” vs “{' '.join(plus)}”")
        elif minus:
            changes.append(f"only in first: “{' '.join(minus)}”")
        else:
            changes.append(f"only in second: “{' '.join(plus)}”")
    return "Quote worded differently: " + "; ".join(changes)


def _explain_reordered(qa: str, qb: str) -> str:
    """Same words in another order: a positional diff is noise, so name the words that differ."""
    wa, wb = spoken(quote_words(qa)), spoken(quote_words(qb))
    na, nb = {norm_word(w) for w in wa}, {norm_word(w) for w in wb}
    only_a = [w for w in wa if norm_word(w) not in nb][:6]
    only_b = [w for w in wb if norm_word(w) not in na][:6]
    return (
        "Quote worded differently (reordered): "
        f"“{' '.join(only_a) or '…'}” vs “{' '.join(only_b) or '…'}”"
    )


def _is_excerpt(na: list[str], nb: list[str]) -> bool:
    """One quote is a cut of the other (a run of its words, or its words around an ellipsis)."""
    short, long_ = (na, nb) if len(spoken(na)) <= len(spoken(nb)) else (nb, na)
    parts, whole = spoken(short), spoken(long_)
    if f" {' '.join(parts)} " in f" {' '.join(whole)} ":
        return True
    if len(parts) == len(short):
        return False  # no ellipsis: words left out silently are a different wording
    it = iter(whole)
    return all(any(w == x for x in it) for w in parts)


def quote_content(words: list[str]) -> set[str]:
    return _content([norm_word(w) for w in words])


def quote_stems(text: str) -> frozenset[str]:
    """The content stems of a quote's words (spelling and number words folded), names left
    out: two quotes that share only "the Endangered Species Act" are two utterances."""
    words = spoken(quote_words(text))
    return frozenset(quote_content([w for i, w in enumerate(words) if i == 0 or w.islower()]))


def _one_utterance(
    a: str,
    span_a: tuple[int, int],
    b: str,
    span_b: tuple[int, int],
    speaker: bool | None,
    shared: int,
    sizes: tuple[int, int],
    kept_order: float,
) -> str:
    """Are two differently worded quotes one utterance? Most content words shared (function
    words inflate any overlap) and either the word order mostly kept or one named speaker on
    both sides; or one named speaker and the same clauses reordered; or the two quotes standing
    in the same slot of the same sentence and sharing a content word. Returns "kept" (word
    order mostly kept), "reordered", "slot", or "" (two utterances)."""
    reordered = kept_order < _MIN_OVERLAP
    if shared / max(sizes) >= _MIN_OVERLAP and (not reordered or (speaker and shared >= 3)):
        return "reordered" if reordered else "kept"
    qa, qb = a[span_a[0] : span_a[1]], b[span_b[0] : span_b[1]]
    if (
        speaker
        and shared >= 3
        and shared / min(sizes) >= _MIN_OVERLAP
        and clauses_covered(qa, qb, quote_content)
    ):
        return "reordered"
    if speaker is not False and shared >= 1 and same_slot(a, span_a, b, span_b, norm_word):
        return "slot"
    return ""


def _without_function_words(words: list[str]) -> list[str]:
    return [w for w in words if w.lower() not in FUNCTION_WORDS]


def judge_quotes(
    qa: str,
    qb: str,
    speaker: bool | None,
    slot: tuple[str, tuple[int, int], str, tuple[int, int]] | None = None,
) -> str | None:
    """Why two quotes are one utterance worded differently, or None when they are not.

    ``speaker``: one named speaker (True), two (False), unknown (None). ``slot``: the two
    sentences and the quotes' spans in them, when known, for the same-slot test.
    """
    na = [norm_word(w) for w in quote_words(qa)]
    nb = [norm_word(w) for w in quote_words(qb)]
    if spoken(na) == spoken(nb) or speaker is False or _is_excerpt(na, nb):
        return None
    na, nb = spoken(na), spoken(nb)
    ca, cb = _content(na), _content(nb)
    if not ca or not cb:
        return None
    shared = len(ca & cb)
    matcher = difflib.SequenceMatcher(a=na, b=nb, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    sizes, kept = (len(ca), len(cb)), matched / max(len(na), len(nb))
    if slot is not None:
        how = _one_utterance(slot[0], slot[1], slot[2], slot[3], speaker, shared, sizes, kept)
    else:
        how = _one_utterance_alone(qa, qb, speaker, shared, sizes, kept)
    if not how:
        return None
    diff = quote_diff(qa, qb)
    if all(op == "=" or w.lower() in FUNCTION_WORDS for op, w in diff):
        return None  # only case, spelling, a slip marked [sic] or "the" for "this"
    fa, fb = _without_function_words(na), _without_function_words(nb)
    if fa == fb or _is_excerpt(fa, fb) or sorted(fa) == sorted(fb):
        return None  # one quote starts later, adds an auxiliary, or orders the same words
    return _explain_reordered(qa, qb) if how == "reordered" else _explain(diff)


def _one_utterance_alone(
    qa: str, qb: str, speaker: bool | None, shared: int, sizes: tuple[int, int], kept: float
) -> str:
    """The same test without the sentences around the quotes (quotes of two distant passages):
    most content words shared and the word order mostly kept, or one named speaker and the
    same clauses reordered."""
    if shared < 2:
        return ""  # two common words make no utterance of their own
    if shared / max(sizes) >= _MIN_OVERLAP and kept >= _MIN_OVERLAP:
        return "kept"
    if (
        speaker
        and shared >= 3
        and shared / min(sizes) >= _MIN_OVERLAP
        and clauses_covered(qa, qb, quote_content)
    ):
        return "reordered"
    return ""


def quote_conflicts(a: str, b: str) -> list[Conflict]:
    """Two quotes of one utterance that differ in wording beyond case, punctuation, spelling."""
    for sa, ea, qa, spa in quotes(a):
        for sb, eb, qb, spb in quotes(b):
            why = judge_quotes(qa, qb, same_speaker(spa, spb), (a, (sa, ea), b, (sb, eb)))
            if why is not None:
                return [conflict("quote", a, (sa, ea), b, (sb, eb), why)]
    return []
