"""Speed of the event fact table: a 10-report event (~480 sentences), cold and warm, one core.

Usage: python bench/conflicts_speed.py [DATA_DIR]

Builds ten reports from the ECB+ dev articles (distinct articles, the largest gold event's
first, joined until each report has ~48 sentences), splits them once (the comparison's passages
are given to the table, as compare() does), then times build_fact_table with every cache of the
facts layer cleared (cold) and again (warm), then the whole comparison opened again from the
analysis cache, as the app does (cached). Target (issue 12): <= 100 ms cold, ~0 warm.
"""

from __future__ import annotations

import functools
import gc
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index import (  # noqa: E402
    AnalysisCache,
    Article,
    Event,
    build_fact_table,
    compare,
    load_corpus,
    split_passages,
)


def _clear() -> None:
    """Forget every memo of the facts layer (dates, numbers, names, the facts of each text),
    found as bench/compare_speed.py finds them: bench imports only the top-level API."""
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper) and getattr(
            obj, "__module__", ""
        ).startswith("index.facts."):
            obj.cache_clear()


def main(argv: list[str]) -> int:
    data = Path(argv[0]) if argv else REPO.parent / "shared" / "ecbplus-dev"
    if not (data / "gold_events.json").is_file():
        print(f"no ECB+ dev set at {data}", file=sys.stderr)
        return 2
    articles, _ = load_corpus(data / "articles")
    gold = json.loads((data / "gold_events.json").read_text("utf-8"))
    events: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        events[gold[Path(a.id).stem]].append(a)
    # Ten reports of ~48 sentences, each made of other articles (no sentence twice, so no
    # cache helps): the largest event's articles first, then the others.
    pool = [a for members in sorted(events.values(), key=len, reverse=True) for a in members]
    members, at = [], 0
    for k in range(10):
        body, n, title = [], 0, pool[at].title
        while n < 48 and at < len(pool):
            body.append(pool[at].body)
            n += len(split_passages(pool[at]))
            at += 1
        members.append(Article(f"r{k}.txt", f"r{k}.txt", title, "\n".join(body)))
    passages = {a.id: split_passages(a) for a in members}
    sentences = sum(len(p) for p in passages.values())
    print(f"event of {len(members)} reports, {sentences} sentences (+{len(members)} headlines)")
    runs = []
    for _ in range(5):
        _clear()
        began = time.perf_counter()
        table = build_fact_table(members, passages)
        runs.append(time.perf_counter() - began)
    began = time.perf_counter()
    build_fact_table(members, passages)
    warm = time.perf_counter() - began
    per = 480 / max(sentences, 1)
    cold = min(runs)
    print(f"facts: {sum(len(r.facts) for r in table.rows)} in {len(table.rows)} rows")
    print(f"cold: {cold * 1000:.1f} ms (best of 5); per 480 sentences: {cold * per * 1000:.1f} ms")
    print(f"warm (extraction cached, comparison redone): {warm * 1000:.1f} ms")
    # As the app opens an event again: the whole analysis, fact table included, from its cache.
    event = Event(id="bench", title=members[0].title, article_ids=tuple(a.id for a in members))
    cache = AnalysisCache()
    compare(members, event, cache=cache)
    began = time.perf_counter()
    again = compare(members, event, cache=cache)
    cached = time.perf_counter() - began
    print(
        f"cached (the event opened again, the analysis cache): {cached * 1000:.2f} ms"
        f" ({len(again.facts.rows)} rows)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
