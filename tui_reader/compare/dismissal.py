"""Provides dismiss_conflicts(): the user's verdict that a passage's conflicts are false, saved."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .model import CompareModel, PassageView

if TYPE_CHECKING:
    from index import AnnotationStore


def dismiss_conflicts(
    store: AnnotationStore,
    corpus: Path,
    model: CompareModel,
    view: PassageView,
    event_id: str | None,
) -> int:
    """Save one DISMISSED mark per conflict of ``view``'s passage (keyed so that the same
    conflict is recognised in later comparisons); returns how many. Raises NewsreaderError when
    a write fails: the conflicts saved before it stay dismissed."""
    from index import DISMISSED, conflict_key

    passages = model.passages
    p = view.passage
    conflicts = view.conflicts()
    for link, conflict, _is_a in conflicts:
        store.add(
            corpus,
            p.article_id,
            p.start,
            p.end,
            p.text,
            label=DISMISSED,
            note=f"{conflict.type}: {conflict.explanation}",
            conflict=conflict_key(conflict, passages[link.a], passages[link.b]),
            event_id=event_id,
        )
    return len(conflicts)
