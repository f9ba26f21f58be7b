"""Acceptance: conflict marks checked by hand in the app, on text written for these tests."""

from __future__ import annotations

from index.conflicts.detect import detect_text_conflicts


def _types(a: str, b: str, pa: str | None = None, pb: str | None = None) -> list[str]:
    return [c.type for c in detect_text_conflicts(a, b, pa, pb)]


def test_a_day_both_reports_name_is_not_a_date_conflict() -> None:
    # The second report names the accident's Tuesday too; its Wednesday is the inquiry's day.
    a = "A crane toppled onto a freighter at the quay on Tuesday, injuring five workers."
    b = (
        "Police opened an inquiry on Wednesday into the crane accident at the quay, where "
        "four workers were injured on Tuesday."
    )
    assert _types(a, b, "2025-03-04", "2025-03-05") == ["number"]
    assert _types(a, b) == ["number"]


def test_the_same_act_on_two_days_is_still_a_date_conflict() -> None:
    a = "The quake hit the town on Monday, and the death toll rose to 11 on Tuesday."
    b = "Rescuers said the quake that hit the town on Tuesday killed 11."
    assert _types(a, b) == ["date"]
    assert _types(
        "The quake hit the town on Monday and the toll rose on Tuesday.",
        "The quake hit the town on Tuesday.",
    ) == ["date"]
