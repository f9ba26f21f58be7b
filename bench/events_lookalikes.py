"""Event grouping on made-up look-alike pairs: B-cubed when two events share topic and names."""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from events_bcubed import bcubed  # noqa: E402

from index import (
    Article,  # noqa: E402
    group_events,  # noqa: E402
)


def lookalikes(
    seed: int, topics: int = 30, background: float = 0.3
) -> tuple[list[Article], dict[str, str]]:
    """``topics`` topics of two events each, 6-12 reports per event, and the gold events.

    Both events of a topic share its topic words and its common names (the team, the country);
    each event has its own names, numbers and a few words of what happened this time. With
    probability ``background`` a report also names the other event's people (as past context),
    which is what makes look-alikes hard to tell apart.
    """
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(20000)]
    weights = [1 / (i + 1) for i in range(len(vocab))]
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for t in range(topics):
        topic = rng.choices(vocab[300:], k=12)
        common = [f"Common{t}x{k}" for k in range(3)]
        for ev in range(2):
            names = [f"Name{t}e{ev}x{k}" for k in range(3)]
            others = [f"Name{t}e{1 - ev}x{k}" for k in range(3)]
            numbers = [str(rng.randint(10, 9999)) for _ in range(2)]
            actions = rng.choices(vocab[300:], k=4)
            for _ in range(rng.randint(6, 12)):
                words = rng.choices(vocab, weights, k=rng.randint(80, 300))
                words += rng.choices(topic, k=15) + rng.choices(common, k=6)
                words += rng.choices(names, k=rng.randint(2, 8))
                words += rng.choices(numbers, k=rng.randint(0, 3))
                words += rng.choices(actions, k=rng.randint(0, 6))
                if rng.random() < background:
                    words += rng.choices(others, k=rng.randint(1, 4))
                rng.shuffle(words)
                body = ". ".join(" ".join(words[k : k + 15]) for k in range(0, len(words), 15))
                # ids in random order, so no grouping can follow them
                aid = f"r{rng.random():.12f}"
                title = " ".join(rng.choices(topic + names, k=7))
                articles.append(Article(id=aid, path=aid, title=title, body=body + "."))
                gold[aid] = f"{t}-{ev}"
    return articles, gold


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=3, help="corpora per background level")
    args = parser.parse_args()
    scores = []
    cpu = time.process_time()
    for background in (0.0, 0.3, 0.6):
        for seed in range(args.seeds):
            articles, gold = lookalikes(seed, background=background)
            events = group_events(articles)
            p, r, f = bcubed(events, gold)
            scores.append(f)
            print(
                f"background {background:.1f} seed {seed}: {len(articles)} reports, "
                f"{len(set(gold.values()))} events -> {len(events)} groups, "
                f"B-cubed P={p:.3f} R={r:.3f} F1={f:.3f}"
            )
    cpu = time.process_time() - cpu
    print(f"mean F1 {sum(scores) / len(scores):.4f} over {len(scores)} corpora, {cpu:.1f}s CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
