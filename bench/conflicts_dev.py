"""Conflict recall and precision on the ECB+ dev subset (../shared/ecbplus-dev).

Usage: python bench/conflicts_dev.py [DATA_DIR] [-v] [--list]

Loads the dev articles with the project loader (a .txt file: line 1 is the headline, i.e. the
title), groups them by the GOLD event (for this measurement only: the protocol compares reports
of one event), runs the real ``compare`` on each event and reads every conflict it flags: those
on links between passages and those of the event's fact table (which may sit in a headline).

Recall (protocol of the dev README): a conflict item is found when some pair of its claims from
different reports whose values differ is flagged, i.e. one flagged conflict touches the line of
one claim and the line of the other; a near miss is flagged when any pair of its claims is.

Precision by reading: every conflict flagged on the 20 events gets a stable id (both sides'
document and line, and the type). bench/judged/conflicts_dev.tsv holds our verdict on each id
(real/false) with a one-line reason; the text itself is printed from ../shared at run time by
``--list`` and never stored. The script reports the judged share real and lists unjudged ids.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index import (  # noqa: E402
    Article,
    Comparison,
    compare,
    dispute_type,
    fact_disputes,
    load_corpus,
)

JUDGED = Path(__file__).with_name("judged") / "conflicts_dev.tsv"


@dataclass(frozen=True)
class Side:
    """One side of a flagged conflict: a document, a 1-based line of its file, the span."""

    doc: str
    line: int
    start: int  # offsets into the line's text
    end: int
    last_line: int  # the line the span ends on (a quote broken over lines touches each)


@dataclass(frozen=True)
class Flag:
    event: str
    type: str
    a: Side
    b: Side
    explanation: str

    @property
    def id(self) -> str:
        x, y = sorted([(self.a.doc, self.a.line), (self.b.doc, self.b.line)])
        return f"{x[0]}:{x[1]}|{y[0]}:{y[1]}|{self.type}"


class Lines:
    """Maps an article's (in_title, offset) to the 1-based line of its dev file."""

    def __init__(self, data: Path, article: Article) -> None:
        self.doc = Path(article.id).stem
        self.lines = (data / article.id).read_text("utf-8").split("\n")
        self.article = article
        self.body_starts: list[tuple[int, int]] = []  # (offset in body, line number)
        pos = 0
        for number, line in enumerate(self.lines[1:], start=2):
            if not line.strip():
                continue
            found = article.body.find(line.strip(), pos)
            if found >= 0:
                self.body_starts.append((found, number))
                pos = found + len(line.strip())

    def _line_at(self, offset: int) -> tuple[int, int]:
        line, base = 0, 0
        for start, number in self.body_starts:
            if start > offset:
                break
            line, base = number, start
        return line, base

    def side(self, in_title: bool, start: int, end: int) -> Side:
        if in_title:
            return Side(self.doc, 1, start, end, 1)
        line, base = self._line_at(start)
        last, _ = self._line_at(max(start, end - 1))
        return Side(self.doc, line, start - base, end - base, last)


def flags_of(event: str, comparison: Comparison, lines: dict[str, Lines]) -> list[Flag]:
    """Every conflict the comparison flags, on links and in its fact table, once per id."""
    art_of = {p.id: p.article_id for p in comparison.passages}
    out: dict[str, Flag] = {}

    def add(kind: str, aa: str, ta: bool, sa: Any, ab: str, tb: bool, sb: Any, why: str) -> None:
        a = lines[aa].side(ta, sa.start, sa.end)
        b = lines[ab].side(tb, sb.start, sb.end)
        flag = Flag(event, kind, a, b, why)
        out.setdefault(flag.id, flag)

    for link in comparison.links:
        for c in link.conflicts:
            ta, tb = link.a.endswith(":title"), link.b.endswith(":title")
            add(c.type, art_of[link.a], ta, c.a, art_of[link.b], tb, c.b, c.explanation)
    for x, y, why in fact_disputes(comparison):
        kind = dispute_type(x)
        xs, ys = x.span, y.span
        add(kind, xs.article_id, xs.in_title, xs, ys.article_id, ys.in_title, ys, why)
    return list(out.values())


def _touches(flag: Flag, x: dict[str, Any], y: dict[str, Any]) -> bool:
    def on(side: Side, claim: dict[str, Any]) -> bool:
        return side.doc == claim["doc"] and side.line <= claim["line"] <= side.last_line

    if x["doc"] == y["doc"]:
        return False
    return (on(flag.a, x) and on(flag.b, y)) or (on(flag.a, y) and on(flag.b, x))


def score(items: list[dict[str, Any]], flags: list[Flag], verbose: bool) -> None:
    by_event: dict[str, list[Flag]] = defaultdict(list)
    for f in flags:
        by_event[f.event].append(f)
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    near_flagged = near_total = 0
    for item in items:
        pairs = [
            (x, y)
            for x, y in combinations(item["claims"], 2)
            if x["doc"] != y["doc"] and (item["kind"] == "near_miss" or x["value"] != y["value"])
        ]
        hits = [f for f in by_event[item["event"]] for x, y in pairs if _touches(f, x, y)]
        if item["kind"] == "conflict":
            for key in ("all", f"type {item['type']}", f"nature {item['nature']}"):
                total[key] += 1
                found[key] += bool(hits)
        else:
            near_total += 1
            near_flagged += bool(hits)
        if verbose:
            state = (
                ("FOUND" if hits else "missed")
                if item["kind"] == "conflict"
                else ("FLAGGED" if hits else "ok")
            )
            how = f" ({hits[0].type}: {hits[0].explanation[:70]})" if hits else ""
            print(f"  {item['kind']:<9} {item['type']:<9} {item['id']:<40} {state}{how}")
    print(f"conflicts found: {found['all']}/{total['all']}")
    for key in sorted(k for k in total if k != "all"):
        print(f"  {key:<22} {found[key]}/{total[key]}")
    print(f"near misses flagged: {near_flagged}/{near_total}")


def read_judged() -> dict[str, tuple[str, str]]:
    verdicts: dict[str, tuple[str, str]] = {}
    if JUDGED.is_file():
        for row in JUDGED.read_text("utf-8").splitlines():
            if row.strip() and not row.startswith("#"):
                key, verdict, reason = (row.split("\t") + ["", ""])[:3]
                verdicts[key] = (verdict, reason)
    return verdicts


def precision(flags: list[Flag], lines: dict[str, Lines], listing: bool) -> None:
    verdicts = read_judged()
    real = false = 0
    unjudged: list[Flag] = []
    for f in sorted(flags, key=lambda f: (f.event, f.id)):
        verdict, reason = verdicts.get(f.id, ("", ""))
        real += verdict == "real"
        false += verdict == "false"
        if verdict not in ("real", "false"):
            unjudged.append(f)
        if listing:
            print(f"{f.id}\t{verdict or '?'}\t{reason}")
            for side in (f.a, f.b):
                text = _line_text(lines, side)
                print(f"    {side.doc}:{side.line} [{text[side.start : side.end]}] {text}")
            print(f"    -> {f.explanation}")
    judged = real + false
    share = real / judged if judged else 0.0
    print(f"flagged on the dev events: {len(flags)}; judged {judged}: real {real}, false {false}")
    print(f"judged precision: {share:.3f} (n={judged}); unjudged: {len(unjudged)}")
    for f in unjudged[:50]:
        print(f"  unjudged {f.id}")


def _line_text(lines: dict[str, Lines], side: Side) -> str:
    for lk in lines.values():
        if lk.doc == side.doc:
            return lk.lines[side.line - 1] if side.line >= 1 else ""
    return ""


def main(argv: list[str]) -> int:
    verbose, listing = "-v" in argv, "--list" in argv
    args = [a for a in argv if not a.startswith("-")]
    data = Path(args[0]) if args else REPO.parent / "shared" / "ecbplus-dev"
    if not (data / "conflicts.jsonl").is_file():
        print(f"no ECB+ dev set at {data}", file=sys.stderr)
        return 2
    articles, _skipped = load_corpus(data / "articles")
    gold: dict[str, str] = json.loads((data / "gold_events.json").read_text("utf-8"))
    items = [json.loads(x) for x in (data / "conflicts.jsonl").read_text("utf-8").splitlines()]
    events: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        events[gold[Path(article.id).stem]].append(article)
    lines = {a.id: Lines(data / "articles", a) for a in articles}
    flags: list[Flag] = []
    began = time.perf_counter()
    for event, members in sorted(events.items()):
        flags.extend(flags_of(event, compare(members), lines))
    took = time.perf_counter() - began
    print(f"{len(articles)} articles, {len(events)} events, compared in {took:.1f} s")
    score(items, flags, verbose)
    precision(flags, lines, listing)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
