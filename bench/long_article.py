"""Compare an event holding one very long report: time, peak memory, what was compared, cancel.

Usage:
  python bench/long_article.py                 # compare a 5 MB report beside two ordinary ones
  python bench/long_article.py --mb 1 --reports 4 --long 2
  python bench/long_article.py OUT --mb 5      # only write OUT/corpus (long-0.txt, short-N.txt)

The long report is our own text (a generator, not one line repeated): English sentences built
from templates with names, places, figures and dates, mixed with the corpus generator's made-up
Zipf vocabulary (bench/gen_corpus.py), in paragraphs of 2-6 sentences. The other reports are
ordinary length (30 sentences) and restate some of the long report's sentences, a few with
a changed figure, so alignment and the conflict checks have work to do.

Each measure runs in a fresh process (peak RSS from ``resource.getrusage``, the process's own):
compare() cold; and compare() in a thread cancelled one second in (how long until it returns).
Targets (issue 14): a 5 MB report compared <= 10 s with peak RSS <= 1 GB, cancellable.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from gen_corpus import World  # noqa: E402

_WHO = [
    "the minister",
    "police",
    "the agency",
    "officials",
    "a spokeswoman",
    "the mayor",
    "rescuers",
    "the governor",
    "witnesses",
    "the company",
    "the union",
    "investigators",
]
_VERB = ["said", "reported", "confirmed", "denied", "announced", "warned", "estimated"]
_WHAT = [
    "{n} people had been evacuated from {place}",
    "the fire had spread to {n} homes near {place}",
    "{n} flights were cancelled at {place} airport",
    "prices in {place} rose {p} percent in {month}",
    "{person} would meet the council on {day}",
    "the bridge at {place} stayed closed for {d} days",
    "about {n} workers joined the strike on {day}",
    "the budget of {place} grew to {n} million euros",
    "{person} had resigned after {d} years in office",
    "the port of {place} reopened on {day} {date}",
    "{n} tonnes of grain left {place} in {month}",
    "the inquiry into {word} {word2} would report by {month}",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "March", "April", "June", "August", "October", "December"]


class Writer:
    """Sentences of one event: templated statements and made-up filler, never one repeated."""

    def __init__(self, seed: int) -> None:
        self.world = World.make(seed)
        self.rng = random.Random(seed)
        rng, world = self.rng, self.world
        self.people = rng.sample(world.people, 12)
        self.places = rng.sample(world.places, 8)

    def statement(self) -> str:
        rng = self.rng
        what = rng.choice(_WHAT).format(
            n=f"{rng.randint(2, 90_000):,}",
            p=rng.randint(1, 40),
            d=rng.randint(2, 30),
            place=rng.choice(self.places),
            person=rng.choice(self.people),
            day=rng.choice(_DAYS),
            month=rng.choice(_MONTHS),
            date=f"{rng.randint(1, 28)} {rng.choice(_MONTHS)}",
            word=rng.choice(self.world.words[300:6000]),
            word2=rng.choice(self.world.words[300:6000]),
        )
        who = rng.choice(_WHO + self.people)
        return f"{who[:1].upper()}{who[1:]} {rng.choice(_VERB)} that {what}."

    def filler(self) -> str:
        words = self.world.filler(self.rng, self.rng.randint(8, 24))
        words.insert(self.rng.randrange(len(words)), self.rng.choice(self.places))
        return f"{words[0].capitalize()} {' '.join(words[1:])}."

    def sentence(self) -> str:
        return self.statement() if self.rng.random() < 0.5 else self.filler()

    def body(self, chars: int) -> str:
        paragraphs: list[str] = []
        size = 0
        while size < chars:
            paragraph = " ".join(self.sentence() for _ in range(self.rng.randint(2, 6)))
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
        return "\n\n".join(paragraphs)


def _edited(sentence: str, rng: random.Random) -> str:
    """The sentence with its first figure changed (a conflict), or as it was."""
    words = sentence.split(" ")
    for i, word in enumerate(words):
        if word[:1].isdigit():
            words[i] = f"{rng.randint(2, 90_000):,}"
            break
    return " ".join(words)


def event_texts(
    mb: float, reports: int = 3, seed: int = 1, long_reports: int = 1
) -> list[dict[str, str]]:
    """``long_reports`` reports of about ``mb`` MB each, then ordinary ones (``reports`` in all)
    that restate parts of the first."""
    writer = Writer(seed)
    out: list[dict[str, str]] = []
    for n in range(long_reports):
        body = writer.body(int(mb * 1_000_000))
        out.append({"id": f"long-{n}.txt", "title": f"Port strike: the full record, part {n + 1}",
                    "body": body})  # fmt: skip
    sentences = [s + "." for s in out[0]["body"].replace("\n\n", " ").split(". ") if s]
    for n in range(long_reports, reports):
        rng = random.Random(seed * 1000 + n)
        chosen = [_edited(rng.choice(sentences).rstrip(".") + ".", rng) for _ in range(12)]
        mixed = chosen + [writer.sentence() for _ in range(18)]
        rng.shuffle(mixed)
        paragraphs = [" ".join(mixed[i : i + 4]) for i in range(0, len(mixed), 4)]
        out.append({"id": f"short-{n}.txt", "title": f"Port strike, day {n + 1}",
                    "body": "\n\n".join(paragraphs)})  # fmt: skip
    return out


def write_long_corpus(out: Path, megabytes: float, seed: int = 1, reports: int = 2) -> Path:
    """OUT/corpus with one long report (long-0.txt) and ``reports - 1`` ordinary ones of the
    same event (short-N.txt), as .txt files: title, blank line, body."""
    corpus = out / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for report in event_texts(megabytes, reports, seed):
        text = f"{report['title']}\n\n{report['body']}\n"
        (corpus / report["id"]).write_text(text, encoding="utf-8")
    return corpus


def _articles(mb: float, reports: int, long_reports: int) -> list[object]:
    from index import Article

    return [
        Article(id=r["id"], path=r["id"], title=r["title"], body=r["body"])
        for r in event_texts(mb, reports, long_reports=long_reports)
    ]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def task_compare(mb: float, reports: int, long_reports: int) -> dict[str, object]:
    articles = _articles(mb, reports, long_reports)
    from index import compare

    before = _peak_mb()
    started = time.perf_counter()
    cpu = time.process_time()
    result = compare(articles)  # type: ignore[arg-type]
    return {
        "chars": [len(a.body) for a in articles],  # type: ignore[attr-defined]
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "peak_mb": _peak_mb(),
        "peak_before_mb": before,
        "passages": len(result.passages),
        "links": len(result.links),
        "conflicts": sum(len(link.conflicts) for link in result.links),
        "not_compared": [f"{n.article_id}: {n.reason}" for n in result.not_compared],
    }


def task_cancel(mb: float, reports: int, long_reports: int) -> dict[str, object]:
    """compare() in a thread, cancelled ``CANCEL_AT`` seconds in: how long until it stops."""
    articles = _articles(mb, reports, long_reports)
    from index import Cancelled, compare

    wanted = threading.Event()
    ended: dict[str, object] = {}

    def run() -> None:
        try:
            compare(articles, cancel=wanted.is_set)  # type: ignore[arg-type]
            ended["how"] = "finished before the cancel"
        except Cancelled:
            ended["how"] = "cancelled"
        ended["at"] = time.perf_counter()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(CANCEL_AT)
    asked = time.perf_counter()
    wanted.set()
    thread.join()
    return {"how": ended["how"], "after": max(0.0, float(ended["at"]) - asked)}  # type: ignore[arg-type]


CANCEL_AT = 1.0


def _fresh(task: str, args: argparse.Namespace) -> dict[str, object]:
    command = [sys.executable, __file__, "--task", task, "--mb", str(args.mb)]
    command += ["--reports", str(args.reports), "--long", str(args.long)]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", help="write OUT/corpus instead of measuring")
    parser.add_argument("--mb", type=float, default=5.0, help="size of a long report (MB)")
    parser.add_argument("--reports", type=int, default=3, help="reports of the event in all")
    parser.add_argument("--long", type=int, default=1, help="how many of them are long")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--task", choices=["compare", "cancel"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.out:
        print(write_long_corpus(args.out, args.mb, args.seed, args.reports))
        return 0
    if args.task:
        task = task_compare if args.task == "compare" else task_cancel
        print(json.dumps(task(args.mb, args.reports, args.long)))
        return 0
    got = _fresh("compare", args)
    sizes = ", ".join(f"{c:,}" for c in got["chars"])  # type: ignore[attr-defined]
    print(f"event: {args.reports} reports of {sizes} characters")
    print(f"compare, cold: {got['seconds']:.2f} s wall, {got['cpu']:.2f} s CPU (target <= 10 s)")
    print(f"peak RSS: {got['peak_mb']:.0f} MB (target <= 1024 MB; {got['peak_before_mb']:.0f} MB "
          "before comparing: imports and the texts)")  # fmt: skip
    print(f"passages {got['passages']:,}, links {got['links']:,}, conflicts {got['conflicts']}")
    for part in got["not_compared"] or ["nothing"]:  # type: ignore[attr-defined]
        print(f"not compared: {part}")
    cancel = _fresh("cancel", args)
    after = f"{cancel['after']:.2f} s after the request"
    print(f"cancelled {CANCEL_AT:.0f} s in: {cancel['how']}, {after}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
