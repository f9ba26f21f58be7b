"""Smoke test of the speed benchmark tools: the generator is deterministic, the runner runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers import BENCH

sys.path.insert(0, str(BENCH))

from gen_corpus import extra_files, generate  # noqa: E402


def test_generator_is_deterministic_and_seeded() -> None:
    files, facts = generate(60, seed=3)
    again, facts_again = generate(60, seed=3)
    other, _ = generate(60, seed=4)
    assert files == again and facts == facts_again
    assert files != other
    assert len(facts["queries"]) == 200 and len(facts["phrases"]) == 50
    assert len(facts["compare_ids"]) == 10 and facts["change_file"] in files
    assert {Path(p).suffix for p in files} >= {".txt", ".md", ".json"}
    assert extra_files(5, seed=3) == extra_files(5, seed=3)


def test_generated_corpus_loads_every_article(tmp_path: Path) -> None:
    from gen_corpus import write_corpus

    from index.ingest.loader import load_corpus

    corpus = write_corpus(tmp_path, 50, seed=2)
    articles, skipped = load_corpus(corpus)
    assert len(articles) == 50 and not skipped
    facts = json.loads((tmp_path / "queries.json").read_text(encoding="utf-8"))
    ids = {a.id for a in articles}
    assert set(facts["compare_ids"]) <= ids
    words = [len(a.body.split()) for a in articles]
    assert 120 <= min(words) and sum(words) / len(words) > 300


def test_runner_prints_a_side_by_side_table_on_50_docs(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH / "run_bench.py"),
            "--docs",
            "50",
            "--no-reader",
            "--work",
            str(tmp_path),
            "--json",
            str(tmp_path / "out.json"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "| first build, docs/s |" in done.stdout and "SQLite FTS5" in done.stdout
    figures = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert figures["w_build"]["docs"] == figures["f_build"]["docs"] == 50
    assert "updated 1" in figures["w_upd1"]["summary"]
    assert "added 100" in figures["w_upd100"]["summary"]
    assert figures["f_upd100"]["summary"] == "100 files"
