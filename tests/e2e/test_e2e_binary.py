"""End-to-end: the installed ``newsreader`` binary and ``python -m tui_reader`` as processes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def _binary() -> list[str]:
    found = shutil.which("newsreader", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("the newsreader console script is not installed")
    return [found]


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["NEWSREADER_INDEX_DIR"] = str(tmp_path / "index")
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    return env


def test_binary_indexes_then_searches_a_real_folder(tmp_path: Path) -> None:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Dam opens\n\nThe new dam opened its gates on Tuesday.\n")
    (corpus / "b.md").write_text(
        "---\ntitle: Gates open at the dam\nsource: Valley Post\n---\n\nEngineers opened the dam.\n"
    )
    env = _env(tmp_path)
    done = subprocess.run(
        [*_binary(), "index", str(corpus)], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "added 2" in done.stdout
    found = subprocess.run(
        [*_binary(), "search", "dam", "--corpus", str(corpus), "--format", "json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert found.returncode == 0, found.stderr
    payload = json.loads(found.stdout)
    assert {hit["id"] for hit in payload["hits"]} == {"a.txt", "b.md"}
    source = {hit["id"]: hit["source"] for hit in payload["hits"]}
    assert source["b.md"] == "Valley Post"


def test_python_dash_m_works(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tui_reader", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and done.stdout.startswith("newsreader ")


def test_bad_query_through_the_binary(tmp_path: Path) -> None:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Title\n\nBody text here.\n")
    done = subprocess.run(
        [*_binary(), "search", '"open', "--corpus", str(corpus)],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_usage_error_through_the_binary_is_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [*_binary(), "search", "--limit"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("newsreader search: error:")
