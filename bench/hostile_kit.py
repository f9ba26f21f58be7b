"""What the cases of bench/hostile.py share: a case's folders, the step it times, the good
reports beside every hostile input, and helpers to write and run."""

from __future__ import annotations

import random
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

GOOD_WORD = "kittiwake"
WORDS = "ferry harbour council storm bridge tram budget school river mayor pier gull".split()


@dataclass(frozen=True)
class Ctx:
    """A case's folders: ``corpus`` (three good files already in it) and its ``ix``."""

    work: Path
    corpus: Path
    ix: Path
    run: Callable[..., subprocess.CompletedProcess[str]]  # newsreader, untimed (set-up)


@dataclass(frozen=True)
class Step:
    """The command to time; ``check`` runs after it and returns words for the note column."""

    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    as_nobody: bool = False
    check: Callable[[], str] | None = None


def good_files(corpus: Path) -> list[str]:
    """Three ordinary reports (our own text) that must stay searchable beside every case."""
    ids = []
    for n, (place, figure) in enumerate((("pier", 12), ("harbour", 40), ("bridge", 7))):
        name = f"good{n}.txt"
        (corpus / name).write_text(
            f"Storm at the {place}\n\nA {GOOD_WORD} colony of {figure} pairs nested by the "
            f"{place} this spring, the council said on Monday. Wardens counted them twice.\n",
            encoding="utf-8",
        )
        ids.append(name)
    return ids


def text(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n))


def index_args(c: Ctx) -> list[str]:
    return ["index", str(c.corpus), "--index-dir", str(c.ix)]


def search_args(c: Ctx) -> list[str]:
    return ["search", GOOD_WORD, "--corpus", str(c.corpus), "--index-dir", str(c.ix)]


def file_case(name: str, data: str | bytes) -> Callable[[Ctx], Step]:
    """A case of one hostile file, timed by `newsreader index`."""

    def case(c: Ctx) -> Step:
        path = c.corpus / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
        return Step(index_args(c))

    return case
