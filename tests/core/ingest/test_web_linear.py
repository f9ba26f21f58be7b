"""Pages and feeds cost time linear in their size, whatever their shape (as tests/strategies
measures it: an input 8 times longer may cost at most 24 times the CPU)."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings

from index.fetch.archive import vanished_entries
from index.ingest.feeds import load_feed
from index.ingest.html_page import load_page
from index.ingest.htmltext import html_paragraphs
from index.ingest.sniff import sniff
from tests.strategies import HOSTILE_RUN, assert_linear, repeated

HEAD = "<html><head><title>A | B - C</title></head><body><article><h1>Headline</h1>"
TAIL = "</article></body></html>"
PAGE_RUNS = {
    "paragraphs": (HEAD, "<p>Some words of a report, said the mayor.</p>", TAIL),
    "links": (HEAD, "<a href='/x'>menu item</a> ", TAIL),
    "layout cells": ("<html><body><table>", "<tr><td>" + "text " * 90 + "</td></tr>", "</table>"),
    "line breaks": (HEAD, "a line<br>", TAIL),
    "title parts": ("<html><head><title>", "x | ", "</title></head><body><p>Body.</p></body>"),
    "datelines": (HEAD + "<p>", "By Jane Roe 21 Oct 2024 ", "</p>" + TAIL),
    "unclosed tags": (HEAD, "<div><span><b>", TAIL),
    "comments": ("<!-- ", "saved from url ", "--><html><body><p>Body text.</p></body></html>"),
}
ITEM = (
    "<item><guid>https://f.example/{}</guid><title>T</title><description>Text.</description></item>"
)
FEED_HEAD = "<?xml version='1.0'?><rss version='2.0'><channel><title>F</title>"
FEED_TAIL = "</channel></rss>"


@pytest.mark.parametrize("run", PAGE_RUNS.values(), ids=list(PAGE_RUNS))
def test_page_loading_is_linear(run: tuple[str, str, str]) -> None:
    make = repeated(*run)
    assert_linear(lambda text: load_page("p.html", text.encode()), make)


def test_feed_loading_and_archiving_are_linear() -> None:
    def feed(n: int) -> bytes:
        items = "".join(ITEM.format(k) for k in range(max(1, n // len(ITEM))))
        return (FEED_HEAD + items + FEED_TAIL).encode()

    assert_linear(lambda data: load_feed("f.xml", data), feed)
    assert_linear(lambda data: vanished_entries(data, feed(100)), feed)


@pytest.mark.parametrize("unit", ["<p>x</p>", "<b><i>", "<script>", "a<br>", "&amp;"])
def test_feed_html_to_paragraphs_is_linear(unit: str) -> None:
    assert_linear(html_paragraphs, repeated("<div>", unit, "</div>"))


def test_sniffing_reads_only_the_head() -> None:
    assert_linear(sniff, lambda n: b"<?xml version='1.0'?>" + b"<!-- c -->" * (n // 10))


_RUNS = int(os.environ.get("NEWSREADER_FUZZ_EXAMPLES", "15"))


@settings(max_examples=_RUNS, deadline=None)
@given(HOSTILE_RUN)
def test_html_reduction_is_linear_on_any_run(run: tuple[str, str, str]) -> None:
    """Long runs of every character class and pattern trigger (tests/strategies) inside a feed
    entry's HTML: an input 8 times longer costs at most 24 times the CPU."""
    prefix, unit, suffix = run
    assert_linear(html_paragraphs, repeated(f"<div>{prefix}", unit, f"{suffix}</div>"))


@settings(max_examples=max(1, _RUNS // 3), deadline=None)  # a page goes through trafilatura
@given(HOSTILE_RUN)
def test_page_loading_is_linear_on_any_run(run: tuple[str, str, str]) -> None:
    prefix, unit, suffix = run
    make = repeated(f"{HEAD}<p>{prefix}", unit, f"{suffix}</p>{TAIL}")
    assert_linear(lambda text: load_page("p.html", text.encode("utf-8", "surrogatepass")), make)
