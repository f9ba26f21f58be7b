"""Provides the marks of the compare and reader screens as a composed controller (no base class).

A screen that shows markable passages: implements MarkSite (site.py), creates a MarkController,
adds keymap.MARK_BINDINGS to its BINDINGS with actions that call the controller, and passes the
MarksPanel's Jump/Remove/Leave messages to it.
"""

from .controller import MarkController, default_export_path
from .site import ExportPlan, MarkScope, MarkSite, Spans

__all__ = ["ExportPlan", "MarkController", "MarkScope", "MarkSite", "Spans", "default_export_path"]
