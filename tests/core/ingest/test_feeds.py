"""RSS and Atom feeds: one article per entry, stable ids, summaries marked as summaries."""

from __future__ import annotations

import shutil
from pathlib import Path

from index import load_corpus
from index.base.models import Article
from tests.helpers import WEB_FIXTURES

FEEDS = WEB_FIXTURES / "feeds"


def _load() -> tuple[dict[str, Article], dict[str, str]]:
    articles, skipped = load_corpus(FEEDS)
    return {a.id: a for a in articles}, {s.path: s.reason for s in skipped}


def test_rss2_content_encoded_is_the_full_text() -> None:
    arts, _ = _load()
    art = arts["rss2-content.xml#hl-2025-0311-ferry"]
    assert art.path == "rss2-content.xml"
    assert art.title == "Night ferry delayed by engine alarm at Lindqvist"
    assert art.source == "Harbour Line News"
    assert art.published == "2025-03-11T20:40:00+00:00"
    assert art.author == "Mette Aalborg"
    assert art.url == "https://harbourline.example/2025/03/ferry-engine-alarm"
    assert not art.is_summary
    assert art.body.split("\n\n") == [
        "The night ferry to Lindqvist stayed in port for three hours on Tuesday after an alarm "
        "went off in its engine room, the operator said.",
        "Engineers found a faulty sensor and replaced it before the ship sailed at 00:40.",
        "About 90 passengers waited in the terminal, where the cafe stayed open late.",
    ]


def test_entry_naming_its_own_source_and_summary_only_entry() -> None:
    arts, _ = _load()
    art = arts["rss2-content.xml#https://harbourline.example/2025/03/breakwater-approved"]
    assert art.source == "Coast Wire"
    assert art.is_summary
    assert art.body == "The council voted 7 to 2 for a 400-metre breakwater."


def test_atom_xhtml_content_and_summary() -> None:
    arts, _ = _load()
    full = arts["atom-xhtml.atom#tag:valleycourier.example,2025:orchids"]
    assert full.title == "Orchid show draws record crowd"
    assert full.source == "Valley Courier" and full.author == "Jonas Weber"
    assert full.published == "2025-04-12T07:30:00+00:00"
    assert not full.is_summary and len(full.body.split("\n\n")) == 2
    roof = arts["atom-xhtml.atom#tag:valleycourier.example,2025:roof"]
    assert roof.is_summary and roof.published == "2025-04-10T08:00:00+00:00"


def test_latin1_rss091_and_rdf_feeds() -> None:
    arts, _ = _load()
    latin = arts["latin1.rss#nordlys-solvik-slep"]
    assert latin.title == "Ferja Solvik hentet av slepebåt på Hestnes"
    assert "skjæret" in latin.body and "Bodø" in latin.body
    assert arts["rss091.xml#https://riverside.example/bridge-closed"].source == (
        "Riverside Bulletin"
    )
    rdf = arts["rdf10.xml#https://hilltop.example/library"]
    assert rdf.author == "Aisha Karim" and rdf.published == "2025-04-28T12:00:00+00:00"


def test_broken_and_empty_feeds_say_why() -> None:
    _, skipped = _load()
    assert skipped["empty.rss"] == "feed with no entries"
    assert skipped["broken.xml"].startswith("broken feed: ")


def test_entry_ids_survive_a_newer_copy_of_the_feed(tmp_path: Path) -> None:
    feed = tmp_path / "harbour.xml"
    shutil.copy(FEEDS / "rss2-content.xml", feed)
    before = {a.id: a.title for a in load_corpus(tmp_path)[0]}
    text = feed.read_text(encoding="utf-8")
    newer = text.replace(
        "<item>",
        "<item><title>Tug boat joins harbour fleet</title><guid>hl-tug</guid>"
        "<description>A new tug arrived on Wednesday.</description></item>\n<item>",
        1,
    )
    feed.write_text(newer, encoding="utf-8")
    after = {a.id: a.title for a in load_corpus(tmp_path)[0]}
    assert set(before) < set(after)
    assert all(after[k] == v for k, v in before.items())
    assert after["harbour.xml#hl-tug"] == "Tug boat joins harbour fleet"


def test_feed_saved_as_html_is_read_as_a_feed(tmp_path: Path) -> None:
    shutil.copy(FEEDS / "rdf10.xml", tmp_path / "feed.html")
    [art], skipped = load_corpus(tmp_path)
    assert skipped == [] and art.id == "feed.html#https://hilltop.example/library"


def test_xml_that_is_no_feed_or_page(tmp_path: Path) -> None:
    (tmp_path / "config.xml").write_text("<?xml version='1.0'?><settings/>", encoding="utf-8")
    assert load_corpus(tmp_path)[1][0].reason == "neither a feed (RSS, Atom) nor a web page"


def test_repeated_entry_id_is_skipped_once(tmp_path: Path) -> None:
    item = "<item><guid>same</guid><title>T{n}</title><description>Text {n}.</description></item>"
    items = item.format(n=1) + item.format(n=2)
    (tmp_path / "f.rss").write_text(
        f"<rss version='2.0'><channel><title>F</title>{items}</channel></rss>", encoding="utf-8"
    )
    articles, skipped = load_corpus(tmp_path)
    assert [a.title for a in articles] == ["T1"]
    assert [(s.path, s.reason) for s in skipped] == [
        ("f.rss#same", "entry repeats an earlier entry's id")
    ]
