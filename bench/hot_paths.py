"""Times the inputs that unit tests used to time with a clock: they now check growth only.

Run: python bench/hot_paths.py. Prints the CPU seconds of each case beside the limit its old
test asserted (wall clock, on a loaded 2-core machine): two walls of conflict trigger words
related (3,000 words; the test timed the conflict checks, was < 5 s), three pathological texts
loaded and split (300k one-letter lines, 30k 'Mr. A. B. C.', 100k one-word lines; was < 15 s
each), and a comparison answered from a warm cache (was < 0.05 s). The tests now assert that 8
times the input costs at most 24 times the CPU (tests/core/conflicts/test_conflicts.py,
tests/core/ingest/test_hostile_corpus.py) and that the warm cache returns the very object it
stored (tests/core/comparison/test_compare.py).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

WALL_WORDS = (
    "the army said 10,000 troops were sent on Friday to Kursk and Seoul may have "
    'confirmed that Kim spokesman "we will respond" did not'
).split()
PATHOLOGICAL = {
    "lines.txt": "Title\n\n" + "a\n" * 300_000,
    "initials.txt": "Title\n\n" + "Mr. A. B. C. " * 30_000,
    "wrapped.md": "# Title\n\n" + "word\n" * 100_000,
}


def cpu(step: Callable[[], object]) -> float:
    """CPU seconds of one run of ``step``."""
    start = time.process_time()
    step()
    return time.process_time() - start


def main() -> int:
    from index import AnalysisCache, Article, compare, load_file, relate, split_passages

    rows: list[tuple[str, float, str]] = []
    a = " ".join(WALL_WORDS[i * 7 % len(WALL_WORDS)] for i in range(3000))
    b = " ".join(WALL_WORDS[i * 5 % len(WALL_WORDS)] for i in range(3000))
    rows.append(
        ("relate a wall of 3,000 words (conflict checks)", cpu(lambda: relate(a, b)), "< 5 s")
    )
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, text in PATHOLOGICAL.items():
            (root / name).write_text(text, encoding="utf-8")

            def load_and_split(name: str = name) -> None:
                (article,), _ = load_file(root, root / name)
                split_passages(article)

            rows.append((f"load + split {name}", cpu(load_and_split), "< 15 s"))
    articles = [
        Article(f"{n}.txt", f"{n}.txt", "Ferry", f"The ferry left at {n} with {n}0 people aboard.")
        for n in range(1, 4)
    ]
    cache = AnalysisCache()
    compare(articles, cache=cache)
    rows.append(("compare, warm cache", cpu(lambda: compare(articles, cache=cache)), "< 0.05 s"))
    width = max(len(name) for name, _s, _l in rows)
    print(f"{'case':<{width}}  cpu s    old test's limit (wall)")
    for name, seconds, limit in rows:
        print(f"{name:<{width}}  {seconds:7.3f}  {limit}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
