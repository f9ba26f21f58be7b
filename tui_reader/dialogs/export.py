"""Provides ExportDialog: choose a format and a file; returns an ExportRequest."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select

from index import FORMATS

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
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export-cancel")]

    def __init__(
        self, default: Path, title: str = "Export this comparison with your marks", fmt: str = "md"
    ) -> None:
        super().__init__()
        self.default = default
        self.title_text = title
        self.fmt = fmt if fmt in FORMATS else "md"

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
            yield Input(str(self.default.with_suffix(f".{self.fmt}")), id="export-path")
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

    def request(self) -> ExportRequest | None:
        value = self.query_one("#export-path", Input).value.strip()
        if not value:
            self.notify("Give a file name", severity="warning")
            return None
        fmt = self.query_one(Select).value
        return ExportRequest(
            fmt if isinstance(fmt, str) else "md",
            Path(value).expanduser(),
            self.query_one(Checkbox).value,
        )

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
