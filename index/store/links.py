"""Whether an index follows symbolic links out of its corpus: the choice is remembered by the index.

``--follow-links`` (NEWSREADER_FOLLOW_LINKS=1) on one run, then a run without it, used to drop
every file reached through a link: the walk no longer saw them. Now the index keeps the choice:
a run that says yes or no (``--no-follow-links``, NEWSREADER_FOLLOW_LINKS=0) records it in a
marker file of the index folder, and a run that says nothing follows the recorded choice.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# index.ingest.folder.FOLLOW_ENV, not imported: that package (loader, YAML, Markdown) is
# imported only to update, never on the search path
FOLLOW_ENV = "NEWSREADER_FOLLOW_LINKS"
MARKER = "follow-links"  # its presence is the whole record: nothing to parse, nothing to damage
_YES = ("1", "true", "yes", "on")
_NO = ("0", "false", "no", "off")


def said(raw: str | None) -> bool | None:
    """What NEWSREADER_FOLLOW_LINKS says: True, False, or None (unset, empty or unknown)."""
    value = (raw or "").strip().lower()
    return True if value in _YES else False if value in _NO else None


@contextmanager
def links_rule(index_dir: Path, record: bool = False) -> Iterator[None]:
    """For the ``with`` block, NEWSREADER_FOLLOW_LINKS as this index's rule (the walk and the
    writer processes read it there); with ``record``, a choice given on this run is recorded
    for the next ones once the block ends without error."""
    raw = os.environ.get(FOLLOW_ENV)
    choice = said(raw)
    marker = index_dir / MARKER
    if choice is None and marker.is_file():
        os.environ[FOLLOW_ENV] = "1"
        try:
            yield
        finally:
            if raw is None:
                os.environ.pop(FOLLOW_ENV, None)
            else:
                os.environ[FOLLOW_ENV] = raw
        return
    yield
    if record and choice is not None and index_dir.is_dir():
        if choice:
            marker.touch()
        else:
            marker.unlink(missing_ok=True)
