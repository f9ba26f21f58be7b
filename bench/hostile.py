"""Hostile-corpus bench: every case of issue 16 (and issue 14's "the corpus is the folder") run
through the real ``newsreader`` command, one table row each.

Per case: finished (within --timeout), seconds of the timed command, its exit code, its lines on
stderr, the good files still found by a search after it (three ordinary reports sit beside every
hostile input), the command's peak memory, and a note (the line that names the problem, or what
the case checked after). Run as root for the cases that need another user or a small tmpfs
(they say "skipped" otherwise)::

    nice -n 10 python bench/hostile.py [--only WORD] [--timeout 120]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_cases import CASES  # noqa: E402
from hostile_kit import GOOD_WORD, Ctx, Step, good_files  # noqa: E402

NEWSREADER = [sys.executable, "-m", "tui_reader"]
NOBODY = 65534


@dataclass(frozen=True)
class Row:
    case: str
    finished: str
    seconds: float
    cpu: float
    code: int | None
    stderr_lines: int
    good: str
    peak_mb: float
    note: str


def _command(argv: list[str], as_nobody: bool) -> list[str]:
    if not as_nobody:
        return [*NEWSREADER, *argv]
    drop = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    return [*drop, *NEWSREADER, *argv]


def _env(extra: dict[str, str], home: Path) -> dict[str, str]:
    # a home of its own: the user's data and cache dirs are never touched
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    env.update({"XDG_CACHE_HOME": str(home / "cache"), "NEWSREADER_FOLLOW_LINKS": "0"})
    env.pop("NEWSREADER_MAX_FILE_MB", None)
    return {**env, **extra}


def timed(
    argv: list[str], env: dict[str, str], timeout: float, as_nobody: bool = False
) -> tuple[bool, float, float, int | None, str, str, float]:
    """(finished, seconds, CPU seconds, exit code, stdout, stderr, peak MB) of one run, its
    child processes included; killed at timeout."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            _command(argv, as_nobody), stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env
        )
        finished, code = True, None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = proc.returncode = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() - started > timeout:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = code = None
                finished = False
                break
            time.sleep(0.01)
        seconds = time.monotonic() - started
        # a waited child's usage counts the children it waited for (the writer processes)
        cpu, peak = usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    return finished, seconds, cpu, code, stdout, stderr, peak


def _note(stdout: str, stderr: str) -> str:
    """The line naming the problem: an error, note, skip or damage line (stderr first), else
    the first line on stderr."""
    lines = stderr.splitlines() + stdout.splitlines()[1:]
    named = [x for x in lines if x.startswith(("newsreader", "note", "skipped", "damaged"))]
    line = (named or stderr.splitlines() or [""])[0]
    return line.removeprefix("newsreader: error: ")


def run_case(name: str, make: Callable[[Ctx], Step], root: Path, timeout: float) -> Row:
    work = root / "".join(ch if ch.isalnum() else "-" for ch in name)
    corpus, ix, home = work / "c", work / "ix", work / "home"
    corpus.mkdir(parents=True)
    home.mkdir()
    for folder in (root, work, corpus, home):
        folder.chmod(0o755 if folder != home else 0o777)
    good = good_files(corpus)

    def untimed(
        argv: list[str], env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*NEWSREADER, *argv],
            capture_output=True,
            text=True,
            env=_env(env or {}, home),
            check=False,
            timeout=timeout * 4,
        )

    ctx = Ctx(work, corpus, ix, untimed)
    try:
        step = make(ctx)
    except (OSError, subprocess.CalledProcessError) as error:
        return Row(name, "skipped", 0.0, 0.0, None, 0, "-", 0.0, f"cannot set up here: {error}")
    if step.as_nobody and os.geteuid() != 0:
        step = Step(step.argv, step.env, False, step.check)  # already not root
    finished, seconds, cpu, code, stdout, stderr, peak = timed(
        step.argv, _env(step.env, home), timeout, step.as_nobody
    )
    note = _note(stdout, stderr).replace(f"{work}/", "")  # paths relative to the case
    if step.check is not None:
        note = f"{note}; {step.check()}" if note else step.check()
    found = _good_found(corpus, ix, home, good, step.as_nobody, timeout)
    return Row(
        name,
        "yes" if finished else f"no (killed at {timeout:.0f} s)",
        seconds,
        cpu,
        code,
        len(stderr.splitlines()),
        found,
        peak,
        note,
    )


def _good_found(
    corpus: Path, ix: Path, home: Path, good: list[str], as_nobody: bool, timeout: float
) -> str:
    argv = ["search", GOOD_WORD, "--corpus", str(corpus), "--index-dir", str(ix)]
    done = timed([*argv, "--format", "json", "--limit", "50"], _env({}, home), timeout, as_nobody)
    try:
        hits = {hit["id"] for hit in json.loads(done[4])["hits"]}
    except (ValueError, KeyError, TypeError):
        hits = set()
    return f"{len(hits & set(good))}/{len(good)}"


def table(rows: list[Row]) -> str:
    head = (
        "| case | finished | seconds | CPU s | exit | stderr lines | good found | peak MB | note |"
    )
    lines = [head, "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in rows:
        note = r.note.replace("|", "\\|")
        note = note if len(note) <= 170 else note[:169] + "\u2026"
        code = "-" if r.code is None else str(r.code)
        lines.append(
            f"| {r.case} | {r.finished} | {r.seconds:.2f} | {r.cpu:.2f} | {code} | {r.stderr_lines}"
            f" | {r.good}"
            f" | {r.peak_mb:.0f} | {note} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run the cases whose name contains this")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a kill")
    args = parser.parse_args()
    chosen = {k: v for k, v in CASES.items() if not args.only or args.only.lower() in k.lower()}
    root = Path(tempfile.mkdtemp(prefix="newsreader-hostile-", dir="/tmp"))
    rows = []
    try:
        for name, make in chosen.items():
            row = run_case(name, make, root, args.timeout)
            rows.append(row)
            print(f"{name}: {row.finished}, {row.seconds:.2f} s, exit {row.code}", file=sys.stderr)
    finally:
        for folder, _dirs, _files in os.walk(root):
            os.chmod(folder, 0o755)  # the 0644 folders, so they can be removed
        subprocess.run(["umount", "-l", *map(str, root.glob("*/ix"))], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
    print(table(rows))
    slow = [r.case for r in rows if r.finished != "yes" or r.seconds > 5]
    print(f"\n{len(rows)} cases; over 5 s or unfinished: {', '.join(slow) or 'none'}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
