"""The JSON shape of a comparison (exact keys and types) and the text/Markdown reports."""

from __future__ import annotations

import json

import pytest

from index.base.models import Article, Comparison, Event
from index.comparison.build import compare, relate
from index.comparison.cache import AnalysisCache
from index.comparison.json_form import comparison_to_json, relation_to_json
from index.comparison.report import comparison_to_markdown, comparison_to_text

SPAN_KEYS = {"start", "end", "text"}
CONFLICT_TYPES = {"number", "date", "role", "actor", "certainty", "negation", "quote"}


def _article(aid: str, body: str, source: str | None = None) -> Article:
    return Article(
        id=aid,
        path=aid,
        title=f"Title of {aid}",
        body=body,
        source=source,
        published="2024-05-02" if source else None,
    )


ARTICLES = (
    _article(
        "x.md",
        "Police said 1,200 people attended the rally in Lisbon on Saturday.\n\n"
        "Organisers handed out *free* [flyers](http://example.com) and <b>tea</b>.",
        "Daily One",
    ),
    _article(
        "y.md",
        "Police said 1,400 people attended the rally in Lisbon on Saturday.\n\n"
        "A bakery nearby sold out of custard tarts by noon.",
    ),
    _article(
        "z.md",
        "Police said 1,200 people attended the rally in Lisbon on Saturday.\n\n"
        "Rain was forecast \x1b[31mfor the evening.",
        "Third Post",
    ),
)


@pytest.fixture
def comparison() -> Comparison:
    event = Event("ev-1", "Lisbon rally", tuple(a.id for a in ARTICLES))
    return compare(ARTICLES, event, cache=AnalysisCache())


def test_json_shape_exact(comparison: Comparison) -> None:
    data = comparison_to_json(comparison)
    json.dumps(data)  # serialisable as is
    assert set(data) == {
        "event",
        "reports",
        "independent_sources",
        "articles",
        "passages",
        "links",
        "claims",
        "variants",
        "facts",
        "not_compared",
    }
    assert data["not_compared"] == []  # ordinary reports are compared whole
    assert data["reports"] == data["independent_sources"] == len(ARTICLES)  # no copies
    assert data["event"] == {"id": "ev-1", "title": "Lisbon rally"}
    for a in data["articles"]:
        assert set(a) == {"id", "path", "title", "source", "published", "copy_of"}
        assert a["copy_of"] is None
        assert all(isinstance(a[k], str) for k in ("id", "path", "title"))
        assert a["source"] is None or isinstance(a["source"], str)
        assert a["published"] is None or isinstance(a["published"], str)
    for p in data["passages"]:
        assert set(p) == {"id", "article", "start", "end", "text", "in_title"}
        assert isinstance(p["start"], int) and isinstance(p["end"], int)
    assert data["links"], "the rally sentences must be linked"
    for link in data["links"]:
        assert set(link) == {"a", "b", "kind", "verbatim", "score", "conflicts"}
        assert link["kind"] in ("shared", "conflict")
        assert isinstance(link["verbatim"], bool) and isinstance(link["score"], float)
        assert (link["kind"] == "conflict") == bool(link["conflicts"])
        for c in link["conflicts"]:
            assert set(c) == {"type", "a", "b", "explanation"}
            assert c["type"] in CONFLICT_TYPES and isinstance(c["explanation"], str)
            assert set(c["a"]) == SPAN_KEYS and set(c["b"]) == SPAN_KEYS
    for claim in data["claims"]:
        assert set(claim) == {"passages", "articles", "reports", "independent_sources"}
        assert claim["reports"] == claim["independent_sources"] == len(claim["articles"])
        assert all(isinstance(x, str) for x in claim["passages"] + claim["articles"])
    for v in data["variants"]:
        assert set(v) == {"type", "forms"} and v["type"] == "name"


def test_json_offsets_slice_bodies(comparison: Comparison) -> None:
    data = comparison_to_json(comparison)
    article = {a.id: a for a in ARTICLES}
    # a headline passage (in_title) and its conflict spans index the title, the rest the body
    source = {
        p["id"]: article[p["article"]].title if p["in_title"] else article[p["article"]].body
        for p in data["passages"]
    }
    for p in data["passages"]:
        assert source[p["id"]][p["start"] : p["end"]] == p["text"]
    for link in data["links"]:
        for c in link["conflicts"]:
            for side in ("a", "b"):
                s = c[side]
                assert source[link[side]][s["start"] : s["end"]] == s["text"]


def test_json_without_event_has_null(comparison: Comparison) -> None:
    data = comparison_to_json(compare(ARTICLES[:2], cache=AnalysisCache()))
    assert data["event"] is None


def test_text_report(comparison: Comparison) -> None:
    text = comparison_to_text(comparison)
    assert "2 of 3 sources" in text or "3 of 3 sources" in text
    assert "Conflicts (" in text and "number" in text
    assert "1,400" in text  # the disagreeing figure is shown with its explanation
    assert "custard tarts" in text  # a passage only one report has
    assert "\x1b" not in text  # terminal control sequences never reach the output


def test_markdown_escapes_article_text(comparison: Comparison) -> None:
    md = comparison_to_markdown(comparison)
    assert md.startswith("# Comparison: Lisbon rally")
    assert "*free*" not in md and "[flyers](" not in md and "<b>" not in md
    assert r"\*free\*" in md and r"\<b\>" in md
    assert "\x1b" not in md


def test_relation_to_json() -> None:
    data = relation_to_json(
        7,
        relate(
            "Police said 1,200 people attended the rally.",
            "Police said 1,400 people attended the rally.",
        ),
    )
    assert set(data) == {"id", "relation", "score", "conflicts"}
    assert data["id"] == 7 and data["relation"] == "conflict"
    assert data["conflicts"][0]["type"] == "number"
    json.dumps(data)
