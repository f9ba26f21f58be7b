"""A saved mark (Annotation) and the labels a mark may carry."""

from __future__ import annotations

from dataclasses import dataclass

DISMISSED = "dismissed"  # the label of a conflict the user judged false
LABELS = ("confirmed", "disputed", "follow up", DISMISSED)


@dataclass(frozen=True)
class Annotation:
    """A mark on ``text`` at ``[start, end)`` of an article's body, as last saved."""

    id: int
    corpus: str  # corpus_key() of the corpus folder: article ids are only unique within one
    article_id: str
    start: int
    end: int
    text: str
    text_hash: str
    label: str | None
    note: str
    event_id: str | None
    conflict: str | None  # conflict_key() when this mark dismisses (or labels) a conflict
    created: str
    updated: str
