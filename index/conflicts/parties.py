"""Whose figure it is: the party named first in the figure's clause, not the reporter who told it.

"Dan Patrick reported on his show that the Boston Red Sox have made Mark Teixeira a $200
million offer" and "Lynch reported the Red Sox team of owner John Henry offered Teixeira $184
million": the reporters, the owner and the player are named on one side only, yet both sums are
the Red Sox's. A sum belongs to the subject of its clause, the first name in it once the
attribution frame ("X reported that", "according to X,") is left aside; the names after it are
the payee, officials in apposition, places.
"""

from __future__ import annotations

import re

from index.facts.names import name_key
from index.text.lexicon import SPEECH_VERBS, STOP
from index.text.sentences import split_sentences

__all__ = ["party_of", "pronoun_party", "teller_of"]

_REACH = 160  # characters before a figure that may still hold its clause's subject
_SENTENCE_PART = re.compile(r"[.!?;:]\s|\n")
# Lower case on purpose: "States" in "the United States offered" is no speech verb.
_FRAME = re.compile(r"\b(?:" + "|".join(sorted(SPEECH_VERBS)) + r")\b|\b[Aa]ccording\s+to\b[^,]*,")
_THAT = re.compile(r"^[^,]{0,60}?\bthat\b")
# A clause opening on a phrase of time or place ("Last week at the Winter Meetings, the
# Nationals made ..."): its names are where and when, the subject comes after the comma.
_LEADING = re.compile(
    r"^\s*(?:(?:last|earlier|later|this|next|late|early)\s+\w+\s+)?"
    r"(?:at|in|on|during|after|before|since|following|amid|under)\b[^,]{0,80},",
    re.IGNORECASE,
)
_CAPITAL = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Za-z]+)?")
_CALENDAR = frozenset(
    "january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday".split()
)


def party_of(sentence: str, start: int, mid: frozenset[str]) -> frozenset[str]:
    """Name keys of the first named run before ``start`` in its clause (empty if none).

    ``mid`` holds the words the report writes capitalised inside a sentence: a sentence's
    first word is a name only if it is one of them ("Police said" is no party)."""
    left = _SENTENCE_PART.split(sentence[max(0, start - _REACH) : start])[-1]
    first_word = start - len(left) == 0 or not sentence[: start - len(left)].strip()
    frames = [m for m in _FRAME.finditer(left) if _CAPITAL.search(left, m.end())]
    if frames:
        # The reporter is no party when the reported clause names one of its own.
        rest = left[frames[-1].end() :]
        that = _THAT.match(rest)
        left, first_word = (rest[that.end() :] if that else rest), False
    leading = _LEADING.match(left)
    if leading:
        left, first_word = left[leading.end() :], False
    run: list[str] = []
    end = -1
    for m in _CAPITAL.finditer(left):
        word = m.group()
        if run and left[end : m.start()].strip(" -"):
            break  # the run ended: only the first one is the subject
        if not run and (
            word.lower() in STOP
            or word.lower() in _CALENDAR
            or (first_word and m.start() == len(left) - len(left.lstrip()) and word not in mid)
        ):
            continue
        run.append(word)
        end = m.end()
    return frozenset(name_key(w) for w in run)


_PRONOUN = re.compile(r"\s*(?:He|She)\b")
_BACK_CHARS = 800  # how far back a pronoun subject may reach for its name


def pronoun_party(text: str, start: int, mid: frozenset[str]) -> frozenset[str]:
    """Whom a "He" or "She" opening the sentence at ``start`` names: the subject of the nearest
    earlier sentence that names one, as subjects carry on ("Mr. Jackman, 40, has ... He won a
    Tony ... He presided over that ceremony three times"). Empty if no pronoun opens it."""
    if not _PRONOUN.match(text, start):
        return frozenset()
    cut = max(0, start - _BACK_CHARS)
    before = text[cut:start]
    sentences = split_sentences(before)[1 if cut else 0 :]  # a first one cut short is not read
    for s, e in reversed(sentences):
        sentence = before[s:e]
        if not _PRONOUN.match(sentence):
            # Its subject: the first name of its opening words (past a leading phrase).
            return party_of(sentence, min(len(sentence), _REACH // 2), mid)
    return frozenset()


# "Police said as many as 20,000 ..." and "Police put the march at roughly 30,000 ...": the one
# who told or estimated the figure.
_TELLER = re.compile(
    r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})\s+(?:"
    + "|".join(sorted(SPEECH_VERBS | {"estimated", "estimates", "put", "puts"}))
    + r")\b"
)


def teller_of(sentence: str, start: int) -> frozenset[str]:
    """Name keys of who told the figure at ``start``: the last name before a speech verb ahead
    of it in its sentence (empty if none, or a pronoun: "He said" tells nothing)."""
    found = list(_TELLER.finditer(sentence, max(0, start - _REACH), start))
    if not found:
        return frozenset()
    words = [w for w in found[-1].group(1).split() if w.lower() not in STOP]
    return frozenset(name_key(w) for w in words)
