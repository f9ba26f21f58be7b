"""F re-fetches the corpus's feeds from a real server on 127.0.0.1, then re-indexes."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from index import FetchLimits, fetch_urls
from tests.pilot import run_palette_command, settle, wait_until
from tui_reader.app import NewsReaderApp


def feed(keys: list[str]) -> bytes:
    items = "".join(
        f"<item><guid>https://tide.example/{k}</guid><title>Harbour story {k}</title>"
        f"<description>The harbour office reported story {k} on the tide tables.</description>"
        "</item>"
        for k in keys
    )
    return f"<rss version='2.0'><channel><title>Tide Wire</title>{items}</channel></rss>".encode()


@pytest.fixture
def server() -> Iterator[tuple[str, list[list[str]]]]:
    listing = [["a", "b"]]  # what /feed lists now (the test changes it)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            etag = '"' + "".join(listing[0]) + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            body = feed(listing[0])
            self.send_response(200)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, name="test-feeds", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/feed", listing
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


async def test_refresh_key_fetches_then_reindexes(
    server: tuple[str, list[list[str]]], tmp_path: Path
) -> None:
    url, listing = server
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    [first] = fetch_urls([url], corpus, FetchLimits(read_timeout=5), trust_env=False)
    feed_id = f"{first.path}#https://tide.example/"
    listing[0] = ["b", "c"]  # the feed moved on: "c" is new, "a" dropped out
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert sorted(app.state.by_id) == [feed_id + "a", feed_id + "b"]
        await pilot.press("F")
        await wait_until(pilot, lambda: feed_id + "c" in app.state.by_id, "the new entry")
        await settle(app, pilot)
        # "a" is kept (archived under its id), "c" was added; the update was incremental
        assert sorted(app.state.by_id) == [feed_id + k for k in "abc"]
        report = app.state.report
        assert report is not None and (report.added, report.removed) == (1, 0)
        messages = [n.message for n in app._notifications]
        assert any("1 feed(s): 0 new, 1 changed, 0 unchanged, 0 failed" in m for m in messages)
        # From the palette too; nothing changed this time, so no re-index is started.
        await run_palette_command(app, pilot, "Refresh feeds")
        await wait_until(
            pilot,
            lambda: any("1 unchanged" in n.message for n in app._notifications),
            "the unchanged notice",
        )


async def test_refresh_without_feeds_says_so(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.txt").write_text("Title\n\nOne line of a report.\n", encoding="utf-8")
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("F")
        await wait_until(
            pilot,
            lambda: any("No feeds to refresh" in n.message for n in app._notifications),
            "the no-feeds notice",
        )
