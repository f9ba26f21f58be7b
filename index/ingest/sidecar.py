"""The sidecar of a fetched file: where it came from, when, and the validators for the next fetch.

A page or feed snapshot ``NAME`` fetched by ``newsreader fetch`` has a hidden ``.NAME.source.json``
beside it (hidden, so the walk never reads it as an article). The loader reads its URL as the
fallback for an article's URL; the fetcher reads its ETag and Last-Modified.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

_MAX_BYTES = 64 * 1024  # a sidecar is a few hundred bytes; anything larger is not ours


@dataclass(frozen=True)
class Origin:
    """Where a fetched file came from."""

    url: str  # the URL asked for (the feed or page address the user gave)
    retrieved: str  # ISO 8601 UTC time of the last successful request (200 or 304)
    final_url: str | None = None  # after redirects
    etag: str | None = None
    last_modified: str | None = None
    kind: str | None = None  # "feed", "page", or "feed-archive" (entries a newer copy dropped)
    content_type: str | None = None
    # A feed archive's entries keep the ids they had in the live feed file: "<that path>#<id>".
    ids_as: str | None = None


def sidecar_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.source.json")


def read_origin(path: Path) -> Origin | None:
    """The sidecar of ``path``, or None when there is none or it is not one of ours."""
    try:
        with open(sidecar_path(path), "rb") as handle:
            raw = handle.read(_MAX_BYTES + 1)
        data = json.loads(raw) if len(raw) <= _MAX_BYTES else None
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("url"), str):
        return None
    fields = {k: v for k, v in data.items() if k in Origin.__dataclass_fields__}
    if not all(isinstance(v, str) or v is None for v in fields.values()):
        return None
    fields.setdefault("retrieved", "")
    return Origin(**fields)


def write_origin(path: Path, origin: Origin) -> None:
    """Write the sidecar of ``path`` atomically (temporary file, then rename)."""
    target = sidecar_path(path)
    temp = target.with_name(target.name + ".tmp")
    temp.write_text(json.dumps(asdict(origin), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    temp.replace(target)
