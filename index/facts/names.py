"""Spelling variants of one person's or place's name (Zelensky / Zelenskiy / Zelenskyy)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from index.base.cancel import checkpoint
from index.base.models import Variant

# Older or foreign forms of place names that are the same place, not a different one.
EXONYMS = {
    "kiev": "kyiv",
    "odessa": "odesa",
    "kharkov": "kharkiv",
    "lvov": "lviv",
    "nikolaev": "mykolaiv",
    "peking": "beijing",
    "bombay": "mumbai",
    "calcutta": "kolkata",
    "burma": "myanmar",
    "canton": "guangzhou",
    "rangoon": "yangon",
    "bangalore": "bengaluru",
    "chernobyl": "chornobyl",
    # English and older forms news still writes beside the local one.
    "salonika": "thessaloniki",
    "salonica": "thessaloniki",
    "madras": "chennai",
    "poona": "pune",
    "benares": "varanasi",
    "dacca": "dhaka",
    "nanking": "nanjing",
    "tientsin": "tianjin",
    "chungking": "chongqing",
    "tiflis": "tbilisi",
    "almaata": "almaty",
    "leghorn": "livorno",
    "munchen": "munich",
    "koln": "cologne",
    "wien": "vienna",
    "praha": "prague",
    "warszawa": "warsaw",
    "moskva": "moscow",
    "firenze": "florence",
    "venezia": "venice",
    "napoli": "naples",
    "torino": "turin",
    "lisboa": "lisbon",
    "kobenhavn": "copenhagen",
    "athina": "athens",
    "goteborg": "gothenburg",
    "swaziland": "eswatini",
    "byelorussia": "belarus",
}
# Family names shared by millions: never enough on their own to say two names are one person.
COMMON_FAMILY = frozenset(
    "kim lee park choi jung kang cho yoon jang lim wang li zhang liu chen yang huang zhao wu"
    " zhou xu sun ma nguyen tran le pham smith jones brown khan singh kumar ali ahmed".split()
)
# Capitalised words that start or make up a capitalised run without being a name.
_NOT_NAME = frozenset(
    "the a an and of in on at for to by with from but or as it he she they we i this that these"
    " those there his her their its our after before during when while if mr mrs ms dr sir"
    " president minister ambassador spokesman spokeswoman spokesperson deputy first vice foreign"
    " prime general gen sen rep gov secretary chief head leader director chairman king queen"
    " prince pope senator governor mayor officer colonel col lt sgt captain capt commander"
    " monday tuesday wednesday thursday friday saturday sunday january february march april may"
    " june july august september october november december jan feb mar apr jun jul aug sep sept"
    " oct nov dec meanwhile however separately earlier later today yesterday defence defense"
    " interior finance acting former senior assistant envoy chairwoman chairperson commodore"
    " admiral lieutenant major sergeant brigadier commander".split()
)
_TITLES = frozenset(
    "president minister ambassador spokesman spokeswoman spokesperson secretary governor mayor"
    " senator chancellor premier king queen prince pope judge general gen commander commodore"
    " admiral captain capt colonel col lieutenant lt sgt sergeant major dr mr mrs ms sir chief"
    " director chairman chairwoman envoy".split()
)
# Runs stay on one line: a headline or dateline above is not part of the name.
_RUN = re.compile(
    r"\b[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*(?:[ \t]+[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*){0,3}"
)
_CONTRACTED = re.compile(r"['’](?:ll|re|ve|m|d|t)$", re.IGNORECASE)
_SENTENCE_END = frozenset('.!?:\n"“')


def exonym_spellings(word: str) -> tuple[str, ...]:
    """The other forms the exonym table gives one name (Peking: Beijing; Beijing: Peking):
    spellings that share no first letters, so no letter rule finds them. Bounded by the table."""
    w = re.sub(r"[^a-z]", "", anyascii(word).lower())
    if not w:
        return ()
    key = EXONYMS.get(w, w)
    return tuple(f for old, new in EXONYMS.items() if new == key for f in (old, new) if f != w)


@lru_cache(maxsize=8192)
def name_key(token: str) -> str:
    """Transliteration key of a name token: accents, kh/h, w/v, y/i, ie/e, doubles folded."""
    t = re.sub(r"[^a-z]", "", anyascii(token).lower())
    t = EXONYMS.get(t, t)
    t = t.replace("kh", "h").replace("w", "v").replace("y", "i")
    t = re.sub(r"j$", "i", t)
    t = t.replace("ie", "e")
    return re.sub(r"(.)\1+", r"\1", t)


@lru_cache(maxsize=8192)
def _tokens(name: str) -> tuple[str, ...]:
    """Name parts; hyphenated given names split too so Hong-kyun == Hong Kyun == Hongkyun."""
    parts = re.split(r"[\s\-‐–.]+", anyascii(name).strip())
    return tuple(p for p in parts if p and re.search(r"[A-Za-z]", p))


def _keys_match(a: str, b: str) -> bool:
    if a == b:
        return True
    # One edit for long names, anchored at both ends (Zelenskyi / Zelenskiy, not Kim / Kin).
    return (
        len(a) >= 7
        and len(b) >= 7
        and a[:3] == b[:3]
        and a[-2:] == b[-2:]
        and Levenshtein.distance(a, b) <= 1
    )


@lru_cache(maxsize=16384)
def same_name(x: str, y: str) -> bool:
    """True when ``x`` and ``y`` are spellings (or a distinctive part) of the same name."""
    tx, ty = _tokens(x), _tokens(y)
    if not tx or not ty:
        return False
    kx, ky = [name_key(t) for t in tx], [name_key(t) for t in ty]
    if _keys_match("".join(kx), "".join(ky)):
        return len(kx) > 1 or len(ky) > 1 or kx[0] not in COMMON_FAMILY or kx == ky
    long_, short = (kx, ky) if len(kx) >= len(ky) else (ky, kx)
    joined = "".join(short)
    if len(short) == 1:
        # A lone part matches only the last part (surname), and never a common family name.
        if joined in COMMON_FAMILY or len(joined) < 4:
            return False
        given = "".join(long_[1:]) if len(long_) >= 3 else ""  # "Hongkyun" in Kim Hong Kyun
        return _keys_match(long_[-1], joined) or given == joined
    n = len(short)
    for i in range(len(long_) - n + 1):
        window = long_[i : i + n]
        if _keys_match("".join(window), joined):
            # "Kim Jong" inside "Kim Jong Un" is still only a family name plus one part.
            return not (n == 2 and window[0] in COMMON_FAMILY and i + n < len(long_))
    # Different splits of the same letters: "Kim Hongkyun" vs "Kim Hong Kyun".
    return _keys_match("".join(kx), "".join(ky))


def _is_part_of(x: str, y: str) -> bool:
    """``x`` is written exactly as a run of ``y``'s parts ("Putin" in "Vladimir Putin")."""
    tx, ty = _tokens(x), _tokens(y)
    n = len(tx)
    return any(ty[i : i + n] == tx for i in range(len(ty) - n + 1))


def _opens_sentence(text: str, pos: int) -> bool:
    """Is ``pos`` the start of the text, or after a sentence end and blanks? Read backwards
    over the blanks only: searching the whole prefix made long texts quadratic."""
    if pos == 0:
        return True
    for j in range(pos - 1, -1, -1):
        if text[j] in _SENTENCE_END:
            return True
        if not text[j].isspace():
            return False
    return False


@lru_cache(maxsize=4096)
def candidate_names(text: str) -> tuple[tuple[int, int, str], ...]:
    """Capitalised runs that may be names, as (start, end, form), title words trimmed off."""
    out: list[tuple[int, int, str]] = []
    for m in _RUN.finditer(text):
        words = list(re.finditer(r"\S+", m.group()))
        titled = [i for i, w in enumerate(words) if w.group().lower().strip(".") in _TITLES]
        if titled:  # "Ukrainian President Volodymyr Zelensky": the name follows the title
            words = words[titled[-1] + 1 :]
        while words and words[0].group().lower().strip("'’s") in _NOT_NAME:
            words.pop(0)
        while words and words[-1].group().lower() in _NOT_NAME:
            words.pop()
        if (
            words
            and words[0].start() == 0
            and len(words) > 1
            and _opens_sentence(text, m.start())
            and re.search(r"(?:ly|ing|ed)$", words[0].group())
        ):
            words.pop(0)  # "Naturally Scott Boras", "Considering Lionsgate": not part of it
        if not words or any(_CONTRACTED.search(w.group()) for w in words):
            continue  # "We'll" is not a name
        start, end = m.start() + words[0].start(), m.start() + words[-1].end()
        form = re.sub(r"(?:['’]s?)+$", "", text[start:end])  # "Angels'" / "Boras’s" -> the name
        letters = re.sub(r"[^A-Za-z]", "", anyascii(form))
        if len(letters) < 3 or (len(letters) > 3 and letters.isupper()):
            continue  # too short to tell, or a shouted headline ("AMERICAN PIE")
        out.append((start, start + len(form), form))
    return tuple(out)


def name_variants(texts: Sequence[str]) -> tuple[Variant, ...]:
    """Groups of differently spelled forms of one name found across ``texts``."""
    forms: list[str] = []
    seen: set[str] = set()
    for text in texts:
        for _s, _e, form in candidate_names(text):
            if form not in seen:
                seen.add(form)
                forms.append(form)
    groups: list[list[str]] = []
    for n, form in enumerate(forms):
        if n % 64 == 0:
            checkpoint()
        home = None
        for group in groups:
            if all(same_name(form, g) for g in group):  # every member, not just one
                home = group
                break
        if home is None:
            groups.append([form])
        else:
            home.append(form)
    variants = []
    for group in groups:
        spelled_differently = any(
            a != b
            and not _is_part_of(a, b)
            and not _is_part_of(b, a)
            and (len(_tokens(a)) > 1 or len(re.sub(r"\W", "", a)) >= 4)
            for a in group
            for b in group
        )
        if len(group) > 1 and spelled_differently:
            variants.append(Variant(type="name", forms=tuple(sorted(group))))
    return tuple(sorted(variants, key=lambda v: v.forms))
