"""Role conflicts: one person given a different title or gendered role in two aligned passages."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from index.base.models import Conflict
from index.conflicts.clauses import conflict
from index.conflicts.title_words import (
    DOMAIN,
    HEAD,
    HONORIFIC,
    MILITARY,
    OFFICERS,
    QUALIFIER,
    RANK,
    STAFF,
    TIME,
)
from index.facts.names import candidate_names, name_key, same_name

_TOKEN = re.compile(r"[A-Za-z][A-Za-z.'’-]*")
# Who runs an organisation vs who works for it: one person is not both "spokesman" and "head".
_LEADS = frozenset(
    {
        "head",
        "chief",
        "director",
        "chair",
        "president",
        "leader",
        "governor",
        "minister",
        "premier",
        "chancellor",
        "commander",
        "mayor",
    }
)


@dataclass(frozen=True)
class Title:
    start: int
    end: int
    rank: frozenset[str]
    domain: frozenset[str]
    family: str
    gender: str | None
    military: frozenset[str] = frozenset()


def _title(words: list[re.Match[str]]) -> Title | None:
    """The title in a run of words ending (or, after a name, starting) with a head word."""
    rank: set[str] = set()
    domain: set[str] = set()
    military: set[str] = set()
    head: tuple[str, str | None] | None = None
    for w in words:
        low = w.group().lower().rstrip(".").replace("’", "'")
        low = re.sub(r"'s$", "", low)
        for part in low.split("-"):
            if part in TIME or part in HONORIFIC:
                continue
            if part in MILITARY:
                military.add(MILITARY[part])
            elif part in OFFICERS:
                rank.add(part)
                head = ("officer", None)
            elif part in RANK:
                rank.add(RANK[part])
            elif part in DOMAIN:
                domain.add(DOMAIN[part])
            elif part in HEAD:
                if head is not None and head[0] == "chief":
                    rank.add("chief")  # "Chief Judge": chief qualifies the next head word
                head = HEAD[part]
    if head is None and military:
        head = ("military", None)
    if head is None:
        return None
    return Title(
        words[0].start(),
        words[-1].end(),
        frozenset(rank),
        frozenset(domain),
        *head,
        military=frozenset(military),
    )


def _is_title_word(word: str) -> bool:
    if word == "under":
        return False  # "held under President X": a preposition; "Under Secretary" is a rank
    low = re.sub(r"['’]s$", "", word.lower().rstrip("."))
    return all(
        p in RANK
        or p in DOMAIN
        or p in HEAD
        or p in TIME
        or p in HONORIFIC
        or p in MILITARY
        or p in OFFICERS
        for p in low.split("-")
    )


def _org_word(word: str) -> bool:
    """Capitalised words that may sit inside a title run: "Kremlin", "Russia's", "Ministry"."""
    return word[:1].isupper() or word.lower() in ("the", "of")


@lru_cache(maxsize=4096)
def titled_names(text: str) -> tuple[tuple[str, Title], ...]:
    """(name, title) for every name with a title right before it or in an apposition after it."""
    out: list[tuple[str, Title]] = []
    for start, end, form in candidate_names(text):
        words = list(re.finditer(r"\S+", form))
        titled = [i for i, w in enumerate(words) if _is_title_word(w.group())]
        if titled:  # "Defence Minister Kim Hong-kyun": the name starts after the last title word
            if titled[-1] == len(words) - 1:
                continue
            start += words[titled[-1] + 1].start()
            form = text[start:end]
        before = list(_TOKEN.finditer(text[max(0, start - 90) : start]))
        offset = max(0, start - 90)
        run: list[re.Match[str]] = []
        # "The government's spokeswoman, Dmitry Peskov, said": a title before a comma counts
        # only when the name is closed by a second comma (an apposition).
        comma_ok = bool(re.match(r"\s*,", text[end:]))
        for w in reversed(before):
            gap = text[offset + w.end() : start if not run else offset + run[0].start()]
            if gap.strip(" ") and not (not run and comma_ok and gap.strip() == ","):
                break  # punctuation between: the run ends
            if _is_title_word(w.group()) or (run and _org_word(w.group())):
                run.insert(0, w)
            else:
                break
        while run and not _is_title_word(run[0].group()):
            run.pop(0)
        title = _title(run) if run and _is_title_word(run[-1].group()) else None
        if title is not None:
            out.append((form, _shift(title, offset)))
            continue
        after = re.match(r",\s+(?:the\s+|a\s+|an\s+)?", text[end:])
        if after:
            at = end + after.end()
            run = []
            loose = 0
            for w in _TOKEN.finditer(text[at : at + 90]):
                if text[at + (run[-1].end() if run else 0) : at + w.start()].strip(" "):
                    break
                if _is_title_word(w.group()) or _org_word(w.group()):
                    run.append(w)
                elif loose < 1 and w.group().islower() and w.group() not in _STOPISH:
                    run.append(w)  # "the duty officer": one plain modifier before the head
                    loose += 1
                else:
                    break
            popped: list[str] = []
            while run and not _is_title_word(run[-1].group()):
                popped.append(run.pop().group())
            if len(popped) == 1 and popped[0].isupper() and len(popped[0]) > 1 and len(run) == 1:
                continue  # "chief PRO": the acronym is the title, the bare head word is not
            if popped and popped[-1][:1].isupper():
                continue  # "John Henry, CEO Larry Lucchino and ...": the title is the next name's
            title = _title(run) if run else None
            if title is not None:
                out.append((form, _shift(title, at)))
    return tuple(out)


_STOPISH = frozenset(
    {
        "said",
        "says",
        "told",
        "who",
        "which",
        "that",
        "and",
        "was",
        "is",
        "has",
        "had",
        "will",
        "would",
        "in",
        "on",
        "at",
        "for",
        "to",
        "with",
        "by",
    }
)


def _shift(t: Title, offset: int) -> Title:
    return dataclasses.replace(t, start=t.start + offset, end=t.end + offset)


def same_person(x: str, y: str) -> bool:
    """Same name, or a bare family name that is the first or last part of the other name."""
    if same_name(x, y):
        return True
    px, py = x.split(), y.split()
    short, long_ = (px, py) if len(px) <= len(py) else (py, px)
    if len(short) != 1 or len(long_) < 2:
        return False
    key = name_key(short[0])
    return key in (name_key(long_[0].split("-")[0]), name_key(long_[-1]))


def difference(x: Title, y: Title) -> str | None:
    mx, my = x.military, y.military
    if mx and my and not (mx <= my or my <= mx):
        return "rank"  # "Commander" vs "Commodore"; "Colonel" may shorten "Lieutenant Colonel"
    if "military" in (x.family, y.family):
        return None  # a rank and a job ("Commander" / "spokesman") are both true
    if x.family != y.family:
        # "aide" vs "spokesman" may be one job in other words; "spokesman" vs "head" is not.
        if {x.family, y.family} & _LEADS and {x.family, y.family} & STAFF:
            return "title"
        return None
    if x.gender and y.gender and x.gender != y.gender:
        return "gendered role"
    if x.rank - QUALIFIER != y.rank - QUALIFIER:
        return "rank"  # "Deputy Minister" is not a minister
    if x.rank & QUALIFIER and y.rank & QUALIFIER and x.rank != y.rank:
        return "rank"  # "Chief Judge" vs "Presiding Judge"; "Judge" alone is just less specific
    if x.domain and y.domain and x.domain != y.domain:
        return "portfolio"
    return None


def role_conflicts(a: str, b: str) -> list[Conflict]:
    """Titles of one person that cannot both be right."""
    ta, tb = titled_names(a), titled_names(b)
    out: list[Conflict] = []
    for name_a, x in ta:
        for name_b, y in tb:
            if not same_person(name_a, name_b):
                continue
            what = difference(x, y)
            if what is None:
                continue
            wa, wb = " ".join(a[x.start : x.end].split()), " ".join(b[y.start : y.end].split())
            longer = max((name_a, name_b), key=len)
            out.append(
                conflict(
                    "role",
                    a,
                    (x.start, x.end),
                    b,
                    (y.start, y.end),
                    f"Role differs for {longer} ({what}): {wa} vs {wb}",
                )
            )
            return out
    return out
