"""Export: Markdown structure (parsed back), HTML escaping of hostile text, the JSON shape."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from index.base.models import Article, Comparison, Event
from index.comparison.build import compare
from index.comparison.cache import AnalysisCache
from index.events.group import group_events
from index.export.api import event_document, marked_document, render
from index.ingest.loader import load_corpus
from index.marks.anchoring import conflict_key
from index.marks.store import DB_NAME, DISMISSED, AnnotationStore
from index.text.controls import strip_controls
from index.text.markdown_escape import md_text


def _bundled(corpus_dir: Path) -> tuple[list[Article], Event]:
    articles, _skipped = load_corpus(corpus_dir)
    events = group_events(articles)
    biggest = max(events, key=lambda e: len(e.article_ids))
    return articles, biggest


def _sections(tokens: list[Token], level: str) -> list[str]:
    return [
        tokens[i + 1].content
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == level
    ]


def test_markdown_of_bundled_event_parses_into_the_promised_structure(
    corpus_dir: Path, tmp_path: Path
) -> None:
    articles, event = _bundled(corpus_dir)
    by_id = {a.id: a for a in articles}
    comparison = compare([by_id[a] for a in event.article_ids], event, cache=AnalysisCache())
    with AnnotationStore(tmp_path / DB_NAME) as store:
        passage = comparison.passages[3]
        store.add(
            corpus_dir,
            passage.article_id,
            passage.start,
            passage.end,
            passage.text,
            label="follow up",
            note="Ask the ministry.",
        )
        doc = event_document(corpus_dir, comparison, store)
    text = render(doc, "md")
    tokens = MarkdownIt("commonmark").enable("strikethrough").parse(text)
    assert _sections(tokens, "h1") == [event.title]
    h2 = _sections(tokens, "h2")
    assert [h.split(" (")[0] for h in h2] == [
        "Reports",
        "Claims shared by several reports",
        "Conflicts",
        "Name variants",  # the bundled event's reports spell Zelensky / Zelenskyy
        "Figures",
        "What only one report says",
        "Your marked excerpts",
    ]
    # the list of reports: one item per article, each naming its path
    first_list = next(i for i, t in enumerate(tokens) if t.type == "ordered_list_open")
    list_end = next(
        i for i in range(first_list, len(tokens)) if tokens[i].type == "ordered_list_close"
    )
    items = [
        tokens[i + 2].content
        for i in range(first_list, list_end)
        if tokens[i].type == "list_item_open" and tokens[i].level == 1
    ]
    assert len(items) == len(event.article_ids)
    for item, aid in zip(items, event.article_ids, strict=True):
        assert by_id[aid].path in item
    # claims strongest first, "k of n sources"
    claims = [h for h in _sections(tokens, "h3") if " sources: " in h]
    support = [int(h.split(". ", 1)[1].split(" of ")[0]) for h in claims]
    assert claims and support == sorted(support, reverse=True)
    assert all(f" of {len(event.article_ids)} sources: " in h for h in claims)
    # every block quote ends with a citation naming a path of the event (or the marked one)
    quotes = 0
    paths = {by_id[a].path for a in event.article_ids}
    for i, t in enumerate(tokens):
        if t.type == "blockquote_open":
            quotes += 1
            close = next(j for j in range(i, len(tokens)) if tokens[j].type == "blockquote_close")
            inline = [x.content for x in tokens[i:close] if x.type == "inline"]
            assert len(inline) == 2 and inline[1].startswith("— ")
            assert any(inline[1].endswith(p) for p in paths)
    conflicts = sum(len(link.conflicts) for link in comparison.links)
    assert conflicts and quotes >= 2 * conflicts + sum(len(c.passages) for c in comparison.claims)
    assert "Ask the ministry." in text and "follow up" in _sections(tokens, "h3")[-1]


HOSTILE = (
    'He said <script>alert("x")</script> and <img src=x onerror=alert(1)> then '
    '[click me](javascript:alert(1)) <a href="http://evil.example">here</a> &amp; '
    "![img](http://evil.example/p.png)."
)


def _hostile_comparison() -> Comparison:
    bodies = [
        f"{HOSTILE}\n\n# Not a heading\n\nThe mayor said 40 boats were sunk on Friday.",
        f"{HOSTILE}\n\n> not a quote\n\nThe mayor said 45 boats were sunk on Friday.",
    ]
    articles = [
        Article(
            id=f"{n}.md",
            path=f"{n}.md",
            title=f"<b>T{n}</b> [x](javascript:y)",
            body=body,
            source="<i>Evil</i> News",
            published="2025-01-02",
            url="javascript:alert(1)",
        )
        for n, body in enumerate(bodies)
    ]
    event = Event("ev-h", "<script>title</script>", tuple(a.id for a in articles))
    return compare(articles, event, cache=AnalysisCache())


def test_hostile_article_text_is_escaped_in_html(tmp_path: Path) -> None:
    comparison = _hostile_comparison()
    with AnnotationStore(tmp_path / DB_NAME) as store:
        store.add("k", "0.md", 0, 20, HOSTILE[:20], note="<script>note</script> [n](javascript:z)")
        page = render(event_document(Path("k"), comparison, store), "html")
    lower = page.lower()
    assert "<script" not in lower and "<img" not in lower and "<i>" not in lower
    assert "<b>" not in lower and '<a href="http://evil' not in lower
    assert 'href="javascript' not in lower and "<a " not in lower  # no link at all
    assert "&lt;script&gt;alert" in page and "&lt;img src=x" in page
    assert "<h1>Not a heading" not in page and "# Not a heading" in page
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert page.count("<h1>") == 1


def test_markdown_links_only_for_web_urls() -> None:
    comparison = _hostile_comparison()
    good = [
        Article(
            id="w.md", path="w.md", title="W", body="Plain text here.", url="https://news.example/a"
        )
    ]
    text = render(event_document(Path("k"), comparison), "md")
    assert re.search(r"(?<!\\)\]\(javascript", text) is None  # every bracket escaped
    assert "\\](javascript:alert(1))" in text and "[link]" not in text
    web = compare(good, None, cache=AnalysisCache())
    page = render(event_document(Path("k"), web), "html")
    assert '<a href="https://news.example/a">link</a>' in page


def test_json_has_the_same_content(tmp_path: Path) -> None:
    comparison = _hostile_comparison()
    link = next(k for k in comparison.links if k.conflicts)
    passages = {p.id: p for p in comparison.passages}
    key = conflict_key(link.conflicts[0], passages[link.a], passages[link.b])
    with AnnotationStore(tmp_path / DB_NAME) as store:
        pa = passages[link.a]
        store.add("k", pa.article_id, pa.start, pa.end, pa.text, label=DISMISSED, conflict=key)
        data = json.loads(render(event_document(Path("k"), comparison, store), "json"))
    assert (data["format"], data["version"], data["scope"]) == ("newsreader-export", 1, "event")
    (ev,) = data["events"]
    assert set(ev) == {
        "id",
        "title",
        "corrected",
        "independent_sources",
        "reports",
        "claims",
        "conflicts",
        "dismissed_conflicts",
        "variants",
        "facts",
        "unique",
        "marks",
    }
    assert [r["id"] for r in ev["reports"]] == ["0.md", "1.md"]
    assert ev["conflicts"] == [] and [x["key"] for x in ev["dismissed_conflicts"]] == [key]
    (mark,) = ev["marks"]
    assert (mark["label"], mark["status"], mark["conflict"]) == (DISMISSED, "attached", key)
    for ex in [mark["excerpt"], *(e for c in ev["claims"] for e in c["excerpts"])]:
        assert set(ex) >= {"article", "source", "title", "published", "path", "text"}


def test_marked_document_groups_by_event_and_keeps_orphans(
    corpus_dir: Path, tmp_path: Path
) -> None:
    articles, event = _bundled(corpus_dir)
    article = next(a for a in articles if a.id == event.article_ids[0])
    with AnnotationStore(tmp_path / DB_NAME) as store:
        store.add(corpus_dir, article.id, 0, 10, article.body[:10], label="confirmed")
        store.add(corpus_dir, "deleted/report.md", 5, 9, "gone", note="was here")
        doc = marked_document(corpus_dir, articles, group_events(articles), store)
    assert [ev["id"] for ev in doc["events"]] == [event.id, None]
    assert doc["events"][1]["marks"][0]["status"] == "orphaned"
    text = render(doc, "md")
    assert text.startswith("# Marked excerpts") and "Orphaned" in text and "was here" in text


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        render({"events": [], "scope": "event"}, "pdf")


_PIECES = st.sampled_from(
    list("ab1 \t\n#>-+=*_`[]()!<>&|~\\:./\"'0")
    + [
        "http://x.example",
        "javascript:",
        "&amp;",
        "<script>",
        "1.",
        "2)",
        "    ",
        "***",
        "---",
        "```",
        "\x1b[31m",
        "\r\n",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_any_text_stays_one_literal_paragraph_in_a_quote(text: str) -> None:
    """Whatever an article says, quoted it parses as plain text: no heading, list, link, HTML."""
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse("> " + md_text(text))
    words = strip_controls(text).replace("\n", " ").split()  # escape sequences go whole
    if not words:
        return
    assert [t.type for t in tokens] == [
        "blockquote_open",
        "paragraph_open",
        "inline",
        "paragraph_close",
        "blockquote_close",
    ]
    children = tokens[2].children or []
    assert {c.type for c in children} == {"text"}
    assert "".join(c.content for c in children).split() == words


def test_long_event_title_exported_whole(tmp_path: Path) -> None:
    """Titles are cut for display only: the Markdown heading, HTML <title> and JSON carry it."""
    title = "Strike at Lindqvist harbour " + "stretches into its second long week " * 4 + "END"
    body = "Dock workers at Lindqvist harbour walked off the job on Tuesday morning."
    articles = [
        Article(f"{n}.txt", f"{n}.txt", title, body, source=f"Outlet {n}") for n in ("a", "b")
    ]
    [event] = group_events(articles)
    assert event.title == title
    comparison = compare(articles, event, cache=AnalysisCache())
    doc = event_document(tmp_path, comparison, None)
    assert title in render(doc, "md").splitlines()[0]
    assert f"{title}</title>" in render(doc, "html")
    assert json.loads(render(doc, "json"))["events"][0]["title"] == title


def test_name_variants_exported_with_who_writes_each(tmp_path: Path) -> None:
    """Names spelled differently are in the Markdown/HTML (a section) and the JSON (not
    conflicts), each form with the outlets whose text writes it."""
    one = "Harbour chief Anna Petrovsky said the pier would reopen on Friday after repairs."
    two = "Harbour chief Anna Petrovskiy said the pier would reopen on Friday after repairs."
    articles = [
        Article("a.txt", "a.txt", "Pier to reopen", one, source="Bay Gazette"),
        Article("b.txt", "b.txt", "Pier reopens Friday", two, source="Coast Herald"),
    ]
    comparison = compare(articles, None, cache=AnalysisCache())
    assert comparison.variants, "the two spellings are one name"
    doc = event_document(tmp_path, comparison, None)
    [variant] = [
        v
        for v in json.loads(render(doc, "json"))["events"][0]["variants"]
        if any("Petrovsk" in f["form"] for f in v["forms"])
    ]
    outlets = {f["form"]: f["outlets"] for f in variant["forms"]}
    assert outlets == {
        "Anna Petrovsky": ["Bay Gazette"],
        "Anna Petrovskiy": ["Coast Herald"],
    }
    md = render(doc, "md")
    assert "Name variants (not conflicts)" in md
    assert "- Anna Petrovskiy (Coast Herald) / Anna Petrovsky (Bay Gazette)" in md
    assert "Anna Petrovskiy (Coast Herald)" in render(doc, "html")
