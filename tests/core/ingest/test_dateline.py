"""A plain-text report's date from a dateline under its headline (index/ingest/dateline.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from index import load_corpus
from index.ingest.dateline import dateline_date


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("March 4th, 2019, 7:35 am", "2019-03-04"),
        ("MARCH 5, 2019", "2019-03-05"),
        ("on Tuesday, 5 March 2019 13:45.", "2019-03-05"),
        ("Wednesday, March 6, 2019", "2019-03-06"),
        ("Published on: Thu, 7 Mar 2019 at 09:56 IST", "2019-03-07"),
        ("Sept. 3, 2010", "2010-09-03"),
        ("2019-03-08T09:00:00Z", "2019-03-08"),
    ],
)
def test_a_line_that_is_only_a_date_dates_the_report(line: str, iso: str) -> None:
    assert (
        dateline_date(f"Harbour cranes stopped\n\n{line}\n\nThe cranes stopped on Monday.") == iso
    )


@pytest.mark.parametrize(
    "text",
    [
        "The cranes were built on May 4, 1950, by the yard.",  # a sentence that holds a date
        "May 4, 1950 was the day the cranes arrived.",
        "3/5/19 7:30 AM EST",  # day and month cannot be told apart
        "February 30, 2019",  # no such day
        "One\n\nTwo\n\nThree\n\nFour\n\nFive\n\nMarch 5, 2019",  # too far down to be a dateline
    ],
)
def test_other_lines_date_nothing(text: str) -> None:
    assert dateline_date(text) is None


def test_a_txt_report_takes_its_date_and_resolves_relative_days(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Cranes halted at Port Alden\n\nThursday, March 7, 2019\n\n"
        "Dock workers halted the cranes at Port Alden on Tuesday, the union said.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text(
        "---\npublished: 2019-03-01\n---\n# Cranes\n\nMarch 7, 2019\n\nWorkers halted them.\n",
        encoding="utf-8",
    )
    (tmp_path / "c.txt").write_text(
        "Cranes halted\n\nPublished on: Thu, 7 Mar 2019 at 09:56 IST\n\nWorkers halted them.\n",
        encoding="utf-8",
    )
    articles, skipped = load_corpus(tmp_path)
    by = {a.id: a for a in articles}
    assert not skipped
    assert by["a.txt"].published == "2019-03-07"
    assert by["b.md"].published == "2019-03-01"  # the front matter's date wins
    # a "Published on" line is cleaned out of the body as page furniture, and still dates it
    assert by["c.txt"].published == "2019-03-07" and "Published" not in by["c.txt"].body


def test_a_dateline_is_not_a_sentence_of_the_report(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Cranes halted\n\nThursday, March 7, 2019\n\nDock workers halted the cranes.\n",
        encoding="utf-8",
    )
    [article], _ = load_corpus(tmp_path)
    assert article.body == "Dock workers halted the cranes."
    assert article.published == "2019-03-07"
