"""compare() and relate() on reports we wrote: links, conflicts, claims, offsets, caching."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.base.models import Article, Comparison, Event
from index.comparison.build import compare, relate, unique_passages
from index.comparison.cache import AnalysisCache, comparison_key
from tests.helpers import BENCH

PIER = "The harbour authority closed the northern pier on Tuesday after a crane collapsed."
HOME_A = "Police said 2,400 dock workers were sent home for the rest of the week."
HOME_B = "Police said 2,600 dock workers were sent home for the rest of the week."


def _article(aid: str, sentences: list[str], published: str | None = None) -> Article:
    return Article(
        id=aid,
        path=aid,
        title=f"Report {aid}",
        body="\n\n".join(sentences),
        source=f"Outlet {aid[0].upper()}",
        published=published,
    )


ARTICLES = (
    _article(
        "a.txt",
        [
            PIER,
            "Mayor Ingrid Solberg urged the immediate evacuation of the warehouse district.",
            HOME_A,
            "Local bakeries reported a record sale of cinnamon buns at the festival.",
        ],
    ),
    _article(
        "b.txt",
        [
            PIER,
            "Solberg asked residents to get out of the warehouse district right away.",
            HOME_B,
            "A chess tournament in the library drew players from four counties.",
        ],
    ),
    _article(
        "c.txt",
        [
            "Officials said the harbour authority shut the northern pier on Tuesday "
            "after a crane fell.",
            "The city zoo welcomed twin otters born over the weekend.",
        ],
    ),
)


@pytest.fixture
def comparison() -> Comparison:
    return compare(ARTICLES, cache=AnalysisCache())


def _pid(c: Comparison, aid: str, text_start: str) -> str:
    hits = [p.id for p in c.passages if p.article_id == aid and p.text.startswith(text_start)]
    assert len(hits) == 1, (aid, text_start, hits)
    return hits[0]


def _link(c: Comparison, x: str, y: str):  # type: ignore[no-untyped-def]
    found = [lk for lk in c.links if {lk.a, lk.b} == {x, y}]
    return found[0] if found else None


def test_verbatim_copy_linked_and_flagged(comparison: Comparison) -> None:
    link = _link(
        comparison,
        _pid(comparison, "a.txt", "The harbour"),
        _pid(comparison, "b.txt", "The harbour"),
    )
    assert link is not None and link.verbatim and link.kind == "shared"


def test_paraphrase_linked(comparison: Comparison) -> None:
    a, b = _pid(comparison, "a.txt", "Mayor"), _pid(comparison, "b.txt", "Solberg")
    link = _link(comparison, a, b)
    assert link is not None and not link.verbatim


def test_numeric_conflict_linked_and_marked(comparison: Comparison) -> None:
    a, b = _pid(comparison, "a.txt", "Police"), _pid(comparison, "b.txt", "Police")
    link = _link(comparison, a, b)
    assert link is not None
    assert link.kind == "conflict"
    assert any(c.type == "number" for c in link.conflicts)


def test_unrelated_not_linked_and_unique(comparison: Comparison) -> None:
    linked = {pid for lk in comparison.links for pid in (lk.a, lk.b)}
    for aid, start in (("a.txt", "Local"), ("b.txt", "A chess"), ("c.txt", "The city zoo")):
        pid = _pid(comparison, aid, start)
        assert pid not in linked
        assert pid in {p.id for p in unique_passages(comparison, aid)}


def test_claim_with_three_supporting_articles(comparison: Comparison) -> None:
    top = comparison.claims[0]
    assert top.articles == ("a.txt", "b.txt", "c.txt")
    assert {pid.split(":")[0] for pid in top.passages} == {"a.txt", "b.txt", "c.txt"}


def test_kind_conflict_iff_conflicts(comparison: Comparison) -> None:
    for link in comparison.links:
        assert (link.kind == "conflict") == bool(link.conflicts)
        assert 0.0 <= link.score <= 1.0


def test_offsets_slice_the_body(comparison: Comparison) -> None:
    article = {a.id: a for a in comparison.articles}
    for p in comparison.passages:
        # a headline passage's offsets index the title, every other passage's the body
        text = article[p.article_id].title if p.in_title else article[p.article_id].body
        assert text[p.start : p.end] == p.text
    passage = {p.id: p for p in comparison.passages}
    for link in comparison.links:
        for pid, span in ((link.a, "a"), (link.b, "b")):
            for c in link.conflicts:
                s = getattr(c, span)
                owner = passage[pid]
                text = (
                    article[owner.article_id].title
                    if owner.in_title
                    else article[owner.article_id].body
                )
                assert text[s.start : s.end] == s.text


def test_deterministic_and_order_of_links_stable() -> None:
    first = compare(ARTICLES, cache=AnalysisCache())
    second = compare(ARTICLES, cache=AnalysisCache())
    assert first == second


def test_warm_cache_returns_the_stored_result() -> None:
    # The very object stored, so nothing was recomputed (the time it saves: bench/hot_paths.py).
    cache = AnalysisCache()
    cold = compare(ARTICLES, cache=cache)
    warm = compare(ARTICLES, cache=cache)
    assert warm is cold
    changed = (ARTICLES[0], ARTICLES[1], _article("c.txt", ["Something else entirely happened."]))
    assert compare(changed, cache=cache) is not cold


def test_disk_cache_round_trip(tmp_path: Path) -> None:
    event = Event("e1", "Pier closed", tuple(a.id for a in ARTICLES))
    db = tmp_path / "analysis.sqlite"
    stored = compare(ARTICLES, event, cache=AnalysisCache(disk=db))
    reread = AnalysisCache(disk=db).comparison(comparison_key(ARTICLES, event), ARTICLES, event)
    assert reread == stored


def test_duplicate_articles_compared_once() -> None:
    c = compare((ARTICLES[0], ARTICLES[0], ARTICLES[1]), cache=AnalysisCache())
    assert [a.id for a in c.articles] == ["a.txt", "b.txt"]
    c = compare((ARTICLES[0], ARTICLES[1], ARTICLES[0]), cache=AnalysisCache())
    assert [a.id for a in c.articles] == ["a.txt", "b.txt"]


def test_relate_single_statements() -> None:
    assert relate(PIER, PIER).relation == "shared"
    clash = relate(HOME_A, HOME_B)
    assert clash.relation == "conflict" and clash.conflicts
    assert any(c.type == "number" for c in clash.conflicts)
    assert relate(PIER, "The city zoo welcomed twin otters born over the weekend.").relation == (
        "unrelated"
    )
    para = relate(
        "The minister summoned the ambassador on Monday over the missile test.",
        "On Monday the minister called in the envoy over the missile test.",
    )
    assert para.relation == "shared" and 0.0 < para.score <= 1.0


def test_cache_keys_follow_content() -> None:
    from dataclasses import replace

    from index.comparison.cache import article_key

    a = ARTICLES[0]
    assert article_key(a) == article_key(replace(a, title="Another title"))
    assert article_key(a) != article_key(replace(a, body=a.body + " More."))
    assert comparison_key(ARTICLES, None) != comparison_key(
        (replace(ARTICLES[0], published="2024-01-02"), *ARTICLES[1:]), None
    )
    # The comparison carries its articles whole: an edited URL or author is a new comparison
    # (the reader opens and cites the URL of the comparison's article).
    for change in ({"url": "https://example.org/x"}, {"author": "A. Writer"}, {"is_summary": True}):
        edited = (replace(ARTICLES[0], **change), *ARTICLES[1:])  # type: ignore[arg-type]
        assert comparison_key(ARTICLES, None) != comparison_key(edited, None), change


def test_seed_gold_locators_each_select_one_passage(seeds_dir: Path) -> None:
    """The gold file of bench/quality_seeds.py still names real sentences of the split seeds."""
    import importlib.util
    import json

    from index.ingest.loader import load_corpus

    bench = BENCH
    spec = importlib.util.spec_from_file_location("quality_seeds", bench / "quality_seeds.py")
    assert spec is not None and spec.loader is not None
    quality = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(quality)
    gold = json.loads((bench / "seeds_gold.json").read_text(encoding="utf-8"))
    articles, _ = load_corpus(seeds_dir)
    comparison = compare(articles, cache=AnalysisCache())
    find = quality.Locator(comparison, gold["seeds"])
    locators = [
        loc
        for fact in gold["facts"]
        for key in ("passages", "optional")
        for loc in fact.get(key, [])
    ]
    locators += gold["unique"] + [p for pair in gold["optional_pairs"] for p in pair]
    locators += [
        x[side]
        for key in ("conflicts", "lookalikes", "disputed")
        for x in gold[key]
        for side in ("a", "b")
    ]
    found = {find(loc).id for loc in locators}  # exits (fails) on a locator matching 0 or 2+
    # every seed sentence is annotated (the gold names body sentences, not headlines)
    assert found == {p.id for p in comparison.passages if not p.in_title}


def test_corpus_answer_key_bench_reads_every_row_and_scores_them(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    guide = corpus_dir.parent / "docs" / "corpus-guide.md"
    if not guide.is_file():
        pytest.skip("docs/corpus-guide.md is not present")
    sys.path.insert(0, str(corpus_dir.parent / "bench"))
    import quality_corpus

    labels, planted, lookalikes = quality_corpus.parse_guide(guide.read_text(encoding="utf-8"))
    assert len(labels) == 21 and len(planted) == 43
    assert {p.type for p in planted} == {
        "number",
        "date",
        "role",
        "actor",
        "certainty",
        "negation",
        "quote",
    }
    assert len(lookalikes) >= 20 and all(item.wordings for item in lookalikes)
    assert quality_corpus.main([]) == 0
    out = capsys.readouterr().out
    found = int(out.split("planted conflicts typed right: ")[1].split("/")[0])
    flagged = int(out.split("look-alikes flagged: ")[1].split("/")[0])
    # Measured 37/43 and 0 look-alikes (bench/README.md); the floor leaves room for a row the
    # key adds, not for lost conflicts.
    assert found >= 36 and flagged == 0
