"""Event grouping is the same in every process: it never depends on the string hash seed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import REPO

SCRIPT = """
import hashlib, sys
from pathlib import Path
from index.events.group import group_events
from index.ingest.loader import load_corpus
articles, _ = load_corpus(Path(sys.argv[1]))
events = group_events(articles)
key = repr([(e.id, e.title, e.article_ids) for e in events]).encode()
print(len(events), hashlib.sha256(key).hexdigest())
"""


def test_grouping_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import gen_corpus  # the benchmark's deterministic generator
    finally:
        sys.path.pop(0)
    corpus = gen_corpus.write_corpus(tmp_path / "gen", 600)
    outputs = set()
    for seed in ("1", "2", "3"):
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(corpus)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1, outputs
