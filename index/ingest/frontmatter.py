"""Split YAML (---) or TOML (+++) front matter off a Markdown file and normalise its fields."""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from typing import Any

import yaml

from index.ingest.clean import clean_title

try:  # the C loader is ~10x faster; both are "safe" (no arbitrary object construction)
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_YAML = re.compile(r"---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)", re.DOTALL)
_TOML = re.compile(r"\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?:\n|$)", re.DOTALL)
_SCALARS = (str, int, float, dt.date)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(metadata, body). Malformed or non-mapping front matter gives ``{}``; the block is still
    removed, because front matter is never report text."""
    for pattern, parse in ((_YAML, _parse_yaml), (_TOML, _parse_toml)):
        m = pattern.match(text)
        if m:
            try:
                meta = parse(m.group(1) or "")
            except Exception:  # noqa: BLE001 - any parser failure just means "no metadata"
                meta = None
            return (meta if isinstance(meta, dict) else {}), text[m.end() :]
    return {}, text


def _parse_yaml(src: str) -> object:
    return yaml.load(src, Loader=_Loader)  # noqa: S506 - a SafeLoader


def _parse_toml(src: str) -> object:
    return tomllib.loads(src)


def meta_text(value: object) -> str | None:
    """A metadata string: scalars only (never str() a nested structure), cleaned, empty → None."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):  # JSON NaN/Infinity, YAML .nan
        return None
    text = clean_title(str(value))
    return text or None


def meta_author(value: object) -> str | None:
    """An author, or a list of authors joined with ", "."""
    if isinstance(value, list):
        names = [n for n in (meta_text(v) for v in value[:20]) if n]
        return ", ".join(names) or None
    return meta_text(value)


def meta_published(value: object) -> str | None:
    """An ISO 8601 string from a date, a datetime or a valid ISO string; anything else → None."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text).isoformat()
    except ValueError:
        return None


def article_meta(raw: dict[str, Any]) -> dict[str, str | None]:
    """The fields an Article takes from front matter or a JSON object, normalised."""
    return {
        "title": meta_text(raw.get("title")),
        "source": meta_text(raw.get("source")),
        "published": meta_published(raw.get("published")),
        "url": meta_text(raw.get("url")),
        "author": meta_author(raw.get("author")),
    }
