"""Quote conflicts: the same utterance quoted in different words, with a word-level diff."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from index.base.models import Conflict
from index.conflicts.clauses import STOP, conflict, stem
from index.conflicts.quote_slots import clauses_covered, same_slot
from index.conflicts.roles import same_person
from index.facts.names import candidate_names
from index.text.lexicon import FUNCTION_WORDS

_QUOTE = re.compile(r'"(?P<s>[^"\n]{3,600})"|“(?P<c>[^”\n]{3,600})”')
_WORD = re.compile(r"[\w'’]+|…|\.\.\.")
_ELLIPSIS = frozenset({"…", "..."})
# Editorial inserts: "[sic]", "[the North]", "her (Tara Reid) family".
_BRACKETS = re.compile(r"\[[^\]]{0,40}\]|\([^)]{0,40}\)")
_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}")  # "U.N." == "UN"
_CLOCK = re.compile(r"(?<=\d)[:.](?=\d\d\b)")  # "02:41" and "0241" are one time
# A clock time written in twelve hours ("6:41pm PST", "6.41 p.m.") or in 24 ("18:41"): one time,
# read as its 24-hour digits; a zone written after it is the newsroom's style, not the words.
_TWELVE = re.compile(
    r"\b(\d{1,2})(?:[:.](\d\d))?\s?([ap])\.?\s?m\b\.?(?:\s+[A-Z]{1,4}T\b)?", re.IGNORECASE
)
_ZONE = re.compile(r"\b(\d{1,2})[:.]?(\d\d)\s+[A-Z]{1,4}T\b")  # "02:41 GMT", "0241 GMT"


def _clock(m: re.Match[str]) -> str:
    hour, minute = int(m.group(1)) % 12, m.group(2) or "00"
    return f"{hour + 12 if m.group(3).lower() == 'p' else hour:02d}{minute}"


_CONTRACTION = re.compile(r"^(\w+?)(n['’]t|['’]m|['’]re|['’]ve|['’]ll)$", re.IGNORECASE)
_EXPAND = {"n't": "not", "'m": "am", "'re": "are", "'ve": "have", "'ll": "will"}
_IRREGULAR_NOT = {"ca": "can", "wo": "will", "sha": "shall"}
# British spellings whose American form differs only by these endings; both sides are folded.
_BRITISH = [
    (re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"our(s|ed|ing|ful|able|ite|ites)?$"), r"or\1"),
    (re.compile(r"tre(s)?$"), r"ter\1"),
    (re.compile(r"ence$"), r"ense"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"amme(s)?$"), r"am\1"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
]
_KEEP = frozenset(
    {
        "our",
        "ours",
        "four",
        "hour",
        "hours",
        "your",
        "yours",
        "pour",
        "tour",
        "sour",
        "flour",
        "rise",
        "wise",
        "since",
        "hence",
        "fence",
        "tell",
        "sell",
        "fell",
        "well",
        "will",
        "kill",
        "killed",
        "still",
        "all",
        "call",
        "fall",
    }
)
_MIN_OVERLAP = 0.5


_NUMBERS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBERS.update(
    {
        w: f"{i + 1}th"
        for i, w in enumerate(
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
            " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
            " twentieth".split()
        )
    }
)


@lru_cache(maxsize=16384)
def _norm_word(word: str) -> str:
    w = word.lower().replace("’", "'").replace("'", "")  # population's / populations'
    w = re.sub(r"^(\d+)(?:st|nd|rd|th)$", r"\1th", w)  # "11th" == "eleventh", "3" == "three"
    if w in _NUMBERS:
        return _NUMBERS[w]
    if w in _KEEP or len(w) < 5:
        return w
    for pattern, repl in _BRITISH:
        new = pattern.sub(repl, w)
        if new != w:
            return new
    return w


def _words(text: str) -> list[str]:
    """Words of a quote; editorial inserts such as "[sic]" or "[the North]" are not its words."""
    text = _ZONE.sub(r"\1:\2", _TWELVE.sub(_clock, _BRACKETS.sub(" ", text)))
    text = _CLOCK.sub("", text)
    text = _ACRONYM.sub(lambda m: m.group().replace(".", ""), text)
    out: list[str] = []
    for w in _WORD.findall(text):
        m = _CONTRACTION.match(w)
        if m:  # "aren't" == "are not"
            base, tail = m.group(1), m.group(2).lower().replace("’", "'")
            out.extend((_IRREGULAR_NOT.get(base.lower(), base), _EXPAND[tail]))
        else:
            out.append(w)
    return out


def _spoken(words: list[str]) -> list[str]:
    """Words without ellipsis marks (an ellipsis is punctuation unless words were cut)."""
    return [w for w in words if w not in _ELLIPSIS]


def _typo(x: str, y: str) -> bool:
    """ "asses" for "assess": one edit in a long word is a slip, not a different word."""
    return min(len(x), len(y)) >= 5 and Levenshtein.distance(x, y) <= 1


def quote_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Word-level diff of two quotes: ("=", w), ("-", w) only in a, ("+", w) only in b.

    Case, punctuation and British/American spelling are ignored when matching words.
    """
    wa, wb = _spoken(_words(a)), _spoken(_words(b))
    na, nb = [_norm_word(w) for w in wa], [_norm_word(w) for w in wb]
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=na, b=nb, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or (
            op == "replace"
            and i2 - i1 == j2 - j1
            and all(_typo(x, y) for x, y in zip(na[i1:i2], nb[j1:j2], strict=True))
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
        if len(_words(inner)) < 3:
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
    wa, wb = _spoken(_words(qa)), _spoken(_words(qb))
    na, nb = {_norm_word(w) for w in wa}, {_norm_word(w) for w in wb}
    only_a = [w for w in wa if _norm_word(w) not in nb][:6]
    only_b = [w for w in wb if _norm_word(w) not in na][:6]
    return (
        "Quote worded differently (reordered): "
        f"“{' '.join(only_a) or '…'}” vs “{' '.join(only_b) or '…'}”"
    )


def _is_excerpt(na: list[str], nb: list[str]) -> bool:
    """One quote is a cut of the other (a run of its words, or its words around an ellipsis)."""
    short, long_ = (na, nb) if len(_spoken(na)) <= len(_spoken(nb)) else (nb, na)
    parts, whole = _spoken(short), _spoken(long_)
    if f" {' '.join(parts)} " in f" {' '.join(whole)} ":
        return True
    if len(parts) == len(short):
        return False  # no ellipsis: words left out silently are a different wording
    it = iter(whole)
    return all(any(w == x for x in it) for w in parts)


def quote_content(words: list[str]) -> set[str]:
    return _content([_norm_word(w) for w in words])


def quote_stems(text: str) -> frozenset[str]:
    """The content stems of a quote's words (spelling and number words folded), names left
    out: two quotes that share only "the Endangered Species Act" are two utterances."""
    words = _spoken(_words(text))
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
    if speaker is not False and shared >= 1 and same_slot(a, span_a, b, span_b, _norm_word):
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
    na = [_norm_word(w) for w in _words(qa)]
    nb = [_norm_word(w) for w in _words(qb)]
    if _spoken(na) == _spoken(nb) or speaker is False or _is_excerpt(na, nb):
        return None
    na, nb = _spoken(na), _spoken(nb)
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
