"""Content concepts and character grams of a passage: normalising, stemming, news synonyms."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from index.base.models import Passage
from index.comparison.synonyms import COUNTRY_ADJECTIVES, KIND_WORDS, KINDS, SYNONYM_GROUPS

MIN_CONCEPTS = 3  # fewer content words ("Advertisement", "(Yonhap)", a time stamp): no link

_STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    out over own same she should so some such than that the their theirs them themselves then
    there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself s t would shall may might
    must said say says saying told tell tells added according reported stated statement
    however meanwhile separately earlier later already still yet even well take took taken
    make made give gave given go went gone come came get got put strongly also another
    several many much including amid since whether couldn wouldn didn doesn isn wasn aren
    weren hasn haven hadn shouldn don won can cannot""".split()
)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A light suffix stripper: enough to fold troops/troop, summoned/summoning, urged/urge."""
    if len(word) <= 3 or word.isdigit():
        return word
    word = re.sub(r"is(e|es|ed|ing|ation|ations)$", r"iz\1", word)  # mobilising = mobilizing
    for suffix, repl in (
        ("ational", "ate"),
        ("ations", ""),
        ("ation", ""),
        ("ments", ""),
        ("ment", ""),
        ("ingly", ""),
        ("ing", ""),
        ("edly", ""),
        ("ied", "y"),
        ("ies", "y"),
        ("ed", ""),
        ("ly", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)] + repl
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiousl":
        word = word[:-1]  # summonned / planned
    return word


def _build_synonyms() -> tuple[dict[str, str], dict[tuple[str, ...], str]]:
    words: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for group in SYNONYM_GROUPS:
        concept = _stem(group[0])
        for form in group:
            parts = tuple(form.split())
            if len(parts) == 1:
                words[_stem(parts[0])] = concept
            else:
                phrases[parts] = concept
    return words, phrases


_WORD_SYNONYMS, _PHRASE_SYNONYMS = _build_synonyms()
# A verb of moving with "out"/"home"/"back" a few words on means withdrawing the object.
_MOVE_VERBS = frozenset(
    "get gets got pull pulls pulled send sends sent bring brings brought".split()
)
_AWAY = frozenset(("out", "home", "back"))
_MAX_PHRASE = max(len(p) for p in _PHRASE_SYNONYMS)
_TOKEN = re.compile(r"[a-z0-9]+")
_THOUSANDS = re.compile(r"(?<=\d)[.,](?=\d{3}(?!\d))")
_INITIALISM = re.compile(r"\b([A-Za-z])\.([A-Za-z])\.")


def normalise(text: str) -> str:
    """Lowercase ASCII text with thousands separators and initialisms (U.N., U.S.) folded."""
    text = anyascii(text)
    text = _INITIALISM.sub(r"\1\2", text)
    text = re.sub(r"\bUS\b", "USA", text)  # before lowercasing: the country, not the pronoun
    text = _THOUSANDS.sub("", text)
    text = text.lower().replace("united states", "usa")
    return " ".join(_TOKEN.findall(text))


def concepts(normalised: str) -> list[str]:
    """Content concepts of a normalised text: stems, synonyms and phrases folded, stopwords out."""
    tokens = normalised.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for size in range(min(_MAX_PHRASE, len(tokens) - i), 1, -1):
            concept = _PHRASE_SYNONYMS.get(tuple(tokens[i : i + size]))
            if concept:
                out.append(concept)
                i += size
                break
        else:
            token = tokens[i]
            i += 1
            if token in _MOVE_VERBS and _AWAY.intersection(tokens[i : i + 5]):
                out.append(_WORD_SYNONYMS["withdraw"])  # "get the troops out", "send them home"
                continue
            if token in _STOPWORDS:
                continue
            token = COUNTRY_ADJECTIVES.get(token, token)
            stem = _stem(token)
            out.append(_WORD_SYNONYMS.get(stem, stem))
    return out


def char_grams(normalised: str) -> dict[str, int]:
    """Counts of character 3-, 4- and 5-grams of the padded normalised text."""
    padded = f" {normalised} "
    size = len(padded)
    return Counter([padded[i : i + n] for n in (3, 4, 5) for i in range(size - n + 1)])


@dataclass(frozen=True)
class Features:
    """What alignment needs of one passage."""

    passage: Passage
    text: str  # normalised
    concepts: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str] = frozenset()  # concepts of capitalised words inside the sentence
    kinds: frozenset[str] = frozenset()  # kinds of action reported (KINDS)

    @property
    def grams(self) -> Mapping[str, int]:
        """Character grams, computed on each use: kept for every passage of a 20,000-sentence
        article they would weigh gigabytes."""
        return char_grams(self.text)


_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def name_concepts(text: str) -> frozenset[str]:
    """Concepts of the capitalised words after a sentence's first word: names, titles, places.

    Two sentences that share only these share who or where, not what happened ("X, director of
    Y, said A" and "X, director of Y, denied B")."""
    words = _WORD.findall(text)
    capitalised = " ".join(w for w in words[1:] if w[0].isupper())
    return frozenset(concepts(normalise(capitalised)))


def action_kinds(tokens: list[str], found: frozenset[str]) -> frozenset[str]:
    """The kinds of action (KINDS) named by a passage's concepts or its words."""
    kinds = {KINDS[c] for c in found if c in KINDS}
    kinds.update(KIND_WORDS[t] for t in tokens if t in KIND_WORDS)
    return frozenset(kinds)


_TextFeatures = tuple[str, frozenset[str], frozenset[str], frozenset[str], frozenset[str]]


@lru_cache(maxsize=16384)
def _text_features(text: str) -> _TextFeatures:
    """The small, event-independent analysis of a passage (character grams are not kept: at
    ~600 per sentence they would make this cache weigh hundreds of megabytes)."""
    norm = normalise(text)
    tokens = norm.split()
    numbers = frozenset(t for t in tokens if t.isdigit() and int(t) >= 100)
    found = frozenset(concepts(norm))
    return norm, found, numbers, name_concepts(text), action_kinds(tokens, found)


def shares_content(a: Features, b: Features) -> bool:
    """True when the two passages share a concept that is neither a name nor a number, or report
    the same kind of action ("summoned Y" and "met with Y": one meeting, in other verbs)."""
    names = a.names | b.names
    if any(not c.isdigit() and c not in names for c in a.concepts & b.concepts):
        return True
    return bool(a.kinds & b.kinds)


# Words of datelines and time stamps ("Updated May 3rd, 2013 2:00pm EDT"): not content.
_STAMP_WORDS = frozenset(
    """january february march april june july august september october november december jan
    feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday am pm edt est cdt cst pdt pst gmt utc bst cet cest kst publish updat post
    original last modifi""".split()
)


def linkable(f: Features) -> bool:
    """Enough words of content to state a fact (not "Advertisement", not a time stamp)."""
    words = [c for c in f.concepts if c.isalpha() and c not in _STAMP_WORDS]
    return len(words) >= MIN_CONCEPTS


def clear_caches() -> None:
    """Forget per-text features (benchmarks use this to time a truly cold run)."""
    _text_features.cache_clear()
    _stem.cache_clear()


def features(passage: Passage) -> Features:
    """The features of one passage (text analysis cached by text)."""
    norm, found, numbers, names, kinds = _text_features(passage.text)
    return Features(passage, norm, found, numbers, names, kinds)
