"""Fixtures of the Pilot tests: notifications stay readable however slow the machine is."""

from __future__ import annotations

import pytest
from textual.notifications import Notification


@pytest.fixture(autouse=True)
def _notifications_never_expire(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests read ``app._notifications``, which drops a notification once its timeout (2 s for
    most) has passed: on a loaded machine the assertion came later than that and missed
    "Marked and saved". Under run_test no toast is shown, so nothing else removes them."""
    monkeypatch.setattr(Notification, "has_expired", property(lambda _self: False))
