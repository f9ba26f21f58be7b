"""Passage links and claims on the ECB+ dev subset: slot recall, judged precision, --pairs.

Usage: python bench/links_dev.py [DATA_DIR] [--list] [--claims] [--pairs] [--split] [--salt=S]

Loads ``DATA_DIR/articles`` (default ../shared/ecbplus-dev) with the project loader and runs the
real ``compare`` on the reports of each GOLD event (this measurement compares one event's
reports; grouping is measured by events_bcubed.py).

Slot recall (issue 13): for every line s of report A and every other report B of its event in
which s has a co-mention partner in ``sentence_links.jsonl``, the slot (s, B) is hit when a
passage of s is linked to a passage of one of those partners. Printed for all pairs and for the
stricter ones (``shared_actions >= 2`` and ``selected``), and again without line-1 slots (the
headline: a title is a passage only when the comparison makes one, id ``...:title``).

Precision by reading: every link gets an id from both sides' document and line; the sample is the
``SAMPLE`` links whose salted hash is smallest, so a link keeps its place in the sample when the
linking rule changes and only new links need reading. ``--salt=S`` draws another sample (a fresh one
to read); ``bench/judged/links_dev.tsv`` holds a
verdict (``same``: both state a common fact, or ``other``) and a one-line reason per id; the text
is printed from DATA_DIR at run time by ``--list`` and never stored. ``--claims`` does the same
for claims of 3+ passages (``bench/judged/claims_dev.tsv``: ``same`` when every passage states
the claim's fact). ``--pairs`` runs ``relate`` (the batch ``compare --pairs`` decision) on the
judged pairs and on the seeds' gold pairs (bench/seeds_gold.json). ``--split`` prints the slot
recall on the two halves of the topics (odd, even), to see that a figure is not one topic's.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index import Article, Comparison, compare, load_corpus, relate  # noqa: E402

DATA = REPO.parent / "shared" / "ecbplus-dev"
JUDGED = Path(__file__).with_name("judged")
SAMPLE = 160  # links read by hand (the issue asks for at least 150)
CLAIM_SAMPLE = 60
SALT = "links-dev-1"
Line = tuple[str, int]  # (document stem, 1-based line of its file)


class Lines:
    """Maps a passage of one dev article to the 1-based line of its file."""

    def __init__(self, data: Path, article: Article) -> None:
        self.doc = Path(article.id).stem
        self.lines = (data / "articles" / article.id).read_text("utf-8").split("\n")
        self.starts: list[tuple[int, int]] = []  # (offset in the body, line number)
        pos = 0
        for number, line in enumerate(self.lines[1:], start=2):
            found = article.body.find(line.strip(), pos) if line.strip() else -1
            if found >= 0:
                self.starts.append((found, number))
                pos = found + len(line.strip())

    def line(self, passage_id: str, start: int) -> int:
        if passage_id.endswith(":title"):
            return 1
        number = 1  # before every body line: a one-line report, whose title is its body
        for offset, n in self.starts:
            if offset > start:
                break
            number = n
        return number

    def text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""


def load(data: Path) -> tuple[dict[str, list[Article]], dict[str, Lines]]:
    """The dev articles by gold event, and their line maps by article id."""
    articles, _skipped = load_corpus(data / "articles")
    gold: dict[str, str] = json.loads((data / "gold_events.json").read_text("utf-8"))
    events: dict[str, list[Article]] = defaultdict(list)
    for a in sorted(articles, key=lambda a: a.id):
        events[gold[Path(a.id).stem]].append(a)
    return dict(events), {a.id: Lines(data, a) for a in articles}


def link_lines(c: Comparison, lines: dict[str, Lines]) -> dict[str, Line]:
    """Each passage's (document, line)."""
    return {
        p.id: (lines[p.article_id].doc, lines[p.article_id].line(p.id, p.start)) for p in c.passages
    }


def pair_id(x: Line, y: Line) -> str:
    a, b = sorted([x, y])
    return f"{a[0]}:{a[1]}|{b[0]}:{b[1]}"


def parse_id(key: str) -> list[Line]:
    return [(side.rsplit(":", 1)[0], int(side.rsplit(":", 1)[1])) for side in key.split("|")]


def slot_recall(
    rows: Iterable[dict[str, object]], linked: set[tuple[Line, Line]], keep: object = None
) -> tuple[float, int]:
    """Share of (line, other report) slots linked to one of the line's partners there."""
    partners: dict[tuple[Line, str], set[Line]] = defaultdict(set)
    for r in rows:
        a, b = (str(r["doc_a"]), int(str(r["line_a"]))), (str(r["doc_b"]), int(str(r["line_b"])))
        partners[(a, b[0])].add(b)
        partners[(b, a[0])].add(a)
    hit = total = 0
    for (line, _other), ends in partners.items():
        if keep == "body":
            ends = {e for e in ends if e[1] != 1}
            if line[1] == 1 or not ends:
                continue
        total += 1
        hit += any((line, e) in linked for e in ends)
    return (hit / total if total else 0.0), total


def read_judged(name: str) -> dict[str, tuple[str, str]]:
    path = JUDGED / name
    out: dict[str, tuple[str, str]] = {}
    if path.is_file():
        for row in path.read_text("utf-8").splitlines():
            if row.strip() and not row.startswith("#"):
                key, verdict, reason = (row.split("\t") + ["", ""])[:3]
                out[key] = (verdict.strip(), reason.strip())
    return out


def sample(keys: Iterable[str], n: int, salt: str = SALT) -> list[str]:
    """The ``n`` keys of smallest salted hash: a seeded random draw that is stable per key."""
    return sorted(keys, key=lambda k: hashlib.sha1(f"{salt}|{k}".encode()).hexdigest())[:n]


def _share(verdicts: Sequence[str], good: str) -> str:
    judged = [v for v in verdicts if v]
    n = len(judged)
    return f"{sum(v == good for v in judged) / n:.3f} (n={n})" if n else "n/a (n=0)"


def main(argv: list[str]) -> int:
    flags = {a for a in argv if a.startswith("--") and "=" not in a}
    salt = next((a.split("=", 1)[1] for a in argv if a.startswith("--salt=")), SALT)
    args = [a for a in argv if not a.startswith("--")]
    data = Path(args[0]) if args else DATA
    if not (data / "sentence_links.jsonl").is_file():
        print(f"no ECB+ dev set at {data}", file=sys.stderr)
        return 2
    events, lines = load(data)
    rows = [json.loads(x) for x in (data / "sentence_links.jsonl").read_text("utf-8").splitlines()]
    strict = [r for r in rows if r["shared_actions"] >= 2 and r["selected"]]
    linked: set[tuple[Line, Line]] = set()
    links: dict[str, tuple[str, float]] = {}  # pair id -> (event, score)
    claims: dict[str, str] = {}  # claim id -> event
    text: dict[Line, str] = {}
    for event, members in sorted(events.items()):
        c = compare(members)
        where = link_lines(c, lines)
        for p in c.passages:
            doc, number = where[p.id]
            text[(doc, number)] = lines[p.article_id].text(number) if number > 1 else p.text
        for lk in c.links:
            a, b = where[lk.a], where[lk.b]
            linked |= {(a, b), (b, a)}
            links[pair_id(a, b)] = (event, lk.score)
        for claim in c.claims:
            if len(claim.passages) >= 3:
                ends = sorted(where[p] for p in claim.passages)
                claims["|".join(f"{d}:{n}" for d, n in ends)] = event
    print(f"ECB+ dev: {sum(map(len, events.values()))} reports, {len(events)} events")
    print(f"links: {len(links)}; claims of 3+ passages: {len(claims)}")
    for name, chosen in (("all", rows), ("strict", strict)):
        r, n = slot_recall(chosen, linked)
        rb, nb = slot_recall(chosen, linked, "body")
        print(f"slot recall {name:<6} {r:.3f} ({n} slots); body lines only {rb:.3f} ({nb} slots)")
    if "--split" in flags:
        for half in (1, 0):
            part = [r for r in rows if int(str(r["doc_a"]).split("_")[0]) % 2 == half]
            tight = [r for r in part if r["shared_actions"] >= 2 and r["selected"]]
            print(
                f"  {'odd' if half else 'even'} topics: all {slot_recall(part, linked)[0]:.3f}, "
                f"strict {slot_recall(tight, linked)[0]:.3f}"
            )
    judged = read_judged("links_dev.tsv")
    drawn = sample(links, SAMPLE, salt)
    print(f"judged link precision: {_share([judged.get(k, ('', ''))[0] for k in drawn], 'same')}")
    todo = [k for k in drawn if k not in judged]
    if todo:
        print(f"  unjudged links in the sample: {len(todo)} (--list prints them)")
    if "--list" in flags:
        for k in todo:
            a, b = parse_id(k)
            print(f"{k}\t?\tscore {links[k][1]:.2f}\n    A: {text[a]}\n    B: {text[b]}")
    if "--claims" in flags:
        cjudged = read_judged("claims_dev.tsv")
        cdrawn = sample(claims, CLAIM_SAMPLE)
        verdicts = [cjudged.get(k, ("", ""))[0] for k in cdrawn]
        print(f"judged claims all-same-fact: {_share(verdicts, 'same')}")
        for k in cdrawn:
            if k not in cjudged and "--list" in flags:
                print(f"{k}\t?")
                for end in parse_id(k):
                    print(f"    {end[0]}:{end[1]}: {text[end]}")
    if "--pairs" in flags:
        pairs_report(judged, text)
    return 0


def pairs_report(judged: dict[str, tuple[str, str]], text: dict[Line, str]) -> None:
    """``relate`` on every judged pair (whether linked today or not) and on the seeds' pairs."""
    said: dict[str, list[str]] = defaultdict(list)
    for k, (verdict, _reason) in judged.items():
        a, b = parse_id(k)
        if a in text and b in text and verdict in ("same", "other"):
            said[verdict].append(relate(text[a], text[b]).relation)
    for verdict, got in sorted(said.items()):
        linked = sum(g != "unrelated" for g in got)
        print(f"--pairs on judged '{verdict}' pairs: {linked}/{len(got)} shared or conflict")
    seeds = REPO.parent / "shared" / "seeds"
    if seeds.is_dir():
        got = seeds_pairs(seeds)
        print(f"--pairs on the seeds' gold pairs: {sum(got)}/{len(got)} shared or conflict")


def seeds_pairs(seeds: Path) -> list[bool]:
    """For each required cross-report pair of a seeds fact: does ``relate`` link it?"""
    from quality_seeds import GOLD, Locator  # the same locators as the seeds' own bench

    articles, _ = load_corpus(seeds)
    gold = json.loads(GOLD.read_text("utf-8"))
    find = Locator(compare(articles), gold["seeds"])
    out = []
    for fact in gold["facts"]:
        members = [find(loc) for loc in fact["passages"]]
        for i, x in enumerate(members):
            for y in members[i + 1 :]:
                if x.article_id != y.article_id:
                    out.append(relate(x.text, y.text).relation != "unrelated")
    return out


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
