"""Cleaning: control sequences, whitespace, page furniture, repeats, bylines and outlet lines."""

from __future__ import annotations

import pytest

from index.ingest.clean import (
    clean_lines,
    clean_text,
    clean_title,
    is_furniture,
    split_title,
)


def test_clean_text_paragraphs_separated_by_one_blank_line() -> None:
    raw = "First line here.\nSecond line here.\n\n\n\nThird  paragraph\u00a0with   spaces.\n"
    expected = "First line here.\n\nSecond line here.\n\nThird paragraph with spaces."
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Add a Comment",
        "Your email address will not be published.",
        "Sign up for eNewsletter",
        "Sign up for our daily newsletter",
        "Top 10 Stories",
        "2 min read",
        "12 min read",
        "Updated",
        "Updated Oct. 21, 2024, 5:03 a.m. ET",
        "Updated: 3 hours ago",
        "Published 2024-10-21T08:00Z",
        "Share",
        "Share this article",
        "Follow us on Facebook",
        "Read more",
        "LETTER",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Updated figures show 5 people died on Monday.",
        "Published reports put the toll at 12 on Monday.",
        "Share prices fell 3% in Tokyo.",
        "Advertisement spending rose sharply last year.",
        "The minister said she would read more reports before deciding.",
        "Top officials met for 10 hours.",
        "He wrote a letter to the council.",
        "Comments from the ministry were expected later.",
    ],
)
def test_real_sentences_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)
    assert clean_text(f"Intro sentence.\n{line}\nOutro sentence.").count(line) == 1


def test_section_label_only_at_the_edges() -> None:
    body = clean_text("Real first line.\n- Budget\nReal last line.\n- World News")
    assert body == "Real first line.\n\n- Budget\n\nReal last line."


def test_repeated_line_kept_once_even_across_blank_lines() -> None:
    raw = "Para one.\nCaption of the photo.\n\nCaption of the photo.\nPara two.\nPara one."
    assert clean_lines(raw) == ["Para one.", "Caption of the photo.", "Para two.", "Para one."]


def test_title_repeat_and_byline_and_outlet_line_dropped() -> None:
    raw = (
        "DAILY BUGLE\n\nCity council votes on the new bridge\n\n"
        "City council votes on the new bridge\nJane Q. Roe, DAILY BUGLE\nUpdated\n\n"
        "The council voted 7 to 2 on Tuesday.\n"
    )
    title, body = split_title(raw)
    assert title == "City council votes on the new bridge"
    assert body == "The council voted 7 to 2 on Tuesday."


def test_lone_caps_line_is_the_title_without_a_confirming_byline() -> None:
    title, body = split_title("BRIDGE VOTE\n\nThe council voted on Tuesday.")
    assert title == "BRIDGE VOTE"
    assert body == "The council voted on Tuesday."


def test_byline_with_by_prefix_dropped_but_sentence_kept() -> None:
    title, body = split_title("A title\nBy Jane Roe\nJane Roe said the vote was close.")
    assert body == "Jane Roe said the vote was close."


def test_clean_title_is_one_line() -> None:
    assert clean_title(" A\x1b[1m bold\n title\t ") == "A bold title"


def test_quotes_and_apostrophes_survive() -> None:
    raw = "He said \u201cno\u201d and it\u2019s \"fine\" 'really'."
    assert clean_text(raw) == raw


def test_title_case_byline_dropped_only_when_the_outlet_is_confirmed() -> None:
    body = "The council voted 7 to 2 on Tuesday."
    credit = "This article originally appeared on The Coastal Lantern: Bridge vote"
    raw = f"Bridge vote\nAnn Lee, The Coastal Lantern\n{body}\n{credit}"
    assert split_title(raw) == ("Bridge vote", f"{body}\n\n{credit}")
    # without a confirming line, "Name, Words" could be anything: kept as text
    raw = f"Bridge vote\nAnn Lee, The Coastal Lantern\n{body}"
    assert split_title(raw)[1] == f"Ann Lee, The Coastal Lantern\n\n{body}"


def test_hard_wrapped_lines_joined_but_sentence_lines_kept() -> None:
    raw = (
        "Headline\nThe council said the bridge\nwould open in May, and\ncost 5 million.\n"
        "Officials agreed.\nthe mayor did not.\nA headline without a stop\nNext line.\n\n"
        "Block ends here\n\nnew block in lower case.\nA product name\niPhone sales rose."
    )
    assert clean_lines("Title line\nwith lower case.") == ["Title line", "with lower case."]
    assert clean_lines("T\nAdvertisement\nthe text.") == ["T", "the text."]
    assert clean_lines(raw) == [
        "Headline",
        "The council said the bridge would open in May, and cost 5 million.",
        "Officials agreed.",
        "the mayor did not.",
        "A headline without a stop",
        "Next line.",
        "Block ends here",
        "new block in lower case.",
        "A product name",
        "iPhone sales rose.",
    ]
