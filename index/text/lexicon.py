"""The few word classes newsreader's checks share: stop words, stems, past tenses, speech verbs."""

from __future__ import annotations

import re
from functools import lru_cache

# Function words: never the content two statements share. Weekdays and relative time words
# are here too, so a shared "Monday" does not make two sentences about the same thing.
STOP = frozenset(
    "the a an of to in on at for from with by and or but were was are is be been being have has"
    " had who that which will would could can may might should as than into since after before"
    " during said says say according while when where there their its his her our they them it"
    " this these those per each more less not no so if then also all both only just about over"
    " under did do does he she we i you us him me my your what whether whom how why because"
    " last next week month year today yesterday monday tuesday wednesday thursday friday"
    " saturday sunday morning evening night earlier later".split()
)
# Verbs news uses for one act, a group each, in the forms they take ("struck" and "shook" the
# town, "sent" and "deployed" the troops, "foiled" and "thwarted" the attack). Small and general:
# a group must fit any story. Conflicts compare acts by group (act_class).
_ACT_GROUPS = (
    "send sent ship shipped dispatch dispatched deploy deployed",
    "kill killed slay slew slain",
    "arrest arrested detain detained apprehend apprehended",
    "confirm confirmed verify verified",
    "hit strike strikes struck shake shakes shook jolt jolted rock rocked",
    "foil foiled thwart thwarted repel repelled",
    "fire fired dismiss dismissed sack sacked oust ousted",
    "overturn overturned rescind rescinded revoke revoked repeal repealed",
    "hire hired appoint appointed",
    "die died dead death deaths",
    "suffocate suffocated choke choked asphyxiate asphyxiated smother smothered",
    "host hosted emcee emceed preside presided",
)
# Nouns news uses for one kind of person: "bank employees" are "bank workers".
_ROLE_GROUPS = ("worker workers employee employees staff staffer staffers",)


# Number words: how many, never what ("intercepted three boats" was done to boats).
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty"
    " sixty seventy eighty ninety hundred thousand".split()
)
# Words a quote may gain or lose without being worded differently: articles, demonstratives,
# auxiliaries, intensifiers ("the" / "this", "we wanted" / "we had wanted", "right here").
FUNCTION_WORDS = frozenset(
    "the a an this that these those is are was were be been has have had do does did will would"
    " very really right just so quite all and or but of to in on at for with from by as it its"
    " i we you he she they me us him them my our your his her their".split()
)
# Irregular past forms -> base: one table for verb stems, past-tense tests and date actions.
IRREGULAR_PAST = {
    "sent": "send",
    "said": "say",
    "went": "go",
    "took": "take",
    "gave": "give",
    "made": "make",
    "fought": "fight",
    "left": "leave",
    "met": "meet",
    "told": "tell",
    "held": "hold",
    "found": "find",
    "brought": "bring",
    "began": "begin",
    "begun": "begin",
    "came": "come",
    "saw": "see",
    "seen": "see",
    "knew": "know",
    "known": "know",
    "thought": "think",
    "kept": "keep",
    "paid": "pay",
    "led": "lead",
    "shot": "shoot",
    "struck": "strike",
    "sought": "seek",
    "spoke": "speak",
    "spoken": "speak",
    "wrote": "write",
    "written": "write",
    "won": "win",
    "lost": "lose",
    "stood": "stand",
    "ran": "run",
    "hit": "hit",
    "put": "put",
    "shook": "shake",
    "threw": "throw",
    "broke": "break",
    "fell": "fall",
    "flew": "fly",
    "drove": "drive",
    "caught": "catch",
    "rose": "rise",
    "grew": "grow",
    "sank": "sink",
    "sunk": "sink",
    "hid": "hide",
    "stole": "steal",
    "stolen": "steal",
    "died": "die",
    "burnt": "burn",
    "beaten": "beat",
    "frozen": "freeze",
    "bled": "bleed",
    "taken": "take",
}
# Verbs that tell a figure changed: "raised its offer to $184 million", "the toll rose to 12".
CHANGE_VERBS = frozenset(
    "raise raised raises raising upgrade upgraded upgrading increase increased increasing boost"
    " boosted lift lifted upped sweeten sweetened hike hiked revise revised cut cuts lower"
    " lowered reduce reduced slash slashed trim trimmed rise rises rose risen climb climbed"
    " jump jumped fall falls fell drop dropped".split()
)
# Verbs that report speech: a date next to them is the day of a statement, not of the event.
SPEECH_VERBS = frozenset(
    "said says say told tells announced announces stated states added adds warned reported"
    " claimed declared wrote tweeted posted confirmed confirms denied suggested suggests".split()
)
_DOUBLED = re.compile(r"(.)\1$")


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A crude verb/noun stem so 'summoned', 'summons' and 'summoning' compare equal."""
    w = word.lower().strip("'’-")
    if w in IRREGULAR_PAST:
        return IRREGULAR_PAST[w]
    for suffix in ("ing", "ed", "es", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    return _DOUBLED.sub(r"\1", w)  # "planned" -> "plan"


def is_past(word: str) -> bool:
    """A lower-case past tense or participle: 'struck', 'checked'."""
    low = word.lower()
    return word[:1].islower() and (low in IRREGULAR_PAST or (low.endswith("ed") and len(low) > 4))


def _act_classes() -> dict[str, frozenset[str]]:
    groups = [frozenset(stem(w) for w in g.split()) for g in _ACT_GROUPS + _ROLE_GROUPS]
    return {st: g for g in groups for st in g}


_ACT_CLASSES = _act_classes()


def act_group(verb_stem: str) -> frozenset[str]:
    """The stems of the verbs news uses for the act ``verb_stem`` names (itself alone if none)."""
    return _ACT_CLASSES.get(verb_stem, frozenset({verb_stem}))


def act_class(verb_stem: str) -> str:
    """One name for the act: the group's first stem in sort order (the stem itself if none)."""
    group = _ACT_CLASSES.get(verb_stem)
    return min(group) if group else verb_stem
