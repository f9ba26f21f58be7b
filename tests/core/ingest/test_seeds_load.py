"""The five real seed reports load cleanly: furniture gone, no sentence lost, sources right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from index.base.models import Article
from index.ingest.loader import discover, load_corpus, load_file

# Furniture and metadata labels seen in the seeds, written here as labels (lower case), not copied
# report text. The test's own list, independent of the loader's patterns.
FURNITURE = {
    "advertisement",
    "add a comment",
    "your email address will not be published.",
    "top 10 stories",
    "sign up for enewsletter",
    "2 min read",
    "updated",
    "letter",
    "- news",
}
OUTLET = "usa today"


def norm(line: str) -> str:
    return re.sub(r"[ \u00a0]+", " ", line).strip()


def is_metadata(line: str) -> bool:
    """The 002 outlet line and its byline ("Name, OUTLET"): metadata, not report sentences."""
    low = line.casefold()
    return low == OUTLET or (low.endswith(", " + OUTLET) and len(line) < 60)


def load(seeds_dir: Path, prefix: str) -> tuple[Article, list[str]]:
    (path,) = [p for p in discover(seeds_dir) if p.name.startswith(prefix)]
    articles, skipped = load_file(seeds_dir, path)
    assert skipped == [] and len(articles) == 1
    raw = [norm(x) for x in path.read_text(encoding="utf-8-sig").splitlines()]
    return articles[0], [x for x in raw if x]


def test_all_five_load(seeds_dir: Path) -> None:
    articles, skipped = load_corpus(seeds_dir)
    assert skipped == []
    assert [a.id[:3] for a in articles] == ["000", "001", "002", "003", "004"]
    assert all(a.title and a.body for a in articles)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_furniture_gone_and_no_sentence_lost(seeds_dir: Path, prefix: str) -> None:
    art, raw = load(seeds_dir, prefix)
    paragraphs = art.body.split("\n\n")
    assert all(p and p == p.strip() and "\n" not in p for p in paragraphs)
    assert not any(p.casefold() in FURNITURE or is_metadata(p) for p in paragraphs)
    real = [x for x in raw if x.casefold() not in FURNITURE and not is_metadata(x)]
    assert art.title == real[0]
    for line in real[1:]:
        # every report line survives verbatim (quotes, apostrophes and all), exactly once
        assert paragraphs.count(line) == 1, f"{prefix}: line lost or repeated: {line[:40]!r}"
    assert len(paragraphs) == len(set(real[1:]))


@pytest.mark.parametrize("prefix", ["002", "003"])
def test_duplicated_lines_kept_once(seeds_dir: Path, prefix: str) -> None:
    art, raw = load(seeds_dir, prefix)
    doubled = {x for x in raw if raw.count(x) == 2 and x.casefold() not in FURNITURE}
    assert doubled, "the seed should contain a duplicated caption/line"
    for line in doubled:
        assert art.body.split("\n\n").count(line) == 1


@pytest.mark.parametrize(
    ("prefix", "source"),
    [("000", None), ("001", None), ("002", "USA TODAY"), ("003", "Yonhap"), ("004", None)],
)
def test_sources(seeds_dir: Path, prefix: str, source: str | None) -> None:
    art, _ = load(seeds_dir, prefix)
    assert art.source == source
    assert art.published is None and art.url is None and art.author is None


def test_keywords_in_expected_places(seeds_dir: Path) -> None:
    art, _ = load(seeds_dir, "002")
    paragraphs = art.body.split("\n\n")
    # a credit line is report text, kept (and its cited agency is not the source)
    assert any(p.startswith("Contributing") and "Reuters" in p for p in paragraphs)
    assert "Mayes-Osterman" not in art.body  # the byline is metadata
    art, _ = load(seeds_dir, "004")
    assert art.body.split("\n\n")[1].startswith("Yonhap")  # cited outlet kept as text
    assert "Kursk" in art.body.split("\n\n")[-1]
