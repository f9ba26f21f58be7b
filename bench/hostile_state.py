"""Hostile cases of index and marks state for bench/hostile.py: damaged metadata, store files
changed in place, a full disk, a database another program wrote (issue 16, part 3)."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
from collections.abc import Callable

from hostile_kit import WORDS, Ctx, Step, file_case, index_args, search_args, text

# -- 3. damage reported and repaired -----------------------------------------------------------

BAD_UTF8 = file_case(
    "bad.txt", b"Overlong\n\nA slash \xc0\xaf and a surrogate \xed\xa0\x80 here.\n"
)


def _built(c: Ctx, fillers: int = 0) -> None:
    for n in range(fillers):  # enough text for term files of several 4 KB blocks
        (c.corpus / f"f{n:03d}.txt").write_text(
            f"Filler {n}\n\nThe {WORDS[n % 12]} board met. {text(300, n)} w{n}x.\n"
        )
    c.run(index_args(c))


def _metadata(name: str, content: Callable[[str], str] | None) -> Callable[[Ctx], Step]:
    """The index built, then one metadata file rewritten (None: a folder in its place)."""

    def case(c: Ctx) -> Step:
        _built(c)
        path = c.ix / name
        if content is None:
            path.unlink()
            path.mkdir()
        else:
            old = path.read_text() if path.exists() else ""
            path.write_text(content(old))
        return Step(search_args(c), check=lambda: _again(c))

    return case


def _again(c: Ctx) -> str:
    """The next run: a repaired index says nothing more."""
    done = c.run(search_args(c))
    return f"next run: exit {done.returncode}, {len(done.stderr.splitlines())} stderr"


MANIFEST_BRACKETS = _metadata("manifest.json", lambda _: "[" * 100_000)
META_BRACKETS = _metadata("meta.json", lambda _: "[" * 100_000)
DAMAGED_BRACKETS = _metadata("damaged.json", lambda _: "[" * 100_000)
DOC_COUNT_1E999 = _metadata(
    "manifest.json", lambda old: re.sub(r'"doc_count": ?\d+', '"doc_count": 1e999', old)
)
MANIFEST_FOLDER = _metadata("manifest.json", None)


def _zeroed(keep_mtime: bool) -> Callable[[Ctx], Step]:
    """4 KB of zeros inside the largest .trm file, same size (and mtime: only --verify sees)."""

    def case(c: Ctx) -> Step:
        _built(c, fillers=400)
        trm = max(c.ix.glob("ix-*/*.trm"), key=lambda p: p.stat().st_size)
        st = trm.stat()
        with trm.open("r+b") as handle:
            handle.seek(st.st_size // 2)
            handle.write(b"\0" * 4096)
        if keep_mtime:
            os.utime(trm, ns=(st.st_atime_ns, st.st_mtime_ns))
            return Step([*index_args(c), "--verify"])
        return Step(search_args(c))

    return case


TRM_ZEROED = _zeroed(False)
TRM_ZEROED_SAME_MTIME = _zeroed(True)


def disk_full(c: Ctx) -> Step:
    """A first build of 3,000 reports into a 1 MB tmpfs; then a retry (stores must not pile up)."""
    for n in range(3000):
        (c.corpus / f"a{n:04d}.txt").write_text(f"Report {n}\n\nw{n}x {text(700, n)}.\n")
    c.ix.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(c.ix)], check=True)

    def check() -> str:
        c.run(index_args(c))  # the retry
        left = len(list(c.ix.glob("ix-*")))
        st = os.statvfs(c.ix)
        used = 100 - 100 * st.f_bavail // max(1, st.f_blocks)
        subprocess.run(["umount", "-l", str(c.ix)], check=False)
        return f"after a retry: {left} partial stores, disk {used}% used"

    return Step(index_args(c), check=check)


def foreign_annotations(c: Ctx) -> Step:
    data = c.work / "data"
    data.mkdir()
    db = sqlite3.connect(data / "annotations.sqlite3")
    db.execute("CREATE TABLE annotations (name TEXT)")
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.close()
    return Step(
        ["events", "--corpus", str(c.corpus), "--index-dir", str(c.ix), "--data-dir", str(data)]
    )
