"""Headlines are passages: made once, linked, checked for conflicts, kept through the cache."""

from __future__ import annotations

from pathlib import Path

from index.base.models import Article
from index.comparison.build import compare
from index.comparison.cache import AnalysisCache
from index.comparison.json_form import comparison_from_json, comparison_to_json
from index.comparison.report import comparison_to_text
from index.text.sentences import title_passage

LEDE = "A landslide buried six houses in the hill village of Varena on Sunday, officials said."


def _report(aid: str, title: str, body: str, published: str = "2025-03-03") -> Article:
    return Article(aid, aid, title, body, source=f"Outlet {aid}", published=published)


def test_title_passage_indexes_the_title() -> None:
    article = _report("a.txt", "  Landslide buries six houses in Varena ", LEDE)
    p = title_passage(article)
    assert p is not None and p.in_title and p.id == "a.txt:title"
    assert article.title[p.start : p.end] == p.text == "Landslide buries six houses in Varena"
    assert p.source(article) == article.title


def test_a_title_the_body_starts_with_is_not_counted_twice() -> None:
    # a one-line report, a title cut from the first paragraph, a lede repeating the headline
    assert title_passage(_report("a.txt", LEDE, LEDE)) is None
    assert (
        title_passage(_report("a.txt", "A landslide buried six houses in the hill…", LEDE)) is None
    )
    assert title_passage(_report("a.txt", "A LANDSLIDE BURIED SIX HOUSES", LEDE)) is None
    assert title_passage(_report("a.txt", "   ", LEDE)) is None
    # a whole-word prefix only: "six" is not "sixty"
    other = "A landslide buried sixty houses in the hill village of Varena on Sunday."
    assert title_passage(_report("a.txt", "A landslide buried six", other)) is not None


def test_headlines_are_linked_and_disputes_land_on_them() -> None:
    a = _report(
        "a.txt",
        "Landslide buries six houses in Varena",
        f"{LEDE}\n\nRescuers searched the mud with dogs through the night.",
    )
    b = _report(
        "b.txt",
        "Landslide buries nine houses in Varena",
        "Rescue teams with dogs searched the mud for survivors overnight.\n\n"
        "The regional governor visited the hill village on Monday.",
    )
    c = compare([a, b], cache=AnalysisCache())
    ids = [p.id for p in c.passages]
    assert ids[0] == "a.txt:title" and "b.txt:title" in ids
    headline = [lk for lk in c.links if {lk.a, lk.b} == {"a.txt:title", "b.txt:title"}]
    assert headline and headline[0].conflicts, "six vs nine houses in the two headlines"
    x = headline[0].conflicts[0]
    assert a.title[x.a.start : x.a.end] == x.a.text and b.title[x.b.start : x.b.end] == x.b.text
    assert "Headline: Landslide buries six houses" in comparison_to_text(c)


def test_headline_passages_survive_the_json_cache(tmp_path: Path) -> None:
    a = _report("a.txt", "Landslide buries six houses in Varena", LEDE)
    b = _report(
        "b.txt", "Six houses buried by landslide in Varena", "Officials counted the damage."
    )
    c = compare([a, b], cache=AnalysisCache())
    data = comparison_to_json(c)
    assert [p["in_title"] for p in data["passages"]].count(True) == 2
    again = comparison_from_json(data, c.articles, None)
    assert again == c
    disk = AnalysisCache(tmp_path / "cache.sqlite")
    first = compare([a, b], cache=disk)
    assert compare([a, b], cache=AnalysisCache(tmp_path / "cache.sqlite")) == first
