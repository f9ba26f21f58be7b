"""Whose figure it is: the first name of its clause, past the reporter's frame."""

from __future__ import annotations

from index.conflicts.parties import party_of
from index.facts.names import name_key


def _party(sentence: str, figure: str, mid: frozenset[str] = frozenset()) -> set[str]:
    return set(party_of(sentence, sentence.index(figure), mid))


def _keys(*words: str) -> set[str]:
    return {name_key(w) for w in words}


def test_the_subject_after_a_reporters_frame_is_the_party() -> None:
    s = "Ola Brenn reported on Radio Nine that the Harbour Kings made Mirren a $20 million offer."
    assert _party(s, "$20") == _keys("Harbour", "Kings")


def test_according_to_frames_are_left_aside() -> None:
    s = "According to Vik Sorel, the Valley Hawks offered $9 million."
    assert _party(s, "$9") == _keys("Valley", "Hawks")


def test_a_speaker_who_names_no_other_party_is_the_party() -> None:
    s = "The Valley Hawks said they offered $9 million."
    assert _party(s, "$9", frozenset({"Valley", "Hawks"})) == _keys("Valley", "Hawks")


def test_a_first_word_that_is_no_name_is_skipped() -> None:
    s = "Officials in Osk paid $3 million for the bridge."
    assert _party(s, "$3") == _keys("Osk")
    assert _party("Nobody paid $3 million.", "$3") == set()


def test_a_name_spelled_like_a_speech_verb_is_no_frame() -> None:
    s = "Officials said the United States and Norway paid $5 million."
    assert _party(s, "$5") == _keys("United", "States")


def test_a_leading_phrase_of_time_or_place_is_no_party() -> None:
    s = "Last month at the Spring Fair, the Harbour Kings made Mirren a $20 million offer."
    assert _party(s, "$20") == _keys("Harbour", "Kings")


def test_a_suggestion_is_a_reporters_frame() -> None:
    s = "A post by Ola Brenn suggested that the Harbour Kings raised their bid to $21 million."
    assert _party(s, "$21") == _keys("Harbour", "Kings")


def test_a_pronoun_subject_names_the_last_named_subject_before_it() -> None:
    from index.conflicts.parties import pronoun_party

    text = (
        "Mr. Ola Brenn, 40, has never sung at the fair. He has won praise for his shows. "
        "He hosted the gala three times."
    )
    mid = frozenset({"Brenn"})
    assert pronoun_party(text, text.index("He hosted"), mid) == _keys("Ola", "Brenn")
    assert pronoun_party(text, text.index("Mr."), mid) == set()  # no pronoun opens it
