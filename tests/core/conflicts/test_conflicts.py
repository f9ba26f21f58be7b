"""Conflicts of whole passages: offsets, the corpus's planted ones, clean text, linear time."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from index.base.models import Article, Passage
from index.conflicts.detect import detect_conflicts, detect_text_conflicts
from tests.helpers import MONDAY
from tests.helpers import conflict_types as types


def test_detect_conflicts_offsets_index_the_article_bodies() -> None:
    body_a = "Seoul protested. Russia now hosts 10,000 troops from the North."
    body_b = "A long preamble here. Then more. Russia now hosts 11,000 soldiers from the North."
    art_a = Article("a.txt", "a.txt", "A", body_a, published=MONDAY)
    art_b = Article("b.txt", "b.txt", "B", body_b, published=MONDAY)
    sa, sb = body_a.index("Russia"), body_b.index("Russia")
    pa = Passage("a.txt:1", "a.txt", sa, len(body_a), body_a[sa:])
    pb = Passage("b.txt:2", "b.txt", sb, len(body_b), body_b[sb:])
    (c,) = detect_conflicts(pa, pb, art_a, art_b)
    assert body_a[c.a.start : c.a.end] == c.a.text == "10,000 troops"
    assert body_b[c.b.start : c.b.end] == c.b.text == "11,000 soldiers"


def test_identical_passages_have_no_conflicts() -> None:
    text = "Russia sent 10,000 troops on Friday, the ministry may have said."
    assert detect_text_conflicts(text, text, MONDAY, "2024-10-25") == ()


@functools.lru_cache(maxsize=2)
def _corpus_sentences(corpus_dir: Path) -> dict[str, tuple[Article, list[Passage]]]:
    from index.ingest.loader import load_corpus
    from index.text.sentences import split_passages

    articles, _skipped = load_corpus(corpus_dir)
    return {a.id: (a, split_passages(a)) for a in articles}


def _passage(
    found: dict[str, tuple[Article, list[Passage]]], article_id: str, wording: str
) -> tuple[Article, Passage]:
    article, passages = found[article_id]
    for p in passages:
        if wording[:40] in p.text:
            return article, p
    raise AssertionError(f"{wording[:40]!r} not in {article_id}")


def test_planted_conflicts_of_the_corpus_guide(corpus_dir: Path) -> None:
    guide = corpus_dir.parent / "docs" / "corpus-guide.md"
    if not guide.is_file():
        pytest.skip("docs/corpus-guide.md is not present")
    text = guide.read_text(encoding="utf-8")
    ids = dict(re.findall(r"^\| ([A-Z]\d) \| `([^`]+)` \|", text, re.M))
    rows = re.findall(
        r"^\| \d+ \| (\w+) \| ([A-Z]\d) \| `(.+?)` \| ([A-Z]\d) \| `(.+?)` \|", text, re.M
    )
    assert len(rows) >= 40
    found = _corpus_sentences(corpus_dir)
    hits = 0
    for kind, la, wa, lb, wb in rows:
        art_a, pa = _passage(found, ids[la], wa)
        art_b, pb = _passage(found, ids[lb], wb)
        conflicts = detect_conflicts(pa, pb, art_a, art_b)
        hits += any(c.type == kind for c in conflicts)
        for c in conflicts:
            assert art_a.body[c.a.start : c.a.end] == c.a.text
            assert art_b.body[c.b.start : c.b.end] == c.b.text
    # Measured 41 of 43; the misses are two paraphrased quotes (no shared slot, one or no
    # shared word). ("at least 34" vs 36, "first vice" = "first deputy" and "last week" vs "on
    # Friday" are look-alikes in the key, by issue 3's rules.)
    assert hits >= 41, hits


@pytest.mark.parametrize(
    ("id_a", "wording_a", "id_b", "wording_b", "kind"),
    [
        (
            "korea-russia-envoy/jakarta-desk.txt",
            "1.500",
            "korea-russia-envoy/global-courier.json",
            "1,500",
            "number",
        ),
        (
            "serani-quake-2024/serani-herald.md",
            "said 2,300 residents",
            "serani-quake-2024/equator-online.md",
            "Officials said 2.300",
            "number",
        ),
        (
            "serani-quake-2021/archipelago-times.md",
            "killing at least 34 people and injuring more",
            "serani-quake-2021/wire-roundup.json#0",
            "rose to 36 on Tuesday, with 420",
            "number",
        ),
        (
            "korea-russia-envoy/peninsula-wire.txt",
            "Washington has not confirmed",
            "korea-russia-envoy/jakarta-desk.txt",
            "Washington said on Friday it could not",
            "negation",
        ),
        (
            "hestnes-ferry-grounding/island-evacuation.txt",
            "Local fishing boats joined",
            "hestnes-ferry-grounding/nordic-coast-news.md",
            "The car ferry Solvik ran aground",
            "date",
        ),
    ],
)
def test_corpus_lookalikes(
    corpus_dir: Path, id_a: str, wording_a: str, id_b: str, wording_b: str, kind: str
) -> None:
    found = _corpus_sentences(corpus_dir)
    art_a, pa = _passage(found, id_a, wording_a)
    art_b, pb = _passage(found, id_b, wording_b)
    assert kind not in [c.type for c in detect_conflicts(pa, pb, art_a, art_b)]


def test_explanations_carry_no_control_sequences() -> None:
    from index.conflicts.clauses import conflict

    c = conflict(
        "number",
        "10 troops",
        (0, 9),
        "12 troops",
        (0, 9),
        "Numbers differ: 10\x1b[31m troops\n vs 12 troops",
    )
    assert c.explanation == "Numbers differ: 10 [31m troops vs 12 troops"


WALL_WORDS = (
    "the army said 10,000 troops were sent on Friday to Kursk and Seoul may have "
    'confirmed that Kim spokesman "we will respond" did not'
).split()


def wall_of_text(n: int) -> tuple[str, str]:
    """Two texts of ``n`` words made of the same trigger words in different orders."""
    a = " ".join(WALL_WORDS[i * 7 % len(WALL_WORDS)] for i in range(n))
    b = " ".join(WALL_WORDS[i * 5 % len(WALL_WORDS)] for i in range(n))
    return a, b


def test_a_wall_of_text_stays_linear() -> None:
    # 8 times the words cost at most 24 times the CPU (absolute figure: bench/hot_paths.py).
    from itertools import count

    from tests.strategies import assert_linear

    fresh = count()

    def detect(pair: tuple[str, str]) -> None:
        tag = f" w{next(fresh)}"  # a new last word each run: the checks' caches never answer
        detect_text_conflicts(pair[0] + tag, pair[1] + tag, MONDAY, None)

    assert_linear(detect, wall_of_text)


def test_walls_of_bodies_and_quotes_stay_fast() -> None:
    import time

    from index.conflicts.bodies import body_conflicts

    words = (
        "the ministry said the General Assembly and Security Council resolutions of the army"
        " police U.N. Council said"
    ).split()
    a = " ".join(words[i * 7 % len(words)] for i in range(20000))
    b = " ".join(words[i * 5 % len(words)] for i in range(20000))
    filler = " ".join(f"w{i % 97}" for i in range(8000))
    qa = f'{filler} such a move would be "a grave mistake" for the region {filler}'
    qb = f'{filler} such a step "would be a serious mistake" for the region {filler}'
    start = time.process_time()
    body_conflicts(a, b)  # was 9 s before bodies were capped per passage
    assert types(qa, qb) == ["quote"]  # the slot is read near the quotes only
    assert time.process_time() - start < 2.0
