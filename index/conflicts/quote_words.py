"""How a quote's words are compared: contractions, spellings, clock times, numbers written
two ways, editorial brackets; "aren't" is "are not", "02:41 GMT" is "0241 GMT", "11th" is
"eleventh", and one slip of the keys in a long word is no other word."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from spellchecker import SpellChecker

from index.text.lexicon import stem

__all__ = [
    "ELLIPSIS",
    "KEEP_WORDS",
    "NUMBER_WORDS",
    "is_word",
    "norm_word",
    "quote_words",
    "sic_words",
    "spoken",
    "typo",
]

_WORD = re.compile(r"[\w'’]+|…|\.\.\.")
ELLIPSIS = frozenset({"…", "..."})
# Editorial inserts: "[sic]", "[the North]", "her (Tara Reid) family".
_SIC = re.compile(r"\b([A-Za-z][\w'’-]{0,40})\W{0,3}\[sic\]", re.IGNORECASE)
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
KEEP_WORDS = frozenset(
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


NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBER_WORDS.update(
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
def norm_word(word: str) -> str:
    w = word.lower().replace("’", "'").replace("'", "")  # population's / populations'
    w = re.sub(r"^(\d+)(?:st|nd|rd|th)$", r"\1th", w)  # "11th" == "eleventh", "3" == "three"
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    if w in KEEP_WORDS or len(w) < 5:
        return w
    for pattern, repl in _BRITISH:
        new = pattern.sub(repl, w)
        if new != w:
            return new
    return w


def quote_words(text: str) -> list[str]:
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


def spoken(words: list[str]) -> list[str]:
    """Words without ellipsis marks (an ellipsis is punctuation unless words were cut)."""
    return [w for w in words if w not in ELLIPSIS]


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    # Loaded once, on the first one-letter difference (half a second): most quotes never need
    # it. Only the words are kept (the counts and the checker are dropped).
    return frozenset(SpellChecker(language="en").word_frequency.keys())


def is_word(word: str) -> bool:
    """An English word (of an ordinary dictionary), not a slip of the keys."""
    return word.lower() in _dictionary()


def sic_words(text: str) -> frozenset[str]:
    """Words the writer marks as quoted as written: "failed to asses [sic] the risk"."""
    return frozenset(norm_word(m.group(1)) for m in _SIC.finditer(text))


def typo(x: str, y: str) -> bool:
    """ "goverment" for "government": one edit in a long word is a slip when one spelling is no
    word; two words one letter apart ("sulking" / "skulking") are two words, unless they are
    forms of one ("programme" / "programmes")."""
    if min(len(x), len(y)) < 5 or Levenshtein.distance(x, y) > 1:
        return False
    return stem(x) == stem(y) or not (is_word(x) and is_word(y))
