"""One person given two different first names by two reports of an event ("Dale Stevens" in
one, "David Stevens" in the other, each about the same comic series).

A family name written with two given names is two people when one report writes both; when
each report writes only one, and the two passages speak of the same thing (two other names in
common), it is one person named two ways: a conflict of actor. Given names less than three
letters apart are one name spelled, transliterated or mistyped two ways ("Giannis"/"Yiannis",
"Andre"/"Anre"); words the reports also write in lower case are no names ("Tony Award").

A given name with two family names ("Kristen Bell" / "Kristen Stewart") is most often two
people: it is taken for one person named two ways only when both stand in the same place of
the same list ("Robert Pattinson and Kristen ...": the same name next to them) and neither
report writes the other family name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from index.base.models import Article, Conflict, Passage
from index.conflicts.clauses import conflict
from index.conflicts.pairing import across_reports
from index.facts.names import candidate_names, name_key, same_name
from index.text.lexicon import STOP, stem

_CAPITAL = re.compile(r"[A-Z][A-Za-z'’-]+")
_WORD = re.compile(r"\b[a-z][a-z'-]{2,}")
_GIVEN = re.compile(r"[A-Z][a-z]+")
# Given names closer than this are one name spelled or transliterated two ways ("Giannis" /
# "Yiannis", "Carolos" / "Karolos") or mistyped ("Andre" / "Anre").
_APART = 3
# A family name in more passages than this is a list or a generated text: skipped.
_MOST = 40


@dataclass(frozen=True)
class _Named:
    passage: Passage
    start: int  # in the passage's text
    end: int
    given: str
    family: str


def _people(passages: Sequence[Passage], common: frozenset[str]) -> list[_Named]:
    out = []
    for p in passages:
        for s, e, form in candidate_names(p.text):
            parts = form.split()
            if (
                len(parts) == 2
                and _GIVEN.fullmatch(parts[0]) is not None  # "Dale", not "TV's" or "NATO"
                and _CAPITAL.fullmatch(parts[1]) is not None
                and not {w.lower() for w in parts} & (STOP | common)
            ):
                out.append(_Named(p, s, e, parts[0], parts[1]))
    return out


def _others(p: Passage, skip: set[str]) -> frozenset[str]:
    """Name keys of the other capitalised words of a passage: what it speaks of."""
    return frozenset(
        k
        for w in _CAPITAL.findall(p.text)
        if w.lower() not in STOP and (k := name_key(w)) not in skip and len(k) > 2
    )


def _content(p: Passage) -> frozenset[str]:
    return frozenset(stem(w) for w in _WORD.findall(p.text) if w not in STOP)


def _same_subject(x: Passage, y: Passage, skip: set[str]) -> bool:
    """Two names in common, or one and two content words ("The Rocketeer" comics)."""
    names = len(_others(x, skip) & _others(y, skip))
    return names >= 2 or (names == 1 and len(_content(x) & _content(y)) >= 2)


def _neighbours(n: _Named) -> frozenset[str]:
    """Name keys of the names joined to this one by "and", "with" or a comma on either side
    ("Robert Pattinson and Kristen Bell"): its place in a list of people."""
    text = n.passage.text
    left = _JOINED_LEFT.search(text[max(0, n.start - 40) : n.start])
    right = _JOINED_RIGHT.match(text[n.end : n.end + 40])
    return frozenset(name_key(m.group(1)) for m in (left, right) if m is not None)


_JOINED_LEFT = re.compile(r"([A-Z][a-z'’-]+)(?:,\s+|\s+(?:and|with|&)\s+)$")
_JOINED_RIGHT = re.compile(r"(?:,\s+|\s+(?:and|with|&)\s+)(?:[A-Z][a-z'’-]+\s+)?([A-Z][a-z'’-]+)")


def _far(a: str, b: str) -> bool:
    """Two names, not one spelled or shortened two ways."""
    return not (a.startswith(b) or b.startswith(a) or Levenshtein.distance(a, b) < _APART)


def _family_variants(
    people: Sequence[_Named], capitals: Mapping[str, set[str]]
) -> Iterator[tuple[_Named, _Named]]:
    """Two mentions of one given name with family names far apart, in the same place of the
    same list, by reports that each write only one of the two family names."""
    by_given: dict[str, list[_Named]] = defaultdict(list)
    for n in people:
        by_given[name_key(n.given)].append(n)
    done: set[tuple[str, str, str]] = set()
    for given, x, y in across_reports(by_given, lambda n: n.passage.article_id, _MOST):
        fx, fy = name_key(x.family), name_key(y.family)
        ax, ay = x.passage.article_id, y.passage.article_id
        key = (min(ax, ay), max(ax, ay), given)
        if key in done or not _far(fx, fy) or fy in capitals[ax] or fx in capitals[ay]:
            continue
        if not (_neighbours(x) & _neighbours(y)) - {given, fx, fy}:
            continue  # not the same place of one list: two people who share a given name
        done.add(key)
        yield x, y


def name_pair_conflicts(
    articles: Sequence[Article], by_article: Mapping[str, Sequence[Passage]]
) -> list[tuple[Passage, Passage, Conflict]]:
    """A family name with one given name in one report and another in a second report."""
    body = {a.id: a.body for a in articles}
    text = {a.id: f"{a.title}\n{a.body}" for a in articles}
    # Words the reports also write in lower case are words, not names ("award", "commission").
    common = frozenset(w for t in text.values() for w in re.findall(r"\b[a-z]{3,}\b", t))
    people: dict[str, list[_Named]] = defaultdict(list)
    capitals = {aid: {name_key(w) for w in _CAPITAL.findall(t)} for aid, t in text.items()}
    before: dict[tuple[str, str], set[str]] = defaultdict(set)  # words before a family name
    for article in articles:
        for n in _people(by_article.get(article.id, ()), common):
            people[name_key(n.family)].append(n)
        for p in by_article.get(article.id, ()):
            for _s, _e, form in candidate_names(p.text):
                parts = form.split()
                for k in range(1, len(parts)):
                    before[(article.id, name_key(parts[k]))].add(name_key(parts[k - 1]))
    out: list[tuple[Passage, Passage, Conflict]] = []
    for x, y in _family_variants([n for ns in people.values() for n in ns], capitals):
        out.append((x.passage, y.passage, _named_conflict(x, y, body)))
    done: set[tuple[str, str, str]] = set()
    for family, x, y in across_reports(people, lambda n: n.passage.article_id, _MOST):
        ax, ay = x.passage.article_id, y.passage.article_id
        key = (min(ax, ay), max(ax, ay), family)
        if key in done or same_name(x.given, y.given):
            continue
        gx, gy = name_key(x.given), name_key(y.given)
        if not _far(gx, gy):
            continue  # one name spelled two ways, or shortened ("Sam" / "Samuel")
        if len(before[(ax, family)]) > 1 or len(before[(ay, family)]) > 1:
            continue  # "Trooper Hakim" and "William Hakim": a title, or two people
        if gy in capitals[ax] or gx in capitals[ay]:
            continue  # a report that writes both given names writes of two people
        if not _same_subject(x.passage, y.passage, {family, gx, gy}):
            continue
        done.add(key)
        out.append((x.passage, y.passage, _named_conflict(x, y, body)))
    return out


def _named_conflict(x: _Named, y: _Named, body: Mapping[str, str]) -> Conflict:
    sx = (x.passage.start + x.start, x.passage.start + x.end)
    sy = (y.passage.start + y.start, y.passage.start + y.end)
    why = f"Name differs: {x.given} {x.family} vs {y.given} {y.family}"
    return conflict("actor", body[x.passage.article_id], sx, body[y.passage.article_id], sy, why)
