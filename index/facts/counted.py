"""The counted thing after a number: its head noun, lemmatised, and what happened to it."""

from __future__ import annotations

import re
from functools import lru_cache

from index.text.lexicon import NUMBER_WORDS

# A model or type designation is one token: "AK-47s", "AK 47", "AK - 47", "F-16", "A320".
_APPOSITION = re.compile(r"\s*,[^,;.:()\"“”]{1,50},")
_DESIGNATION = r"[A-Z]{1,4}(?: ?- ?| )?\d+[A-Za-z]*"
_TOKEN = re.compile(_DESIGNATION + r"|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z0-9]+)*|[^\sA-Za-z]")

_NUMBER_WORDS = NUMBER_WORDS
# Words that end a counted noun phrase without being part of it.
_STOP = frozenset(
    "the a an of to in on at for from with by and or but were was are is be been being have has"
    " had who that which will would could can may might should as than into since after before"
    " during said says according while when where there their its his her our they them it this"
    " these those per each more less not no so if then also all both only just about over under"
    " more been did do does".split()
)
# "246 passengers and most of its crew": the count is the passengers'.
_QUANTIFIERS = frozenset("most many some several few other others any every".split())
STATE_WORDS = {
    "killed": "killed",
    "dead": "killed",
    "died": "killed",
    "die": "killed",
    "killing": "killed",
    "kills": "killed",  # headlines speak in the present: "Blast kills 9"
    "injures": "wounded",
    "wounds": "wounded",
    "deaths": "killed",
    "death": "killed",
    "fatalities": "killed",
    "wounded": "wounded",
    "injured": "wounded",
    "hurt": "wounded",
    "injuries": "wounded",
    "injuring": "wounded",
    "wounding": "wounded",
    "missing": "missing",
    "captured": "captured",
    "arrested": "arrested",
    "detained": "arrested",
    "evacuated": "evacuated",
    "displaced": "displaced",
    "rescued": "rescued",
    "casualties": "casualty",
    "casualty": "casualty",
}
_IRREGULAR = {
    "people": "people",
    "men": "man",
    "women": "woman",
    "children": "child",
    "personnel": "personnel",
    "police": "police",
    "staff": "staff",
    "dead": "dead",
    "series": "series",
    "news": "news",
    "species": "species",
    "feet": "foot",
}


@lru_cache(maxsize=4096)
def lemma(word: str) -> str:
    """A cheap English noun lemma: troops->troop, infantrymen->infantryman, casualties->casualty."""
    w = word.lower().strip("'’")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("men") and len(w) > 4:
        return w[:-3] + "man"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def _noun_at(tokens: list[tuple[str, int, int]], j: int) -> bool:
    return j < len(tokens) and lemma(tokens[j][0].lower()) in KNOWN


def _singular(word: str) -> bool:
    """ "rocket" in "two rocket propelled grenades": a noun that modifies stays singular; after
    a plural ("5,000 people gathered outside") the participle is a verb."""
    return lemma(word) == word and word not in ("people", "personnel", "police")


def _compound_at(tokens: list[tuple[str, int, int]], j: int) -> bool:
    """A participle and a noun after a noun: a compound written without its hyphen ("one
    rocket propelled grenade launcher" counts launchers, not rockets)."""
    if not (j + 1 < len(tokens) and tokens[j][0].lower().endswith("ed")):
        return False
    word, after = tokens[j][0].lower(), tokens[j + 1][0]
    return (
        word not in STATE_WORDS
        and after.isalpha()
        and after.islower()
        and after not in _STOP
        # "50,000 people marched destroying banks": a verb and its own clause, no compound
        and not after.endswith(("ing", "ed", "ly"))
    )


def context_unit(text: str, end: int) -> tuple[str | None, str, int, str | None]:
    """Head noun after a number: (lemma, surface, end offset, state)."""
    window = text[end : end + 120]
    tokens = [(m.group(), end + m.start(), end + m.end()) for m in _TOKEN.finditer(window)]
    phrase: list[tuple[str, int, int]] = []
    state: str | None = None
    i = 0
    partitive = bool(tokens and tokens[0][0].lower() == "of" and len(tokens) > 1)
    if partitive:
        i = 1  # "37 of the candidates": a part of a group, compared only with other parts
        if tokens[1][0].lower() in _STOP:
            i = 2
    for j in range(i, min(len(tokens), i + 5)):
        word, s, e = tokens[j]
        low = word.lower()
        if (
            not word[0].isalpha()
            or low in _STOP
            or ("-" in low and any(part in _NUMBER_WORDS for part in low.split("-")))
        ):
            break  # "workers-two women": another number starts here
        if low.endswith("ly") and len(low) > 4 and lemma(low) not in KNOWN:
            continue  # "three villagers slightly injured": an adverb counts nothing
        if low in STATE_WORDS and low not in ("casualties", "casualty", "deaths", "dead"):
            state = STATE_WORDS[low]
            break
        if (
            phrase
            and (low.endswith("ed") or low.endswith("ing"))
            and lemma(low) not in KNOWN
            and not _compound_at(tokens, j)
        ):
            break
        phrase.append((word, s, e))
        if lemma(low) in KNOWN and not (
            _noun_at(tokens, j + 1) or (_singular(low) and _compound_at(tokens, j + 1))
        ):
            break
    if partitive and state is None:
        state = "part"
    if state is None and any(
        w.lower() in ("other", "more", "additional", "further", "another") for w, _s, _e in phrase
    ):
        state = "part"  # "two other rifles", "three more boats": a remainder, not the whole
    if not phrase:
        return None, "", end, state
    word, _s, e = phrase[-1]
    head = lemma(word.lower())
    if word.lower() in STATE_WORDS:
        state = STATE_WORDS[word.lower()]
    if state is None:  # "20 soldiers were killed": a state word later in the same clause
        rest = text[e : e + 110]
        # "three people, a man and two women, were killed": past an apposition to its verb.
        apposition = _APPOSITION.match(rest)
        rest = rest[apposition.end() :] if apposition else rest[:60]
        clause = re.split(r"[,;.:()\"“”]|\band\b|\bbut\b", rest, maxsplit=1)[0]
        for w in re.findall(r"[A-Za-z]+", clause)[:4]:
            if w.lower() in STATE_WORDS:
                state = STATE_WORDS[w.lower()]
                break
    # "420 passengers and crew" counts both groups: not the same count as "246 passengers".
    after = next((k for k, t in enumerate(tokens) if t[1] >= e), len(tokens))
    if after + 1 < len(tokens) and tokens[after][0].lower() == "and":
        other = tokens[after + 1][0].lower()
        if (
            other[0].isalpha()
            and other not in _STOP
            and other not in _NUMBER_WORDS
            and other not in _QUANTIFIERS
            and other not in STATE_WORDS
            and not other.endswith(("ing", "ed"))
        ):
            state = f"{state or ''}+and {lemma(other)}"
    # "seven AK-47 rifles" and "three rifles" count different things: a model name qualifies.
    last = len(phrase) - 1
    model = next(
        (
            designation(w) if any(ch.isdigit() for ch in w) else w.lower()
            for k, (w, _s, _e) in enumerate(phrase)
            if any(ch.isdigit() for ch in w) or (k < last and w.isupper() and len(w) > 1)
        ),
        None,
    )
    if model:
        state = f"{state or ''}+{model}"
    return head, text[end:e].strip() or word, e, state


def designation(word: str) -> str:
    """One key for every way of writing a model name: "AK-47s", "AK 47", "AK - 47" -> "ak47"."""
    key = re.sub(r"[\s-]", "", word.lower())
    return key[:-1] if re.search(r"\ds$", key) else key


# "$23 million per season", "$5 a year": a rate, not a total.
RATE = re.compile(
    r"\s*(?:per|a|an|each)\s+(?:year|season|month|week|day|hour|game|head|person"
    r"|capita|annum)\b",
    re.IGNORECASE,
)


# Counted things whose plural/singular we know: a phrase stops at the last of them.
KNOWN = frozenset(
    "troop soldier infantryman force man personnel serviceman servicemember fighter combatant"
    " marine sailor paratrooper commando mercenary worker people person civilian resident"
    " casualty death fatality victim dead child woman dollar euro pound yen won yuan ruble rouble"
    " missile drone shell rocket tank aircraft jet plane vehicle ship vessel prisoner hostage"
    " refugee migrant officer police policeman"
    # Units of time and distance end the phrase: "nine days earlier", "150 miles west".
    " hour day week month year mile kilometre kilometer km metre meter".split()
)


# Counted things that news reports name in different words; anything else must match exactly.
_CLASSES = {
    "troop": (
        "troop soldier infantryman force man personnel serviceman servicemember fighter"
        " combatant marine paratrooper commando military"
    ),
    "people": "people person civilian resident individual victim",
    "dollar": "dollar buck usd",
    "euro": "euro eur",
    "ruble": "ruble rouble",
    "pound": "pound sterling",
    "missile": "missile rocket",
    "drone": "drone uav",
}
CLASS_OF = {word: cls for cls, words in _CLASSES.items() for word in words.split()}


def counted_class(unit: str | None) -> str | None:
    """The class of a counted thing ("infantryman" -> "troop"), or the lemma itself."""
    if unit is None:
        return None
    return CLASS_OF.get(unit, unit)
