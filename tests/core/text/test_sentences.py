"""Sentence splitting: hard English cases, exact offsets, and offset properties."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from index.base.models import Article
from index.text.sentences import (
    _INNER_BREAKS,
    _one_sentence,
    _strip,
    _syntok_spans,
    split_passages,
    split_sentences,
)


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_title_abbreviations_do_not_split() -> None:
    text = "Gen. Amos Hale met Rep. Dana Whit and Sen. Ola Brand on Monday. They agreed."
    assert sentences(text) == [
        "Gen. Amos Hale met Rep. Dana Whit and Sen. Ola Brand on Monday.",
        "They agreed.",
    ]


def test_month_abbreviation_before_day() -> None:
    text = "The vote was held on Oct. 17 in the capital. Turnout was low."
    assert sentences(text) == ["The vote was held on Oct. 17 in the capital.", "Turnout was low."]


def test_dotted_acronyms_inside_and_at_end() -> None:
    text = "The U.N. envoy flew to Geneva. Talks with the U.S. He said they went well."
    assert sentences(text) == [
        "The U.N. envoy flew to Geneva.",
        "Talks with the U.S.",
        "He said they went well.",
    ]


def test_numbers_with_points_and_hyphenated_codes() -> None:
    text = "About 1.500 people and 2.6 million dollars were lost. The KN-23/24 missile flew 600 km."
    assert sentences(text) == [
        "About 1.500 people and 2.6 million dollars were lost.",
        "The KN-23/24 missile flew 600 km.",
    ]


def test_question_in_quotes_followed_by_speech_verb() -> None:
    text = '"Where will the water go?" he asked. Nobody answered.'
    assert sentences(text) == ['"Where will the water go?" he asked.', "Nobody answered."]


def test_initial_in_a_name() -> None:
    text = "Mary K. Lowell chaired the panel. Mr. Otis spoke next."
    assert sentences(text) == ["Mary K. Lowell chaired the panel.", "Mr. Otis spoke next."]


def test_every_line_is_a_boundary() -> None:
    text = "Storm Hits Coast\nBy Ana Ruiz, Weather Desk\n\nWinds reached 140 km/h. Roofs flew."
    assert sentences(text) == [
        "Storm Hits Coast",
        "By Ana Ruiz, Weather Desk",
        "Winds reached 140 km/h.",
        "Roofs flew.",
    ]


def test_trailing_wire_tag_stays_with_its_sentence() -> None:
    text = "The talks will resume in May. (Harbor Wire)\nCaption of a photo. [Lumen Press]"
    assert sentences(text) == [
        "The talks will resume in May. (Harbor Wire)",
        "Caption of a photo. [Lumen Press]",
    ]


def test_brigadier_general() -> None:
    text = "Brig. Gen. Tomas Ruel said 600 officers were sent. Roads reopened."
    assert sentences(text) == [
        "Brig. Gen. Tomas Ruel said 600 officers were sent.",
        "Roads reopened.",
    ]


def test_ellipsis_ends_a_sentence() -> None:
    text = "They waited and waited... Then the bus came."
    assert sentences(text) == ["They waited and waited...", "Then the bus came."]


def test_offsets_are_exact_with_leading_whitespace() -> None:
    text = "  \n\t First one.   Second one.\r\n  Third  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one.", "Third"]
    assert spans[0][0] == text.index("First")


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t") == []


def test_split_passages_indexes_the_body() -> None:
    article = Article(
        id="a.md", path="a.md", title="Title Here", body="One is here. Two is there.\nThree"
    )
    passages = split_passages(article)
    assert [p.id for p in passages] == ["a.md:0", "a.md:1", "a.md:2"]
    assert all(article.body[p.start : p.end] == p.text for p in passages)
    assert all(p.article_id == "a.md" for p in passages)
    assert passages[2].text == "Three"


_ALPHABET = st.sampled_from(
    list("abcXYZ .!?\"'\n\t-,:;()0123456789") + ["Mr.", "U.S.", "Oct.", "...", " ", "é", "\u201c"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_offsets_cover_text_exactly(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    covered = [False] * len(text)
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and piece
        assert "\n" not in piece and "\r" not in piece
        for i in range(start, end):
            covered[i] = True
        previous_end = end
    # every visible character belongs to some sentence: nothing is lost between spans
    assert all(covered[i] for i, ch in enumerate(text) if not ch.isspace())


def test_the_one_sentence_shortcut_knows_every_break_syntok_knows() -> None:
    # A syntok upgrade that adds a terminal or a bracket must reach the shortcut too.
    from syntok._segmentation_states import State

    singles = {c for c in State.terminals if len(c) == 1}
    assert singles | State.opening_brackets | State.closing_brackets <= _INNER_BREAKS


_LINE_PIECES = st.sampled_from(
    list("abcXYZ  ,:-_0123456789\u2019\u201c\u201d\u00a0\x1c\"'")
    + ["iPhone", "don't", "\u2026", " The", "said", "2,500", "x\u200by", "(", ")", ".", ";", "?"]
)
_LINE_ENDS = st.sampled_from([".", "!", "?", '."', ".\u201d", "!'", "", ";", ")", ". ", "\t"])


@settings(max_examples=1000, deadline=None)
@given(st.tuples(_LINE_PIECES, st.lists(_LINE_PIECES, max_size=30), _LINE_ENDS))
def test_a_line_taken_as_one_sentence_is_what_syntok_returns(
    parts: tuple[str, list[str], str],
) -> None:
    line = parts[0] + "".join(parts[1]) + parts[2]
    start, end = _strip(line, 0, len(line))
    if start == end or not _one_sentence(line[start:end]):
        return
    assert [_strip(line, *span) for span in _syntok_spans(line, 0)] == [(start, end)]
