"""Number words, scales, currencies and qualifiers: what "two hundred", "$3.1 million",
"1.500", "at least" and "nearly" are worth, as values and bounds."""

from __future__ import annotations

import math
import re

__all__ = ["CURRENCY", "ONES", "SCALES", "VAGUE", "bounds", "digits_value", "words_value"]

INF = math.inf

ONES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mm": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
}
# Vague plurals: "hundreds of troops" is some value in a wide range, never a precise claim.
VAGUE = {
    "dozens": (24.0, 199.0),
    "scores": (40.0, 199.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 99999.0),
    "tens of thousands": (20000.0, 99999.0),
    "hundreds of thousands": (200000.0, 999999.0),
    "millions": (2e6, 999e6),
}
CURRENCY = {
    "$": "dollar",
    "us$": "dollar",
    "usd": "dollar",
    "€": "euro",
    "eur": "euro",
    "£": "pound",
    "gbp": "pound",
    "¥": "yen",
    "₩": "won",
    "₽": "ruble",
}


def words_value(words: str) -> float:
    """'two hundred fifty thousand' -> 250000; 'a dozen' -> 12."""
    total, current = 0.0, 0.0
    for tok in re.split(r"[\s-]+", words.lower()):
        if tok in ("and", ""):
            continue
        if tok in ("a", "an"):
            current = 1.0
        elif tok == "dozen":
            current = (current or 1.0) * 12
        elif tok in ONES:
            current += ONES[tok]
        elif tok == "hundred":
            current = (current or 1.0) * 100
        elif tok in SCALES:
            total += (current or 1.0) * SCALES[tok]
            current = 0.0
    return total + current


def digits_value(raw: str) -> tuple[float, float]:
    """The value and half a unit of its last digit (for rounding tolerance)."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):  # "1.500": a thousands separator, not 1.5
        return float(raw.replace(".", "")), 0.0
    if re.fullmatch(r"\d{1,3},\d{1,2}", raw):  # "1,5 million": a decimal comma
        raw = raw.replace(",", ".")
    clean = raw.replace(",", "")
    decimals = len(clean.split(".")[1]) if "." in clean else 0
    return float(clean), 0.5 * 10.0 ** (-decimals) if decimals else 0.0


def bounds(qual: str, value: float, tol: float) -> tuple[float, float, bool]:
    q = " ".join(qual.lower().split())
    if q in (
        "at least",
        "more than",
        "over",
        "upward of",
        "upwards of",
        "in excess of",
        "just over",
    ):
        return value, INF, True
    if q in ("at most", "up to", "as many as", "no more than"):
        return 0.0, value, True
    if q in ("less than", "fewer than", "under", "just under"):
        return 0.0, value, True
    if q in ("almost", "nearly", "close to"):
        return value * 0.9, value, True
    if q:  # about, around, some, roughly, approximately, an estimated
        return value * 0.9, value * 1.1, True
    return value - tol, value + tol, False
