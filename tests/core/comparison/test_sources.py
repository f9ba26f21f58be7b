"""Copies count once: "5 reports · 3 independent sources", claims count source families."""

from __future__ import annotations

from index.base.models import Article
from index.comparison.build import compare
from index.comparison.cache import AnalysisCache
from index.comparison.json_form import comparison_to_json
from index.comparison.report import comparison_to_text
from index.comparison.sources import claim_sources, independent_sources
from index.events import group_events
from tests.helpers import WIRE_BODY as WIRE

RADIO = (
    "A crane fell onto a trawler in Tromvik harbour on Tuesday during a storm and the northern "
    "pier was closed, port director Ingrid Solberg told Coast Radio. Two dock workers were hurt."
)
PAPER = (
    "Tromvik's northern pier is closed after a crane collapsed onto a trawler in Tuesday's storm, "
    "said Ingrid Solberg, the port director. About 2,400 workers were sent home for the week."
)


def _a(aid: str, body: str, source: str, published: str) -> Article:
    return Article(aid, aid, body.split(".")[0], body, source, published)


REPORTS = [
    _a("wire.txt", WIRE, "Nordic Wire", "2024-03-05T08:00:00"),
    _a("radio.txt", RADIO, "Coast Radio", "2024-03-05T09:00:00"),
    _a("paper.txt", PAPER, "Daily Paper", "2024-03-05T10:00:00"),
    # two verbatim republications of the wire report, later, under other outlets
    _a("reprint1.txt", WIRE, "Fjord Times", "2024-03-05T12:00:00"),
    _a("reprint2.txt", WIRE + " (Nordic Wire)", "Bay Herald", "2024-03-05T13:00:00"),
]


def test_copies_are_counted_once_and_marked_as_copies_of_their_origin() -> None:
    (event,) = group_events(REPORTS)  # the copies join their original's event
    c = compare(REPORTS, event, cache=AnalysisCache())
    assert dict(c.copies) == {"reprint1.txt": "wire.txt", "reprint2.txt": "wire.txt"}
    assert independent_sources(c) == 3
    data = comparison_to_json(c)
    assert (data["reports"], data["independent_sources"]) == (5, 3)
    marks = {a["id"]: a["copy_of"] for a in data["articles"]}
    assert marks == {
        "wire.txt": None,
        "radio.txt": None,
        "paper.txt": None,
        "reprint1.txt": "wire.txt",
        "reprint2.txt": "wire.txt",
    }
    widest = max(c.claims, key=lambda cl: len(cl.articles))
    assert len(widest.articles) > claim_sources(c, widest)  # copies made it look wider
    assert claim_sources(c, widest) <= 3
    for claim in data["claims"]:
        assert claim["independent_sources"] <= min(3, claim["reports"])
    text = comparison_to_text(c)
    assert "(5 reports · 3 independent sources)" in text
    assert "reprint1.txt (copy of wire.txt)" in text


def test_without_copies_every_report_is_a_source() -> None:
    c = compare(REPORTS[:3], cache=AnalysisCache())
    assert c.copies == () and independent_sources(c) == 3
    assert all(claim_sources(c, cl) == len(cl.articles) for cl in c.claims)
    assert "(3 reports · 3 independent sources)" in comparison_to_text(c)


def test_the_text_report_fits_the_width_it_is_given() -> None:
    c = compare(REPORTS[:3], cache=AnalysisCache())
    whole = comparison_to_text(c)
    assert max(len(line) for line in whole.splitlines()) > 100  # passages on one line each
    for width in (40, 72, 100):
        fitted = comparison_to_text(c, width)
        assert max(len(line) for line in fitted.splitlines()) <= width
        assert fitted.split() == whole.split()  # the same words, only the lines differ
