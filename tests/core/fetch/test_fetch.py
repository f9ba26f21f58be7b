"""Fetching against a real HTTP server on 127.0.0.1 started by the tests: never the internet."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from index import load_corpus
from index.fetch import FetchLimits, corpus_feeds, fetch_urls, read_opml, read_url_list
from index.ingest.sidecar import read_origin
from tests.helpers import WEB_FIXTURES

PAGE = (WEB_FIXTURES / "pages" / "broadsheet-fjord-tidende.html").read_bytes()
FEED = (WEB_FIXTURES / "feeds" / "rss2-content.xml").read_bytes()
MODIFIED = "Tue, 11 Mar 2025 21:45:00 GMT"
LIMITS = FetchLimits(max_bytes=200_000, connect_timeout=2, read_timeout=0.5, total_timeout=5)


class Site:
    """What the server serves, and what it was asked."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.release = threading.Event()  # ends the slow response at teardown
        self.rolling = ["a", "b"]  # the entries /rolling lists now


def rolling_feed(keys: list[str]) -> bytes:
    items = "".join(
        f"<item><guid>https://rolling.example/{k}</guid><title>Story {k}</title>"
        f"<description>Text of story {k}.</description></item>"
        for k in keys
    )
    return (
        "<?xml version='1.0' encoding='ISO-8859-1'?><rss version='2.0'><channel>"
        f"<title>Rolling Wire</title>{items}</channel></rss>"
    ).encode("iso-8859-1")


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet
            pass

        def send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            if "Content-Length" not in (headers or {}):
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            path = self.path
            if path == "/news/ferry":
                if self.headers.get("If-None-Match") == '"v1"':
                    return self.send(304, b"", {"ETag": '"v1"'})
                return self.send(200, PAGE, {"ETag": '"v1"', "Content-Type": "text/html"})
            if path == "/feed":
                if self.headers.get("If-Modified-Since") == MODIFIED:
                    return self.send(304, b"")
                headers = {"Last-Modified": MODIFIED, "Content-Type": "application/rss+xml"}
                return self.send(200, FEED, headers)
            if path == "/rolling":
                etag = '"' + "".join(site.rolling) + '"'
                if self.headers.get("If-None-Match") == etag:
                    return self.send(304, b"")
                return self.send(200, rolling_feed(site.rolling), {"ETag": etag})
            if path == "/plain":  # no validators at all
                return self.send(200, PAGE, {"Content-Type": "text/html"})
            if path == "/old-address":
                return self.send(301, b"", {"Location": "/news/ferry"})
            if path == "/loop":
                return self.send(302, b"", {"Location": "/loop"})
            if path == "/broken":
                return self.send(500, b"oops")
            if path == "/huge":
                return self.send(200, b"x" * 300_000, {"Content-Type": "text/html"})
            if path == "/endless":  # no Content-Length: the limit must stop the read
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                for _ in range(40):
                    self.wfile.write(b"<p>" + b"y" * 10_000)
                return None
            if path == "/gzip":
                body = gzip.compress(PAGE)
                return self.send(
                    200, body, {"Content-Encoding": "gzip", "Content-Type": "text/html"}
                )
            if path == "/gzip-bomb":
                body = gzip.compress(b" " * 5_000_000)
                return self.send(
                    200, body, {"Content-Encoding": "gzip", "Content-Type": "text/html"}
                )
            if path == "/image":
                return self.send(
                    200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, {"Content-Type": "image/png"}
                )
            if path == "/slow":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(b"<html>")
                self.wfile.flush()
                site.release.wait(10)  # longer than the client's read timeout
                return None
            return self.send(404, b"not here")

    return Handler


@pytest.fixture
def server() -> Iterator[tuple[str, Site]]:
    site = Site()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name="test-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", site
    finally:
        site.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def _fetch(urls: list[str], into: Path) -> dict[str, tuple[str, str | None, str | None]]:
    results = fetch_urls(urls, into, LIMITS, trust_env=False)
    return {r.url: (r.status, r.path, r.error) for r in results}


def test_pages_and_feeds_land_as_files_with_their_sidecars(
    server: tuple[str, Site], tmp_path: Path
) -> None:
    base, site = server
    page, feed = f"{base}/news/ferry", f"{base}/feed"
    got = _fetch([page, feed], tmp_path)
    assert got[page][0] == "new" and got[page][1].endswith(".html")  # type: ignore[union-attr]
    assert got[feed][0] == "new" and got[feed][1].endswith(".xml")  # type: ignore[union-attr]
    assert (tmp_path / str(got[page][1])).read_bytes() == PAGE
    origin = read_origin(tmp_path / str(got[page][1]))
    assert origin is not None and origin.url == page and origin.etag == '"v1"'
    assert origin.kind == "page" and origin.retrieved.endswith("+00:00")
    assert site.requests[0][1]["user-agent"].startswith("newsreader/")
    articles, skipped = load_corpus(tmp_path)
    assert skipped == []
    assert len(articles) == 3  # the page and the feed's two entries
    assert corpus_feeds(tmp_path) == [feed]


def test_second_run_downloads_nothing_unchanged(server: tuple[str, Site], tmp_path: Path) -> None:
    base, site = server
    urls = [f"{base}/news/ferry", f"{base}/feed", f"{base}/plain"]
    first = _fetch(urls, tmp_path)
    stamps = {u: (tmp_path / str(first[u][1])).stat().st_mtime_ns for u in urls}
    site.requests.clear()
    second = _fetch(urls, tmp_path)
    assert {u: s[0] for u, s in second.items()} == dict.fromkeys(urls, "unchanged")
    assert {u: s[1] for u, s in second.items()} == {u: s[1] for u, s in first.items()}
    asked = {path: headers for path, headers in site.requests}
    assert asked["/news/ferry"]["if-none-match"] == '"v1"'
    assert asked["/feed"]["if-modified-since"] == MODIFIED
    # Files are not rewritten, so an incremental index sees nothing new.
    assert {u: (tmp_path / str(first[u][1])).stat().st_mtime_ns for u in urls} == stamps


def test_redirect_is_followed_and_recorded(server: tuple[str, Site], tmp_path: Path) -> None:
    base, _ = server
    url = f"{base}/old-address"
    [result] = fetch_urls([url], tmp_path, LIMITS, trust_env=False)
    assert result.status == "new"
    origin = read_origin(tmp_path / str(result.path))
    assert origin is not None and origin.url == url
    assert origin.final_url == f"{base}/news/ferry"


def test_each_failure_is_one_line_and_the_rest_continue(
    server: tuple[str, Site], tmp_path: Path
) -> None:
    base, _ = server
    bad = {
        "/loop": "more than 5 redirects",
        "/broken": "HTTP 500 Internal Server Error",
        "/missing": "HTTP 404 Not Found",
        "/huge": "larger than 0.190735 MB",
        "/endless": "larger than 0.190735 MB",
        "/gzip-bomb": "larger than 0.190735 MB",
        "/image": "neither a web page nor a feed (content type image/png)",
        "/slow": "timed out",
    }
    urls = [base + p for p in bad] + [f"{base}/gzip", "ftp://files.example/x", "not a url"]
    got = _fetch(urls, tmp_path)
    for path, reason in bad.items():
        assert got[base + path] == ("failed", None, reason), path
    assert got[f"{base}/gzip"][0] == "new"
    assert got["ftp://files.example/x"][2] == "not an http:// or https:// URL"
    assert got["not a url"][0] == "failed"
    line = fetch_urls([f"{base}/broken"], tmp_path, LIMITS, trust_env=False)[0].line()
    assert line == f"failed {base}/broken: HTTP 500 Internal Server Error"
    assert [a.id for a in load_corpus(tmp_path)[0]] == [_only_file(tmp_path)]


def _only_file(root: Path) -> str:
    [path] = [p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")]
    return path.relative_to(root).as_posix()


def test_feed_lists(tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>'
        '<outline text="News"><outline type="rss" text="A" xmlUrl="https://a.example/rss"/>'
        '<outline type="rss" text="B" xmlUrl="https://b.example/atom"/></outline>'
        '<outline type="rss" text="A again" xmlUrl="https://a.example/rss"/></body></opml>',
        encoding="utf-8",
    )
    assert read_opml(opml) == ["https://a.example/rss", "https://b.example/atom"]
    listing = tmp_path / "feeds.txt"
    listing.write_text("# my feeds\nhttps://a.example/rss\n\n  https://c.example/feed  \n")
    assert read_url_list(listing) == ["https://a.example/rss", "https://c.example/feed"]


def test_entries_a_newer_feed_drops_stay_with_their_ids(
    server: tuple[str, Site], tmp_path: Path
) -> None:
    base, site = server
    url = f"{base}/rolling"
    [first] = fetch_urls([url], tmp_path, LIMITS, trust_env=False)
    feed = str(first.path)
    ids = lambda: sorted(a.id for a in load_corpus(tmp_path)[0])  # noqa: E731
    feed = f"{feed}#https://rolling.example/"
    assert ids() == [f"{feed}a", f"{feed}b"]
    site.rolling = ["b", "c"]  # "a" drops out of the feed
    [second] = fetch_urls([url], tmp_path, LIMITS, trust_env=False)
    assert second.status == "changed"
    assert ids() == [f"{feed}a", f"{feed}b", f"{feed}c"]  # "a" kept, same id, no duplicate
    site.rolling = ["c", "d"]
    fetch_urls([url], tmp_path, LIMITS, trust_env=False)
    articles, skipped = load_corpus(tmp_path)
    assert skipped == []
    assert sorted(a.id for a in articles) == [f"{feed}{k}" for k in "abcd"]
    live = str(first.path)
    archives = sorted(a.path for a in articles if a.path != live)
    assert len(archives) == 2 and all(".gone-" in p for p in archives)
    assert {a.title for a in articles if a.path != live} == {"Story a", "Story b"}
    # The archives are not feeds to fetch again; the live feed is.
    assert corpus_feeds(tmp_path) == [url]
