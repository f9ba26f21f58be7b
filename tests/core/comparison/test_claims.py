"""Claims: every passage is linked to the centre and to half the others, never merely chained."""

from __future__ import annotations

from index.base.models import Link, Passage
from index.comparison.alignment import align
from index.comparison.build import relate
from index.comparison.claims import group_claims


def _one(article_id: str, text: str) -> Passage:
    return Passage(f"{article_id}:0", article_id, 0, len(text), text)


def test_a_chain_of_links_is_not_one_claim() -> None:
    # a~b, b~c, c~d: as connected components this was one claim of four; a and d share nothing.
    passages = [_one(x, f"Sentence {x}.") for x in "abcd"]
    links = [
        Link("a:0", "b:0", 0.6, False),
        Link("b:0", "c:0", 0.5, False),
        Link("c:0", "d:0", 0.6, False),
    ]
    claims = group_claims(links, passages)
    linked = {frozenset((lk.a, lk.b)) for lk in links}
    assert not any({"a:0", "d:0"} <= set(cl.passages) for cl in claims)
    for claim in claims:
        # some member (the centre) is linked to every other member
        assert any(
            all(frozenset((c, p)) in linked for p in claim.passages if p != c)
            for c in claim.passages
        )


def test_a_centre_gathers_every_article_linked_to_it_and_to_the_others() -> None:
    passages = [_one(x, f"Sentence {x}.") for x in "abcd"]
    pairs = [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("b", "d"), ("c", "d")]
    links = [Link(f"{x}:0", f"{y}:0", 0.5, False) for x, y in pairs]
    claims = group_claims(links, passages)
    assert len(claims) == 1 and claims[0].articles == ("a", "b", "c", "d")
    assert group_claims(links[::-1], passages) == claims
    # d linked to a and to one of b, c: still half of the partners taken before it
    some = [lk for lk in links if (lk.a, lk.b) != ("c:0", "d:0")]
    assert group_claims(some, passages)[0].articles == ("a", "b", "c", "d")


def test_partners_that_share_only_the_centre_are_not_one_claim() -> None:
    # the centre states two things (a record and a losing streak); b states one, c the other:
    # each is linked to the centre, not to each other
    passages = [_one(x, f"Sentence {x}.") for x in "abc"]
    links = [Link("a:0", "b:0", 0.6, False), Link("a:0", "c:0", 0.5, False)]
    claims = group_claims(links, passages)
    assert [cl.passages for cl in claims] == [("a:0", "b:0")]
    # once b and c are linked too, the three state one fact
    links.append(Link("b:0", "c:0", 0.4, False))
    assert [cl.passages for cl in group_claims(links, passages)] == [("a:0", "b:0", "c:0")]


def test_sharing_only_names_is_not_stating_the_same_thing() -> None:
    a = "Andrew Wetzler of the Coastal Wildlife Fund in Portland said the group would sue."
    b = "In Portland, Andrew Wetzler of the Coastal Wildlife Fund was blunt."
    links = align({"a": [_one("a", a)], "b": [_one("b", b)]})
    assert links == []
    assert relate(a, b).relation == "unrelated"
    same = "Andrew Wetzler of the Coastal Wildlife Fund said the group would go to court and sue."
    assert relate(a, same).relation != "unrelated"


def test_the_same_kind_of_action_in_other_verbs_is_shared_content() -> None:
    # Everything shared is a title or a name; the verbs differ but report one meeting. Without
    # kinds of action the gate above refused this pair (the seeds' regression of 0.951 -> 0.914).
    a = "Deputy Mayor Lena Okafor summoned Harbour Commissioner Piet Vos over the dredging plan."
    b = "It was confirmed that Deputy Mayor Lena Okafor met with Harbour Commissioner Piet Vos."
    links = align({"a": [_one("a", a)], "b": [_one("b", b)]})
    assert len(links) == 1
    assert relate(a, b).relation != "unrelated"
    # The same names under two different kinds of action stay apart.
    c = "Deputy Mayor Lena Okafor fired Harbour Commissioner Piet Vos over the dredging plan."
    assert align({"b": [_one("b", b)], "c": [_one("c", c)]}) == []
