"""Measure event grouping: B-cubed scores on ECB+ (text only) and run time on synthetic corpora."""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index import (  # noqa: E402
    Article,
    Event,
    copy_pairs,
    group_events,  # noqa: E402
)

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "ecbplus-dev"


def bcubed(events: Sequence[Event], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a grouping against gold labels (over gold items)."""
    cluster = {a: k for k, e in enumerate(events) for a in e.article_ids if a in gold}
    items = list(cluster)
    if not items:
        return 0.0, 0.0, 0.0
    cluster_size = Counter(cluster.values())
    gold_size = Counter(gold[a] for a in items)
    overlap = Counter((cluster[a], gold[a]) for a in items)
    p = sum(overlap[cluster[a], gold[a]] / cluster_size[cluster[a]] for a in items) / len(items)
    r = sum(overlap[cluster[a], gold[a]] / gold_size[gold[a]] for a in items) / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_ecbplus(data: Path) -> tuple[list[Article], dict[str, str]]:
    """The ECB+ articles (line 1 title, the rest body) keyed by file stem, and the gold events.

    Article ids are opaque numbers, so the topic encoded in a file name can never leak into the
    grouping; the mapping back to stems happens only when scoring.
    """
    gold_by_stem: dict[str, str] = json.loads((data / "gold_events.json").read_text("utf-8"))
    articles: list[Article] = []
    gold: dict[str, str] = {}
    files = sorted((data / "articles").glob("*.txt"))
    shuffled = random.Random(0).sample(files, len(files))  # ids must not follow file order either
    for n, path in enumerate(shuffled):
        title, _, body = path.read_text("utf-8").partition("\n")
        aid = f"doc{n:04d}"
        articles.append(Article(id=aid, path=aid, title=title.strip(), body=body))
        gold[aid] = gold_by_stem[path.stem]
    return articles, gold


def synthetic(n: int, seed: int = 1) -> list[Article]:
    """``n`` made-up reports of n/4 events: Zipf words plus event-specific names and numbers."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(30000)]
    weights = [1 / (i + 1) for i in range(len(vocab))]
    events = max(1, n // 4)
    names = [[f"Name{e}x{k}" for k in range(4)] for e in range(events)]
    numbers = [[str(rng.randint(2, 9999)) for _ in range(3)] for _ in range(events)]
    topics = [rng.choices(vocab[200:], k=12) for _ in range(events)]
    out = []
    for i in range(n):
        e = i % events
        words = rng.choices(vocab, weights, k=rng.randint(150, 450))
        words += rng.choices(topics[e], k=25) + rng.choices(names[e], k=12)
        words += rng.choices(numbers[e], k=4)
        rng.shuffle(words)
        body = ". ".join(" ".join(words[k : k + 15]) for k in range(0, len(words), 15)) + "."
        title = " ".join(rng.choices(topics[e] + names[e], k=8))
        out.append(Article(id=f"s{i:05d}", path=f"s{i:05d}", title=title, body=body))
    return out


def copied_grouping(articles: list[Article], gold: dict[str, str], name: str, label: str) -> None:
    """Group the articles with a verbatim copy of each (another id and outlet) and print B-cubed
    over every report (a copy's gold event is its original's) and copies apart from originals."""
    copy_id = {a.id: name.format(a.id) for a in articles}
    doubled = articles + [
        Article(id=copy_id[a.id], path=copy_id[a.id], title=a.title, body=a.body, source="Reprints")
        for a in articles
    ]
    start = time.perf_counter()
    twice = group_events(doubled)
    seconds = time.perf_counter() - start
    p, r, f = bcubed(twice, {**gold, **{copy_id[a]: g for a, g in gold.items()}})
    where = {a: e.id for e in twice for a in e.article_ids}
    apart = sum(where[c] != where[a] for a, c in copy_id.items())
    print(
        f"every report copied once (copy ids sort {label}): B-cubed P={p:.3f} R={r:.3f} "
        f"F1={f:.3f}  clusters={len(twice)}  copies apart from their original: {apart}  "
        f"{seconds:.2f}s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="ECB+ dev directory")
    parser.add_argument("--scale", type=int, default=0, help="also time N synthetic articles")
    parser.add_argument(
        "--copies",
        action="store_true",
        help="also group with every report duplicated once under another id and outlet",
    )
    args = parser.parse_args()
    if (args.data / "gold_events.json").is_file():
        articles, gold = load_ecbplus(args.data)
        start = time.perf_counter()
        events = group_events(articles)
        seconds = time.perf_counter() - start
        p, r, f = bcubed(events, gold)
        print(f"ECB+ dev: {len(articles)} articles, {len(set(gold.values()))} gold events")
        print(f"B-cubed P={p:.3f} R={r:.3f} F1={f:.3f}  clusters={len(events)}  {seconds:.2f}s")
        if args.copies:
            # Named so the copies sort before their originals, then after: with no date or
            # outlet to tell the origin, the family's first id stands for it in the grouping.
            for label, name in (("before", "copy-{}"), ("after", "{}~copy")):
                copied_grouping(articles, gold, name, label)
    else:
        print(f"no ECB+ data at {args.data}; skipping the B-cubed measurement")
    if args.scale:
        articles = synthetic(args.scale)
        start, cpu = time.perf_counter(), time.process_time()
        events = group_events(articles)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        start = time.perf_counter()
        pairs = copy_pairs(articles)
        copies_s = time.perf_counter() - start
        gold = {a.id: str(int(a.id[1:]) % max(1, args.scale // 4)) for a in articles}
        p, r, f = bcubed(events, gold)
        print(
            f"synthetic: {args.scale} articles -> {len(events)} events in {seconds:.1f}s wall, "
            f"{cpu:.1f}s CPU (B-cubed F1 {f:.3f} on the planted events); copy detection alone "
            f"{copies_s:.1f}s ({len(pairs)} copy pairs)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
