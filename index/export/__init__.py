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
from index.export.figures import FigureRow, Figures, FigureValue, figures_of, figures_to_json
from index.export.figures_md import figures_markdown, figures_page

__all__ = [
    "ExportError",
    "FORMATS",
    "FigureRow",
    "FigureValue",
    "Figures",
    "document",
    "event_document",
    "figures_markdown",
    "figures_of",
    "figures_page",
    "figures_to_json",
    "marked_document",
    "marks_section",
    "render",
    "write_atomic",
]
