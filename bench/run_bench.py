"""Speed benchmarks side by side: newsreader's Whoosh index vs SQLite FTS5 on the same corpus.

Usage: python bench/run_bench.py [--docs 10000] [--work DIR] [--no-reader] [--json OUT]
Generates the corpus (bench/gen_corpus.py, deterministic), then runs each measurement in a
fresh process (bench/bench_tasks.py) and prints a Markdown table with ratios and the targets.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from gen_corpus import extra_files  # noqa: E402


def run_task(name: str, work: Path) -> dict[str, Any]:
    """Run one task in a fresh interpreter; its last stdout line is its JSON figures."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(BENCH / "bench_tasks.py"), name, str(work)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"task {name} failed:\n{done.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["process_s"] = time.perf_counter() - started
    print(f"  {name}: {_brief(figures)}", file=sys.stderr, flush=True)
    return figures


def _brief(figures: dict[str, Any]) -> str:
    return ", ".join(
        f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}" for k, v in figures.items()
    )


def best_of(name: str, work: Path, runs: int, key: str) -> dict[str, Any]:
    """The run with the median ``key`` of ``runs`` fresh processes (cold starts vary)."""
    results = sorted((run_task(name, work) for _ in range(runs)), key=lambda r: r[key])
    return results[len(results) // 2]


def change_one_file(work: Path, facts: dict[str, Any]) -> None:
    path = work / "corpus" / facts["change_file"]
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + "\nA late paragraph was added to this report by the editors.\n", encoding="utf-8"
    )


def add_files(work: Path, count: int, seed: int) -> None:
    for rel, text in extra_files(count, seed).items():
        path = work / "corpus" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def measure(work: Path, docs: int, seed: int, reader: bool, analysis: bool) -> dict[str, Any]:
    t = time.perf_counter()
    # In a child: a forked process inherits this one's peak RSS, so the runner stays small.
    subprocess.run(
        [
            sys.executable,
            str(BENCH / "gen_corpus.py"),
            str(work),
            "--docs",
            str(docs),
            "--seed",
            str(seed),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"generated {docs} articles in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    facts = json.loads((work / "queries.json").read_text(encoding="utf-8"))
    r: dict[str, Any] = {
        "docs": docs,
        "seed": seed,
        "cpus": os.cpu_count(),
        "load_before": os.getloadavg()[0],
    }
    r["w_build"], r["f_build"] = run_task("whoosh_build", work), run_task("fts_build", work)
    r["w_query"], r["f_query"] = run_task("whoosh_queries", work), run_task("fts_queries", work)
    r["w_cold"] = best_of("whoosh_cold", work, 3, "ms")
    r["f_cold"] = best_of("fts_cold", work, 3, "ms")
    if analysis:
        r["events"] = run_task("events", work)
        r["compare"] = run_task("compare_event", work)
    if analysis and reader:
        # The events cache lives in the work folder, emptied first: the first start groups
        # every article, the second (same corpus) reads the grouping back.
        os.environ["NEWSREADER_CACHE_DIR"] = str(work / "cache")
        shutil.rmtree(work / "cache", ignore_errors=True)
        r["reader"] = run_task("reader", work)
        r["reader_reopen"] = run_task("reader", work)
    change_one_file(work, facts)
    r["w_upd1"], r["f_upd1"] = run_task("whoosh_update", work), run_task("fts_update", work)
    add_files(work, 100, seed)
    r["w_upd100"], r["f_upd100"] = run_task("whoosh_update", work), run_task("fts_update", work)
    r["load_after"] = os.getloadavg()[0]
    return r


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ms" and value < 10:
        return f"{value:.1f} ms"
    return f"{value:,.0f} {unit}" if value >= 100 or unit == "docs/s" else f"{value:.1f} {unit}"


def table(r: dict[str, Any]) -> str:
    rows: list[tuple[str, float | None, float | None, str, str]] = []

    def pair(label: str, w: float | None, f: float | None, unit: str, target: str = "") -> None:
        rows.append((label, w, f, unit, target))

    wb, fb = r["w_build"], r["f_build"]
    pair("first build, docs/s", wb["docs_per_s"], fb["docs_per_s"], "docs/s")
    pair("first build, time", wb["seconds"], fb["seconds"], "s", "<= 30 s")
    pair("index size on disk", wb["disk_mb"], fb["disk_mb"], "MB")
    pair("build peak RSS", wb["peak_mb"], fb["peak_mb"], "MB")
    pair("update: 1 changed file", r["w_upd1"]["seconds"], r["f_upd1"]["seconds"], "s", "<= 1 s")
    pair("update: 100 added files", r["w_upd100"]["seconds"], r["f_upd100"]["seconds"], "s")
    wq, fq = r["w_query"], r["f_query"]
    pair("200 word queries + 10 snippets, p50", wq["words_p50"], fq["words_p50"], "ms", "<= 8 ms")
    pair("200 word queries + 10 snippets, p95", wq["words_p95"], fq["words_p95"], "ms", "<= 15 ms")
    pair("50 phrases + 10 snippets, p50", wq["phrase_p50"], fq["phrase_p50"], "ms", "<= 8 ms")
    pair("50 phrases + 10 snippets, p95", wq["phrase_p95"], fq["phrase_p95"], "ms", "<= 15 ms")
    if "cpu_words_p50" in wq:
        pair("word queries, CPU time p50", wq["cpu_words_p50"], fq["cpu_words_p50"], "ms")
        pair("word queries, CPU time p95", wq["cpu_words_p95"], fq["cpu_words_p95"], "ms")
        pair("phrases, CPU time p50", wq["cpu_phrase_p50"], fq["cpu_phrase_p50"], "ms")
        pair("phrases, CPU time p95", wq["cpu_phrase_p95"], fq["cpu_phrase_p95"], "ms")
    pair("search process peak RSS", wq["peak_mb"], fq["peak_mb"], "MB")
    pair(
        "cold: open + first query (fresh process)",
        r["w_cold"]["ms"],
        r["f_cold"]["ms"],
        "ms",
        "<= 60 ms",
    )
    pair(
        "cold: importing the search modules",
        r["w_cold"]["import_ms"],
        r["f_cold"]["import_ms"],
        "ms",
    )
    if "events" in r:
        ev, cmp_ = r["events"], r["compare"]
        pair("all articles read from the index", ev["load_s"], None, "s")
        pair(f"event grouping of all ({ev['events']:,} events)", ev["seconds"], None, "s")
        pair("event grouping peak RSS", ev["peak_mb"], None, "MB")
        pair(f"compare a {cmp_['articles']}-article event, cold", cmp_["cold_ms"], None, "ms")
        pair(
            f"compare a {cmp_['articles']}-article event, warm",
            cmp_["warm_ms"],
            None,
            "ms",
            "<= 50 ms",
        )
    if "reader" in r:
        rd = r["reader"]
        pair("reader: import + first paint", rd["paint_ms"], None, "ms", "<= 500 ms")
        pair("reader: articles listed", rd["articles_ms"], None, "ms")
        pair("reader: events listed", rd["events_ms"], None, "ms")
        pair("reader: peak RSS", rd["peak_mb"], None, "MB", "<= 300 MB")
    if "reader_reopen" in r:
        ro = r["reader_reopen"]
        pair("reader reopen: first paint", ro["paint_ms"], None, "ms", "<= 500 ms")
        pair("reader reopen: events listed", ro["events_ms"], None, "ms")
        pair("reader reopen: peak RSS", ro["peak_mb"], None, "MB", "<= 300 MB")
    lines = [
        f"| measure ({r['docs']:,} articles) | Whoosh (newsreader) | SQLite FTS5 | "
        "Whoosh / FTS5 | target |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for label, w, f, unit, target in rows:
        ratio = f"{w / f:.1f}x" if w is not None and f else "-"
        lines.append(f"| {label} | {_fmt(w, unit)} | {_fmt(f, unit)} | {ratio} | {target} |")
    lines.append(
        f"\nload average {r['load_before']:.1f} before, {r['load_after']:.1f} after; "
        f"{r['cpus']} CPUs"
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, help="working folder (default: a temp path)")
    parser.add_argument("--no-reader", action="store_true", help="skip the headless reader")
    parser.add_argument(
        "--search-only",
        action="store_true",
        help="skip event grouping, compare and the reader (e.g. at 100k)",
    )
    parser.add_argument("--json", type=Path, help="also write every figure as JSON here")
    args = parser.parse_args()
    work = args.work or Path(os.environ.get("TMPDIR", "/tmp")) / f"newsreader-bench-{args.docs}"
    work.mkdir(parents=True, exist_ok=True)
    results = measure(work, args.docs, args.seed, not args.no_reader, not args.search_only)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
