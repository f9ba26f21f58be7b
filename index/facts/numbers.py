"""Find counted quantities in news text: normalised value, bounds, and the thing counted."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from index.facts.counted import RATE, STATE_WORDS, context_unit
from index.facts.number_words import (
    CURRENCY,
    ONES,
    SCALES,
    VAGUE,
    bounds,
    digits_value,
    words_value,
)

INF = math.inf


@dataclass(frozen=True)
class Quantity:
    """A number in a text with its bounds and counted thing; ``text == source[start:end]``."""

    value: float
    low: float
    high: float
    unit: str | None  # lemmatised head noun of the counted thing ("troop"), "dollar", "percent"
    start: int
    end: int
    text: str
    approximate: bool
    state: str | None = None  # what happened to the counted thing: "killed", "wounded", ...
    noun: str = ""  # the counted noun as written ("infantrymen"), for explanations


_WORD = "|".join(sorted(ONES, key=len, reverse=True))
# A decimal comma is read only before a scale or percent ("1,5 million", "2,5%"): anywhere
# else a comma followed by three digits groups thousands.
_DIGITS = (
    r"\d{1,3},\d{1,2}(?=\s?(?:million|billion|mn|bn|m\b|%|percent|per\s+cent))"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?![\d.,]\d)|\d+(?:\.\d+)?"
)
_NUMWORDS = (
    rf"(?:(?:{_WORD})(?:[\s-]+(?:and\s+)?(?:{_WORD}|hundred|thousand|million|billion))*"
    r"|an?\s+(?:dozen|hundred|thousand|million|billion))"
)
_QUAL = (
    r"(?:(?:at\s+least|more\s+than|over|upwards?\s+of|in\s+excess\s+of|at\s+most|up\s+to"
    r"|as\s+many\s+as|no\s+more\s+than|less\s+than|fewer\s+than|under|about|around|some"
    r"|roughly|approximately|an\s+estimated|estimated|almost|nearly|close\s+to|just\s+over"
    r"|just\s+under|some\s+)\s+)?"
)
_NUM_RE = re.compile(
    rf"(?<![\w.,:$€£¥₩₽/])(?<![A-Za-z]-)(?<!\d{{4}}[-–])(?P<qual>{_QUAL})"
    r"(?P<cur>US\$|\$|€|£|¥|₩|₽|(?:USD|EUR|GBP)\s?)?"
    rf"(?:(?P<vague>tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores|hundreds"
    rf"|thousands|millions)\s+of\b|(?P<num>{_DIGITS})|\b(?P<words>{_NUMWORDS})\b)"
    r"(?:(?P<scale_att>k|mm|m|mn|mln|bn|b|tn)\b|\s*-?\s*(?P<scale>hundred|thousand|million|billion"
    r"|trillion|mn|bn)\b)?"
    r"(?P<pct>\s?%|\s(?:percent|per\s+cent)\b)?",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april"
    r"|june|july|august|september|october|november|december)"
)
_BEFORE_DATE = re.compile(rf"(?:\b{_MONTH}\.?\s*|\bno\.\s*|#)$", re.IGNORECASE)
_AFTER_NOT_COUNT = re.compile(
    rf"^(?:\s*(?:{_MONTH})\b|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|o'clock)|:\d"
    r"|(?:st|nd|rd|th)\b)",
    re.IGNORECASE,
)
_CUMULATIVE = re.compile(
    r"\b(?:so\s+far|in\s+total|a\s+total\s+of|to\s+date|in\s+all"
    r"|altogether|cumulative|all\s+told)\b",
    re.IGNORECASE,
)
# "$140 - 150MM": the currency written on a range's first end is the second end's too.
_CURRENCY_RANGE = re.compile(r"[$€£¥₩₽]\s?\d[\d,.]*\s*(?:-|–|to)\s*$")
_ONE_OF = re.compile(r"\s+(?:of|another|day|time|way|side)\b", re.IGNORECASE)
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to)\s*$|^\s+and\s+$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"^\s*-?\s*years?\s*-?\s*old\b|^\s*-year-old\b", re.IGNORECASE)
# Places written like "Name, 71," would read as ages: the common ones are left out.
_PLACE_NAME = re.compile(
    r"\b(?:Paris|London|Washington|Moscow|Seoul|Beijing|Tokyo|Kyiv|Berlin"
    r"|Calif|Fla|Texas|York|Street|Road|Avenue|Province|County|District)\b"
)
_NAME_AGE = re.compile(r"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}),\s*$")
_AGE_BEFORE = re.compile(r"\baged\s+$", re.IGNORECASE)
_MAG_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?\s+$", re.IGNORECASE)
_MAG_AFTER = re.compile(r"^\s*-?\s*magnitude\b", re.IGNORECASE)
_TOLL_BEFORE = re.compile(r"\bdeath\s+toll\s+(?:\w+\s+){0,2}(?:to|of|at)\s+$", re.IGNORECASE)
# "The number of people killed ... rose to 36": a bare figure that a toll sentence moves to.
_ROSE_TO = re.compile(
    r"\b(?:rose|risen|climbed|jumped|increased|reached|stood|stands|hit)"
    r"(?:\s+(?:to|at))?\s+$",
    re.IGNORECASE,
)
_TOLL_SUBJECT = re.compile(
    r"\bdeath\s+toll\b|\btoll\b|\bnumber\s+of\s+(?:people\s+)?"
    r"(?:killed|dead|deaths)\b|\bnumber\s+of\s+dead\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=2048)
def _extract(text: str) -> tuple[Quantity, ...]:
    found: list[Quantity] = []
    for m in _NUM_RE.finditer(text):
        start, end = m.start(), m.end()
        qual = m.group("qual") or ""
        before = text[max(0, start - 40) : start]
        after = text[end : end + 40]
        if (
            (m.group("scale_att") or "").lower() == "mm"
            and not m.group("cur")
            and not _CURRENCY_RANGE.search(before)
        ):
            continue  # "20mm": millimetres; "$20MM" and "$140 - 150MM" are millions of dollars
        if m.group("num") and not m.group("cur") and not m.group("scale"):
            if _BEFORE_DATE.search(before) or _AFTER_NOT_COUNT.match(after):
                continue
            raw = m.group("num")
            if re.fullmatch(r"1[89]\d\d|20\d\d", raw) and not m.group("pct"):
                continue  # a year, not a count
            if re.match(r"[A-Za-z]", after) and not m.group("scale_att"):
                continue  # "5G", "3D", "17th"
            if re.search(r"\b(?:[A-Z]{2,4}(?: ?- ?| )?|[A-Z] ?- ?)$", before) and "," not in raw:
                continue  # "AK 47", "AK - 47", "MH 17", "F-16": part of a model or flight name
        if m.group("words") and (
            _AFTER_NOT_COUNT.match(after)
            or (m.group("words").lower() == "one" and _ONE_OF.match(after))
        ):
            continue  # "one of the ...", "one day": not a count
        if m.group("vague"):
            low, high = VAGUE[" ".join(m.group("vague").lower().split())]
            value, tol, approx = low, 0.0, True
        elif m.group("num"):
            value, tol = digits_value(m.group("num"))
            approx = False
        else:
            value, tol, approx = words_value(m.group("words")), 0.0, False
        scale_word = (m.group("scale") or m.group("scale_att") or "").lower()
        if scale_word:
            value *= SCALES[scale_word]
            # "2.6 million" is rounded: allow half a unit of its last digit ("2 million": 5%).
            tol = (tol or 0.05) * SCALES[scale_word]
        if not m.group("vague"):
            low, high, approx2 = bounds(qual, value, tol)
            approx = approx or approx2
        unit: str | None
        noun, state, span_end = "", None, end
        if m.group("pct"):
            unit, noun = "percent", "percent"
        elif _AGE_AFTER.match(after) or _AGE_BEFORE.search(before):
            unit, noun = "age", "years old"
        elif (
            (named := _NAME_AGE.search(before))
            and re.match(r"\s*[,)]", after)
            and (
                m.group("num")
                and re.fullmatch(r"\d{1,3}", m.group("num"))
                and 0 < value <= 120
                and not _PLACE_NAME.search(named.group(1))
            )
        ):
            unit, noun = "age", named.group(1)  # "Kari Nystad, 71, said": the person's age
        elif _MAG_AFTER.match(after) or _MAG_BEFORE.search(before):
            unit, noun = "magnitude", "magnitude"
        else:
            unit, noun, span_end, state = context_unit(text, end)
            if m.group("cur"):
                unit = CURRENCY[m.group("cur").strip().lower()]
                noun = m.group("cur").strip()
                span_end = end
            elif _TOLL_BEFORE.search(before) or (unit is None and _toll_rose(text, start)):
                unit, noun, state = "people", "dead", "killed"
            elif unit in ("dead", "death", "fatality"):
                unit, state = "people", "killed"
            elif (
                unit is None
                and state is not None
                and re.match(r"\s*[A-Za-z]+", after)
                and (after.split()[0].strip(",.;").lower() in STATE_WORDS)
            ):
                unit = "people"  # "420 injured", "nine dead"
            elif unit == "casualty":
                state = "casualty"
            if state is None:  # "killed 12 soldiers", "killing at least 20 people"
                prior = re.findall(r"[A-Za-z]+", before)[-2:]
                state = next(
                    (STATE_WORDS[w.lower()] for w in prior if w.lower() in STATE_WORDS), None
                )
                if state is not None and unit is None:
                    unit = "people"  # "killing 20", "injuring more than 400"
        if RATE.match(text[end : end + 30]) or RATE.match(text[span_end : span_end + 30]):
            state = f"{state or ''}+rate"
        if m.group("vague"):
            state = "vague"  # "hundreds of jobs" is no figure to hold against "1,100 jobs"
        if _SHARED_NOUN_LIST.search(before):
            state = f"{state or ''}+part"  # "12 Somali and 11 Yemeni pirates": one group of two
        sentence_start = max(text.rfind(". ", max(0, start - 300), start), start - 300, 0)
        sentence_end = text.find(". ", span_end, span_end + 300)
        if _CUMULATIVE.search(
            text[sentence_start : span_end + 300 if sentence_end < 0 else sentence_end]
        ):
            state = f"{state or ''}+total"  # "a total of 923 rounds so far": not one operation's
        text_span = text[start:span_end]
        found.append(
            Quantity(value, low, high, unit, start, span_end, text_span, approx, state, noun)
        )
    return tuple(_merge_ranges(text, found))


# "12 Somali and 11 Yemeni pirates": the second count shares its noun with the first, and
# each counts a part.
_SHARED_NOUN_LIST = re.compile(
    r"\b(?:\d[\d,]*|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
    r"\s+[A-Z][a-z]+\s+(?:and|or)\s+$"
)


def _toll_rose(text: str, start: int) -> bool:
    before = text[max(0, start - 160) : start]
    head = _QUAL_AT_END.sub("", before)
    if not _ROSE_TO.search(head):
        return False
    sentence = re.split(r"[.!?]\s", head)[-1]
    return bool(_TOLL_SUBJECT.search(sentence))


_QUAL_AT_END = re.compile(r"(?:at\s+least|more\s+than|about|nearly|almost|over)\s+$", re.I)


def _merge_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """'10-12 soldiers' and 'between 10 and 12 soldiers' become one quantity 10..12."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end <= q.start
            and prev.value >= q.value
            and re.fullmatch(r"[-–]", text[prev.end : q.start])
        ):
            out.pop()  # "88-72", "9-14" after a team: a score or a record, not two counts
            continue
        if (
            prev is not None
            and prev.end <= q.start
            and prev.value < q.value
            and _RANGE_GAP.match(text[prev.end : q.start])
        ):  # "2-1" is a tally, not a range
            gap = text[prev.end : q.start]
            if "and" in gap and not re.search(r"\bbetween\s+$", text[: prev.start], re.I):
                out.append(q)
                continue
            low = prev.value
            if low < q.value / 100 and q.value >= 1000:  # "2-3 million": the scale carries over
                low = prev.value * (q.value / _strip_scale(q))
            high = q.high if math.isinf(q.high) else q.value
            # "$140-150 million": the currency written on the first end counts the range
            unit, noun = (q.unit, q.noun) if q.unit is not None else (prev.unit, prev.noun)
            out[-1] = Quantity(
                q.value,
                min(low, q.value),
                high,
                unit,
                prev.start,
                q.end,
                text[prev.start : q.end],
                True,
                q.state,
                noun,
            )
            continue
        out.append(q)
    return out


def _strip_scale(q: Quantity) -> float:
    m = re.search(r"(\d+(?:\.\d+)?)\s*(?:million|billion|thousand|m|bn|k)", q.text, re.I)
    return float(m.group(1)) if m else q.value


def extract_quantities(text: str) -> list[Quantity]:
    """Every count, amount, age, magnitude and percentage in ``text``; years and times excluded."""
    return list(_extract(text))
