"""End-to-end: q or ctrl+c while the app builds a first index quits, and the next start works."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.tmux import TMUX, Terminal

pytestmark = pytest.mark.e2e

FILES = 2500  # two writer processes, and a build that lasts well past the first frame
WORD = "kittiwake"


def _corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    for n in range(FILES):
        (corpus / f"r{n:05d}.txt").write_text(
            f"Harbour report {n}\n\nA {WORD} colony of {n} pairs nested by pier {n % 97}, the "
            "council said on Monday. The ferry timetable was changed to keep boats away.\n",
            encoding="utf-8",
        )
    return corpus


@pytest.mark.parametrize("key", ["q", "C-c"])
def test_quitting_a_first_build_leaves_an_index_the_next_start_uses(
    tmp_path: Path, key: str
) -> None:
    if TMUX is None:
        pytest.skip("tmux is not installed")
    binary = shutil.which("newsreader", path=str(Path(sys.executable).parent))
    if binary is None:
        pytest.skip("the newsreader console script is not installed")
    corpus = _corpus(tmp_path)
    index_dir = tmp_path / "index"
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), TERM="xterm-256color")
    env.update(XDG_DATA_HOME=str(tmp_path / "data"))
    env.pop("TMUX", None)
    app = shlex.join([binary, str(corpus), "--index-dir", str(index_dir)])
    term = Terminal(
        f"nr-quit-{os.getpid()}-{uuid.uuid4().hex[:8]}", f"{app}; echo __exit_$?__; sleep 120", env
    )
    try:
        term.wait_for("Indexing")
        term.keys(key)
        # It quits (ctrl+c used to show "press q", and q to wait for the whole build): the
        # shell prints the exit status. Generous: a loaded machine is slow, not wrong.
        term.wait_for("__exit_0__", timeout=120)
    finally:
        term.close()
    # The next start: the index is updated (built, or completed) and every report is found.
    done = subprocess.run(
        [binary, "index", str(corpus), "--index-dir", str(index_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert ", skipped 0 in " in done.stdout.splitlines()[0]
    found = subprocess.run(
        [binary, "search", WORD, "--corpus", str(corpus), "--index-dir", str(index_dir)]
        + ["--format", "json", "--limit", "1"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["total"] == FILES
    assert len(list(index_dir.glob("ix-*"))) == 1  # no partial store left beside the live one
