"""Files to Articles: discover, decode, formats, front matter, Markdown, cleaning, outlets."""

from __future__ import annotations

from index.ingest.folder import printable, walk
from index.ingest.loader import (
    damage_notices,
    discover,
    load_corpus,
    load_file,
    load_file_noticed,
    relative_id,
)

__all__ = [
    "damage_notices",
    "discover",
    "load_corpus",
    "load_file",
    "load_file_noticed",
    "printable",
    "relative_id",
    "walk",
]
