"""One measurement per fresh process (run by run_bench.py): prints one JSON line of figures.

Usage: python bench/bench_tasks.py TASK WORKDIR   (WORKDIR holds corpus/ and queries.json)
Peak RSS is this process's (and its children's, for the writer processes) ru_maxrss.
The tasks live in tasks_search.py and tasks_app.py, registered by name in task_kit.TASKS.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import tasks_app  # noqa: E402, F401  (registers its tasks)
import tasks_search  # noqa: E402, F401  (registers its tasks)
from task_kit import TASKS  # noqa: E402


def main(argv: list[str]) -> int:
    name, work = argv[0], Path(argv[1])
    facts = json.loads((work / "queries.json").read_text(encoding="utf-8"))
    print(json.dumps(TASKS[name](work, facts)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
