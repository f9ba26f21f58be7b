"""Actor conflicts: the same statement made about different countries (capitals normalised)."""

from __future__ import annotations

import re
from functools import lru_cache

from index.base.models import Conflict
from index.conflicts.clauses import clause_around, conflict, similar_context, stem

# Country -> the ways news names it as an actor: names, capitals, seats of power, adjectives.
_ACTORS = {
    "Russia": "Russia|Moscow|Kremlin|Russian Federation|Russian",
    "South Korea": "South Korea|Seoul|Republic of Korea|ROK|South Korean",
    "North Korea": "North Korea|Pyongyang|DPRK|North Korean",
    "United States": "United States|U\\.S\\.|US|USA|America|Washington|White House|Pentagon"
    "|American",
    "Ukraine": "Ukraine|Kyiv|Kiev|Ukrainian",
    "China": "China|Beijing|Chinese",
    "Japan": "Japan|Tokyo|Japanese",
    "United Kingdom": "United Kingdom|Britain|U\\.K\\.|UK|London|Downing Street|British",
    "France": "France|Paris|Elysee|French",
    "Germany": "Germany|Berlin|German",
    "Iran": "Iran|Tehran|Iranian",
    "Israel": "Israel|Jerusalem|Israeli",
    "Turkey": "Turkey|Türkiye|Ankara|Turkish",
    "India": "India|New Delhi|Indian",
    "Belarus": "Belarus|Minsk|Belarusian",
    "Poland": "Poland|Warsaw|Polish",
    "Syria": "Syria|Damascus|Syrian",
    "Taiwan": "Taiwan|Taipei|Taiwanese",
    "European Union": "European Union|EU|Brussels",
    "United Nations": "United Nations|UN|U\\.N\\.",
    "NATO": "NATO|Nato",
    "Indonesia": "Indonesia|Jakarta|Indonesian",
    "Norway": "Norway|Oslo|Norwegian",
    "Somalia": "Somalia|Mogadishu|Somali",
    "Pakistan": "Pakistan|Islamabad|Pakistani",
    "Afghanistan": "Afghanistan|Kabul|Afghan",
    "Iraq": "Iraq|Baghdad|Iraqi",
    "Egypt": "Egypt|Cairo|Egyptian",
    "Saudi Arabia": "Saudi Arabia|Riyadh|Saudi",
    "Greece": "Greece|Athens|Greek",
    "Italy": "Italy|Rome|Italian",
    "Spain": "Spain|Madrid|Spanish",
    "Canada": "Canada|Ottawa|Canadian",
    "Australia": "Australia|Canberra|Australian",
    "Brazil": "Brazil|Brasilia|Brazilian",
    "Mexico": "Mexico|Mexican",
    "Venezuela": "Venezuela|Caracas|Venezuelan",
    "Cuba": "Cuba|Havana|Cuban",
    "Qatar": "Qatar|Doha|Qatari",
    "Lebanon": "Lebanon|Beirut|Lebanese",
    "Vietnam": "Vietnam|Hanoi|Vietnamese",
    "Philippines": "Philippines|Manila|Philippine|Filipino",
    "Thailand": "Thailand|Bangkok|Thai",
    "Myanmar": "Myanmar|Burma|Naypyidaw|Burmese",
    "Turkmenistan": "Turkmenistan|Ashgabat|Turkmen",
    "Kazakhstan": "Kazakhstan|Astana|Kazakh",
    "Armenia": "Armenia|Yerevan|Armenian",
    "Azerbaijan": "Azerbaijan|Baku|Azerbaijani",
    "Hungary": "Hungary|Budapest|Hungarian",
    "Serbia": "Serbia|Belgrade|Serbian",
    "Sweden": "Sweden|Stockholm|Swedish",
    "Finland": "Finland|Helsinki|Finnish",
    "Denmark": "Denmark|Copenhagen|Danish",
    "Netherlands": "Netherlands|The Hague|Dutch",
    "Austria": "Austria|Vienna|Austrian",
    "Switzerland": "Switzerland|Bern|Swiss",
    "Yemen": "Yemen|Sanaa|Yemeni",
    "Ethiopia": "Ethiopia|Addis Ababa|Ethiopian",
    "Nigeria": "Nigeria|Abuja|Nigerian",
    "South Africa": "South Africa|Pretoria|South African",
}
# Left out on purpose: names that are often people or teams (Jordan, Georgia, Chad).
_PATTERNS = [(country, alt) for country, alts in _ACTORS.items() for alt in alts.split("|")]
_PATTERNS.sort(key=lambda p: -len(p[1]))
_ACTOR_RE = re.compile(
    "|".join(f"(?P<g{i}>{alt})" for i, (_c, alt) in enumerate(_PATTERNS)).join(
        # Every form starts with a capital: the lookahead fails other positions before the
        # alternation tries its hundreds of named branches (same matches, ~10x faster).
        [r"(?=[A-Z])(?<![\w.])(?:", r")(?![\w])(?:['’]s)?"]
    )
)
_COUNTRY_OF = {f"g{i}": country for i, (country, _alt) in enumerate(_PATTERNS)}
# An opening adverbial ("On Monday," / "Meanwhile,") is not the subject.
_OPENER = re.compile(
    r"^(?:(?:On|In|At|After|Before|During|Earlier|Later|Last|This|Meanwhile|Separately|However"
    r"|According|Since|Following|Also|Yet|But|And)\b[^,]{0,60},\s*)"
)
_SUBJECT_WORD = re.compile(r"[A-Z][\w.'’-]*|and|of|the|[,&]")


@lru_cache(maxsize=8192)
def mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    """Every country mention as (start, end, country)."""
    return tuple(
        (m.start(), m.end(), _COUNTRY_OF[m.lastgroup or ""]) for m in _ACTOR_RE.finditer(text)
    )


@lru_cache(maxsize=8192)
def actor_groups(text: str) -> tuple[tuple[int, int, frozenset[str]], ...]:
    """Who acts: the countries of the sentence subject, and of "X and Y" pairs anywhere."""
    groups: list[tuple[int, int, frozenset[str]]] = []
    found = mentions(text)
    opener = _OPENER.match(text)
    at = opener.end() if opener else 0
    end = at
    for m in _SUBJECT_WORD.finditer(text, at):
        if m.start() > end + 1 and text[end : m.start()].strip():
            break
        end = m.end()
    subject = [f for f in found if at <= f[0] and f[1] <= end]
    if subject:
        groups.append((subject[0][0], subject[-1][1], frozenset(f[2] for f in subject)))
    for x, y in zip(found, found[1:], strict=False):
        if re.fullmatch(r",?\s+and\s+", text[x[1] : y[0]]) and x[2] != y[2]:
            groups.append((x[0], y[1], frozenset((x[2], y[2]))))
    return tuple(groups)


_TOK = re.compile(r"[A-Za-z0-9][\w'’.-]*")
_AUX = frozenset({"will", "would", "has", "have", "had", "was", "were", "is", "are", "also"})


def _verb_after(text: str, end: int) -> str:
    """Stem of the first word after a subject that is not an auxiliary or adverb."""
    for m in _TOK.finditer(text, end):
        low = m.group().lower()
        if low in _AUX or low.endswith("ly") or low in ("not", "also", "on", "monday"):
            continue
        return stem(low)
    return ""


def _rest(text: str, start: int, end: int) -> str:
    return text[:start] + " " + text[end:]


def actor_conflicts(a: str, b: str) -> list[Conflict]:
    """A statement whose actors differ, when each side names a country the other never does."""
    ga, gb = actor_groups(a), actor_groups(b)
    if not ga or not gb:
        return []
    in_a = {m[2] for m in mentions(a)}
    in_b = {m[2] for m in mentions(b)}
    for sa, ea, xa in ga:
        for sb, eb, xb in gb:
            if xa == xb or len(xa) != len(xb):
                continue
            if len(xa) == 1 and _verb_after(a, ea) != _verb_after(b, eb):
                continue  # "Washington said ..." / "Seoul called on ...": other statements
            only_a, only_b = xa - in_b, xb - in_a
            if len(xa) == 2:
                only_a, only_b = xa - xb, xb - xa  # "X and Y hold opposing views": the pair
            if not only_a or not only_b:
                continue  # "Seoul summoned Russia's envoy" / "Russia's envoy was summoned by Seoul"
            if not (
                similar_context(_rest(a, sa, ea), _rest(b, sb, eb), min_shared=2, ratio=0.4)
                or similar_context(
                    clause_around(a, sa, ea, 100),
                    clause_around(b, sb, eb, 100),
                    min_shared=3,
                    ratio=0.3,
                )
            ):
                continue
            wa, wb = " ".join(a[sa:ea].split()), " ".join(b[sb:eb].split())
            names = f"{', '.join(sorted(only_a))} vs {', '.join(sorted(only_b))}"
            return [
                conflict(
                    "actor", a, (sa, ea), b, (sb, eb), f"Actors differ: {wa} vs {wb} ({names})"
                )
            ]
    return []
