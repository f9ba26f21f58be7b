"""Shared fixtures: isolated XDG dirs for every test, and the ../shared data when present."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from tests.helpers import CORPUS, SHARED


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the user's real cache, data or config while testing."""
    home = tmp_path_factory.mktemp("xdg")
    for var in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    for var in (
        "NEWSREADER_INDEX_DIR",
        "NEWSREADER_DATA_DIR",
        "NEWSREADER_CACHE_DIR",
        "NEWSREADER_CONFIG",
        # the CLI sets it in os.environ for --follow-links: a later test in the same worker
        # then recorded the rule again (test_store's unchanged corpus saw the marker touched)
        "NEWSREADER_FOLLOW_LINKS",
    ):
        monkeypatch.delenv(var, raising=False)
    # Whoosh's RamStorage writers spill to <tempdir>/MAIN.tmp and delete it when done: shared by
    # every process on the machine, so two test runs at once removed each other's files.
    (home / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(home / "tmp"))


@pytest.fixture(autouse=True)
def _notifications_never_expire(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests read ``app._notifications``, which drops a notification once its timeout (2 s for
    most) has passed: on a loaded machine the assertion came later than that and missed it
    ("Marked and saved", "Skipped ..."). Under run_test no toast is shown, so nothing else
    removes them. Every Pilot test lives under tests/, not only tests/app/."""
    from textual.notifications import Notification

    monkeypatch.setattr(Notification, "has_expired", property(lambda _self: False))


@pytest.fixture
def seeds_dir() -> Path:
    """The five real seed reports; the test is skipped when ../shared is absent."""
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/seeds is not present")
    return path


@pytest.fixture
def ecbplus_dir() -> Path:
    """The ECB+ development subset; the test is skipped when ../shared is absent."""
    path = SHARED / "ecbplus-dev"
    if not path.is_dir():
        pytest.skip("../shared/ecbplus-dev is not present")
    return path


@pytest.fixture
def corpus_dir() -> Path:
    """The bundled sample corpus."""
    return CORPUS
