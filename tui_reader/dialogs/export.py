"""Provides ExportDialog: choose a format and a file; returns an ExportRequest.

A file that exists is not replaced silently, nor refused with a closed dialog: the dialog says so
under the path, keeps it, and a second Enter on the same path (or the Overwrite box) replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from index import FORMATS

from ..widgets.typing import TypingInput

NAMES = {"md": "Markdown", "html": "HTML page", "json": "JSON"}


@dataclass(frozen=True)
class ExportRequest:
    """Where and how to write the report; ``force`` allows replacing an existing file."""

    format: str
    path: Path
    force: bool


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Enter (or the Export button) confirms, Esc cancels."""

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical { width: 72; height: auto; padding: 1 2; border: thick $accent;
                              background: $surface; }
    ExportDialog Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    ExportDialog #export-warning { color: $warning; height: auto; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export-cancel")]

    def __init__(
        self, default: Path, title: str = "Export this comparison with your marks", fmt: str = "md"
    ) -> None:
        super().__init__()
        self.default = default
        self.title_text = title
        self.fmt = fmt if fmt in FORMATS else "md"
        self.asked: Path | None = None  # the existing file the user was asked about

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, markup=False)
            yield Select(
                [(NAMES[f], f) for f in FORMATS],
                value=self.fmt,
                allow_blank=False,
                id="export-format",
            )
            yield Label("File")
            yield TypingInput(str(self.default.with_suffix(f".{self.fmt}")), id="export-path")
            yield Static("", id="export-warning", markup=False)
            yield Checkbox("Overwrite if the file exists", id="export-force")
            with Horizontal():
                yield Button("Export", variant="primary", id="export-ok")
                yield Button("Cancel", id="export-no")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        # Follow the format in the file name while it still ends in one of ours.
        field = self.query_one("#export-path", Input)
        path = Path(field.value)
        if path.suffix.lstrip(".") in FORMATS and isinstance(event.value, str):
            field.value = str(path.with_suffix(f".{event.value}"))

    def warn(self, text: str) -> None:
        """A line under the path; the dialog stays open with what was typed."""
        self.query_one("#export-warning", Static).update(text)

    def request(self) -> ExportRequest | None:
        """The request, or None (with a line saying why) while the path needs a change or a
        second Enter to replace an existing file."""
        value = self.query_one("#export-path", Input).value.strip()
        if not value:
            self.warn("Give a file name")
            return None
        fmt = self.query_one(Select).value
        path = Path(value).expanduser()
        force = self.query_one(Checkbox).value
        if path.is_dir():
            self.warn(f"{path} is a folder: add a file name")
            return None
        if not path.parent.is_dir():
            self.warn(f"No such folder: {path.parent}")
            return None
        if path.exists() and not force and self.asked != path:
            self.asked = path
            self.warn(f"{path.name} already exists: Enter again replaces it, or change the name")
            return None
        return ExportRequest(
            fmt if isinstance(fmt, str) else "md", path, force or self.asked == path
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        # a new name is a new question
        if event.input.id == "export-path" and self.asked is not None:
            self.asked = None
            self.warn("")

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        request = self.request()
        if request is not None:
            self.dismiss(request)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id != "export-ok":
            self.dismiss(None)
            return
        request = self.request()
        if request is not None:
            self.dismiss(request)

    def action_cancel(self) -> None:
        self.dismiss(None)
