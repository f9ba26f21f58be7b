"""Fetch URLs into a corpus folder: one file per page or feed, its sidecar, nothing unchanged twice.

A URL always lands at the same place, ``<host>/<slug>-<hash>.html`` for a page or ``.xml`` for a
feed (the bytes decide which), so a later run finds the file and its sidecar and asks the server
only for a newer copy (ETag / Last-Modified). A newer copy of a feed replaces the file: entry ids
(``path#<entry id>``) stay the same.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from index.fetch.archive import vanished_entries
from index.fetch.client import FetchError, FetchLimits, Response, get, make_client
from index.ingest.sidecar import Origin, read_origin, sidecar_path, write_origin
from index.ingest.sniff import sniff

if TYPE_CHECKING:
    import httpx  # only for annotations: see client.py

Status = Literal["new", "changed", "unchanged", "failed"]
Progress = Callable[[int, int, str], object]
_SLUG = re.compile(r"[^a-z0-9]+")
_HOST = re.compile(r"[^a-z0-9.-]+")
_PATH_EXT = re.compile(r"\.[a-z0-9]{1,5}$")
_EXTENSIONS = {"feed": ".xml", "page": ".html"}


@dataclass(frozen=True)
class FetchResult:
    """What happened to one URL: ``path`` is relative to the corpus folder."""

    url: str
    status: Status
    path: str | None = None
    error: str | None = None

    def line(self) -> str:
        """One line for the user: ``new  host/page.html  <- URL`` or ``failed URL: reason``."""
        if self.status == "failed":
            return f"failed {self.url}: {self.error}"
        return f"{self.status} {self.path} <- {self.url}"


def place(url: str) -> tuple[str, str]:
    """(folder, file stem) of a URL: its host, and a slug of its path with a short hash of the
    whole URL (two URLs never share a file, the same URL always finds its own)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("not an http:// or https:// URL")
    host = _HOST.sub("-", parts.hostname.lower()).strip(".-") or "host"
    if parts.port:
        host += f"_{parts.port}"
    path = _PATH_EXT.sub("", parts.path.lower())  # ".html", ".php": the file gets its own
    slug = _SLUG.sub("-", path).strip("-")[-60:].strip("-") or "index"
    digest = hashlib.blake2b(url.encode("utf-8"), digest_size=4).hexdigest()
    return host, f"{slug}-{digest}"


def _existing(folder: Path, stem: str) -> Path | None:
    for ext in _EXTENSIONS.values():
        path = folder / (stem + ext)
        if path.is_file():
            return path
    return None


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _write(path: Path, data: bytes) -> None:
    """Write atomically: a crash never leaves half a page for the indexer."""
    temp = path.with_name(f".{path.name}.part")
    temp.write_bytes(data)
    os.replace(temp, path)


def _origin(url: str, answer: Response, kind: str | None) -> Origin:
    return Origin(
        url=url,
        retrieved=_now(),
        final_url=answer.final_url if answer.final_url != url else None,
        etag=answer.etag,
        last_modified=answer.last_modified,
        kind=kind,
        content_type=answer.content_type,
    )


def _fetch_one(client: httpx.Client, url: str, into: Path, limits: FetchLimits) -> FetchResult:
    host, stem = place(url)
    folder = into / host
    old = _existing(folder, stem)
    before = read_origin(old) if old else None
    validators = (before.etag, before.last_modified) if before else (None, None)
    answer = get(client, url, limits, *validators)
    if answer.status == 304 and old is not None and before is not None:
        write_origin(old, _origin(url, answer, before.kind))
        return FetchResult(url, "unchanged", old.relative_to(into).as_posix())
    if answer.status == 304:  # validators we never sent: the server is confused
        raise FetchError("HTTP 304 without a cached copy")
    kind = sniff(answer.body)
    if kind == "other":
        ctype = (answer.content_type or "").lower()
        kind = "page" if "html" in ctype else "feed" if "xml" in ctype else "other"
    if kind == "other":
        shown = answer.content_type or "unknown"
        raise FetchError(f"neither a web page nor a feed (content type {shown})")
    path = folder / (stem + _EXTENSIONS[kind])
    rel = path.relative_to(into).as_posix()
    if old == path and old.read_bytes() == answer.body:  # a server without validators
        write_origin(path, _origin(url, answer, kind))
        return FetchResult(url, "unchanged", rel)
    folder.mkdir(parents=True, exist_ok=True)
    if old == path and kind == "feed" and before is not None:
        _archive(path, answer.body, before, into)
    _write(path, answer.body)
    write_origin(path, _origin(url, answer, kind))
    if old is not None and old != path:  # a page that became a feed, or back
        old.unlink(missing_ok=True)
        sidecar_path(old).unlink(missing_ok=True)
    return FetchResult(url, "changed" if old is not None else "new", rel)


def _archive(feed: Path, new: bytes, before: Origin, into: Path) -> None:
    """Keep the entries the new copy of ``feed`` drops (see index/fetch/archive.py)."""
    gone = vanished_entries(feed.read_bytes(), new)
    if gone is None:
        return
    stamp = re.sub(r"[^0-9TZ]", "", _now().replace("+00:00", "Z"))
    # The time says when they went; the hash keeps two archives of one second apart.
    digest = hashlib.blake2b(gone, digest_size=3).hexdigest()
    target = feed.with_name(f"{feed.stem}.gone-{stamp}-{digest}{feed.suffix}")
    _write(target, gone)
    rel = feed.relative_to(into).as_posix()
    archived = replace(before, kind="feed-archive", ids_as=rel, etag=None, last_modified=None)
    write_origin(target, archived)


def fetch_urls(
    urls: Iterable[str],
    into: Path,
    limits: FetchLimits | None = None,
    progress: Progress | None = None,
    trust_env: bool = True,
) -> list[FetchResult]:
    """Fetch every URL into ``into`` (one after the other, politely); a failure is one result
    with its reason and never stops the others."""
    wanted = list(dict.fromkeys(u.strip() for u in urls if u.strip()))
    limits = limits or FetchLimits()
    results: list[FetchResult] = []
    with make_client(limits, trust_env=trust_env) as client:
        for n, url in enumerate(wanted):
            if progress is not None:
                progress(n, len(wanted), url)
            try:
                results.append(_fetch_one(client, url, into, limits))
            except FetchError as error:
                results.append(FetchResult(url, "failed", error=str(error)))
            except OSError as error:  # the corpus folder itself: full disk, no permission
                results.append(FetchResult(url, "failed", error=f"cannot write: {error}"))
    if progress is not None:
        progress(len(wanted), len(wanted), "")
    return results


def corpus_feeds(corpus: Path) -> list[str]:
    """The URLs of the feeds fetched into ``corpus`` before (from their sidecars), sorted."""
    found: set[str] = set()
    for base, dirs, files in os.walk(corpus):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") and name.endswith(".source.json"):
                target = Path(base) / name[1 : -len(".source.json")]
                origin = read_origin(target)
                if origin is not None and origin.kind == "feed":
                    found.add(origin.url)
    return sorted(found)
