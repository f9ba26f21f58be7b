"""Certainty and negation conflicts (hedged vs asserted, done vs not), and look-alikes."""

from __future__ import annotations

import pytest

from tests.helpers import conflict_types as types


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "North Korea may have sent troops to Russia, officials said.",
            "North Korea sent troops to Russia, officials said.",
        ),
        (
            "Seoul confirmed that North Korea sent troops to Russia.",
            "North Korea might have sent troops to Russia.",
        ),
        (
            "North Korea reportedly deployed troops to Kursk.",
            "North Korea deployed troops to Kursk.",
        ),
        (
            "North Korean troops are believed to have crossed into Ukraine.",
            "North Korean troops crossed into Ukraine.",
        ),
        (
            "The Kremlin denied that troops were sent.",
            "The Kremlin confirmed that troops were sent.",
        ),
    ],
)
def test_certainty_conflicts(a: str, b: str) -> None:
    assert types(a, b) == ["certainty"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Peskov could not confirm that troops were sent.",
            "Peskov confirmed that troops were sent.",
        ),
        ("Kim did not attend the meeting in Seoul.", "Kim attended the meeting in Seoul."),
        (
            "The ambassador attended the briefing at the ministry.",
            "The ambassador didn't attend the briefing at the ministry.",
        ),
        (
            "Zinoviev refused to answer questions from reporters.",
            "Zinoviev answered questions from reporters.",
        ),
        (  # the same verb done to the same head word, however the rest is worded
            "After the trial Okafor never agreed to having his photograph taken again.",
            "In 2003 he agreed to be photographed for the harbour museum.",
        ),
        (  # a progressive is asserted ("was closing"), a gerund is not
            "The port authority has not closed the Varna pier to ferries.",
            "The port authority said it was closing the Varna pier to ferries.",
        ),
        (  # the same verb done to the same named place, little else in common
            "Mira never checked into Harlow Lodge and is back home with her sister.",
            "Okafor had checked into Harlow Lodge Clinic on Thursday morning, but soon left.",
        ),
    ],
)
def test_negation_conflicts(a: str, b: str) -> None:
    assert types(a, b) == ["negation"]


def test_a_particle_makes_another_act_of_a_named_place() -> None:
    a = "Mira never checked into Harlow Lodge and is back home with her sister."
    b = "Okafor caused a stir after she checked out of Harlow Lodge within minutes."
    assert "negation" not in types(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "North Korea may send more troops to Russia.",
            "North Korea sent troops to Russia last month.",
        ),
        ("Kim attended the meeting in Seoul.", "Kim did attend the meeting in Seoul."),
        ("The envoy did not comment on the troops.", "The envoy has not commented on the troops."),
        ("Kim did not attend the dinner.", "Zinoviev attended a concert in Busan."),
        (
            "The port authority has not closed the Varna pier to ferries.",
            "Closing the Varna pier to ferries would hurt the port authority.",
        ),
        (  # the same head, but each asks another act of it
            "The new rules do not require harbour agencies to consult biologists.",
            "The old law requires harbour agencies to protect the marsh.",
        ),
    ],
)
def test_claim_lookalikes(a: str, b: str) -> None:
    assert not {"certainty", "negation"} & set(types(a, b))


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (
            "Claims that the convoy reached Kursk remain unconfirmed, officials said.",
            "Officials confirmed that the convoy reached Kursk.",
            "negation",
        ),
        (
            "The weather office issued no warning before the storm hit the coast.",
            "The weather office issued a storm warning before the storm hit the coast.",
            "negation",
        ),
        (
            "The mayor said the city would appeal to the high court.",
            "The mayor said the city might appeal to the high court.",
            "certainty",
        ),
    ],
)
def test_prefix_object_and_future_claims(a: str, b: str, kind: str) -> None:
    assert types(a, b) == [kind]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The spy agency said 1,500 troops had been sent to the Far East.",
            "The spy agency said the troops would probably be sent to the front later.",
        ),
        (
            '"You cannot approve a dam without asking," the lawyer said.',
            '"They approved the dam without asking," the lawyer said.',
        ),
        (
            "The mayor said the city might appeal to the high court.",
            "The mayor appealed to voters for calm after the high court ruling.",
        ),
    ],
)
def test_claim_lookalikes_across_tenses_and_quotes(a: str, b: str) -> None:
    assert not {"certainty", "negation"} & set(types(a, b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Peskov said the pact was not aimed at other states.",
            "Peskov said the pact wasn’t aimed at other states.",
        ),
        (
            "The agency said 300 engineers may have been sent to the port.",
            "The agency said the engineers were likely to be sent to the port.",
        ),
    ],
)
def test_curly_contractions_and_likely_to_be(a: str, b: str) -> None:
    assert not {"certainty", "negation"} & set(types(a, b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Stars Mia Lund and Per Holm are already signed for the sequel.",
            "Unlike Mia Lund and Per Holm, director Ola Berg is not signed for the sequel.",
        ),
        (
            "Lawmakers will likely invoke the review law to block the rules.",
            "In the House, members can invoke the review law to block the rules.",
        ),
        (
            "The new rules do not require agencies to consult biologists.",
            "Nothing in the new rules requires agencies to skip consulting biologists.",
        ),
    ],
)
def test_claims_about_other_subjects_or_unasserted_verbs(a: str, b: str) -> None:
    assert not {"certainty", "negation"} & set(types(a, b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Allegedly, the director was paid $3 million for the film.",
            "The director was reportedly paid $3 million for the film.",
        ),
        (
            "Marines were reported to have rescued two cargo ships.",
            "The ship sent a rescue call and marines flew to the two cargo ships.",
        ),
    ],
)
def test_sentence_hedges_and_nouns_are_not_assertions(a: str, b: str) -> None:
    assert "certainty" not in types(a, b)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "The agency said the troops were likely to be sent to the front.",
            "The agency said the North had sent troops to Russia.",
            [],
        ),
        (
            "Officials said engineers may be deployed to the dam.",
            "Officials said engineers were deployed to the dam.",
            [],
        ),
        (
            "Officials said engineers were expected to be deployed to the dam.",
            "Officials said engineers would be deployed to the dam.",
            ["certainty"],
        ),
    ],
)
def test_future_hedges_only_meet_future_assertions(a: str, b: str, expected: list[str]) -> None:
    assert types(a, b) == expected


def test_hedged_vs_asserted_when_subjects_are_countries() -> None:
    a = "South Korea's spy agency said the North may have sent 900 engineers to the coast."
    b = "South Korea's spy agency said the North sent 900 engineers to the coast last month."
    assert types(a, b) == ["certainty"]


def test_hedged_vs_asserted_with_a_synonym_verb() -> None:
    a = "The agency said the North may have sent 900 engineers to the coast."
    b = "The agency said on Friday that the North had shipped 900 engineers to the coast."
    assert types(a, b) == ["certainty"]


def test_would_probably_is_not_an_assertion() -> None:
    a = "The agency said the engineers were likely to be sent to the dam."
    b = "The agency said the engineers would probably be sent to the dam."
    assert "certainty" not in types(a, b)


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (  # the night of one day is the small hours of the next
            "Mara Lund checked into the Harbour Clinic in Varna, Bulgaria, on Thursday night, for"
            " a three-month stay, her agent said.",
            "Early Friday morning, around 1:30 a.m., the 26-year-old actress checked into Harbour"
            " Clinic in Varna, Bulgaria.",
            "date",
        ),
        (  # a name and a description of the same person are not two doers
            '"Mara Lund has checked herself into Harbour Treatment Center," her agent said.',
            "The Harbour Nights actress and nightclub fixture has checked into Harbour Treatment"
            " Center in Varna, according to her agent.",
            "actor",
        ),
        (  # an amount in brackets restates the one before it at that day's rate
            "Ministers agreed a 110 billion euro ($143 billion) rescue of the harbour banks.",
            "Ministers agreed a 110 billion euro ($158 billion) rescue of the harbour banks.",
            "number",
        ),
    ],
)
def test_one_fact_told_two_ways_is_no_conflict(a: str, b: str, kind: str) -> None:
    assert kind not in types(a, b)


def test_an_adverb_before_an_adjective_hedges_no_act() -> None:
    a = "Mira was photographed at the gala, apparently unaware that her mask had slipped."
    b = "Mira was photographed at the gala, completely unaware her mask had slipped."
    assert "certainty" not in types(a, b)
    assert types("The club reportedly paid the fee.", "The club paid the fee.") == ["certainty"]


def test_a_participle_after_as_names_a_state_not_an_act() -> None:
    a = "Agencies must check whether roads harm any of the 300 species listed as endangered."
    b = "The rules let agencies decide that their roads do not endanger rare species."
    assert "negation" not in types(a, b)
