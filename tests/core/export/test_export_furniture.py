"""Export: credit lines and captions are not "only one report says" nor a conflict's side; each
conflict is listed once; every part of the page names a report with one label (md, html, json)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from index.comparison.build import compare
from index.comparison.cache import AnalysisCache
from index.events.collapse import group_events
from index.export.api import event_document, render
from index.ingest.loader import load_corpus

# Our own invented event: three reports of a quake. The North Star and the untitled-outlet text
# carry a caption whose ship counts differ (40 vs 25: a caption, so no conflict), credit lines
# at the end, and one sentence with two distances against one (two findings, one conflict).
FILES = {
    "quake/north-star.md": """---
title: Quake shakes Velmora coast, port closed
source: North Star Daily
published: "2025-02-11T08:00:00Z"
---

A strong earthquake shook the Velmora coast early on Monday, closing the port of Tarrin.

The quake struck 300 kilometres from the port, the geological office said.

Harbour chief Ana Rell said 12 ships were held at anchor outside Tarrin.

Harbour chief Ana Rell inspects a cracked quay at Tarrin on Monday, in this photo released by \
the port authority, with 40 ships behind her.

Contributing: Velmora Wire

This story originally appeared in North Star Weekly.
""",
    "quake/tide-times.txt": """Quake closes Tarrin port on Velmora coast

A strong earthquake shook the Velmora coast early on Monday, closing the port of Tarrin.

The quake struck 10 kilometres from the port at a depth of about 23 kilometres, the geological \
office said.

Harbour chief Ana Rell said 12 ships were held at anchor outside Tarrin.

Harbour chief Ana Rell inspects a cracked quay at Tarrin on Monday, in this photo released by \
the port authority, with 25 ships behind her.

Fishermen in the next bay reported a small wave but no damage.

Photo: Lena Mart / Velmora Wire

Reporting by Tomas Virk; Editing by Ola Brenn
""",
    "quake/coast-line.md": """---
title: Velmora quake closes Tarrin port
source: Coast Line
published: "2025-02-11T10:00:00Z"
---

A strong earthquake shook the Velmora coast early on Monday, closing the port of Tarrin.

The quake struck 10 kilometres from the port, the geological office said.

Harbour chief Ana Rell said 12 ships were held at anchor outside Tarrin.

Schools in Tarrin stayed shut while engineers checked the buildings.

(Velmora Wire Photo/Lena Mart)

Image copyright Velmora Wire
""",
}
FURNITURE = ("Contributing", "originally appeared", "Photo", "Reporting by", "Image copyright")


def _export(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    corpus = tmp_path / "corpus"
    for name, text in FILES.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(text, encoding="utf-8")
    articles, _skipped = load_corpus(corpus)
    (event,) = group_events(articles)
    comparison = compare(articles, event, cache=AnalysisCache())
    return corpus, event_document(corpus, comparison)


def test_credit_lines_and_captions_are_not_what_only_one_report_says(tmp_path: Path) -> None:
    _corpus, doc = _export(tmp_path)
    unique = [ex["text"] for g in doc["events"][0]["unique"] for ex in g["excerpts"]]
    assert "Fishermen in the next bay reported a small wave but no damage." in unique
    assert not [t for t in unique if any(word in t for word in FURNITURE)], unique
    md = render(doc, "md")
    only = md[md.index("What only one report says") :]
    assert "Fishermen in the next bay" in only
    assert not [w for w in FURNITURE if w in only.split("Your marked excerpts")[0]]


def test_no_conflict_is_built_from_a_caption(tmp_path: Path) -> None:
    _corpus, doc = _export(tmp_path)
    sides = [x[s]["text"] for x in doc["events"][0]["conflicts"] for s in "ab"]
    assert sides  # the distances still conflict
    assert not [t for t in sides if "in this photo" in t], sides


def test_each_conflict_is_listed_once(tmp_path: Path) -> None:
    _corpus, doc = _export(tmp_path)
    conflicts = doc["events"][0]["conflicts"]
    pairs = [
        (frozenset(((x["a"]["article"], x["a"]["start"]), (x["b"]["article"], x["b"]["start"]))),
         x["type"])
        for x in conflicts
    ]  # fmt: skip
    assert len(pairs) == len(set(pairs)), [x["explanation"] for x in conflicts]
    # the second finding between the same passages is kept in the one entry's explanation
    both = [x for x in conflicts if "23 kilometres" in x["explanation"]]
    assert len(both) == 1 and "300 kilometres vs 10 kilometres" in both[0]["explanation"]
    md = render(doc, "md")
    assert len(re.findall(r"^### \d+\. number:", md, re.MULTILINE)) == len(conflicts)


def test_headings_and_citations_name_a_report_alike_in_every_format(tmp_path: Path) -> None:
    _corpus, doc = _export(tmp_path)
    label = "(no outlet) tide-times.txt"  # the report names no outlet: its file name, marked
    ev = doc["events"][0]
    assert {r["label"] for r in ev["reports"]} == {"North Star Daily", "Coast Line", label}
    cited = {ex["label"] for c in ev["claims"] for ex in c["excerpts"]}
    named = {name for c in ev["claims"] for name in c["sources"]}
    assert label in cited and cited == named
    data = json.loads(render(doc, "json"))
    assert data["events"][0]["claims"][0]["excerpts"][0]["label"]
    for fmt in ("md", "html"):
        page = render(doc, fmt)
        page = page.replace("\\", "")  # Markdown escapes the "(" of the label
        assert "(no outlet)" not in page.replace(label, ""), fmt  # never a bare "(no outlet)"
        headings = [h for h in re.findall(r"(?:^###? |<h[34]>)(.*)", page, re.MULTILINE)]
        assert any(label in h for h in headings), fmt  # a claim's or a report's heading
