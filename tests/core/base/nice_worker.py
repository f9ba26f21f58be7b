"""A worker that tells its parent its priority (test_processes.py runs it)."""

from __future__ import annotations

import os

from index.base.processes import Parent


def main() -> None:
    Parent().send(os.nice(0) if hasattr(os, "nice") else None)


if __name__ == "__main__":
    main()
