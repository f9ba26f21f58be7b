"""bench/extract_pages.py runs and prints its figures (the figures themselves are not asserted)."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.helpers import BENCH


def test_extract_pages_prints_f1_metadata_and_speed() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH / "extract_pages.py"), "--rounds", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    out = done.stdout
    assert re.search(r"^21 pages in 9 styles$", out, re.M)
    assert re.search(r"^body F1: mean over styles \d\.\d{3}, worst style \d\.\d{3}$", out, re.M)
    assert re.search(r"^title \d+/21  date \d+/21  outlet \d+/21  author \d+/21$", out, re.M)
    assert re.search(r"^speed: [\d.]+ pages/s on one core \(1 rounds\)$", out, re.M)
