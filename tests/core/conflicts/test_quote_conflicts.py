"""Quote conflicts: the same utterance worded differently, and quotes that only look alike."""

from __future__ import annotations

import pytest

from index.conflicts.detect import detect_text_conflicts, quote_diff
from tests.helpers import conflict_types as types


def test_reworded_quote_is_a_conflict_with_a_word_diff() -> None:
    a = '"We will answer by mobilising all available ways," Kim said.'
    b = "Kim said: “We will answer by mobilizing every available means.”"
    (c,) = detect_text_conflicts(a, b)
    assert c.type == "quote"
    assert c.a.text == "We will answer by mobilising all available ways"
    assert "“all” vs “every”" in c.explanation and "“ways” vs “means”" in c.explanation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            '"Cooperation with Pyongyang breaks no law," Zinoviev told reporters.',
            '"Cooperation with Pyongyang breaks no international law," Zinoviev told reporters.',
        ),
        (
            'Peskov said: "We have nothing to add on this subject."',
            'Peskov said: "We have nothing further to say on this subject."',
        ),
        (  # two clock times, however written, are two times
            '"The ferry left the pier at 6:41pm and never came back," Kim said.',
            '"The ferry left the pier at 19:41 and never came back," Kim said.',
        ),
    ],
)
def test_more_reworded_quotes(a: str, b: str) -> None:
    assert types(a, b) == ["quote"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            '"We will answer by mobilising all available ways," Kim said.',
            'Kim said: "we will answer by mobilizing all available ways."',
        ),
        (
            '"We condemn this with the strongest words," Kim said.',
            'Kim said Seoul condemned it "with the strongest words".',
        ),
        (
            '"We condemn this with the strongest words," Kim said.',
            '"We condemn this in the harshest terms," Peskov said.',
        ),
        (
            '"We condemn this ... and demand a withdrawal," Kim said.',
            '"We condemn this with the strongest words and demand a withdrawal," Kim said.',
        ),
        (
            '"The colour of the programme is odd," Kim said.',
            '"The color of the program is odd," Kim said.',
        ),
        (  # one clock time in twelve hours with its zone, and in twenty-four
            '"The ferry left the pier at 6:41pm PST and never came back," Kim said.',
            '"The ferry left the pier at 18:41 and never came back," Kim said.',
        ),
        (
            '"The ferry left the pier at 6.41 p.m. and never came back," Kim said.',
            '"The ferry left the pier at 1841 GMT and never came back," Kim said.',
        ),
    ],
)
def test_quote_lookalikes(a: str, b: str) -> None:
    assert "quote" not in types(a, b)


def test_reordered_quote_of_one_named_speaker_is_a_conflict() -> None:
    a = '"Every family is safe and warm, and that is what counts today," said Ana Lind.'
    b = '"What counts today is that each family is safe and warm," Ana Lind told reporters.'
    assert types(a, b) == ["quote"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            'The court said the town "failed to asses [sic] the risk to the river."',
            'The court said the town "failed to assess the risk to the river."',
        ),
        (
            '"Pyongyang\'s arms deals with Moscow endanger our region and the world," Kim said.',
            '"Pyongyang\'s unlawful arms deals with Moscow, including shells, deserve our scorn,"'
            " Kim said.",
        ),
        (
            '"Every family is safe and warm, and that is what counts today," said Ana Lind.',
            '"What counts today is that each family is safe and warm," Per Holm said.',
        ),
    ],
)
def test_quote_lookalikes_sic_other_sentences_other_speakers(a: str, b: str) -> None:
    assert "quote" not in types(a, b)


def test_one_speakers_quote_with_its_clauses_swapped_is_a_conflict() -> None:
    a = (
        '"Our medics reached each hamlet overnight, but several tracks remain cut off by'
        ' landslides," said Lena Ortiz.'
    )
    b = (
        '"Several tracks remain buried under mud, although our medics got to every single hamlet'
        ' during the night," Lena Ortiz told reporters.'
    )
    (c,) = detect_text_conflicts(a, b)
    assert c.type == "quote" and "reordered" in c.explanation
    assert c.a.text.startswith("Our medics") and c.b.text.startswith("Several tracks")


def test_quotes_in_the_same_slot_of_one_sentence_are_one_utterance() -> None:
    a = 'The envoy said such a move would be "a grave mistake" for the region.'
    b = 'The envoy said such a step "would be a serious mistake" for the region.'
    (c,) = detect_text_conflicts(a, b)
    assert c.type == "quote"
    assert (c.a.text, c.b.text) == ("a grave mistake", "would be a serious mistake")
    assert "“grave” vs “serious”" in c.explanation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the same clauses, but another speaker
        (
            '"Our medics reached each hamlet overnight, but several tracks remain cut off by'
            ' landslides," said Lena Ortiz.',
            '"Several tracks remain buried under mud, although our medics got to every single'
            ' hamlet during the night," Per Holm told reporters.',
        ),
        # one clause against two: part of what was said, not the same words reordered
        (
            '"Our crews reached every farm before dawn," said Lena Ortiz.',
            '"Two bridges are still blocked by mud, but our crews got to all the farms," Lena Ortiz'
            " said.",
        ),
        # one subject, other clauses: other sentences of one speaker
        (
            '"Their arms deals with Moscow, which began last year, endanger the whole region," Kim'
            " said.",
            '"Their arms deals with Moscow, signed in secret, deserve our scorn," Kim said.',
        ),
        # the same slot, but two named speakers
        (
            'Kim said the move would be "a grave mistake" for the region.',
            'Peskov said the move would be "a serious mistake" for the region.',
        ),
        # quotes opening their sentences share no slot, nor a word
        (
            '"The dam is safe and the roads are open," the governor said.',
            '"We will rebuild the church and the school," the governor said.',
        ),
    ],
)
def test_quote_lookalikes_clauses_and_slots(a: str, b: str) -> None:
    assert "quote" not in types(a, b)


def test_quote_diff_ops() -> None:
    diff = quote_diff("we stand by our partners", "We stand with all our partners")
    assert diff == [
        ("=", "we"),
        ("=", "stand"),
        ("-", "by"),
        ("+", "with"),
        ("+", "all"),
        ("=", "our"),
        ("=", "partners"),
    ]
    assert all(op == "=" for op, _w in quote_diff("mobilising troops", "mobilizing troops"))


def test_one_letter_is_a_slip_only_when_one_spelling_is_no_word() -> None:
    """ "goverment" is no word: a slip. "sulking" and "skulking" are both words: the quote was
    worded differently. "programme" / "programmes" are one word in two forms."""
    same = "the government must act before sulking off"
    assert all(op == "=" for op, _ in quote_diff(same, same.replace("government", "goverment")))
    assert ("+", "skulking") in quote_diff(same, same.replace("sulking", "skulking"))
    plural = quote_diff("we fund the programme today", "we fund the programmes today")
    assert all(op == "=" for op, _ in plural)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            '"We respect her privacy at this time," her agent said.',
            '"We respect her (Ana Lind) privacy at this time," her agent said.',
        ),
        (
            '"Torches and pitchforks aren’t going to be needed," she said.',
            '"torches and pitchforks are not going to be needed," she said.',
        ),
        (
            '"If fans have problems with the coach, then something is wrong," Ray said.',
            '"If fans have problems with the coach... then something is wrong," Ray said.',
        ),
        (
            '"I understand the people’s anger at this," he said.',
            '"I understand the peoples’ anger at this," he said.',
        ),
        (
            '"She died at 02:41 this morning," the agent said.',
            '"She died at 0241 this morning," the agent said.',
        ),
        (
            '"This breaks U.N. rules and the U.S. knows it," Kim said.',
            '"This breaks UN rules and the US knows it," Kim said.',
        ),
        (
            '"It is our 11th visit and 3 more will follow," Kim said.',
            '"It is our eleventh visit and three more will follow," Kim said.',
        ),
    ],
)
def test_quote_lookalikes_inserts_contractions_ellipses(a: str, b: str) -> None:
    assert "quote" not in types(a, b)
