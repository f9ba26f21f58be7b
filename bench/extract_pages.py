"""Web page extraction on our own pages: body F1 against the text we wrote, metadata, speed.

Body F1 is token overlap (bag of lower-cased words), as the public article-extraction
benchmarks score it. Pages: tests/fixtures/web/pages (9 news-site styles written by
tests/fixtures/web/make_pages.py from corpus/ text); gold: tests/fixtures/web/pages.jsonl.
Speed is pages per second through the loader (read, decode, extract, clean) in this process,
i.e. on one core. Run: ``python bench/extract_pages.py [--rounds N] [-v]``.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

from index import load_file

ROOT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "web"
_TOKEN = re.compile(r"\w+")


def f1(got: str, want: str) -> tuple[float, float, float]:
    a, b = Counter(_TOKEN.findall(got.lower())), Counter(_TOKEN.findall(want.lower()))
    common = sum((a & b).values())
    if not common:
        return 0.0, 0.0, 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return p, r, 2 * p * r / (p + r)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="timed passes over the pages")
    parser.add_argument("-v", action="store_true", help="print every page's scores")
    args = parser.parse_args()
    gold = [json.loads(x) for x in (ROOT / "pages.jsonl").read_text().splitlines() if x]
    by_style: dict[str, list[float]] = defaultdict(list)
    hits = Counter()
    for g in gold:
        articles, _ = load_file(ROOT, ROOT / g["file"])
        art = articles[0] if articles else None
        body = art.body if art else ""
        p, r, score = f1(body, "\n".join(g["paragraphs"]))
        by_style[g["style"]].append(score)
        hits["title"] += bool(art and art.title == g["title"])
        hits["date"] += bool(art and art.published == g["published"][:10])
        hits["outlet"] += bool(art and art.source == g["outlet"])
        hits["author"] += bool(art and art.author == g["author"])
        if args.v:
            print(f"  {g['file']:45} P {p:.3f} R {r:.3f} F1 {score:.3f}")
    n = len(gold)
    print(f"{n} pages in {len(by_style)} styles")
    for style, scores in sorted(by_style.items()):
        print(f"  {style:12} body F1 {sum(scores) / len(scores):.3f} ({len(scores)} pages)")
    styles = [sum(s) / len(s) for s in by_style.values()]
    print(
        f"body F1: mean over styles {sum(styles) / len(styles):.3f}, worst style {min(styles):.3f}"
    )
    print("  ".join(f"{k} {hits[k]}/{n}" for k in ("title", "date", "outlet", "author")))
    paths = [ROOT / g["file"] for g in gold]
    load_file(ROOT, paths[0])  # imports and first-use set-up are not timed
    start = time.perf_counter()
    for _ in range(args.rounds):
        for path in paths:
            load_file(ROOT, path)
    elapsed = time.perf_counter() - start
    print(f"speed: {n * args.rounds / elapsed:.1f} pages/s on one core ({args.rounds} rounds)")


if __name__ == "__main__":
    main()
