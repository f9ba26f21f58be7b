"""Alignment on sentences we wrote: wire copy, paraphrase, unrelated, number clash, claims."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from index.base.models import Link, Passage
from index.comparison.alignment import align, normalise, pair_score
from index.comparison.claims import group_claims


def _passages(article_id: str, sentences: list[str]) -> list[Passage]:
    out, pos = [], 0
    for i, s in enumerate(sentences):
        out.append(Passage(f"{article_id}:{i}", article_id, pos, pos + len(s), s))
        pos += len(s) + 1
    return out


A = [
    "The harbour authority closed the northern pier on Tuesday after a crane collapsed.",
    "Mayor Ingrid Solberg urged the immediate evacuation of the warehouse district.",
    "About 2,400 workers were sent home for the rest of the week.",
    "Local bakeries reported a record sale of cinnamon buns during the festival.",
]
B = [
    "The harbour authority closed the northern pier on Tuesday after a crane collapsed.",
    "Solberg asked residents to get out of the warehouse district right away.",
    "About 2,600 workers were sent home for the rest of the week.",
    "A chess tournament in the library drew players from four counties.",
]


def _link(links: list[Link], a: str, b: str) -> Link | None:
    for link in links:
        if {link.a, link.b} == {a, b}:
            return link
    return None


def test_verbatim_copy_is_linked_and_flagged() -> None:
    links = align({"a": _passages("a", A), "b": _passages("b", B)})
    link = _link(links, "a:0", "b:0")
    assert link is not None and link.verbatim and link.score > 0.9


def test_paraphrase_is_linked_but_not_verbatim() -> None:
    links = align({"a": _passages("a", A), "b": _passages("b", B)})
    link = _link(links, "a:1", "b:1")
    assert link is not None and not link.verbatim


def test_number_clash_is_linked() -> None:
    links = align({"a": _passages("a", A), "b": _passages("b", B)})
    assert _link(links, "a:2", "b:2") is not None


def test_unrelated_passages_are_not_linked() -> None:
    links = align({"a": _passages("a", A), "b": _passages("b", B)})
    linked = {pid for link in links for pid in (link.a, link.b)}
    assert "a:3" not in linked and "b:3" not in linked
    assert all(link.a.split(":")[0] != link.b.split(":")[0] for link in links)


def test_scores_are_in_unit_range_and_deterministic() -> None:
    data = {"a": _passages("a", A), "b": _passages("b", B), "c": _passages("c", A[::-1])}
    first, second = align(data), align(dict(data))
    assert first == second
    assert all(0.0 <= link.score <= 1.0 for link in first)


def test_one_proposal_per_other_article() -> None:
    # "c" repeats the pier sentence twice; a:0 proposes only one of them.
    c = _passages("c", [A[0], A[0] + " Nobody was hurt."])
    links = align({"a": _passages("a", A[:1]), "c": c})
    assert len(links) >= 1
    assert len([x for x in links if "a:0" in (x.a, x.b)]) <= 2


def test_claims_group_three_articles() -> None:
    c = [
        "Officials said the harbour authority closed the northern pier on Tuesday "
        "after a crane fell."
    ]
    passages = _passages("a", A) + _passages("b", B) + _passages("c", c)
    links = align({"a": passages[:4], "b": passages[4:8], "c": passages[8:]})
    claims = group_claims(links, passages)
    pier = [cl for cl in claims if "a:0" in cl.passages]
    assert len(pier) == 1
    assert pier[0].articles == ("a", "b", "c")
    assert set(pier[0].passages) == {"a:0", "b:0", "c:0"}
    assert claims[0] == pier[0]  # strongest (most sources) first


def test_claims_ignore_unlinked_passages() -> None:
    passages = _passages("a", A) + _passages("b", B)
    claims = group_claims([Link("a:0", "b:0", 1.0, True)], passages)
    assert claims == (claims[0],) and claims[0].passages == ("a:0", "b:0")


def test_normalise_folds_thousands_and_initialisms() -> None:
    assert normalise("1.500 troops") == normalise("1,500 troops") == "1500 troops"
    assert "un" in normalise("the U.N. charter").split()


def test_pair_score_separates_paraphrase_from_unrelated() -> None:
    para = pair_score(
        "The minister summoned the ambassador on Monday.",
        "On Monday the minister called in the envoy.",
    )
    unrelated = pair_score(
        "The minister summoned the ambassador on Monday.",
        "Heavy rain flooded three villages in the valley.",
    )
    assert para > 0.34 > unrelated


def test_sentence_split_in_two_links_both_halves() -> None:
    whole = [
        "The city council voted on Friday to close the old swing bridge, and the engineer "
        "in charge said the repairs would take two years and cost 40 million euros."
    ]
    split = [
        "The city council voted on Friday to close the old swing bridge.",
        "The engineer in charge said the repairs would take two years and cost 40 million euros.",
        "Tourists flocked to the new aquarium over the holiday weekend.",
    ]
    links = align({"w": _passages("w", whole), "s": _passages("s", split)})
    assert _link(links, "w:0", "s:0") is not None
    assert _link(links, "w:0", "s:1") is not None
    assert _link(links, "w:0", "s:2") is None


def test_claim_never_holds_two_passages_of_one_article() -> None:
    passages = _passages("a", A[:2]) + _passages("b", B[:1])
    # b:0 is linked to both a:0 and a:1: the stronger link forms the claim, the other stays a link.
    links = [Link("a:0", "b:0", 0.9, False), Link("a:1", "b:0", 0.5, False)]
    claims = group_claims(links, passages)
    assert claims == (group_claims(links[::-1], passages)[0],)
    assert claims[0].passages == ("a:0", "b:0")


def test_no_links_within_one_article_or_for_empty_input() -> None:
    assert align({}) == []
    assert align({"a": _passages("a", A + A)}) == []
    assert align({"a": _passages("a", A), "b": []}) == []


_WORDS = [
    "harbour",
    "pier",
    "crane",
    "mayor",
    "council",
    "bridge",
    "storm",
    "police",
    "Tuesday",
    "closed",
    "opened",
    "said",
    "2,400",
    "workers",
    "the",
    "of",
    "on",
    "Solberg",
    "urged",
]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12), max_size=6),
        min_size=1,
        max_size=4,
    )
)
def test_align_invariants(articles: list[list[list[str]]]) -> None:
    data = {
        f"art{k}": _passages(f"art{k}", [" ".join(words) + "." for words in sentences])
        for k, sentences in enumerate(articles)
    }
    ids = {p.id for ps in data.values() for p in ps}
    links = align(data)
    pairs = [frozenset((lk.a, lk.b)) for lk in links]
    assert len(pairs) == len(set(pairs))
    for link in links:
        assert link.a in ids and link.b in ids
        assert link.a.split(":")[0] != link.b.split(":")[0]
        assert 0.0 <= link.score <= 1.0 and not link.conflicts
    assert links == align(data)
