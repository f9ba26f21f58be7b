"""Smoke test of bench/hostile.py: a case runs through the real command and gets its row."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import BENCH


def test_the_fifo_and_usage_cases_print_their_rows() -> None:
    rows = {}
    for only in ("a fifo", "argparse"):
        done = subprocess.run(
            [sys.executable, str(BENCH / "hostile.py"), "--only", only, "--timeout", "120"],
            capture_output=True,
            text=True,
            check=True,
        )
        for line in done.stdout.splitlines():
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            if len(cells) == 9 and cells[0] not in ("case", "---"):
                rows[cells[0]] = cells
    fifo = rows["--pairs a fifo"]
    assert fifo[1] == "yes" and fifo[4:7] == ["2", "1", "3/3"]  # exit 2, one line, good kept
    assert "not a regular file" in fifo[8]
    usage = rows["argparse error"]
    assert usage[1] == "yes" and usage[4:6] == ["2", "1"]
