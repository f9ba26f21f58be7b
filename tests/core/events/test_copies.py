"""Copies (wire copy, syndication) form source families and never split an event."""

from __future__ import annotations

import re
import zlib
from collections.abc import Collection

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.base.models import Article
from index.events import copies, copy_pairs, group_events, shingles, source_families
from index.events.sampled import Sampled
from index.events.terms import Rows, Tokenizer
from tests.helpers import WIRE_BODY as WIRE

OTHER = (
    "A court in Vellmar ruled on Friday that the regional council must stop draining the "
    "Osterbruch wetland, where a rare species of orchid grows. The judge said the council had "
    "not studied the effect on the groundwater before it approved the drainage for a new road."
)


def _a(aid: str, body: str, source: str, published: str | None = None) -> Article:
    return Article(aid, aid, body.split(".")[0], body, source, published)


def test_a_verbatim_copy_is_one_family_with_the_earlier_report_as_origin() -> None:
    original = _a("wire.txt", WIRE, "Nordic Wire", "2024-03-05T08:00:00")
    copy = _a("paper.txt", WIRE + " Copyright Daily Paper.", "Daily Paper", "2024-03-05T11:00:00")
    other = _a("court.txt", OTHER, "Court News")
    assert copy_pairs([original, copy, other]) == [("paper.txt", "wire.txt")]
    families = {f.articles: f.origin for f in source_families([original, copy, other])}
    assert families == {("paper.txt", "wire.txt"): "wire.txt", ("court.txt",): "court.txt"}


def test_the_origin_is_the_report_whose_outlet_the_copies_name() -> None:
    original = _a("a.txt", WIRE, "Nordic Wire")
    copy = _a("b.txt", "TROMVIK (Nordic Wire) - " + WIRE, "Daily Paper")
    (family,) = source_families([original, copy])
    assert family.origin == "a.txt"


def test_different_reports_sharing_a_sentence_are_not_copies() -> None:
    first = _a("x.txt", WIRE.split(". ")[0] + ". " + OTHER, "One")
    second = _a("y.txt", WIRE.split(". ")[0] + ". The weather was calm on Wednesday.", "Two")
    assert copy_pairs([first, second]) == []


def test_copies_never_change_the_grouping() -> None:
    reports = [
        _a("w1.txt", WIRE, "Nordic Wire"),
        _a("w2.txt", WIRE.replace("Tuesday", "Tuesday morning"), "Coast Radio"),
        _a("c1.txt", OTHER, "Court News"),
    ]
    copies = [_a(f"copy-{r.id}", r.body, "Reprints") for r in reports]
    alone = group_events(reports)
    both = group_events(reports + copies)
    assert [sorted(i for i in e.article_ids if not i.startswith("copy-")) for e in both] == [
        sorted(e.article_ids) for e in alone
    ]
    for event in both:
        for aid in event.article_ids:
            if aid.startswith("copy-"):
                assert aid[5:] in event.article_ids  # a copy sits with its original
    assert group_events((reports + copies)[::-1]) == both


def test_reports_without_a_body_are_not_copies_of_each_other() -> None:
    # One-line reports keep their line as the title and have no body: no shared text at all.
    first = Article("t1.txt", "t1.txt", "A crane fell on a trawler in Tromvik.", "", "One")
    second = Article("t2.txt", "t2.txt", "A court halts the Osterbruch drainage.", "", "Two")
    third = Article("t3.txt", "t3.txt", "A crane fell on a trawler in Tromvik.", "", "Three")
    assert copy_pairs([first, second, third]) == [("t1.txt", "t3.txt")]


def test_a_corpus_without_copies_groups_exactly_as_before() -> None:
    from index.events.group import group_events as group_distinct

    reports = [
        _a("w1.txt", WIRE, "Nordic Wire"),
        _a("w2.txt", " ".join(WIRE.split()[::-1]), "Coast Radio"),  # the same words, no run
        _a("c1.txt", OTHER, "Court News"),
    ]
    assert copy_pairs(reports) == []
    assert group_events(reports) == group_distinct(reports)


def _counted(sets: list[npt.NDArray[np.uint64]], held: int | None) -> list[tuple[int, int, int]]:
    """``copies._shared`` of ``sets`` added 16 at a time, each its own node."""
    sampled = Sampled(held)
    owners = []
    for at in range(0, len(sets), 16):
        part = sets[at : at + 16]
        sampled.add([f"s{at + k}" for k in range(len(part))], part)
        owners.append(np.arange(at, at + len(part), dtype=np.int32))
    assert sampled.spilled == (held == 0)
    return copies._shared(sampled, owners, len(sets), sum(len(s) for s in sets))


def test_counting_shared_shingles_by_slices_counts_as_all_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # random sorted sets over few values, so many shingles are shared by 2..COMMON+ sets
    rng = np.random.default_rng(3)
    values = rng.integers(0, 2**64, size=400, dtype=np.uint64)
    sets = [np.unique(rng.choice(values, size=int(rng.integers(1, 60)))) for _ in range(120)]
    monkeypatch.setattr(copies, "SLICE_SHINGLES", 10**9)
    whole = _counted(sets, None)
    assert _counted(sets, 0) == whole  # set aside in the file, read back in one slice
    monkeypatch.setattr(copies, "SLICE_SHINGLES", 500)  # 8 slices of these ~3,600 shingles
    sliced = _counted(sets, None)
    assert whole == sliced and len(whole) > 1000
    assert _counted(sets, 0) == whole  # each slice a read of every batch's part of the file
    monkeypatch.setattr(copies, "SLICE_SHINGLES", 20)  # more slices than the file's buckets
    assert _counted(sets, 0) == whole
    # and both against a plain count over every pair
    plain = {}
    for i in range(len(sets)):
        for j in range(i + 1, len(sets)):
            shared = [v for v in np.intersect1d(sets[i], sets[j]).tolist()]
            holders = [sum(v in set(s.tolist()) for s in sets) for v in shared]
            counted = sum(1 for h in holders if h <= copies.COMMON)
            if counted:
                plain[i, j] = counted
    assert {(i, j): n for i, j, n in sliced} == plain


def test_a_batch_is_sampled_as_each_text_alone() -> None:
    # texts of every shape: long ones, repeated shingles, fewer words than a shingle, one line
    # only in the title, none at all, non-ASCII words; a batch must not let a shingle run from
    # one text into the next
    words = WIRE.split() + OTHER.split()
    rng = np.random.default_rng(5)
    texts = [
        (w.title(), " ".join(rng.choice(words, size=int(n))))
        for w, n in zip(words, rng.integers(0, 120, size=len(words)), strict=False)
    ]
    texts += [
        ("Tromvik pier closed", ""),
        ("", ""),
        ("A title", "three short words"),
        ("", "Über die Straße in Tromvik " * 6),
        ("Twice", WIRE + " " + WIRE),
        ("", OTHER),
    ]
    alone = [shingles.Sampler().text(title, body) for title, body in texts]
    batch = shingles.Sampler().texts(texts)
    assert len(batch) == len(alone)
    # one array for the batch, each text's a slice of it
    assert sum(len(t) for t in batch) == len(batch.values)
    assert [len(batch[t]) for t in range(len(batch))] == [len(t) for t in batch]
    assert np.array_equal(batch[-1], alone[-1]) and len(batch[1:3]) == 2
    for one, together in zip(alone, batch, strict=True):
        assert together.dtype == one.dtype and np.array_equal(together, one)
    assert any(len(a) == 1 for a in alone) and any(len(a) > 20 for a in alone)


# Characters where a text's words (\w+ of the lowercased text) and its tokens' words part ways,
# or nearly: a number followed by letters ('1990s'), an underscore, a capital sigma (lowercased
# by what follows it), a dotted capital I (lowercased to two characters, one not a word's),
# apostrophes, hyphens and the separators of numbers, other scripts and digits
_PIECES = st.sampled_from(
    [
        "1990s",
        "3rd",
        "_",
        "__init",
        "x_1",
        "ΟΔΟΣ",
        "Σ.",
        "ΣΑ",
        "İstanbul",
        "don't",
        "it’s",
        "well-known",
        "1,500",
        "6.4",
        "5.5m",
        "²",
        "٣٣",
        "é",
        " ",
        "  ",
        "\n",
        ".",
        "-",
        "'",
        "Á",
    ]
)
_TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=30).map("".join)


def _words(text: str) -> list[int]:
    """The word hashes of a text as first defined: \\w+ runs of the lowercased text."""
    return [zlib.crc32(w.encode("utf-8", "replace")) for w in re.findall(r"\w+", text.lower())]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_a_texts_words_read_from_its_tokens_are_its_words(text: str) -> None:
    assert shingles.Sampler().words(text) == _words(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_TEXTS, _TEXTS), min_size=1, max_size=12))
def test_the_tokenizer_samples_each_text_as_the_sampler_does(texts: list[tuple[str, str]]) -> None:
    words = WIRE.split()
    texts = texts + [("", " ".join(words[k:] + words[:k])) for k in range(0, 60, 7)]
    tokenizer = Tokenizer()
    for batch in (texts, texts[::-1]):  # the second time, every token is known
        rows, sampled = tokenizer.terms([(title, body, None) for title, body in batch])
        _assert_same_rows(tokenizer.rows([(t, b, None) for t, b in batch]), rows)
        assert len(sampled) == len(batch)
        for (title, body), together in zip(batch, sampled, strict=True):
            text = body if body.strip() else title
            hashes = np.array(_words(text), dtype=np.uint64)
            assert np.array_equal(together, shingles.Sampler().text(title, body))
            assert np.array_equal(together, _plain(hashes))


def _assert_same_rows(a: Rows, b: Rows) -> None:
    for name in ("ptr", "features", "counts", "kinds"):
        assert np.array_equal(getattr(a, name), getattr(b, name))


def _plain(hashes: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """The sampled shingles of one text's word hashes, one window at a time."""
    size = shingles.SHINGLE
    found = set()
    for k in range(len(hashes) - size + 1):
        if int(hashes[k]) % shingles.SAMPLE == 0:
            found.add(_value(hashes[k : k + size]))
    if not found and len(hashes):
        found.add(_value(hashes))
    return np.array(sorted(found), dtype=np.uint64)


def _value(words: npt.NDArray[np.uint64]) -> int:
    value = 0
    for word in words.tolist():
        value = (value * 1_000_003 + word) % 2**64
    return value


def test_copy_families_are_the_families_of_two_or_more_and_read_only_their_members() -> None:
    reports = [
        _a("wire.txt", WIRE, "Nordic Wire", "2024-03-05T08:00:00"),
        _a("paper.txt", WIRE + " Copyright Daily Paper.", "Daily Paper", "2024-03-05T11:00:00"),
        _a("court.txt", OTHER, "Court News"),
        _a("radio.txt", "TROMVIK (Court News) - " + OTHER, "Coast Radio"),
        _a("alone.txt", "The harbour of Kalvik opened a new ferry berth on Monday. " * 3, "Kal"),
    ]
    by_id = {a.id: a for a in reports}
    asked: list[set[str]] = []

    def lookup(wanted: Collection[str]) -> dict[str, Article]:
        asked.append(set(wanted))
        return {i: by_id[i] for i in wanted}

    found = copies.copy_families([a.id for a in reports], lookup)
    assert found == [f for f in source_families(reports) if len(f.articles) > 1]
    assert [(f.articles, f.origin) for f in found] == [
        (("court.txt", "radio.txt"), "court.txt"),
        (("paper.txt", "wire.txt"), "wire.txt"),
    ]
    # sampled here (no shingles known): every article is asked for once, to be sampled; then
    # the families' members alone, for their dates and outlets
    assert asked == [set(by_id), {"wire.txt", "paper.txt", "court.txt", "radio.txt"}]


def test_no_copies_no_families_and_no_lookup() -> None:
    reports = [_a("court.txt", OTHER, "Court News"), _a("wire.txt", WIRE, "Nordic Wire")]
    sampled = Sampled(None)
    sampled.add([a.id for a in reports], [shingles.Sampler()(a) for a in reports])

    def lookup(wanted: Collection[str]) -> dict[str, Article]:
        raise AssertionError(f"nothing to look up: {wanted}")

    assert copies.copy_families([a.id for a in reports], lookup, sampled) == []
