"""Deterministic generator of synthetic news corpora (1k/10k/100k) for the speed benchmarks.

Usage: python bench/gen_corpus.py OUT --docs 10000 [--seed 1]
Writes OUT/corpus/ (the articles, in the loader's formats: .txt, .md with front matter, .json,
.jsonl bundles) and OUT/queries.json (200 word queries, 50 phrases, the ids of a 10-report event,
one .txt file to change, for the runner). The same --docs and --seed give the same bytes.

The text is made up: a Zipf-distributed vocabulary of pronounceable non-words (plus English
function words), recurring person names, places, outlets and numbers, and events reported by
several outlets that share the event's names, place, figures and topic words.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

# the last onset is empty: a syllable may start with its vowel
_ONSETS = "b br c ch d dr f g gr h k l m n p pr r s st sh t tr v w z".split() + [""]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"]
_CODAS = ["", "", "n", "r", "s", "l", "t", "nd", "st", "m", "ck"]
_FUNCTION = (
    "the of and to a in that is was for on with as by at from it he she they said has "
    "have had were be been not but an or which who will would after over their its "
    "also more than about into this".split()
)
VOCABULARY = 30_000
FILES_PER_FOLDER = 500


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
    )


def _unique(rng: random.Random, count: int, lo: int, hi: int, taken: set[str]) -> list[str]:
    out: list[str] = []
    while len(out) < count:
        w = _word(rng, rng.randint(lo, hi))
        if len(w) > 2 and w not in taken:
            taken.add(w)
            out.append(w)
    return out


@dataclass
class World:
    """The shared vocabulary, names, places and outlets of one corpus."""

    words: list[str]
    cum: list[float]
    people: list[str]
    places: list[str]
    outlets: list[str]

    @classmethod
    def make(cls, seed: int) -> World:
        rng = random.Random(seed)
        taken = set(_FUNCTION)
        content = _unique(rng, VOCABULARY, 1, 3, taken)
        # Frequent words are short in real text: rank the made-up words by length.
        words = _FUNCTION + sorted(content, key=len)
        # Zipf with exponent ~1.07 over ranks, the usual fit for news text.
        cum = list(accumulate(1.0 / (r + 1) ** 1.07 for r in range(len(words))))
        firsts = [w.capitalize() for w in _unique(rng, 600, 2, 3, taken)]
        lasts = [w.capitalize() for w in _unique(rng, 2000, 2, 4, taken)]
        people = [f"{rng.choice(firsts)} {rng.choice(lasts)}" for _ in range(5000)]
        places = [w.capitalize() for w in _unique(rng, 1500, 2, 4, taken)]
        outlets = [
            f"The {w.capitalize()} {rng.choice(['Times', 'Post', 'Herald', 'Wire'])}"
            for w in _unique(rng, 40, 2, 3, taken)
        ]
        return cls(words, cum, people, places, outlets)

    def filler(self, rng: random.Random, n: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum, k=n)


@dataclass
class Event:
    people: list[str]
    place: str
    topic: list[str]
    figures: list[str]
    date: str


def _event(world: World, rng: random.Random) -> Event:
    mid = world.words[200:8000]  # topic words: frequent enough to search, rare enough to tell
    return Event(
        people=rng.sample(world.people, 3),
        place=rng.choice(world.places),
        topic=rng.sample(mid, 8),
        figures=[
            f"{rng.randint(2, 5000):,}",
            str(rng.randint(2, 99)),
            str(rng.randint(1990, 2026)),
        ],
        date=f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    )


def _sentence(world: World, rng: random.Random, event: Event) -> str:
    words = world.filler(rng, rng.randint(8, 26))
    # About half the words of a report's sentences carry the event: names, place, topic, figures.
    for _ in range(rng.randint(1, 4)):
        kind = rng.random()
        if kind < 0.3:
            item = rng.choice(event.people)
        elif kind < 0.45:
            item = event.place
        elif kind < 0.85:
            item = rng.choice(event.topic)
        else:
            item = rng.choice(event.figures)
        words.insert(rng.randrange(len(words) + 1), item)
    if rng.random() < 0.2:
        words.insert(rng.randrange(len(words) + 1), rng.choice(world.people))  # incidental name
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words) + "."


def _report(world: World, rng: random.Random, event: Event) -> tuple[str, str]:
    """(title, body): body ~300-1200 words (log-normal around 550), 3-6 sentences a paragraph."""
    target = min(2500, max(120, int(rng.lognormvariate(math.log(550), 0.4))))
    paragraphs: list[str] = []
    count = 0
    while count < target:
        sentences = [_sentence(world, rng, event) for _ in range(rng.randint(2, 5))]
        count += sum(s.count(" ") + 1 for s in sentences)
        paragraphs.append(" ".join(sentences))
    title_words = [rng.choice(event.people).split()[1], *rng.sample(event.topic, 3), event.place]
    title = " ".join(title_words).capitalize()
    return title, "\n\n".join(paragraphs)


def _render(kind: str, title: str, body: str, outlet: str, published: str) -> str:
    if kind == "md":
        return (
            f"---\ntitle: {json.dumps(title)}\nsource: {outlet}\npublished: {published}\n"
            f"---\n\n{body}\n"
        )
    if kind == "json":
        return (
            json.dumps(
                {"title": title, "body": body, "source": outlet, "published": published}, indent=1
            )
            + "\n"
        )
    return f"{title}\n\n{body}\n"


def generate(docs: int, seed: int = 1) -> tuple[dict[str, str], dict[str, object]]:
    """(relative path -> file text, runner facts). Event 0 has exactly 10 reports, all .txt."""
    world = World.make(seed)
    rng = random.Random(seed * 7919 + docs)
    files: dict[str, str] = {}
    bundle: list[str] = []
    compare_ids: list[str] = []
    made = 0
    n_event = 0
    while made < docs:
        event = _event(world, rng)
        size = 10 if n_event == 0 else min(docs - made, rng.choice([1, 1, 2, 3, 3, 4, 5, 6, 8]))
        for _ in range(min(size, docs - made)):
            title, body = _report(world, rng, event)
            outlet = rng.choice(world.outlets)
            folder = f"batch{made // FILES_PER_FOLDER:03d}"
            name = f"{folder}/e{n_event:06d}-{made:06d}"
            roll = rng.random()
            kind = (
                "txt"
                if n_event == 0
                else (
                    "txt"
                    if roll < 0.55
                    else "md"
                    if roll < 0.8
                    else "json"
                    if roll < 0.9
                    else "jsonl"
                )
            )
            if kind == "jsonl":
                bundle.append(
                    json.dumps(
                        {"title": title, "text": body, "source": outlet, "published": event.date}
                    )
                )
                if len(bundle) == 5:
                    files[f"{name}.jsonl"] = "\n".join(bundle) + "\n"
                    bundle = []
            else:
                files[f"{name}.{kind}"] = _render(kind, title, body, outlet, event.date)
                if n_event == 0:
                    compare_ids.append(f"{name}.txt")
            made += 1
        n_event += 1
    if bundle:
        files["tail.jsonl"] = "\n".join(bundle) + "\n"
    return files, _facts(world, rng, files, compare_ids, seed)


def _facts(
    world: World, rng: random.Random, files: dict[str, str], compare_ids: list[str], seed: int
) -> dict[str, object]:
    queries: list[str] = []
    for _ in range(200):
        n = rng.choice([1, 1, 2, 2, 3])
        pool = [world.words[rng.randint(60, 6000)] for _ in range(n)]
        if rng.random() < 0.3:
            pool[0] = rng.choice(world.people).split()[1]
        elif rng.random() < 0.2:
            pool[0] = rng.choice(world.places)
        queries.append(" ".join(pool))
    phrases: list[str] = []
    txt = sorted(p for p in files if p.endswith(".txt"))
    while len(phrases) < 50:
        words = files[rng.choice(txt)].split()
        start = rng.randrange(5, len(words) - 4)
        span = [w.strip(".,") for w in words[start : start + rng.choice([2, 3])]]
        if all(w.isalpha() and w.lower() not in _FUNCTION for w in span):
            phrases.append(" ".join(span))
    change = next(p for p in txt if p not in compare_ids)
    return {
        "seed": seed,
        "files": len(files),
        "queries": queries,
        "phrases": phrases,
        "compare_ids": compare_ids,
        "change_file": change,
    }


def extra_files(count: int, seed: int = 1) -> dict[str, str]:
    """``count`` more .txt reports (new events) for the 'add 100 files' measure."""
    world = World.make(seed)
    rng = random.Random(seed * 104729 + count)
    out: dict[str, str] = {}
    event = _event(world, rng)
    for i in range(count):
        if i % 4 == 0:
            event = _event(world, rng)
        title, body = _report(world, rng, event)
        out[f"added/new{i:04d}.txt"] = _render("txt", title, body, "", event.date)
    return out


def write_corpus(out: Path, docs: int, seed: int = 1) -> Path:
    """Write OUT/corpus and OUT/queries.json afresh; returns the corpus folder."""
    files, facts = generate(docs, seed)
    corpus = out / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    for rel, text in files.items():
        path = corpus / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    facts["articles"] = docs
    (out / "queries.json").write_text(json.dumps(facts, indent=1), encoding="utf-8")
    return corpus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    corpus = write_corpus(args.out, args.docs, args.seed)
    print(f"wrote {args.docs} articles to {corpus}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
