"""The figures (the event's fact table) in the exports: disputed slots first, n of m sources,
outlets, every piece of article text escaped in Markdown and HTML, the JSON shape."""

from __future__ import annotations

import json
from pathlib import Path

from markdown_it import MarkdownIt

from index.base.models import Article, Comparison, Event
from index.comparison.build import compare
from index.comparison.cache import AnalysisCache
from index.export.api import event_document, render
from index.export.figures import figures_of

# Our own text: three outlets on one storm; the first says 40 boats, the other two 45.
REPORTS = [
    (
        "Storm | sinks boats <b>x</b>",
        "The mayor said 40 boats were sunk on Friday.\n\nThree fishermen were hurt, police said.",
        "A | News <script>alert(1)</script>",
    ),
    (
        "Storm sinks boats",
        "The mayor said 45 boats were sunk on Friday.\n\nThree fishermen were hurt, police said.",
        "Coast *Times*",
    ),
    (
        "Boats sunk",
        "The mayor said 45 boats were sunk on Friday.\n\nThree fishermen were injured.",
        "Bay Post",
    ),
]


def _comparison() -> Comparison:
    articles = [
        Article(id=f"{n}.md", path=f"{n}.md", title=t, body=b, source=s, published="2025-01-02")
        for n, (t, b, s) in enumerate(REPORTS)
    ]
    event = Event("ev-storm", "Storm", tuple(a.id for a in articles))
    return compare(articles, event, cache=AnalysisCache())


def test_figures_put_the_disputed_slot_first_with_n_of_m_sources() -> None:
    figures = figures_of(_comparison())
    first = figures.rows[0]
    assert (first.slot, first.nature, first.disputed) == ("boat", "conflict", True)
    assert [(v.value, v.sources, v.articles) for v in first.values] == [
        ("45", 2, ("1.md", "2.md")),
        ("40", 1, ("0.md",)),
    ]
    assert first.values[1].outlets == ("A | News <script>alert(1)</script>",)
    assert all(v.disputed for v in first.values)
    assert figures.sources == 3 and figures.disputed == 1
    assert not any(r.disputed for r in figures.rows[1:])
    # every statement points at its words in the report
    fact = first.fact(first.values[1])
    assert REPORTS[0][1][fact.span.start : fact.span.end] == fact.span.text == "40 boats"


def test_a_copy_counts_once_among_the_sources() -> None:
    c = _comparison()
    copied = Comparison(
        c.event, c.articles, c.passages, c.links, c.claims, c.variants, (("2.md", "1.md"),), c.facts
    )
    row = figures_of(copied).rows[0]
    assert [(v.value, len(v.articles), v.sources) for v in row.values] == [
        ("45", 2, 1),
        ("40", 1, 1),
    ]
    assert figures_of(copied).sources == 2


def test_markdown_has_a_figures_table_with_the_text_escaped() -> None:
    text = render(event_document(Path("k"), _comparison()), "md")
    section = text.split("## Figures", 1)[1].split("\n## ", 1)[0]
    assert section.startswith(" (3 slots, 1 disputed)")
    tokens = MarkdownIt("commonmark").enable("table").parse(section)
    cells = [t.content for t in tokens if t.type == "inline"]
    # the header, then one row of 5 cells per value; the disputed slot first
    start = cells.index("as written") + 1
    rows = [cells[i : i + 5] for i in range(start, start + 5 * 4, 5)]
    assert rows[0][:3] == ["**boat** (conflict)", "45", "2 of 3"]
    assert rows[1][:3] == ["", "40", "1 of 3"]
    assert rows[1][3] == "A | News \\<script\\>alert(1)\\</script\\>"  # one cell, inert
    assert "“40 boats” (*A \\| News" in section and "vs “45 boats”" in section


def test_html_figures_table_is_escaped() -> None:
    page = render(event_document(Path("k"), _comparison()), "html")
    table = page.split("<table>", 1)[1].split("</table>", 1)[0]
    assert "<script" not in table.lower()
    assert "<td>A | News &lt;script&gt;alert(1)&lt;/script&gt;</td>" in table
    assert table.count("<tr>") == 1 + 4  # header + one row per value


def test_json_carries_the_table_with_values() -> None:
    data = json.loads(render(event_document(Path("k"), _comparison()), "json"))
    facts = data["events"][0]["facts"]
    assert (facts["reports"], facts["independent_sources"]) == (3, 3)
    row = facts["rows"][0]
    assert (row["slot"], row["disputed"], row["nature"]) == ("boat", True, "conflict")
    assert [(v["value"], v["independent_sources"], v["outlets"]) for v in row["values"]] == [
        ("45", 2, ["Coast *Times*", "Bay Post"]),
        ("40", 1, ["A | News <script>alert(1)</script>"]),
    ]
    for v in row["values"]:
        assert {row["facts"][i]["value"] for i in v["facts"]} == {v["value"]}
    assert [r["nature"] for r in facts["rows"][1:]] == [None] * (len(facts["rows"]) - 1)
