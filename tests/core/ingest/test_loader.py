"""The loader API: discovery, ids, .txt/.md/.json/.jsonl parsing, encodings and bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from index.base.errors import CorpusNotFound
from index.ingest.folder import walk
from index.ingest.loader import discover, load_corpus, load_file, relative_id


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def load_one(root: Path, name: str, data: str | bytes):  # type: ignore[no-untyped-def]
    return load_file(root, write(root / name, data))


# --- discovery -------------------------------------------------------------------------------


def test_discover_sorted_recursive_skips_hidden_and_other_types(tmp_path: Path) -> None:
    for name in [
        "b.txt",
        "a/z.md",
        "a/y.JSON",
        "c.jsonl",
        "d.markdown",
        "e.html",
        ".h.txt",
        ".git/x.txt",
        "a/.cache/q.md",
        "f.txt.bak",
    ]:
        write(tmp_path / name, "x")
    got = [relative_id(tmp_path, p) for p in discover(tmp_path)]
    assert got == ["a/y.JSON", "a/z.md", "b.txt", "c.jsonl", "d.markdown", "e.html"]
    # Other types are not candidates, but the walk names them with the reason (never silent).
    problems = [(relative_id(tmp_path, p), why) for p, why in walk(tmp_path)[1]]
    assert problems == [("f.txt.bak", "unsupported type .bak")]


def test_discover_skips_corpus_documentation(tmp_path: Path) -> None:
    names = [
        "README.md",
        "readme.txt",
        "sub/LICENSE",
        "LICENSEDATA.TXT",
        "COPYING-CC.TXT",
        "Licence.md",
        "license-fees.txt",
        "readme-of-the-week.md",
        "CHANGELOG.md",
        "news.md",
    ]
    for name in names:
        write(tmp_path / name, "Title\nBody.")
    got = [relative_id(tmp_path, p) for p in discover(tmp_path)]
    assert got == ["license-fees.txt", "news.md", "readme-of-the-week.md"]


def test_discover_survives_symlink_loop(tmp_path: Path) -> None:
    write(tmp_path / "sub" / "a.txt", "Title\nBody.")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    assert [relative_id(tmp_path, p) for p in discover(tmp_path)] == ["sub/a.txt"]


def test_undecodable_file_name_reported_not_loaded(tmp_path: Path) -> None:
    write(tmp_path / "ok.txt", "Title\nBody.")
    with open(os.fsencode(tmp_path) + b"/bad\xff.txt", "wb") as handle:
        handle.write(b"Title\nBody.")
    assert [p.name for p in discover(tmp_path)] == ["ok.txt"]
    articles, (skip,) = load_corpus(tmp_path)
    assert [a.id for a in articles] == ["ok.txt"]
    assert skip.path == "bad\ufffd.txt" and "UTF-8" in skip.reason
    os.mkdir(os.fsencode(tmp_path) + b"/dir\xfe")
    with open(os.fsencode(tmp_path) + b"/dir\xfe/in.txt", "wb") as handle:
        handle.write(b"Title\nBody.")
    _, skipped = load_corpus(tmp_path)
    assert [s.path for s in skipped] == ["dir\ufffd", "bad\ufffd.txt"]


def test_load_corpus_missing_or_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(CorpusNotFound):
        load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusNotFound):
        load_corpus(write(tmp_path / "file.txt", "x"))


def test_load_corpus_collects_articles_and_skips(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Title A\n\nBody A.")
    write(tmp_path / "b.txt", "")
    write(tmp_path / "c.json", "{bad")
    articles, skipped = load_corpus(tmp_path)
    assert [a.id for a in articles] == ["a.txt"]
    assert [s.path for s in skipped] == ["b.txt", "c.json"]


# --- .txt -------------------------------------------------------------------------------------


def test_txt_title_and_body(tmp_path: Path) -> None:
    raw = "\n\n  Bridge opens  \n\nIt opened.\nIt rained.\n"
    (art,), skipped = load_one(tmp_path, "n/one.txt", raw)
    assert skipped == []
    assert (art.id, art.path, art.title) == ("n/one.txt", "n/one.txt", "Bridge opens")
    assert art.body == "It opened.\n\nIt rained."
    assert art.source is None and art.published is None


@pytest.mark.parametrize("data", ["", "   \n\n", "\x1b[31m\n", "Advertisement\nShare\n"])
def test_txt_without_text_is_skipped(tmp_path: Path, data: str) -> None:
    articles, (skip,) = load_one(tmp_path, "e.txt", data)
    assert articles == [] and skip == skip.__class__("e.txt", "no article text")


@pytest.mark.parametrize("data", ["One lone sentence.\n", "# One lone sentence.\n"])
def test_one_line_report_is_its_own_body(tmp_path: Path, data: str) -> None:
    name = "one.md" if data.startswith("#") else "one.txt"
    (art,), _ = load_one(tmp_path, name, data)
    assert art.title == art.body == "One lone sentence."


@pytest.mark.parametrize(
    "data",
    [
        "\ufeffTitl\u00e9\nBody \u00e9t\u00e9.".encode("utf-8"),
        "\ufeffTitl\u00e9\nBody \u00e9t\u00e9.".encode("utf-16-le"),
        "\ufeffTitl\u00e9\nBody \u00e9t\u00e9.".encode("utf-16-be"),
        "Titl\u00e9\nBody \u00e9t\u00e9.".encode("cp1252"),
    ],
)
def test_encodings(tmp_path: Path, data: bytes) -> None:
    (art,), _ = load_one(tmp_path, "enc.txt", data)
    assert (art.title, art.body) == ("Titl\u00e9", "Body \u00e9t\u00e9.")


def test_undecodable_bytes_replaced_not_skipped(tmp_path: Path) -> None:
    (art,), _ = load_one(tmp_path, "bad.txt", b"Title\nBody \x81\x8d ok \xff\xfe.")
    assert art.body.startswith("Body") and "ok" in art.body


def test_binary_file_skipped(tmp_path: Path) -> None:
    _, (skip,) = load_one(tmp_path, "bin.txt", b"PK\x03\x04\x00\x00binary\x00stuff")
    assert skip.reason == "binary file"


def test_control_byte_soup_without_nul_is_binary(tmp_path: Path) -> None:
    _, (skip,) = load_one(tmp_path, "soup.txt", bytes(range(1, 32)) * 20 + b"some text")
    assert skip.reason == "binary file"
    # a few stray controls in real text are cleaned, not a reason to skip
    (art,), _ = load_one(tmp_path, "ok.txt", b"Title\nBody \x01with\x02 text." + b"x" * 100)
    assert art.body.startswith("Body with text.")


def test_size_limit_from_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSREADER_MAX_FILE_MB", "0.001")
    _, (skip,) = load_one(tmp_path, "big.txt", "Title\n" + "word " * 400)
    assert "larger than" in skip.reason
    monkeypatch.setenv("NEWSREADER_MAX_FILE_MB", "1")
    (art,), _ = load_file(tmp_path, tmp_path / "big.txt")
    assert art.title == "Title"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", "Title\nBody.")
    path.chmod(0)
    try:
        _, (skip,) = load_file(tmp_path, path)
    finally:
        path.chmod(0o644)
    assert skip.path == "locked.txt" and "cannot read" in skip.reason


def test_terminal_escapes_never_reach_title_or_body(tmp_path: Path) -> None:
    raw = "\x1b[2JTi\x1b[31mtle\x07\nBo\x1b]52;c;eA==\x07dy.\r\n"
    (art,), _ = load_one(tmp_path, "esc.txt", raw)
    assert (art.title, art.body) == ("Title", "Body.")


# --- .md --------------------------------------------------------------------------------------


def test_md_yaml_front_matter_and_markdown_reduced_to_text(tmp_path: Path) -> None:
    src = (
        "---\ntitle: '  Port strike ends '\nsource: The Harbour Times\npublished: 2024-03-05\n"
        "url: ' https://example.org/a '\nauthor: ['Ann Lee', 'Bo Chan']\n---\n"
        "# Port strike ends\n\nWorkers *returned* on [Monday](http://x.example/m).\n"
        "Talks lasted `9` days.\n\n- first item\n- second item\n\n> A quoted line.\n\n"
        "<div class='ad'>Boxed <b>text</b> &amp; more</div>\n\n```\ncode  words\n```\n"
        "\n![a photo](p.png)\n"
    )
    (art,), skipped = load_one(tmp_path, "p.md", src)
    assert skipped == []
    assert art.title == "Port strike ends"
    assert art.source == "The Harbour Times"
    assert art.published == "2024-03-05"
    assert art.url == "https://example.org/a"
    assert art.author == "Ann Lee, Bo Chan"
    assert art.body.split("\n\n") == [
        "Workers returned on Monday. Talks lasted 9 days.",
        "first item",
        "second item",
        "A quoted line.",
        "Boxed text & more",
        "code words",
    ]
    assert "<" not in art.body and "http" not in art.body


def test_md_toml_front_matter(tmp_path: Path) -> None:
    src = '+++\ntitle = "Dam report"\npublished = 2024-01-02T03:04:05Z\n+++\nThe dam held.\n'
    (art,), _ = load_one(tmp_path, "t.markdown", src)
    assert (art.title, art.body) == ("Dam report", "The dam held.")
    assert art.published == "2024-01-02T03:04:05+00:00"


def test_md_front_matter_with_windows_line_endings(tmp_path: Path) -> None:
    src = "---\r\ntitle: Crlf title\r\nsource: Crlf Post\r\n---\r\nLine one\r\nline two.\r\n"
    (art,), _ = load_one(tmp_path, "w.md", src)
    assert (art.title, art.source, art.body) == ("Crlf title", "Crlf Post", "Line one line two.")


def test_md_title_from_first_heading_else_first_line(tmp_path: Path) -> None:
    (a,), _ = load_one(tmp_path, "h.md", "Intro line.\n\n## The Heading\n\nMore text.")
    assert a.title == "The Heading" and a.body == "Intro line.\n\nThe Heading\n\nMore text."
    (b,), _ = load_one(tmp_path, "h2.md", "## Top Heading\n\nText under it.")
    assert b.title == "Top Heading" and b.body == "Text under it."
    (c,), _ = load_one(tmp_path, "l.md", "First *line* here\n\nSecond para.")
    assert c.title == "First line here" and c.body == "Second para."


@pytest.mark.parametrize(
    "front",
    ["---\n: : [\n---\n", "---\n- a list\n---\n", "+++\nnot = = toml\n+++\n", "---\n---\n"],
)
def test_md_bad_front_matter_means_no_metadata(tmp_path: Path, front: str) -> None:
    (art,), _ = load_one(tmp_path, "f.md", front + "Title line\n\nBody text.")
    assert (art.title, art.body, art.source) == ("Title line", "Body text.", None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-21", "2024-10-21"),
        ("'2024-10-21T08:30:00+09:00'", "2024-10-21T08:30:00+09:00"),
        ("2024-10-21 08:30:00", "2024-10-21T08:30:00"),
        ("'October 21, 2024'", None),
        ("'yesterday'", None),
        ("20241021", None),
        ("''", None),
    ],
)
def test_published_normalised_never_invented(tmp_path: Path, value: str, expected: str) -> None:
    (art,), _ = load_one(tmp_path, "d.md", f"---\npublished: {value}\n---\nT\n\nBody.")
    assert art.published == expected


def test_md_osc8_link_next_to_markdown_syntax(tmp_path: Path) -> None:
    src = "T\n\nSee \x1b]8;;http://e.example\x1b\\[the site]\x1b]8;;\x1b\\ today.\n"
    (art,), _ = load_one(tmp_path, "o.md", src)
    assert art.body == "See [the site] today."


def test_md_raw_html_and_escapes_are_text_not_markup(tmp_path: Path) -> None:
    src = "T\n\nA <script>alert(1)</script> b [bold]x[/bold] \x1b[31mred\n"
    (art,), _ = load_one(tmp_path, "x.md", src)
    assert "<script>" not in art.body and "\x1b" not in art.body
    assert "[bold]x[/bold]" in art.body  # kept as literal text; the UI must not parse it


# --- .json / .jsonl ---------------------------------------------------------------------------


def test_json_single_object_id_is_path(tmp_path: Path) -> None:
    obj = {"title": "Flood", "text": "Water rose.\nRoads closed.", "source": " ", "url": ""}
    (art,), _ = load_one(tmp_path, "one.json", json.dumps(obj))
    assert (art.id, art.title, art.body) == ("one.json", "Flood", "Water rose.\n\nRoads closed.")
    assert art.source is None and art.url is None


def test_json_list_ids_and_bad_entries(tmp_path: Path) -> None:
    data = [
        {"title": "A", "body": "Alpha."},
        "not an object",
        {"title": "C"},
        {"content": "Gamma text without a title."},
        {"title": "E", "body": 42},
    ]
    articles, skipped = load_one(tmp_path, "many.json", json.dumps(data))
    assert [a.id for a in articles] == ["many.json#0", "many.json#3"]
    assert articles[1].title == "Gamma text without a title."
    assert all(a.path == "many.json" for a in articles)
    assert [s.path for s in skipped] == ["many.json#1", "many.json#2", "many.json#4"]
    assert all(s.path in s.reason for s in skipped)


def test_malformed_json_reports_line_and_column(tmp_path: Path) -> None:
    _, (skip,) = load_one(tmp_path, "bad.json", '{\n  "title": "x",\n  oops\n}')
    assert skip.path == "bad.json"
    assert "line 3 column 3" in skip.reason


def test_json_lines_content_in_a_json_file(tmp_path: Path) -> None:
    lines = [json.dumps({"title": "A", "body": "Alpha."}), json.dumps({"title": "B", "body": "B."})]
    articles, skipped = load_one(tmp_path, "lines.json", "\n".join(lines))
    assert [a.id for a in articles] == ["lines.json#0", "lines.json#1"] and skipped == []
    _, (skip,) = load_one(tmp_path, "two.json", '{"a": 1} {"b": 2}')
    assert "line 1 column 10: Extra data" in skip.reason


def test_deeply_nested_json_is_skipped_not_raised(tmp_path: Path) -> None:
    _, (skip,) = load_one(tmp_path, "deep.json", "[" * 100000 + "]" * 100000)
    assert skip.path.startswith("deep.json")


def test_jsonl_bad_line_does_not_stop_others(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "One", "body": "First."}),
        "{broken",
        "",
        json.dumps({"title": "Three", "body": "Third.", "published": "2024-02-30"}),
        json.dumps([1, 2]),
    ]
    articles, skipped = load_one(tmp_path, "feed.jsonl", "\n".join(lines))
    assert [a.id for a in articles] == ["feed.jsonl#0", "feed.jsonl#3"]
    assert articles[1].published is None  # Feb 30 is not a date
    assert [s.path for s in skipped] == ["feed.jsonl#1", "feed.jsonl#4"]
    assert "line 2 column" in skipped[0].reason


def test_json_source_inferred_from_text_when_missing(tmp_path: Path) -> None:
    obj = {"title": "Quake", "body": "A quake hit the coast. It was strong. (Reuters)"}
    (art,), _ = load_one(tmp_path, "q.json", json.dumps(obj))
    assert art.source == "Reuters"
    obj["source"] = "Metro Daily"
    (art,), _ = load_one(tmp_path, "q.json", json.dumps(obj))
    assert art.source == "Metro Daily"


def test_json_lone_surrogate_escapes_do_not_survive(tmp_path: Path) -> None:
    (art,), _ = load_one(tmp_path, "s.json", '{"title": "T\\ud800", "body": "Bo\\udfffdy."}')
    assert (art.title, art.body) == ("T", "Body.")
    art.body.encode("utf-8")


def test_fifo_and_folder_skipped_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    _, (skip,) = load_file(tmp_path, tmp_path / "pipe.txt")
    assert skip == skip.__class__("pipe.txt", "not a regular file")
    (tmp_path / "dir.md").mkdir()
    _, (skip,) = load_file(tmp_path, tmp_path / "dir.md")
    assert skip.reason == "not a regular file"
    assert [p.name for p in discover(tmp_path)] == ["pipe.txt"]  # loading names the reason


def test_bundled_corpus_loads_without_skips(corpus_dir: Path) -> None:
    articles, skipped = load_corpus(corpus_dir)
    assert skipped == []
    assert articles and not any(a.path.endswith("README.md") for a in articles)
    assert len({a.id for a in articles}) == len(articles)
    kinds = {Path(a.path).suffix for a in articles}
    assert {".txt", ".md", ".json", ".jsonl"} <= kinds


# Expected metadata from docs/corpus-guide.md (the bundled corpus's answer key).
CORPUS_META = {
    "korea-russia-envoy/jakarta-desk.txt": (None, None),
    "korea-russia-envoy/peninsula-wire.txt": ("Yonhap", None),
    "korea-russia-envoy/national-ledger.txt": ("The National Ledger", None),
    "korea-russia-envoy/dnipro-dispatch.md": ("Dnipro Dispatch", "2024-10-21T18:40:00+03:00"),
    "korea-russia-envoy/global-courier.json": ("Global Courier", "2024-10-21T14:05:00+00:00"),
    "serani-quake-2021/archipelago-times.md": ("Archipelago Times", "2021-03-09T14:30:00+08:00"),
    "serani-quake-2021/waimora-quake-report.txt": (None, None),
    "serani-quake-2021/wire-roundup.json#0": ("Southeast Asia Wire", "2021-03-09T16:05:00+08:00"),
    "serani-quake-2021/wire-roundup.json#1": ("Nusantara Daily Post", "2021-03-09"),
    "serani-quake-2024/serani-herald.md": ("Serani Herald", "2024-11-14"),
    "serani-quake-2024/nusa-press.txt": ("Nusa Press", None),
    "serani-quake-2024/equator-online.md": ("Equator Online", "2024-11-14T19:20:00+08:00"),
    "wire/agency-feed.jsonl#0": ("Pacific Rim Newswire", "2024-11-14T08:10:00+00:00"),
    "hestnes-ferry-grounding/nordic-coast-news.md": (
        "Nordic Coast News",
        "2025-02-08T23:55:00+01:00",
    ),
    "hestnes-ferry-grounding/island-evacuation.txt": (None, None),
    "wire/agency-feed.jsonl#1": ("Baltic & Nordic Wire", "2025-02-09T06:30:00+00:00"),
    "hestnes-ferry-grounding/fjord-tidende.md": ("Fjord Tidende", "2025-02-09T11:15:00+01:00"),
    "marlow-wetland-ruling/calder-courier.md": ("Calder Courier", "2025-06-10T17:45:00-04:00"),
    "marlow-wetland-ruling/harbor-report.txt": (None, None),
    "wire/agency-feed.jsonl#2": ("Coastal Business Wire", "2025-06-11"),
    "marlow-wetland-ruling/tidewater-gazette.json": (
        "Tidewater Gazette",
        "2025-06-10T20:30:00-04:00",
    ),
}
CORPUS_FURNITURE = {
    "Share this article",
    "Follow us on X",
    "Top 10 Stories",
    "Sign up for eNewsletter",
    "Updated",
    "2 min read",
    "Advertisement",
    "Add a Comment",
    "Your email address will not be published.",
}


def test_bundled_corpus_metadata_matches_the_guide(corpus_dir: Path) -> None:
    articles, _ = load_corpus(corpus_dir)
    got = {a.id: (a.source, a.published) for a in articles}
    assert got == CORPUS_META
    for art in articles:
        paragraphs = art.body.split("\n\n")
        assert not CORPUS_FURNITURE & set(paragraphs), art.id
        assert len(paragraphs) == len(set(paragraphs)), art.id  # repeated caption kept once
        assert not any(p.startswith("By ") and len(p) < 40 for p in paragraphs), art.id
