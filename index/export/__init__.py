"""Reports of a comparison or of the marked excerpts: document, Markdown, HTML, JSON, writing."""

from __future__ import annotations

from index.export.api import (
    FORMATS,
    ExportError,
    event_document,
    marked_document,
    render,
    write_atomic,
)
from index.export.build import document, marks_section

__all__ = [
    "ExportError",
    "FORMATS",
    "document",
    "event_document",
    "marked_document",
    "marks_section",
    "render",
    "write_atomic",
]
