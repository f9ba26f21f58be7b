"""Model names, relative intervals and bearings in the fact table (fictional reports)."""

from __future__ import annotations

from index import Article, Event, compare
from index.conflicts.table import build_fact_table
from index.facts.numbers import extract_quantities


def _art(aid: str, body: str, title: str = "Harbour report") -> Article:
    return Article(id=aid, path=aid, title=title, body=body, source=aid)


def _disputes(*articles: Article) -> list[tuple[str, str]]:
    table = build_fact_table(articles)
    return sorted((x.span.text, y.span.text) for x, y, _ in table.disputes())


def test_a_model_name_is_no_count_and_keys_what_is_counted() -> None:
    """ "six AK - 47 rifles" counts six rifles of one model, never 47 of anything."""
    [q] = [q for q in extract_quantities("Guards seized six AK - 47 rifles on board.")]
    assert (q.value, q.state) == (6.0, "+ak47")
    a = _art("a.txt", "Marines seized seven AK-47s and a radio from the skiff.")
    b = _art("b.txt", "The marines recovered 12 AK 47 guns and a radio from the skiff.")
    c = _art("c.txt", "Marines also seized seven AK-47 assault rifles from the skiff.")
    pairs = {frozenset(p) for p in _disputes(a, b, c)}
    assert pairs == {
        frozenset({"seven AK-47s", "12 AK 47 guns"}),
        frozenset({"12 AK 47 guns", "seven AK-47 assault rifles"}),
    }


def test_an_interval_before_an_event_is_compared_in_days() -> None:
    a = _art("a.txt", "The keeper suffered a fall nine days earlier and never woke up.")
    b = _art("b.txt", "The keeper died of a fall suffered almost three weeks ago.")
    c = _art("c.txt", "The keeper died after a fall suffered nine days before, his son said.")
    assert _disputes(a, b) == [("nine days", "almost three weeks")]
    assert _disputes(a, c) == []  # "earlier" and "before": one interval, told alike


def test_two_bearings_from_one_place_conflict() -> None:
    a = _art("a.txt", "The trawler sank 40 nautical miles north of Varna, the coast guard said.")
    b = _art("b.txt", "A trawler went down 40 nautical miles south of Varna on Monday.")
    c = _art("c.txt", "The trawler sank 40 nautical miles north-east of Varna overnight.")
    assert _disputes(a, b) == [("40 nautical miles north", "40 nautical miles south")]
    assert _disputes(a, c) == []  # north and north-east: one rough bearing
    other = _art("d.txt", "Its home port lies south of Varna, where the crew live.")
    assert _disputes(a, other) == []  # another thing south of the same place


def test_a_title_is_compared_across_a_whole_event() -> None:
    """ "CEO" in a lede and "COO" in paragraph four of another report: one conflict."""
    a = _art("a.txt", "CEO Dana Whitlock flew to Austin on Monday. The talks went on all night.")
    filler = " ".join(f"The club's staff met fans in town number {n} that week." for n in range(3))
    b = _art(
        "b.txt", f"The club made an offer on Monday. {filler} COO Dana Whitlock led the talks."
    )
    event = Event(id="ev-1", title="Club offer", article_ids=("a.txt", "b.txt"))
    comparison = compare([a, b], event)
    roles = [c for link in comparison.links for c in link.conflicts if c.type == "role"]
    assert [(c.a.text, c.b.text) for c in roles] in ([("CEO", "COO")], [("COO", "CEO")])


def _types(*articles: Article) -> list[tuple[str, str, str]]:
    event = Event(id="ev-1", title="Harbour", article_ids=tuple(a.id for a in articles))
    comparison = compare(list(articles), event)
    return sorted(
        (c.type, c.a.text, c.b.text)
        for link in comparison.links
        for c in link.conflicts
        if c.type in ("negation", "certainty")
    )


def test_an_act_denied_far_from_where_another_report_states_it() -> None:
    """A lede states the act; another report denies it in its last paragraph."""
    filler = " ".join(f"Fishermen in bay number {n} waited for news all week." for n in range(4))
    a = _art("a.txt", "The harbour board closed the Varna ferry pier on Monday after the storm.")
    b = _art(
        "b.txt", f"{filler} The harbour board has not closed the Varna ferry pier, a clerk said."
    )
    assert [t for t, *_ in _types(a, b)] == ["negation"]


def test_a_denial_of_another_thing_is_no_conflict() -> None:
    filler = " ".join(f"Fishermen in bay number {n} waited for news all week." for n in range(4))
    a = _art("a.txt", "The harbour board closed the Varna ferry pier on Monday after the storm.")
    b = _art("b.txt", f"{filler} The harbour board has not closed the Burgas fish market yet.")
    assert _types(a, b) == []


def test_a_share_is_held_to_what_it_measures_and_names_after_it_are_not_whose() -> None:
    """ "turnout reached 93 percent in the vote for 120 seats held by Mayor Dale Orr's party"
    and "turnout was almost 80%": one turnout; the names far after the figure say nothing of
    whose it is, and the report's own "60 percent of the seats" is no turnout."""
    a = _art(
        "a.txt",
        "Officials said turnout reached 93 percent in the vote for 120 seats, all of them held"
        " by allies of Mayor Dale Orr in the old port town. Sixty percent of the seats went"
        " to the harbour party.",
    )
    b = _art("b.txt", "The election board said that turnout was almost 80%. Mayor Dale Orr voted.")
    assert _disputes(a, b) == [("93 percent", "almost 80%")]


def test_a_named_group_is_counted_apart_from_the_whole() -> None:
    """ "12 Danish and 11 Swedish sailors" then "the 23 sailors": parts and whole agree."""
    a = _art("a.txt", "Coast guards rescued 12 Danish and 11 Swedish sailors from the raft.")
    b = _art("b.txt", "The 23 sailors rescued from the raft were flown to Aarhus on Friday.")
    assert _disputes(a, b) == []


def test_an_open_question_answered_as_fact_by_another_report() -> None:
    a = _art("a.txt", "It was not immediately clear where the rescued sailors would be taken.")
    b = _art("b.txt", "The rescued sailors will be taken to the port of Varna by the coast guard.")
    assert [t for t, *_ in _types(a, b)] == ["certainty"]
    c = _art("c.txt", "The coast guard said the rescued sailors may be taken to Varna.")
    assert _types(a, c) == []  # a hedge answers no question


def test_a_question_is_answered_in_other_words_for_one_role() -> None:
    a = _art("a.txt", "It was unclear if the dead were passengers or ferry employees.")
    b = _art("b.txt", "Two ferry workers died when the fire spread through the lower deck.")
    assert [t for t, *_ in _types(a, b)] == ["certainty"]
    c = _art("c.txt", "Two people died when the fire spread through the ferry's lower deck.")
    assert _types(a, c) == []  # who died is still not said: half the question is no answer


def test_a_word_in_every_passage_is_no_part_of_the_question() -> None:
    """ "ferry" in every passage of a ferry story says nothing of which passage answers: the
    question is its rarer words, and each passage sharing most of them answers it."""
    filler = " ".join(f"Ferry berth {n} stayed shut as the ferry inquiry met." for n in range(70))
    a = _art("a.txt", "It was unclear if the dead were passengers or ferry employees.")
    b = _art(
        "b.txt",
        f"Two ferry workers died in the blaze. {filler} The two workers who died were cooks.",
    )
    answers = [bt for t, _, bt in _types(a, b) if t == "certainty"]
    assert answers == [
        "The two workers who died were cooks.",
        "Two ferry workers died in the blaze.",
    ]


def test_a_figure_a_report_says_was_replaced_is_told_as_it_changed() -> None:
    """One report tells the first offer; a later one tells it and what it was raised to: the
    first report's figure differs from the new one, over time (not held apart because the
    later report states the old figure too)."""
    a = _art("a.txt", "On Monday at the fair, the Harbour Kings made Mirren a $20 million offer.")
    b = _art(
        "b.txt",
        "A post by Ola Brenn suggested that the Harbour Kings have raised their first offer to"
        " Mirren -- $20 million -- to somewhere between $24 million and $25 million.",
    )
    table = build_fact_table([a, b])
    [(x, y, nature)] = [(x.span.text, y.span.text, d.nature) for x, y, d in table.disputes()]
    assert {x, y} == {"$20 million", "$24 million and $25 million"}
    assert nature == "evolving"
    # Another party's like sum in the later report holds nothing apart.
    c = _art(
        "c.txt",
        "The Valley Hawks offered Mirren $20 million; the Harbour Kings offered $25 million.",
    )
    assert _disputes(a, c) == [("$20 million", "$25 million")]


def test_both_of_two_years_counts_two_occasions() -> None:
    """ "emceed both the 2010 and 2011 Harbour Galas" is twice; "hosted ... three times" is
    another count of the same act (host / emcee / preside are one act); a bare list of years
    counts nothing (it says "at least")."""
    a = _art("a.txt", "Ola Brenn emceed both the 2010 and 2011 Harbour Galas to good reviews.")
    b = _art("b.txt", "Ola Brenn, a singer, has hosted the Harbour Gala three times.")
    c = _art("c.txt", "Ola Brenn presided over the Harbour Gala in 2010 and 2011.")
    assert _disputes(a, b) == [("both the 2010 and 2011", "three times")]
    assert _disputes(b, c) == []


def test_whose_count_a_pronoun_tells_is_whom_it_names() -> None:
    """ "He hosted the gala five times", where "He" is another man, is no count of Brenn's."""
    a = _art(
        "a.txt", "Ola Brenn sang for years at the fair. He hosted the Harbour Gala three times."
    )
    b = _art(
        "b.txt",
        "Brenn takes over from Per Holm. Holm is the gala's best-loved host."
        " He hosted the Harbour Gala five times.",
    )
    c = _art("c.txt", "Ola Brenn is a singer. He hosted the Harbour Gala four times.")
    assert _disputes(a, b) == []
    assert _disputes(a, c) == [("three times", "four times")]


def test_one_tellers_two_figures_for_one_count_are_compared() -> None:
    """ "Police said as many as 2,000 people ..." and "Police put the march at roughly 3,000
    people": one teller, one count, though the clauses share no word; the later report's
    "three people, two men and a woman, were hurt" is another count (past its apposition) and
    states no crowd figure, nor does "thousands of people"."""
    a = _art(
        "a.txt",
        "Police said as many as 2,000 people took to the streets of Varna. Thousands of people"
        " watched.",
    )
    b = _art(
        "b.txt",
        "Police put the march, held on the day of the port strike, at roughly 3,000 people."
        " Three people, two men and a woman, were hurt.",
    )
    assert _disputes(a, b) == [("as many as 2,000 people", "roughly 3,000 people")]
    c = _art("c.txt", "Organisers put the march, on the day of the port strike, at 3,000 people.")
    assert _disputes(a, c) == []  # another teller, nothing else in common


def test_a_year_that_starts_a_period_is_not_the_year_of_the_act() -> None:
    """ "has hosted the gala since 2009" and "hosted the gala in 2010" can both hold; two years
    of one act told alike are still compared."""
    a = _art("a.txt", "Ola Brenn has hosted the Harbour Gala since 2009, the board said.")
    b = _art("b.txt", "Ola Brenn hosted the Harbour Gala in 2010 to good reviews.")
    c = _art("c.txt", "Ola Brenn hosted the Harbour Gala in 2012 to good reviews.")
    assert _disputes(a, b) == []
    assert _disputes(b, c) == [("2010", "2012")]


def test_a_named_partys_sum_told_with_other_verbs_is_one_sum() -> None:
    """The party named on both sides and one more word in common: the same sum."""
    a = _art("a.txt", 'The film "Lowtide" has already taken in $212 million worldwide.')
    b = _art("b.txt", 'Critics say "Lowtide" has already amassed $305 million around the globe.')
    assert _disputes(a, b) == [("$212 million", "$305 million")]
    # another party's sum is not this one's
    c = _art("c.txt", 'The rival film "Seabright" has already amassed $305 million worldwide.')
    assert _disputes(a, c) == []
