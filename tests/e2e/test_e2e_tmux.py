"""End-to-end: the installed ``newsreader`` in a real terminal (tmux), driven by keys."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tmux import TMUX, Terminal

pytestmark = pytest.mark.e2e


@pytest.fixture
def terminal(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Terminal]:
    if TMUX is None:
        pytest.skip("tmux is not installed")
    binary = shutil.which("newsreader", path=str(Path(sys.executable).parent))
    if binary is None:
        pytest.skip("the newsreader console script is not installed")
    env = dict(os.environ)
    env.update(
        NEWSREADER_INDEX_DIR=str(tmp_path / "index"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        TERM="xterm-256color",
    )
    env.pop("TMUX", None)
    command = f"{shlex.quote(binary)}; echo __exit_$?__; sleep 30"
    size = getattr(request, "param", (120, 36))  # a test may ask for another terminal size
    # A socket of its own for every test: the last test's server, killed at its teardown, may
    # still hold a socket of the same name when the next one starts (an empty screen, in CI).
    term = Terminal(f"nr-test-{os.getpid()}-{uuid.uuid4().hex[:8]}", command, env, size)
    try:
        yield term
    finally:
        term.close()


def test_open_event_step_to_conflict_search_and_quit(terminal: Terminal) -> None:
    # Bare `newsreader` opens the bundled corpus and lists its events.
    terminal.wait_for("events from")
    terminal.wait_for("summons Russia")  # the rows are drawn just after the header
    # Enter opens the first event side by side, with the legend of marks.
    terminal.keys("Enter")
    screen = terminal.wait_for("conflicting")  # the header counts links once the comparison is in
    assert "verbatim" in screen
    # `c` steps to a conflict and the detail panel explains it. The panes may still be mounting
    # on a loaded machine, so press again (as a person would) until the panel answers.
    for _ in range(20):
        terminal.keys("c")
        try:
            terminal.wait_for("! Conflict", timeout=3)
            break
        except AssertionError:
            continue
    else:
        raise AssertionError("c never reached a conflict")
    # `/` searches from anywhere; results appear as you type.
    terminal.keys("/")
    terminal.wait_for("Type to search.")  # the search screen is up: typing goes to its box
    # one burst with a correction in it (a fast typist): the backspace erases the x, not the y
    terminal.keys("Hestnes", "Space", "ferrx", "BSpace", "y")
    screen = terminal.wait_for("matching articles")
    assert "Hestnes ferry" in screen
    terminal.keys("Escape")
    terminal.wait_for("conflicting")  # back on the compare screen
    terminal.keys("Escape")
    terminal.wait_for("events from")  # back on the events
    # `q` quits cleanly: the shell prints the exit status.
    terminal.keys("q")
    terminal.wait_for("__exit_0__")


@pytest.mark.parametrize("terminal", [(80, 24), (140, 40)], indirect=True)
def test_search_filter_fields_and_name_spellings(terminal: Terminal) -> None:
    terminal.wait_for("events from")
    terminal.keys("/")
    terminal.wait_for("Type to search.")
    # conflict:number keeps the reports with a passage in a number conflict (compared as needed)
    terminal.keys("-l", "conflict:number")
    screen = terminal.wait_for("matching articles")
    assert "unknown field" not in screen
    # a name in one spelling finds the reports that spell it otherwise. Wait for the emptied box
    # before typing: ctrl+u is a binding, handled after the key has bubbled up to the App, so
    # letters arriving in the same read (a loaded machine) are typed first and then erased.
    terminal.keys("C-u")
    terminal.wait_for("Search: words")  # the empty box's placeholder
    terminal.keys("-l", "Zelensky")
    terminal.wait_for("Zelensky")
    screen = terminal.wait_for("4 matching articles")
    terminal.keys("Escape")
    terminal.wait_for("events from")
    terminal.keys("q")
    terminal.wait_for("__exit_0__")


@pytest.mark.parametrize("terminal", [(80, 24), (140, 40)], indirect=True)
def test_list_of_every_conflict_jumps_to_one(terminal: Terminal) -> None:
    terminal.wait_for("events from")
    terminal.wait_for("summons Russia")
    terminal.keys("Enter")
    terminal.wait_for("conflicting")
    # L lists the conflicts of every report of the event; Enter goes to the one chosen
    for _ in range(20):  # the panes may still be mounting on a loaded machine: press again
        terminal.keys("L")
        try:
            terminal.wait_for("Enter goes to one", timeout=3)
            break
        except AssertionError:
            continue
    else:
        raise AssertionError("L never listed the conflicts")
    terminal.keys("Down", "Enter")
    terminal.wait_for("! Conflict")  # the detail panel explains the conflict the cursor is on
    terminal.keys("Escape")
    terminal.wait_for("events from")
    terminal.keys("q")
    terminal.wait_for("__exit_0__")


@pytest.mark.parametrize("terminal", [(80, 24), (140, 40)], indirect=True)
def test_events_columns_filter_sort_and_help_keys(terminal: Terminal) -> None:
    """Issue 17: every events column on screen, the typed filter (f) and sort (S), and the ?
    help listing this screen's keys first and scrolling with j."""
    screen = terminal.wait_for("events from")
    screen = terminal.wait_for("summons Russia")
    header = next(line for line in screen.splitlines() if "Event" in line and "Reports" in line)
    for column in ("Sources", "Shared", "Conflicts", "Dates"):
        assert column in header, screen
    # f: a typed filter; a bad term is one line and the text stays to be fixed
    for _ in range(20):  # on a loaded machine the list may still be taking its first keys
        terminal.keys("f")
        try:
            terminal.wait_for("Filter: outlet:", timeout=3)  # the empty input's placeholder
            break
        except AssertionError:
            continue
    else:
        raise AssertionError("f never opened the filter")
    terminal.keys("-l", "conflict:colour")
    terminal.wait_for("conflict:colour ")
    terminal.keys("Enter")
    terminal.wait_for("no conflict type 'colour'")
    terminal.keys("C-u")
    terminal.wait_for("Filter: outlet:")  # emptied: the placeholder again
    terminal.keys("-l", "conflict:number")
    terminal.wait_for("conflict:number ")
    terminal.keys("Enter")
    screen = terminal.wait_for("filter: conflict:number")
    # every event has been compared in the background: the counting line is gone
    deadline = time.monotonic() + 120
    while "counting conflicts" in screen and time.monotonic() < deadline:
        time.sleep(0.5)
        screen = terminal.screen()
    assert "counting conflicts" not in screen, screen
    terminal.keys("S")
    terminal.wait_for("sorted by")  # "conflicts" may wrap onto the next line at 80 columns
    # ? lists the events screen's keys first; j scrolls it
    terminal.keys("?")
    screen = terminal.wait_for("Switch list")  # only the help says this
    assert screen.index("Switch list") < screen.index("Everywhere"), screen
    # At 80x24 the Compare section is below the first screenful: j scrolls it into view
    # j until it shows (or the help stops moving: its end, and the assertion fails)
    screen = terminal.screen()
    for _ in range(200):
        if "Next link" in screen:
            break
        terminal.keys("j")
        moved = terminal.wait_for_change(screen, timeout=5)
        if moved is None:
            break
        screen = moved
    assert "Next link" in screen, screen
    # q closes the help (Esc then q would reach the app as alt+q), q again quits
    terminal.keys("q")
    terminal.wait_for("S Sort")
    terminal.keys("q")
    terminal.wait_for("__exit_0__")


@pytest.fixture
def config_file() -> Path:
    """A config file where the binary looks (the isolated XDG config dir), written before the
    terminal starts it: next conflict re-bound to z."""
    path = Path(os.environ["XDG_CONFIG_HOME"]) / "newsreader" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('theme = "nord"\n\n[keys]\nnext-conflict = "z"\n', encoding="utf-8")
    return path


@pytest.mark.parametrize("terminal", [(80, 24), (140, 40)], indirect=True)
def test_keys_rebound_in_the_config_file(config_file: Path, terminal: Terminal) -> None:
    terminal.wait_for("events from")
    terminal.wait_for("summons Russia")
    terminal.keys("Enter")
    terminal.wait_for("conflicting")
    for _ in range(20):  # the panes may still be mounting on a loaded machine: press again
        terminal.keys("z")
        try:
            terminal.wait_for("! Conflict", timeout=3)  # z moved to a conflict, as c did
            break
        except AssertionError:
            continue
    else:
        raise AssertionError("z never moved to a conflict")
    terminal.keys("Escape")
    terminal.wait_for("events from")
    terminal.keys("q")
    terminal.wait_for("__exit_0__")
    assert config_file.read_text(encoding="utf-8").startswith('theme = "nord"')


META = re.compile(r"\S[^·\n]* · \d{4}-\d{2}-\d{2}")  # a pane header's "Outlet · date"


@pytest.mark.parametrize("terminal", [(80, 24), (140, 40)], indirect=True)
def test_pane_headers_stay_while_the_text_scrolls(terminal: Terminal) -> None:
    terminal.wait_for("events from")
    terminal.wait_for("summons Russia")
    terminal.keys("Enter")
    before = terminal.wait_for("conflicting")
    deadline = time.monotonic() + 60  # the title line comes before the panes are drawn
    while not META.findall(before) and time.monotonic() < deadline:
        time.sleep(0.25)
        before = terminal.screen()
    headers = META.findall(before)
    assert headers, before
    for _ in range(30):  # the active pane scrolls a line at a time
        terminal.keys("j")
    deadline = time.monotonic() + 10
    screen = terminal.screen()
    while screen == before and time.monotonic() < deadline:
        time.sleep(0.25)
        screen = terminal.screen()
    assert screen != before, "the pane never scrolled"
    for header in headers:  # every pane still says which report it shows
        assert header in screen, screen
    terminal.keys("Escape")
    terminal.wait_for("events from")
    terminal.keys("q")
    terminal.wait_for("__exit_0__")
