"""Display labels: an article without a named outlet is never shown as if its file were one."""

from __future__ import annotations

from tui_reader.text import date_only, outlet


def test_named_outlet_is_shown_as_is() -> None:
    assert outlet("Nusa Press", "serani-quake-2024/nusa-press.txt") == "Nusa Press"


def test_missing_outlet_names_the_file_and_says_so() -> None:
    label = outlet(None, "marlow-wetland-ruling/harbor-report.txt")
    assert label == "(no outlet) harbor-report.txt"
    assert outlet("", "a/b.md") == "(no outlet) b.md"


def test_missing_outlet_and_path() -> None:
    assert outlet(None, "") == "(no outlet)"


def test_outlet_label_is_one_line_without_controls() -> None:
    assert outlet("Evil\x1b[31m\nWire", "x.txt") == outlet("Evil\x1b[31m\nWire", "y.txt")
    assert "\n" not in outlet("Evil\nWire") and "\x1b" not in outlet("Evil\x1b[2JWire")
    assert "\x1b" not in outlet(None, "dir/bad\x1b[2Jname.txt")


def test_date_only() -> None:
    assert date_only("2025-02-09T06:30:00Z") == "2025-02-09"
    assert date_only(None) == ""


def test_an_outlets_list_names_outlets_before_files_without_one() -> None:
    from types import SimpleNamespace

    from tui_reader.text import outlets_line

    reports = [
        SimpleNamespace(source=None, path="desk/jakarta-desk.txt"),
        SimpleNamespace(source="Yonhap", path="a.txt"),
        SimpleNamespace(source="dnipro Dispatch", path="b.txt"),
        SimpleNamespace(source="Yonhap", path="c.txt"),
    ]
    assert outlets_line(reports) == "dnipro Dispatch, Yonhap, (no outlet) jakarta-desk.txt"
