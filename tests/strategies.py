"""Hypothesis strategies the property tests share: hostile text, and what any load must give."""

from __future__ import annotations

import re

from hypothesis import strategies as st

from index.base.models import Article, Skipped

BAD_CHARS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
EXTENSIONS = [".txt", ".md", ".markdown", ".json", ".jsonl"]

# Text built from the pieces that break parsers and terminals: escapes, markup, JSON, BOMs.
PIECES = st.sampled_from(
    [
        "\x1b[",
        "\x1b]52;c;",
        "\x1b]8;;",
        "\x07",
        "\x1b\\",
        "\x9b",
        "\x9d",
        "\x00",
        "\r",
        "\n",
        "\n\n",
        "---\n",
        "+++\n",
        "# ",
        "<b>",
        "</div>",
        "```",
        "> ",
        "- ",
        "{",
        "}",
        "[",
        "]",
        '"',
        ":",
        ",",
        "\ufeff",
        "\u00a0",
        "\u202e",
        "\t",
        "Advertisement",
        "(Yonhap)",
        "title: ",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join)


def check(result: tuple[list[Article], list[Skipped]]) -> None:
    """What any load must give: Articles or Skipped, one-line reasons, control-free text."""
    articles, skipped = result
    assert all(isinstance(a, Article) for a in articles)
    assert all(isinstance(s, Skipped) and s.reason and "\n" not in s.reason for s in skipped)
    assert articles or skipped
    for art in articles:
        assert art.body and not BAD_CHARS.search(art.body) and not BAD_CHARS.search(art.title)
        assert "\n\n\n" not in art.body and art.body == art.body.strip()
        assert art.title and "\n" not in art.title
        art.body.encode("utf-8")  # no lone surrogates: every later writer needs UTF-8
        art.title.encode("utf-8")
        for value in (art.source, art.url, art.author, art.published):
            assert value is None or (value and not BAD_CHARS.search(value))
