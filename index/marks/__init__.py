"""The user's marks, notes and labels in SQLite, and finding them again in changed text."""

from __future__ import annotations

from index.marks.anchoring import Anchored, anchor, conflict_key, locate, without_dismissed
from index.marks.corrections import Corrected, Correction, apply_corrections
from index.marks.model import DISMISSED, Annotation
from index.marks.store import DB_NAME, AnnotationError, AnnotationStore

__all__ = [
    "Anchored",
    "Annotation",
    "AnnotationError",
    "AnnotationStore",
    "DB_NAME",
    "DISMISSED",
    "Corrected",
    "Correction",
    "apply_corrections",
    "anchor",
    "conflict_key",
    "locate",
    "without_dismissed",
]
