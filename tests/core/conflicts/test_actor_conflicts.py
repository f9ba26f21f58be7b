"""Actor and institution conflicts (who did it, who said it), and their look-alikes."""

from __future__ import annotations

import pytest

from index.conflicts.detect import detect_text_conflicts
from tests.helpers import conflict_types as types


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Russia and South Korea have opposing positions on the war.",
            "Moscow and Pyongyang hold opposing views on the war.",
        ),
        (
            "Seoul condemned the troop deployment on Monday.",
            "Tokyo condemned the troop deployment on Monday.",
        ),
        (
            "On Monday, Washington and Seoul warned of a response to the deployment.",
            "On Monday, Beijing and Seoul warned of a response to the deployment.",
        ),
    ],
)
def test_actor_conflicts(a: str, b: str) -> None:
    assert types(a, b) == ["actor"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The navy pulled nine fishermen from the water near the pier.",
            "Volunteers from the harbour club pulled nine fishermen from the water.",
        ),
        (
            "The city council approved the new bridge in March.",
            "The regional commission approved the new bridge in March.",
        ),
        (
            "The Coastal Safety Board will review the collision.",
            "The Northern Harbour Accident Investigation Board will review the collision.",
        ),
        (
            "The Danish Maritime Authority will review the collision.",
            "The Danish Accident Investigation Board will review the collision.",
        ),
    ],
)
def test_different_doers_of_the_same_act(a: str, b: str) -> None:
    assert types(a, b) == ["actor"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The judges ruled against the county.", "A three-judge panel ruled against the county."),
        ("Officials said the road was closed.", "Police said the road was closed."),
        ("The agency reopened the airport.", "The aviation agency reopened the airport."),
        (
            "NIS released satellite images of the port.",
            "The spy agency released satellite images of the port.",
        ),
        (
            "A strong earthquake shook the coast before dawn.",
            "A shallow earthquake shook the coast before dawn.",
        ),
        (
            "First Deputy Foreign Minister Kim Hong-kyun called in the envoy.",
            "First Vice Foreign Minister Kim Hong-kyun called in the envoy.",
        ),
        (
            "Washington said it could not confirm the deployment.",
            "Seoul urged Moscow to stop the deployment.",
        ),
    ],
)
def test_doer_lookalikes(a: str, b: str) -> None:
    assert "actor" not in types(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Russia and North Korea have opposing positions on the war.",
            "Moscow and Pyongyang hold opposing views on the war.",
        ),
        ("The U.N. condemned the troop deployment.", "The UN condemned the troop deployment."),
        (
            "Seoul summoned Russia's ambassador over the troops.",
            "Russia's ambassador was summoned by South Korea over the troops.",
        ),
        ("Kyiv said the troops reached Kursk.", "Kiev said the troops reached Kursk."),
        ("Seoul condemned the troop deployment.", "Moscow praised its new partnership."),
    ],
)
def test_actor_lookalikes(a: str, b: str) -> None:
    assert "actor" not in types(a, b)


@pytest.mark.parametrize(
    ("a", "b", "name_a", "name_b"),
    [
        (
            "Sending the brigade breaches resolutions of the General Assembly, the envoy argued.",
            "Sending the brigade breaches Security Council resolutions, the envoy argued.",
            "General Assembly",
            "Security Council",
        ),
        (
            "The ministry said the border crossing at Narva would reopen on Friday.",
            "The army said the border crossing at Narva would reopen on Friday.",
            "ministry",
            "army",
        ),
        (
            "The crossing at Narva will reopen on Friday, the foreign ministry said.",
            "The crossing at Narva will reopen on Friday, the defence ministry said.",
            "foreign ministry",
            "defence ministry",
        ),
        (
            "According to the port authority, the quay stays shut until the spring repairs.",
            "According to the city council, the quay stays shut until the spring repairs.",
            "port authority",
            "city council",
        ),
        (
            "The crossing at Narva will reopen on Friday, the foreign ministry said.",
            "The crossing at Narva will reopen on Friday, the Supreme Court said.",
            "foreign ministry",
            "Supreme Court",
        ),
    ],
)
def test_the_same_statement_credited_to_different_bodies(
    a: str, b: str, name_a: str, name_b: str
) -> None:
    found = [c for c in detect_text_conflicts(a, b) if c.type == "actor"]
    assert len(found) == 1
    c = found[0]
    assert (c.a.text, c.b.text) == (name_a, name_b)
    assert a[c.a.start : c.a.end] == name_a and b[c.b.start : c.b.end] == name_b
    assert name_a in c.explanation and name_b in c.explanation
    assert "\n" not in c.explanation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # one body, spelled or abbreviated differently
        (
            "Sending the brigade breaches UN Security Council resolutions, the envoy argued.",
            "Sending the brigade breaches United Nations Security Council resolutions, the envoy"
            " argued.",
        ),
        (
            "Sending the brigade breaches U.N. Security Council resolutions, the envoy argued.",
            "Sending the brigade breaches UNSC resolutions, the envoy argued.",
        ),
        (
            "The Ministry of Defence said the crossing at Narva would reopen on Friday.",
            "The defense ministry said the crossing at Narva would reopen on Friday.",
        ),
        (
            "The Ministry of Foreign Affairs said the crossing at Narva would reopen on Friday.",
            "The foreign ministry said the crossing at Narva would reopen on Friday.",
        ),
        (
            "The spy agency said the convoy had crossed the border at night.",
            "The intelligence service said the convoy had crossed the border at night.",
        ),
        (
            "The ministry said the crossing at Narva would reopen on Friday.",
            "The foreign ministry said the crossing at Narva would reopen on Friday.",
        ),
        (
            "The JRCC said all 40 passengers had been brought ashore by midnight.",
            "The Joint Rescue Coordination Centre said all 40 passengers had been brought ashore"
            " by midnight.",
        ),
        # one court, one agency: described in common words, named, or translated
        (
            "The ruling can be appealed, the state appeals court said in its order.",
            "The ruling can be appealed, the Third District Court of Appeal said in its order.",
        ),
        (
            "The quake reached magnitude 6.2, the weather agency said on Tuesday.",
            "The quake reached magnitude 6.2, the Geophysics Agency said on Tuesday.",
        ),
        (
            "Aid reached 40 villages, the Disaster Management Agency said.",
            "Aid reached 40 villages, the National Board for Disaster Management said.",
        ),
        # an acronym we cannot expand, a vague speaker, the military as a whole
        (
            "BNPB said 57 people were injured in the landslide.",
            "The disaster agency said 57 people were injured in the landslide.",
        ),
        (
            "Officials said the crossing at Narva would reopen on Friday.",
            "The ministry said the crossing at Narva would reopen on Friday.",
        ),
        (
            "The military said two patrol boats had seized the skiff.",
            "The navy said two patrol boats had seized the skiff.",
        ),
        # a passage naming both bodies
        (
            "The move breaks resolutions of the General Assembly and the Security Council.",
            "The move breaks Security Council resolutions.",
        ),
        (
            "The ministry ordered the army to pull the brigade back from the river.",
            "The army said it would pull the brigade back from the river.",
        ),
        # different bodies in different roles
        (
            "General Assembly members said sending the brigade was illegal.",
            "Sending the brigade breaks Security Council resolutions, officials said.",
        ),
        (
            "The Security Council will meet on Friday to discuss the brigade, the ministry said.",
            "The ministry said the General Assembly would debate the brigade on Friday.",
        ),
    ],
)
def test_body_lookalikes(a: str, b: str) -> None:
    assert "actor" not in types(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "INS Tarang, currently on patrol in the gulf, was escorting five ships.",
            "Warship Tarang, currently on patrol in the gulf, was escorting five ships.",
        ),
        (
            "INS Tarang was escorting five ships through the corridor.",
            "Warship Tarang was escorting five ships through the corridor.",
        ),
    ],
)
def test_one_ship_named_two_ways_is_one_actor(a: str, b: str) -> None:
    assert "actor" not in types(a, b)


def test_coordinated_actors_in_a_long_sentence() -> None:
    a = (
        'The envoy stressed that the deal is "lawful," and said that Moscow and Seoul hold '
        '"opposite views on the causes of the rising tension on the peninsula," the post said.'
    )
    b = (
        "The embassy in Seoul added that Russia and North Korea hold opposite views on the "
        "causes of the rising tension on the peninsula."
    )
    assert "actor" in types(a, b)
