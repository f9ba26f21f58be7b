"""Quotes of one utterance are compared across reports wherever they stand, over sentences."""

from __future__ import annotations

from index.base.models import Article
from index.comparison.build import compare
from index.conflicts.quote_pairs import quote_pair_conflicts, report_quotes
from index.text.sentences import split_passages


def _article(aid: str, body: str, source: str) -> Article:
    return Article(id=aid, path=aid, title=f"Title of {aid}", body=body, source=source)


HARBOUR = _article(
    "a.txt",
    "The harbour reopened on Monday after a week of repairs.\n\n"
    "Crews worked through the night to clear the channel.\n\n"
    'Mayor Ilse Varga said: "We rebuilt the pier stone by stone.\n\n'
    'Nobody here will forget how the town pulled together."',
    "Coast Herald",
)
SAME_SPEECH = _article(
    "b.txt",
    '"Nobody here will ever forget how the whole town came together," Varga told reporters.\n\n'
    "Ferries are expected to sail again from Wednesday.",
    "Bay Gazette",
)


def _quotes(article: Article) -> list[str]:
    return [q.text for q in report_quotes(article, split_passages(article))]


def test_a_quote_over_two_paragraphs_is_found_in_each() -> None:
    assert _quotes(HARBOUR) == [
        "We rebuilt the pier stone by stone",
        "Nobody here will forget how the town pulled together",
    ]


def test_reworded_quote_in_passages_that_do_not_align() -> None:
    found = quote_pair_conflicts(
        [HARBOUR, SAME_SPEECH],
        {a.id: split_passages(a) for a in (HARBOUR, SAME_SPEECH)},
    )
    assert len(found) == 1
    pa, pb, c = found[0]
    assert c.type == "quote" and "pulled" in c.explanation
    assert HARBOUR.body[c.a.start : c.a.end] == c.a.text and pa.article_id == "a.txt"
    # and the comparison marks it on the two passages
    result = compare([HARBOUR, SAME_SPEECH])
    assert any(x.type == "quote" for link in result.links for x in link.conflicts)


def test_quotes_sharing_only_a_name_are_two_utterances() -> None:
    a = _article(
        "c.txt", 'She called the plan "a betrayal of the Harbour Trust and its members."', "X"
    )
    b = _article("d.txt", 'He said the plan "keeps faith with the Harbour Trust members."', "Y")
    assert quote_pair_conflicts([a, b], {x.id: split_passages(x) for x in (a, b)}) == []


def test_the_same_words_in_another_order_are_the_same_quote() -> None:
    a = _article("e.txt", '"I have seen enough storms for a lifetime of sailing," he said.', "X")
    b = _article("f.txt", '"I have seen enough storms of sailing for a lifetime," he said.', "Y")
    assert quote_pair_conflicts([a, b], {x.id: split_passages(x) for x in (a, b)}) == []


def test_a_headline_quote_is_read_from_the_title() -> None:
    # the headline's offsets index the title: a quote there is the title's words, and a body
    # passage's span is never cut at the headline's offsets
    a = Article(
        "g.txt",
        "g.txt",
        'Varga: "We rebuilt the pier stone by stone"',
        "The harbour reopened on Monday after a week of repairs, the mayor said.",
        source="X",
    )
    b = Article(
        "h.txt",
        "h.txt",
        "Harbour reopens",
        '"We rebuilt the old pier stone by stone," Mayor Ilse Varga told reporters on Monday.',
        source="Y",
    )
    passages = {x.id: [p for p in compare([a, b]).passages if p.article_id == x.id] for x in (a, b)}
    assert any(p.in_title for p in passages["g.txt"])
    assert [q.text for q in report_quotes(a, passages["g.txt"])] == [
        "We rebuilt the pier stone by stone"
    ]
    found = quote_pair_conflicts([a, b], passages)
    assert len(found) == 1
    pa, _pb, c = found[0]
    assert pa.in_title and a.title[c.a.start : c.a.end] == c.a.text
    assert "old" in c.explanation
