"""Where a game is played: at home against a team in one report, at that team's in another.

"The 76ers were to play at home ... against Washington" (or "Philadelphia host the Washington
Wizards") in one report and "Saturday's game at Washington" in another cannot both hold: the
same game is told at two venues. A game is keyed by the opponent's name; two passages naming
different days speak of two games and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from index.base.models import Article, Conflict, Passage
from index.conflicts.clauses import between, in_quote
from index.conflicts.pairing import body_passages, opposed

__all__ = ["venue_pair_conflicts"]

_TEAM = r"(?:the\s+)?(?P<{}>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
_GAME = r"\b(?:play|plays|played|playing|game|games|match|matches)"
_HOME = re.compile(
    _GAME
    + r"\s+at\s+home\b[^.;!?]{0,80}?\b(?:against|versus|vs\.?)\s+"
    + _TEAM.format("team")
    + r"|\b(?:host|hosts|hosted|hosting)\s+"
    + _TEAM.format("guest")
)
_AWAY = re.compile(_GAME + r"\s+(?:at|in)\s+" + _TEAM.format("team"))
_DAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
# Passages telling a venue in one event beyond which it is a season's list, not one game.
_MOST = 40


def _venues(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int, str]]:
    out = []
    for m in pattern.finditer(text):
        team = m.group("team") if "team" in m.groupdict() and m.group("team") else m.group("guest")
        if team and not in_quote(text, m.start()):
            out.append((m.start(), m.end(), team.split()[0].lower()))
    return out


def venue_pair_conflicts(
    articles: Sequence[Article], by_article: Mapping[str, Sequence[Passage]]
) -> list[tuple[Passage, Passage, Conflict]]:
    """One game at home in one report and at the opponent's in another; body offsets."""
    body, passages = body_passages(articles, by_article)
    out: list[tuple[Passage, Passage, Conflict]] = []
    found = opposed(passages, lambda t: _venues(t, _HOME), lambda t: _venues(t, _AWAY), _MOST)
    for p, (hs, he, team), q, (as_, ae, where) in found:
        days_p, days_q = set(_DAY.findall(p.text)), set(_DAY.findall(q.text))
        if where != team or (days_p and days_q and not days_p & days_q):
            continue  # another opponent, or two days: another game
        why = f'Venue differs: "{p.text[hs:he]}" (at home) vs "{q.text[as_:ae]}"'
        out.append(between("place", p, (hs, he), q, (as_, ae), why, body))
    return out
