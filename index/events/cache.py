"""Event grouping cached on disk, keyed by the articles' content and the core's code."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from index.base.code_hash import code_version
from index.base.locations import cache_dir as default_cache_dir
from index.base.models import Article, Event
from index.events.collapse import group_with_families, representative
from index.events.collect import gather
from index.events.copies import source_families
from index.events.group import group_matrix
from index.events.incremental import INCREMENTAL_MIN, Base, delta, regroup_near, worth
from index.events.store import StoreWriter, digest, read_store

# Bumped when the file layout changes; part of the key, so old files are never misread.
FORMAT = 2
# Cache files kept (most recently used first): one per corpus state, so editing a corpus leaves
# the old states behind; a handful covers a user switching between a few folders.
KEEP = 8


def _encode(text: str | None) -> bytes:
    # None and "" must differ; surrogates (from odd file names) must not raise
    return b"\x00" if text is None else text.encode("utf-8", "surrogatepass") + b"\x01"


def content_hash(article: Article) -> str:
    """sha256 of what the grouping may read of an article: title, body, date and outlet (the
    outlet can tell which of two copies is the origin)."""
    digest = hashlib.sha256()
    for part in (article.title, article.body, article.published, article.source):
        digest.update(_encode(part))
    return digest.hexdigest()


def corpus_key(articles: Sequence[Article], contents: dict[str, str] | None = None) -> str:
    """A key for this exact set of articles and this code: sorted (id, content hash) pairs
    (``contents``: the content hashes by id, when already made)."""
    digest = hashlib.sha256(f"events-{FORMAT}-{code_version()}".encode())
    if contents is None:
        contents = {a.id: content_hash(a) for a in articles}
    for article_id, content in sorted((a.id, contents[a.id]) for a in articles):
        digest.update(_encode(article_id))
        digest.update(content.encode())
    return digest.hexdigest()[:32]


def default_events_dir() -> Path:
    """Where cached groupings live: ``cache_dir()/events``."""
    return default_cache_dir() / "events"


def _parse(data: Any, key: str, articles: Sequence[Article]) -> list[Event] | None:
    """The events in ``data`` if it is a well-formed partition of exactly these articles."""
    if not isinstance(data, dict) or data.get("key") != key or data.get("format") != FORMAT:
        return None
    rows = data.get("events")
    if not isinstance(rows, list):
        return None
    wanted = {a.id for a in articles}
    seen: set[str] = set()
    events = []
    for row in rows:
        if not isinstance(row, dict):
            return None
        event_id, title, ids = row.get("id"), row.get("title"), row.get("articles")
        if not isinstance(event_id, str) or not isinstance(title, str):
            return None
        if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
            return None
        seen.update(ids)
        events.append(Event(id=event_id, title=title, article_ids=tuple(ids)))
    # a file that does not cover every article exactly once was damaged: recompute
    if seen != wanted or sum(len(e.article_ids) for e in events) != len(wanted):
        return None
    return events


def _read(path: Path, key: str, articles: Sequence[Article]) -> list[Event] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8", errors="surrogatepass"))
    except (OSError, ValueError, UnicodeError, RecursionError):
        return None  # missing, unreadable or corrupt: a cache miss, never an error
    events = _parse(data, key, articles)
    if events is not None:
        try:
            os.utime(path)  # marks it recently used, so pruning keeps it
        except OSError:
            pass
    return events


def _base(data: Any) -> Base | None:
    """The grouping in ``data`` as the base of an incremental one, if it is one of this code
    whose events are a partition of the articles it names."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    contents, drift, key = data.get("contents"), data.get("drift"), data.get("key")
    if data.get("code") != code_version() or not isinstance(drift, int):
        return None
    if not isinstance(key, str):
        return None
    if not isinstance(contents, dict) or not all(isinstance(h, str) for h in contents.values()):
        return None
    articles = [Article(id=i, path=i, title="", body="") for i in contents]
    events = _parse(data, key, articles)
    return None if events is None else Base(tuple(events), contents, drift)


def _nearest_base(folder: Path, contents: dict[str, str]) -> Base | None:
    """Of the cached groupings, the one fewest articles away from ``contents`` that is worth
    regrouping incrementally (``incremental.worth``); None if there is none."""
    if len(contents) < INCREMENTAL_MIN:
        return None
    best: tuple[int, Base] | None = None
    for path in folder.glob("*.json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8", errors="surrogatepass"))
        except (OSError, ValueError, UnicodeError, RecursionError):
            continue
        base = _base(data)
        if base is None:
            continue
        change = delta(base, contents)
        if worth(base, change) and (best is None or change.size < best[0]):
            best = (change.size, base)
    return None if best is None else best[1]


def _write(
    folder: Path, key: str, events: list[Event], contents: dict[str, str], drift: int
) -> None:
    data = {
        "format": FORMAT,
        "key": key,
        "code": code_version(),
        "drift": drift,
        "events": [{"id": e.id, "title": e.title, "articles": list(e.article_ids)} for e in events],
        "contents": contents,
    }
    temp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # temp file in the same folder, then os.replace: readers see the old file or the new one
        fd, temp = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogatepass") as out:
            # dumps, then one write: json.dump streams through the pure-Python encoder (0.8 s
            # for a 10k grouping with its contents, against 0.05 s for dumps' C encoder)
            out.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        os.replace(temp, folder / f"{key}.json")
        temp = None
        _prune(folder)
    except (OSError, ValueError, UnicodeError):
        pass  # the events are still returned; the next start groups again
    finally:
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass


def _prune(folder: Path) -> None:
    """Keep the KEEP most recently used cache files."""
    files = []
    for path in folder.glob("*.json"):
        try:
            files.append((path.stat().st_mtime, path))
        except OSError:
            continue
    files.sort(reverse=True)
    for _, path in files[KEEP:]:
        try:
            path.unlink()
        except OSError:
            pass


def cached_group_events(articles: Sequence[Article], cache_dir: Path | None = None) -> list[Event]:
    """``group_events(articles)``, read from disk when this exact corpus was grouped before.

    Any change to an article (id, title, body, date, outlet), an added or removed article, or a
    change to the core's code groups again. A corpus of INCREMENTAL_MIN articles or more whose
    last grouping is cached regroups only the events the changes reach
    (index/events/incremental.py) until DRIFT_SHARE of it changed; otherwise, and for smaller
    corpora, the whole corpus is grouped, as ``group_events`` does. Either way the slow part is
    reused: the terms and shingles of every article whose content the last grouping saw
    (``terms/``, index/events/store.py) are read back, not made again. ``cache_dir`` defaults
    to ``cache_dir()/events``.
    """
    if not articles:
        return []
    folder = default_events_dir() if cache_dir is None else cache_dir
    contents = {a.id: content_hash(a) for a in articles}
    key = corpus_key(articles, contents)
    path = folder / f"{key}.json"
    found = _read(path, key, articles)
    if found is not None:
        return found
    events, drift = regroup(articles, contents, folder / "terms", _nearest_base(folder, contents))
    _write(folder, key, events, contents, drift)
    return events


def regroup(
    articles: Sequence[Article], contents: dict[str, str], terms: Path, base: Base | None = None
) -> tuple[list[Event], int]:
    """``group_events``, reusing and then replacing the terms store at ``terms``; incremental
    from ``base`` when it is given and the change is small (``incremental.worth``). Also the
    articles changed since the last full grouping (0 after a full one)."""
    digests = {i: digest(h) for i, h in contents.items()}
    try:
        sink: StoreWriter | None = StoreWriter(terms)
    except OSError:
        sink = None  # no store this time; the grouping is the same
    try:
        # the old store is read while gathering only (it holds every article's rows and
        # shingles): the new one replaces it at the matrix
        builder = gather(articles, contents=digests, known=read_store(terms), sink=sink)
        families = source_families(articles, builder.sampled)
        by_id = {a.id: a for a in articles}
        collected = builder.matrix(keep={representative(f, by_id).id for f in families})
        change = delta(base, contents) if base is not None else None
        if base is not None and change is not None and worth(base, change):
            events = regroup_near(base, articles, families, change, collected)
            if events is not None:
                return events, base.drift + change.size

        def group(chosen: Sequence[Article]) -> list[Event]:
            return group_matrix(*collected)  # the representatives' matrix, made above

        return group_with_families(articles, families, group), 0
    finally:
        if sink is not None and not sink.done:
            sink.abandon()
