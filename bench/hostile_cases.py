"""The cases of bench/hostile.py: each writes its hostile input beside the good files and says
which ``newsreader`` command to time (issue 16, and issue 14's "the corpus is the folder")."""

from __future__ import annotations

import json
import os
import random
import socket
from collections.abc import Callable
from pathlib import Path

import hostile_state as state
from hostile_kit import GOOD_WORD, Ctx, Step, file_case, index_args, search_args, text

# -- 1. linear time ------------------------------------------------------------------------------

CAPITALS = file_case(
    "caps.txt", "Capitals\n\nIt began. " + "ABCDEFGHIJ" * 100_000 + " and ended.\n"
)
AT_SIGNS = file_case("at.txt", "Trailer\n\nA report of one line.\n" + "@" * 300_000 + "\n")
SCRIPTS = file_case("scripts.md", "# Scripts\n\nText.\n\n<script>" + "<script> " * 120_000 + "\n")
COMMENTS = file_case("comments.md", "# Comments\n\nText.\n\n" + "<!-- " * 200_000 + "\n")


# -- 2. one folder never stops the corpus ----------------------------------------------------------


def path_max(c: Ctx) -> Step:
    """90 nested folders of 60-character names (over PATH_MAX), a report at the bottom."""
    fd = os.open(c.corpus, os.O_RDONLY)
    for n in range(90):
        name = f"{n:02d}" + "d" * 58
        os.mkdir(name, dir_fd=fd)
        fd, old = os.open(name, os.O_RDONLY, dir_fd=fd), fd
        os.close(old)
    out = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
    os.write(out, f"Deep report\n\nA {GOOD_WORD} was seen at the bottom.\n".encode())
    os.close(out)
    os.close(fd)

    def check() -> str:
        done = c.run([*search_args(c), "--limit", "9"])
        return "the deep report is found" if "/deep.txt" in done.stdout else "deep report missing"

    return Step(index_args(c), check=check)


def _locked(with_subfolder: bool) -> Callable[[Ctx], Step]:
    def case(c: Ctx) -> Step:
        locked = c.corpus / "locked"
        (locked / "sub" if with_subfolder else locked).mkdir(parents=True)
        (locked / "inside.txt").write_text("Inside\n\nA locked report.\n")
        c.ix.mkdir(mode=0o777)
        c.ix.chmod(0o777)
        locked.chmod(0o644)  # listable, not enterable (for a user other than root)
        return Step(index_args(c), as_nobody=True)

    return case


LOCKED_WITH_SUBFOLDER = _locked(True)
LOCKED_FILES_ONLY = _locked(False)


# -- 4. files skipped unread are not read ----------------------------------------------------------


def _sparse(gib: int, touch: bool) -> Callable[[Ctx], Step]:
    def case(c: Ctx) -> Step:
        path = c.corpus / "huge.txt"
        with path.open("wb") as handle:
            handle.truncate(gib << 30)
        if touch:
            c.run(index_args(c))
            os.utime(path)  # a new mtime, same size: hashed again before the fix
        return Step(index_args(c))

    return case


SPARSE_100G = _sparse(100, touch=False)
SPARSE_10G_TOUCHED = _sparse(10, touch=True)
LINE_20MIB = file_case("line.txt", ("word " * (4 << 20))[: 20 << 20])


# -- 5. one line, exit 2, never a hang -------------------------------------------------------------


def env_limit(value: str) -> Callable[[Ctx], Step]:
    return lambda c: Step(index_args(c), env={"NEWSREADER_MAX_FILE_MB": value})


def _pairs(make: Callable[[Path], object]) -> Callable[[Ctx], Step]:
    def case(c: Ctx) -> Step:
        path = c.work / "pairs.jsonl"
        make(path)
        return Step(["compare", "--pairs", str(path), "--format", "jsonl"])

    return case


PAIRS_UTF16 = _pairs(lambda p: p.write_bytes(b"\xff\xfe" + '{"a": "x"}'.encode("utf-16-le")))
PAIRS_RANDOM = _pairs(lambda p: p.write_bytes(random.Random(5).randbytes(64 << 10)))
PAIRS_FIFO = _pairs(os.mkfifo)


def usage_error(c: Ctx) -> Step:
    return Step(["search", GOOD_WORD, "--limit"])


# -- issue 14: the corpus is the folder --------------------------------------------------------


def link_outside(c: Ctx) -> Step:
    (c.corpus / "passwd.txt").symlink_to("/etc/passwd")

    def check() -> str:
        done = c.run(["search", "root", "--corpus", str(c.corpus), "--index-dir", str(c.ix)])
        return "passwd indexed" if "passwd.txt" in done.stdout else "passwd not indexed"

    return Step(index_args(c), check=check)


def long_title(c: Ctx) -> Step:
    (c.corpus / "flood.txt").write_text(text(33_000) + "\n\nThe flood of words ended.\n")

    def check() -> str:
        done = c.run(
            ["events", "--corpus", str(c.corpus), "--index-dir", str(c.ix)], env={"COLUMNS": "80"}
        )
        lines = done.stdout.splitlines()
        return f"events text: {len(lines)} lines, longest {max(map(len, lines), default=0)}"

    return Step(index_args(c), check=check)


def mixed_corpus(c: Ctx) -> Step:
    """The hostile corpus of the tests: binary, NULs, specials, links, names, bad JSON."""
    (c.corpus / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (c.corpus / "nul.md").write_bytes(b"Title\n\nText \x00 with NUL.\n")
    os.mkfifo(c.corpus / "fifo.txt")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(c.corpus / "sock.txt"))
    (c.corpus / "loop.txt").symlink_to("loop.txt")
    (c.corpus / "broken.txt").symlink_to("nowhere.txt")
    (c.corpus / "zero.txt").symlink_to("/dev/zero")
    (c.corpus / "empty.txt").write_text("")
    (c.corpus / "bad.json").write_text('{"title": "x", "body": ')
    (c.corpus / "list.json").write_text(json.dumps([1, {"body": "A good entry."}, "x"]))
    (c.corpus / "esc\x1b[31m.txt").write_text("Escape\n\nA name with an escape.\n")
    (c.corpus / os.fsdecode(b"latin\xe9.txt")).write_text("Latin\n\nA name not UTF-8.\n")
    return Step(index_args(c))


CASES: dict[str, Callable[[Ctx], Step]] = {
    "1M capitals in a body": CAPITALS,
    "300k '@' last line": AT_SIGNS,
    "`<script>` x 120k (1 MB .md)": SCRIPTS,
    "`<!--` x 200k (.md)": COMMENTS,
    "path over PATH_MAX": path_max,
    "folder 0644 with subfolder": LOCKED_WITH_SUBFOLDER,
    "folder 0644, files only": LOCKED_FILES_ONLY,
    "overlong/CESU UTF-8": state.BAD_UTF8,
    "manifest.json '[' x 100k": state.MANIFEST_BRACKETS,
    "meta.json '[' x 100k": state.META_BRACKETS,
    "damaged.json '[' x 100k": state.DAMAGED_BRACKETS,
    "doc_count 1e999": state.DOC_COUNT_1E999,
    "manifest.json a folder": state.MANIFEST_FOLDER,
    ".trm 4 KB zeroed": state.TRM_ZEROED,
    ".trm zeroed, mtime kept (--verify)": state.TRM_ZEROED_SAME_MTIME,
    "disk full, 3,000 files": state.disk_full,
    "sparse 100 GB .txt": SPARSE_100G,
    "sparse 10 GiB, touched": SPARSE_10G_TOUCHED,
    "20 MiB one-line file": LINE_20MIB,
    "MAX_FILE_MB=inf": env_limit("inf"),
    "MAX_FILE_MB=1e309": env_limit("1e309"),
    "--pairs \\xff\\xfe": PAIRS_UTF16,
    "--pairs random bytes": PAIRS_RANDOM,
    "--pairs a fifo": PAIRS_FIFO,
    "foreign annotations table": state.foreign_annotations,
    "argparse error": usage_error,
    "symlink to /etc/passwd": link_outside,
    "200,000-char title": long_title,
    "mixed hostile corpus": mixed_corpus,
}
