"""Alignment and conflict quality on the five seeds, measured against bench/seeds_gold.json.

Usage: python bench/quality_seeds.py [SEEDS_DIR] [-v]

Loads the seeds with the project loader, runs ``compare`` and prints shared-link recall and
precision, conflict recall with the right type, and look-alikes wrongly flagged. The gold file
locates passages by seed file + keywords; a locator that selects zero or several sentences is a
fatal error (exit 2), so the gold file cannot silently drift from the splitter.
"""

from __future__ import annotations

import json
import sys
from itertools import combinations
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index import (  # noqa: E402
    Comparison,
    Link,
    Passage,
    compare,  # noqa: E402
    load_corpus,  # noqa: E402
)

GOLD = Path(__file__).with_name("seeds_gold.json")
Pair = frozenset[str]


class Locator:
    """Find the one passage a gold locator ``[seed, keyword, ...]`` names."""

    def __init__(self, comparison: Comparison, seeds: dict[str, str]) -> None:
        self.seeds = seeds
        self.by_article: dict[str, list[Passage]] = {}
        for p in comparison.passages:
            self.by_article.setdefault(p.article_id, []).append(p)
        self.seen: set[str] = set()

    def __call__(self, loc: list[str]) -> Passage:
        seed, *keys = loc
        article = self.seeds[seed]
        hits = [
            p
            for p in self.by_article.get(article, [])
            if all(k.lower() in p.text.lower() for k in keys)
        ]
        if len(hits) != 1:
            sys.exit(
                f"gold locator {loc} matches {len(hits)} passages of {article} (need exactly 1)"
            )
        self.seen.add(hits[0].id)
        return hits[0]


def _key_span(p: Passage, key: str) -> tuple[int, int]:
    i = p.text.find(key)
    if i < 0:
        i = p.text.lower().find(key.lower())
    if i < 0:
        sys.exit(f"look-alike keyword {key!r} is not in passage {p.id}")
    return p.start + i, p.start + i + len(key)


def _overlaps(span: tuple[int, int], start: int, end: int) -> bool:
    return start < span[1] and span[0] < end


def measure(comparison: Comparison, gold: dict[str, Any], verbose: bool) -> dict[str, float]:
    find = Locator(comparison, gold["seeds"])
    required: set[Pair] = set()
    acceptable: set[Pair] = set()
    for fact in gold["facts"]:
        members = [find(loc) for loc in fact["passages"]]
        optional = [find(loc) for loc in fact.get("optional", [])]
        for x, y in combinations(members, 2):
            if x.article_id != y.article_id:
                required.add(frozenset((x.id, y.id)))
        for x in optional:
            for y in members + optional:
                if x.article_id != y.article_id:
                    acceptable.add(frozenset((x.id, y.id)))
    for x, y in gold.get("optional_pairs", []):
        acceptable.add(frozenset((find(x).id, find(y).id)))
    for loc in gold.get("unique", []):
        find(loc)
    acceptable |= required
    links: dict[Pair, Link] = {frozenset((lk.a, lk.b)): lk for lk in comparison.links}
    covered = find.seen
    text = {p.id: p.text for p in comparison.passages}

    def show(pair: Pair) -> str:
        a, b = sorted(pair)
        return f"    {a}: {text[a][:90]}\n    {b}: {text[b][:90]}"

    hit = required & links.keys()
    judged = [k for k in links if k <= covered]
    correct = [k for k in judged if k in acceptable]
    recall = len(hit) / len(required)
    precision = len(correct) / len(judged) if judged else 1.0
    print(f"passages: {len(comparison.passages)} ({len(covered)} annotated); links: {len(links)}")
    print(
        f"shared links: recall {recall:.3f} ({len(hit)}/{len(required)}), "
        f"precision {precision:.3f} ({len(correct)}/{len(judged)} judged links)"
    )
    if verbose:
        for pair in sorted(required - links.keys(), key=sorted):
            print("  MISSED\n" + show(pair))
        for pair in sorted(set(judged) - acceptable, key=sorted):
            print(f"  WRONG (score {links[pair].score})\n" + show(pair))

    found = 0
    gold_conflicts: set[Pair] = set()
    for c in gold["conflicts"]:
        pa, pb = find(c["a"]), find(c["b"])
        pair = frozenset((pa.id, pb.id))
        gold_conflicts.add(pair)
        if pair not in acceptable:
            sys.exit(f"gold conflict {c['a']} / {c['b']} is not a pair of one fact")
        link = links.get(pair)
        types = sorted({x.type for x in link.conflicts}) if link else []
        ok = c["type"] in types
        found += ok
        state = "found" if ok else ("NOT LINKED" if link is None else f"linked, types {types}")
        print(f"  conflict {c['type']:<9} {pa.id} / {pb.id}: {state}")
    conflict_recall = found / len(gold["conflicts"])
    print(
        f"conflicts: recall with right type {conflict_recall:.3f} "
        f"({found}/{len(gold['conflicts'])})"
    )

    flagged = 0
    for la in gold["lookalikes"]:
        pa, pb = find(la["a"]), find(la["b"])
        pair = frozenset((pa.id, pb.id))
        link = links.get(pair)
        bad = []
        if link is not None:
            a_span = _key_span(pa, la["a_key"]) if "a_key" in la else None
            b_span = _key_span(pb, la["b_key"]) if "b_key" in la else None
            for x in link.conflicts:
                xa, xb = (x.a, x.b) if link.a == pa.id else (x.b, x.a)
                if (
                    a_span is None
                    or _overlaps(a_span, xa.start, xa.end)
                    or (b_span is not None and _overlaps(b_span, xb.start, xb.end))
                ):
                    bad.append(f"{x.type}: {xa.text!r} / {xb.text!r}")
        flagged += bool(bad)
        state = "NOT LINKED" if link is None else ("FLAGGED " + "; ".join(bad) if bad else "ok")
        print(f"  look-alike {la.get('a_key', '(link)')!r} / {la.get('b_key', '')!r}: {state}")
    print(f"look-alikes flagged: {flagged}/{len(gold['lookalikes'])}")

    disputed = {frozenset((find(d["a"]).id, find(d["b"]).id)) for d in gold.get("disputed", [])}
    extra = [
        (k, x)
        for k, lk in links.items()
        if k <= covered and k not in gold_conflicts and k not in disputed
        for x in lk.conflicts
    ]
    print(f"conflicts on other annotated links (not in gold): {len(extra)}")
    if verbose:
        for k, x in extra:
            print(f"  {x.type}: {x.a.text!r} / {x.b.text!r} on {sorted(k)}  ({x.explanation})")
    return {
        "recall": recall,
        "precision": precision,
        "conflict_recall": conflict_recall,
        "lookalikes_flagged": float(flagged),
        "extra_conflicts": float(len(extra)),
    }


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    seeds = Path(args[0]) if args else REPO.parent / "shared" / "seeds"
    if not seeds.is_dir():
        print(f"no seeds folder at {seeds}", file=sys.stderr)
        return 1
    articles, skipped = load_corpus(seeds)
    if skipped:
        print(f"skipped: {skipped}", file=sys.stderr)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    measure(compare(articles), gold, verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
