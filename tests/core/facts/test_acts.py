"""The act a date belongs to, and what it was done to (index/facts/acts.py)."""

from __future__ import annotations

from index.facts.acts import act_objects, clause_actions


def _objects(text: str, span: str) -> list[str]:
    start = text.index(span)
    acts = clause_actions(text, start, start + len(span))
    return sorted(act_objects(text, start, start + len(span), acts))


def test_the_words_after_the_verb_skipping_articles_and_numbers() -> None:
    text = "On Monday the patrol intercepted three fishing boats near the reef."
    assert _objects(text, "Monday") == ["intercept boat", "intercept fish"]


def test_a_passive_takes_the_words_before_the_verb() -> None:
    text = "The harbour funding bill signed by the mayor on Friday takes effect."
    assert _objects(text, "Friday") == ["sign bil", "sign fund", "sign harbour"]


def test_a_preposition_after_the_verb_names_no_object() -> None:
    assert _objects("The singer checked into a clinic on Tuesday.", "Tuesday") == []


def test_every_joined_act_has_its_own_object() -> None:
    text = "A cutter on Tuesday stopped two trawlers and seized their nets."
    assert _objects(text, "Tuesday") == ["seiz net", "stop trawler"]


def test_a_comma_ends_the_object() -> None:
    text = "On Tuesday the council approved, after hours of debate, a new budget."
    assert _objects(text, "Tuesday") == []
