"""Conflict quality on the bundled corpus, scored against its answer key docs/corpus-guide.md.

Usage: python bench/quality_corpus.py [-v]

Loads ``corpus/`` with the project loader, groups it with ``index.group_events`` and runs the
real ``index.comparison`` on every event. For each planted conflict of the guide's
"Conflicts" tables it prints whether the two passages holding the A and B wordings are linked
and whether that link carries a conflict of the planted type; then, for each "Not conflicts"
bullet with backticked wordings, whether a conflict rests on those wordings (a look-alike
flagged). -v also lists the conflicts the key does not mention.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index import (  # noqa: E402
    Article,
    Comparison,
    Conflict,
    Link,
    compare,  # noqa: E402
    group_events,  # noqa: E402
    load_corpus,  # noqa: E402
)

GUIDE = REPO / "docs" / "corpus-guide.md"
CORPUS = REPO / "corpus"
_LABEL_ROW = re.compile(r"^\| ([A-Z]\d) \| `([^`]+)` \|", re.M)
_CONFLICT_ROW = re.compile(
    r"^\| (\d+) \| (\w+) \| ([A-Z]\d) \| `(.+?)` \| ([A-Z]\d) \| `(.+?)` \|", re.M
)
_EVENT = re.compile(r"^## Event \d+: `([^`]+)`", re.M)
_LABEL = re.compile(r"\b[A-Z]\d\b")
Range = tuple[int, int]


@dataclass(frozen=True)
class Planted:
    event: str
    number: str
    type: str
    a: str  # label
    wording_a: str
    b: str
    wording_b: str


@dataclass(frozen=True)
class LookAlike:
    event: str
    text: str
    wordings: tuple[tuple[str, tuple[str, ...]], ...]  # (wording, labels it may be found in)


def parse_guide(guide: str) -> tuple[dict[str, str], list[Planted], list[LookAlike]]:
    """Labels -> article ids, the planted conflicts and the look-alike bullets, per event."""
    labels = {m.group(1): m.group(2) for m in _LABEL_ROW.finditer(guide)}
    planted: list[Planted] = []
    lookalikes: list[LookAlike] = []
    heads = list(_EVENT.finditer(guide))
    for k, head in enumerate(heads):
        section = guide[head.end() : heads[k + 1].start() if k + 1 < len(heads) else len(guide)]
        for m in _CONFLICT_ROW.finditer(section):
            planted.append(Planted(head.group(1), *m.groups()))
        nots = section.split("### Not conflicts", 1)
        if len(nots) < 2:
            continue
        for bullet in re.findall(r"^- (.+(?:\n  .+)*)", nots[1].split("\n###", 1)[0], re.M):
            bullet = " ".join(bullet.split())
            found = _bullet_wordings(bullet)
            if found:
                lookalikes.append(LookAlike(head.group(1), bullet, found))
    return labels, planted, lookalikes


def _bullet_wordings(bullet: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each backticked wording with the labels of the parenthesis right after it, else every
    label the bullet names (none: any report of the event)."""
    everywhere = tuple(dict.fromkeys(_LABEL.findall(bullet)))
    out = []
    for m in re.finditer(r"`([^`]+)`", bullet):
        after = re.match(r"[^`(]{0,20}\(([^)]*)\)", bullet[m.end() :])
        near = tuple(_LABEL.findall(after.group(1))) if after else ()
        before = re.search(r"\b([A-Z]\d)\s*$", bullet[: m.start()])
        if not near and before:
            near = (before.group(1),)
        out.append((m.group(1), near or everywhere))
    return tuple(out)


def _occurrences(body: str, wording: str) -> list[Range]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(wording), body)]


def _overlaps(x: Range, start: int, end: int) -> bool:
    return x[0] < end and start < x[1]


class Scorer:
    """Comparisons of every event of the corpus, and lookups into them."""

    def __init__(self, articles: list[Article]) -> None:
        self.article = {a.id: a for a in articles}
        self.comparison: dict[str, Comparison] = {}  # article id -> its event's comparison
        for event in group_events(articles):
            result = compare([self.article[i] for i in event.article_ids], event)
            for i in event.article_ids:
                self.comparison[i] = result

    def passages_over(self, article_id: str, wording: str) -> set[str]:
        """Ids of the passages of ``article_id`` that overlap an occurrence of ``wording``."""
        body = self.article[article_id].body
        spots = _occurrences(body, wording)
        return {
            p.id
            for p in self.comparison[article_id].passages
            if p.article_id == article_id and any(_overlaps(s, p.start, p.end) for s in spots)
        }

    def links_between(self, x: str, y: str, wx: str, wy: str) -> list[Link]:
        if self.comparison[x] is not self.comparison[y]:
            return []
        px, py = self.passages_over(x, wx), self.passages_over(y, wy)
        return [
            lk
            for lk in self.comparison[x].links
            if (lk.a in px and lk.b in py) or (lk.a in py and lk.b in px)
        ]


def _sides(link: Link, c: Conflict, comparison: Comparison) -> list[tuple[str, Range]]:
    """(article id, span) of both sides of a conflict on ``link``."""
    article_of = {p.id: p.article_id for p in comparison.passages}
    return [(article_of[link.a], (c.a.start, c.a.end)), (article_of[link.b], (c.b.start, c.b.end))]


def score_planted(scorer: Scorer, labels: dict[str, str], row: Planted) -> tuple[bool, bool, str]:
    """(linked, typed right, what was found) for one planted conflict."""
    x, y = labels[row.a], labels[row.b]
    if not scorer.passages_over(x, row.wording_a) or not scorer.passages_over(y, row.wording_b):
        return False, False, "wording not found in the loaded body"
    if scorer.comparison[x] is not scorer.comparison[y]:
        return False, False, "the two reports are in different events"
    links = scorer.links_between(x, y, row.wording_a, row.wording_b)
    if not links:
        return False, False, "NOT LINKED"
    found = [c for lk in links for c in lk.conflicts]
    right = [c for c in found if c.type == row.type]
    if not right:
        return True, False, f"linked, types {sorted({c.type for c in found})}"
    spans_a = _occurrences(scorer.article[x].body, row.wording_a)
    spans_b = _occurrences(scorer.article[y].body, row.wording_b)
    on_wording = any(
        any(
            _overlaps(s, c.a.start, c.a.end) or _overlaps(s, c.b.start, c.b.end)
            for s in spans_a + spans_b
        )
        for c in right
    )
    where = "" if on_wording else " (span outside the key's wordings)"
    return True, True, f"{right[0].explanation}{where}"


def flagged_lookalike(
    scorer: Scorer,
    labels: dict[str, str],
    item: LookAlike,
    event_labels: set[str],
    planted: set[tuple[int, int, int, int]],
) -> list[str]:
    """Conflicts resting on a look-alike: a span on one of its wordings and, when the bullet
    has several wordings, the other span on one of them too. A planted conflict whose span
    merely contains the wording (a whole quote holding `tonight`) does not count."""
    places: list[tuple[str, Range]] = []
    for wording, where in item.wordings:
        for label in sorted(set(where) & set(labels) or event_labels):
            aid = labels[label]
            places += [(aid, s) for s in _occurrences(scorer.article[aid].body, wording)]
    hits = []
    comparisons = {id(scorer.comparison[aid]): scorer.comparison[aid] for aid, _s in places}
    for comparison in comparisons.values():
        for link in comparison.links:
            for c in link.conflicts:
                if (c.a.start, c.a.end, c.b.start, c.b.end) in planted:
                    continue
                on = [
                    any(aid == a and _overlaps(s, *span) for a, s in places)
                    for aid, span in _sides(link, c, comparison)
                ]
                if all(on) if len(item.wordings) > 1 else any(on):
                    hits.append(f"{c.type}: {c.a.text!r} / {c.b.text!r}")
    return hits


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    labels, planted, lookalikes = parse_guide(GUIDE.read_text(encoding="utf-8"))
    articles, _skipped = load_corpus(CORPUS)
    scorer = Scorer(articles)
    label_of = {v: k for k, v in labels.items()}
    found = linked = 0
    matched: set[tuple[int, int, int, int]] = set()
    for row in planted:
        is_linked, right, what = score_planted(scorer, labels, row)
        linked += is_linked
        found += right
        state = "ok  " if right else "MISS"
        print(
            f"{state} {row.event[:18]:<18} #{row.number:<2} {row.type:<9} {row.a}-{row.b}: {what}"
        )
        x, y = labels[row.a], labels[row.b]
        for lk in scorer.links_between(x, y, row.wording_a, row.wording_b):
            for c in lk.conflicts:
                if c.type == row.type:  # the planted conflict itself
                    matched.add((c.a.start, c.a.end, c.b.start, c.b.end))
    print(f"planted conflicts typed right: {found}/{len(planted)} (linked {linked}/{len(planted)})")
    letters: dict[str, set[str]] = {}
    for row in planted:
        letters.setdefault(row.event, set()).update((row.a[0], row.b[0]))
    flagged = 0
    for item in lookalikes:
        mine = {k for k in labels if k[0] in letters.get(item.event, set())}
        hits = flagged_lookalike(scorer, labels, item, mine, matched)
        flagged += bool(hits)
        if hits or verbose:
            state = "FLAGGED " + "; ".join(hits) if hits else "ok"
            print(f"  look-alike {item.event[:18]}: {item.text[:70]}... {state}")
    print(f"look-alikes flagged: {flagged}/{len(lookalikes)}")
    comparisons = {id(c): c for c in scorer.comparison.values()}.values()
    other = [
        (cmp, lk, c)
        for cmp in comparisons
        for lk in cmp.links
        for c in lk.conflicts
        if (c.a.start, c.a.end, c.b.start, c.b.end) not in matched
    ]
    print(f"conflicts on links the key does not plant: {len(other)}")
    if verbose:
        for cmp, lk, c in other:
            article_of = {p.id: p.article_id for p in cmp.passages}
            la, lb = (label_of.get(article_of[lk.a], "?"), label_of.get(article_of[lk.b], "?"))
            print(f"  {la}-{lb} {c.type}: {c.explanation}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
