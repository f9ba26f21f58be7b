"""`newsreader show` and `newsreader fetch`: an article as newsreader sees it, and downloading."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.helpers import WEB_FIXTURES
from tui_reader.cli import main

FEED = (WEB_FIXTURES / "feeds" / "rss2-content.xml").read_bytes()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def web_corpus(tmp_path: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(WEB_FIXTURES / "feeds" / "rss2-content.xml", corpus / "harbour.xml")
    shutil.copy(WEB_FIXTURES / "pages" / "broadsheet-fjord-tidende.html", corpus / "page.html")
    (corpus / "scan.pdf").write_bytes(b"%PDF")
    return corpus, tmp_path / "ix"


def test_show_json_has_search_fields_and_the_body(
    web_corpus: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, ix = web_corpus
    args = ("--corpus", str(corpus), "--index-dir", str(ix), "--format", "json")
    code, out, _ = run(capsys, "show", "page.html", *args)
    assert code == 0
    data = json.loads(out)
    assert list(data) == [
        "id", "path", "title", "source", "published", "url", "author", "body"
    ]  # fmt: skip
    assert data["source"] == "Fjord Tidende" and data["published"] == "2025-02-09"
    assert data["body"].startswith("Police in Nordland have opened an investigation")
    summary_id = "harbour.xml#https://harbourline.example/2025/03/breakwater-approved"
    code, out, _ = run(capsys, "show", summary_id, *args)
    assert code == 0 and json.loads(out)["is_summary"] is True


def test_show_text_marks_a_summary_and_unknown_id_is_one_line(
    web_corpus: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, ix = web_corpus
    summary_id = "harbour.xml#https://harbourline.example/2025/03/breakwater-approved"
    code, out, _ = run(capsys, "show", summary_id, "--corpus", str(corpus), "--index-dir", str(ix))
    assert code == 0
    assert out.splitlines()[0] == "Harbour council approves new breakwater"
    assert "source: Coast Wire" in out and "summary only" in out
    code, out, err = run(
        capsys, "show", "nope.html", "--corpus", str(corpus), "--index-dir", str(ix)
    )
    assert code == 2 and out == ""
    # (the lines before it name the skipped .pdf, as every command that indexes does)
    assert err.splitlines()[-1].startswith("newsreader: error: no article with id 'nope.html'")


def test_search_marks_summaries_in_text_and_json(
    web_corpus: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, ix = web_corpus
    where = ("--corpus", str(corpus), "--index-dir", str(ix))
    code, out, _ = run(capsys, "search", "breakwater", *where)
    assert code == 0 and "summary only)" in out  # (rich wraps the line at 80 columns)
    code, out, _ = run(capsys, "search", "breakwater", *where, "--format", "json")
    [hit] = json.loads(out)["hits"]
    assert hit["is_summary"] is True
    code, out, _ = run(capsys, "search", "Nordland", *where, "--format", "json")
    assert "is_summary" not in json.loads(out)["hits"][0]


def test_index_names_skipped_files(
    web_corpus: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, ix = web_corpus
    code, out, _ = run(capsys, "index", str(corpus), "--index-dir", str(ix))
    assert code == 0
    assert "added 3," in out and "skipped 1" in out
    assert "skipped scan.pdf: unsupported type .pdf" in out


@pytest.fixture
def feed_server() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/feed":
                self.send_response(200)
                self.send_header("Content-Length", str(len(FEED)))
                self.send_header("ETag", '"f1"')
                self.end_headers()
                self.wfile.write(FEED)
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, name="test-feeds", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_fetch_then_refresh(
    feed_server: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    into = tmp_path / "news"
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"{feed_server}/feed\n{feed_server}/gone\n", encoding="utf-8")
    code, out, err = run(capsys, "fetch", "--feeds", str(listing), "--into", str(into))
    assert code == 2  # one URL failed
    assert out.startswith("new 127.0.0.1_") and out.rstrip().endswith(f"<- {feed_server}/feed")
    assert f"newsreader: error: failed {feed_server}/gone: HTTP 404 Not Found" in err
    assert "1 new, 0 changed, 0 unchanged, 1 failed" in err
    code, out, err = run(capsys, "fetch", "--refresh", "--into", str(into))
    assert code == 0 and out.startswith("unchanged ")
    code, _, err = run(capsys, "fetch", "--into", str(into / "empty"))
    assert code == 2 and "nothing to fetch" in err
