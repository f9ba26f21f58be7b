"""Grouping a stream read once gives the events of the whole list, reading few bodies again."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterator

from index.base.models import Article
from index.events import group_events, group_stream
from tests.helpers import WIRE_BODY as WIRE

COURT = (
    "A court in Vellmar ruled on Friday that the regional council must stop draining the "
    "Osterbruch wetland, where a rare species of orchid grows. The judge said the council had "
    "not studied the effect on the groundwater before it approved the drainage for a new road."
)
FERRY = (
    "The ferry between Hallby and Norrvik was cancelled on Monday because the ice in the sound "
    "was too thick, the operator Baltic Lines said. Passengers were offered seats on a bus that "
    "takes the long road around the bay, a trip of almost five hours."
)


def _corpus() -> list[Article]:
    return [
        # a copy whose origin only the texts tell: the reprint names the wire's outlet
        Article("w.txt", "w.txt", "Crane falls in Tromvik", WIRE, "Nordic Wire"),
        Article("r.txt", "r.txt", "Pier closed", "TROMVIK (Nordic Wire) - " + WIRE, "Reprint"),
        Article("c1.txt", "c1.txt", "Court halts drainage", COURT, "Court News"),
        Article("c2.txt", "c2.txt", "Wetland saved", COURT.replace("Friday", "Friday morning")),
        Article("f.txt", "f.txt", "Ferry cancelled", FERRY, "Coast Radio", "2024-02-05"),
        Article("f2.txt", "f2.txt", "Ice stops ferry", FERRY + " More ice is expected."),
    ]


def test_a_stream_groups_as_the_list_and_drops_the_texts() -> None:
    articles = _corpus()
    by_id = {a.id: a for a in articles}
    handed: list[Article] = []
    read_again: list[str] = []

    def stream() -> Iterator[Article]:
        for article in articles:
            handed.append(article)
            yield article

    def body(article: Article) -> str:
        assert article.body == ""  # what the grouping kept of it: no text
        read_again.append(article.id)
        return by_id[article.id].body

    events = group_stream(stream(), body)
    assert events == group_events(articles)
    assert handed == articles  # read once, in order
    assert any(set(e.article_ids) >= {"w.txt", "r.txt"} for e in events)
    # only members of the two families the dates do not order were read again, once each
    # (of the ferry's, only the copy: the other member's outlet is looked for in its text)
    assert sorted(read_again) == ["f2.txt", "r.txt", "w.txt"]


def test_an_empty_stream_has_no_events() -> None:
    assert group_stream(iter(()), lambda a: a.body) == []


def test_past_its_tokenizing_an_article_is_no_object_unless_its_family_is_read() -> None:
    # twenty reports copied by nobody beside the three families: while the families' texts are
    # read again, the grouping holds an Article for their members alone (it kept one for every
    # report read: 100k reports, 14 MB of objects through the whole grouping)
    singles = [
        Article(f"s{n}.txt", f"s{n}.txt", f"Note {n}", f"Report number {n} on the harbour works.")
        for n in range(20)
    ]
    articles = _corpus() + singles
    by_id = {a.id: a for a in articles}
    held: list[int] = []

    def stream() -> Iterator[Article]:
        for article in articles:
            yield dataclasses.replace(article)  # a fresh object, which only the grouping holds

    def body(article: Article) -> str:
        gc.collect()
        held.append(sum(_slim(o, by_id) for o in gc.get_objects()))
        return by_id[article.id].body

    assert group_stream(stream(), body) == group_events(articles)
    assert held and max(held) <= 6  # the members of the three families


def _slim(thing: object, by_id: dict[str, Article]) -> bool:
    """True for an article the grouping made of one of ``by_id``'s (with no body)."""
    return (
        isinstance(thing, Article)
        and thing.id in by_id
        and thing is not by_id[thing.id]
        and not thing.body
    )
