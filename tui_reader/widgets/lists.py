"""Provides the app's lists: DataTable, OptionList and SelectionList with j / k / g / G."""

from __future__ import annotations

from textual.widgets import DataTable, OptionList, SelectionList

from ..keymap import OPTION_BINDINGS, TABLE_BINDINGS


class ListTable(DataTable[object]):
    """A table that moves as every list of the app does (j / k / g / G besides the arrows)."""

    BINDINGS = TABLE_BINDINGS


class ListOptions(OptionList):
    """An option list with the same keys."""

    BINDINGS = OPTION_BINDINGS


class PickList(SelectionList[int]):
    """A selection list with the same keys."""

    BINDINGS = OPTION_BINDINGS
