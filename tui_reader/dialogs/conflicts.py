"""Provides ConflictsDialog: every conflict of the compared reports, to jump to one (L)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..compare.model import CompareModel
from ..text import one_line


def conflict_rows(model: CompareModel) -> list[tuple[Content, str]]:
    """(label, passage id of side a) for each conflict, in the order of side a's report and
    place; the label names the type, both outlets and what each says. Never markup."""
    rows: list[tuple[tuple[int, int], Content, str]] = []
    order = {a.id: i for i, a in enumerate(model.comparison.articles)}
    for link in model.comparison.links:
        a, b = model.passages.get(link.a), model.passages.get(link.b)
        if a is None or b is None:
            continue
        for conflict in link.conflicts:
            label = Content.assemble(
                (f"{one_line(conflict.type):<9}", "bold"),
                (model.outlet_of(a.article_id), "bold"),
                f": {one_line(conflict.a.text, 40)}  \u2260  ",
                (model.outlet_of(b.article_id), "bold"),
                f": {one_line(conflict.b.text, 40)}",
            )
            rows.append(((order.get(a.article_id, 0), a.start), label, a.id))
    rows.sort(key=lambda row: row[0])
    return [(label, pid) for _key, label, pid in rows]


class ConflictsDialog(ModalScreen[str | None]):
    """The event's conflicts; Enter goes to the chosen one (its passage id), Esc goes back."""

    BINDINGS = [
        Binding("escape", "dismiss_none", "Back", id="close-conflicts"),
        Binding("j", "list('cursor_down')", "Down", show=False),
        Binding("k", "list('cursor_up')", "Up", show=False),
    ]

    def __init__(self, model: CompareModel) -> None:
        super().__init__()
        self.rows = conflict_rows(model)

    def compose(self) -> ComposeResult:
        count = len(self.rows)
        head = f"{count} conflict{'' if count == 1 else 's'} · Enter goes to one · Esc back"
        yield Static(Content(head), id="conflicts-help")
        yield OptionList(
            *[Option(label, id=str(i)) for i, (label, _pid) in enumerate(self.rows)],
            id="conflicts",
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.rows[event.option_index][1])

    async def action_list(self, action: str) -> None:
        await self.query_one(OptionList).run_action(action)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
