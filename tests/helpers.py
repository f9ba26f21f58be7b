"""Helpers the tests share (no Textual here): the repo's paths and a tiny hand-written corpus."""

from __future__ import annotations

import heapq
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from index.events.features import Floats, Ints, Matrix
    from index.events.neighbours import Graph

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = REPO / "corpus"
BENCH = REPO / "bench"

# Our own text: one invented event told by three outlets (one disagrees on a number), and an
# unrelated second story. Titles and outlets carry brackets to test that nothing is markup.
FILES = {
    "harbour/bay-gazette.md": """---
title: "Ferry strike closes Lindqvist harbour [bold]for two days[/]"
source: "[Reuters]"
published: "2025-03-04T09:00:00Z"
---

Dock workers at Lindqvist harbour walked off the job on Tuesday morning.

The union said 240 workers joined the strike over unpaid overtime.

Harbour master Elin Sato said no ferry would sail before Thursday.

A small bakery near the pier handed out free bread to stranded travellers.
""",
    "harbour/coast-herald.md": """---
title: Lindqvist ferry workers strike
source: Coast Herald
published: "2025-03-04T11:30:00Z"
---

Dock workers at Lindqvist harbour walked off the job on Tuesday morning.

The union said 410 workers joined the strike over unpaid overtime.

Harbour master Elin Sato said no ferry would sail before Thursday.

Local schools kept their doors open for families waiting for the crossing.
""",
    "harbour/island-post.md": """---
title: Strike halts Lindqvist ferries
source: Island Post
published: "2025-03-05T07:15:00Z"
---

Dock workers at Lindqvist harbour walked off the job on Tuesday morning, the union said.

Harbour master Elin Sato said no ferry would sail before Thursday.

[@click=app.quit]Click here[/] was printed on a protest sign.
""",
    "garden/show.md": """---
title: Orchid growers crowd the spring garden show
source: Valley Times
published: "2025-04-12T10:00:00Z"
---

Orchid growers from six provinces filled the exhibition hall on Saturday.

A pale green orchid bred by a retired teacher won the top prize.

Organisers expect more than nine thousand visitors over the weekend.
""",
}


# Our own text: a wire report on the harbour strike, long enough to be told a copy, and the
# same text republished by another outlet five hours later (write_corpus(with_copy=True)).
WIRE = """---
title: Lindqvist dock strike enters second day
source: Ferry Wire
published: "2025-03-04T08:00:00Z"
---

Dock workers at Lindqvist harbour walked off the job on Tuesday morning, leaving hundreds of \
travellers waiting at the ferry terminal.

The union said 240 workers joined the strike over unpaid overtime and rosters changed at short \
notice.

Harbour master Elin Sato said no ferry would sail before Thursday, and that cargo ships would be \
sent to the northern quay.

The regional transport office said it would add extra buses along the coast road while the \
ferries stayed in port.

Talks between the union and the harbour company are due to resume on Wednesday afternoon in the \
town hall.
"""
# An agency report's body, reprinted whole or in part by the copy tests
WIRE_BODY = (
    "The harbour authority of Tromvik closed the northern pier on Tuesday after a loading crane "
    "collapsed onto a fishing trawler during a storm, the port director Ingrid Solberg said. "
    "Two dock workers were taken to hospital with minor injuries and about 2,400 workers were "
    "sent home for the rest of the week while engineers inspect the quay. Solberg said the pier "
    "would stay closed until the inspectors finish their report, which is expected next month."
)
COPY_FILES = {
    "harbour/ferry-wire.md": WIRE,
    "harbour/reprint.md": WIRE.replace("Ferry Wire", "Daily Reprint").replace("T08:00", "T13:00"),
}


def write_corpus(root: Path, with_copy: bool = False) -> Path:
    """Write the corpus under ``root`` and return its folder (``with_copy``: and COPY_FILES,
    a wire report and its verbatim republication, in the harbour event)."""
    corpus = root / "corpus"
    for name, text in (FILES | COPY_FILES if with_copy else FILES).items():
        path = corpus / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return corpus


GAZETTE = "harbour/bay-gazette.md"

# Web pages and feeds written for the tests (tests/fixtures/web/make_pages.py writes the pages
# from corpus/ text; pages.jsonl is what each page must give back).
WEB_FIXTURES = REPO / "tests" / "fixtures" / "web"


def web_pages() -> list[dict[str, object]]:
    """The gold of every fixture page: file, style, title, paragraphs, outlet, published,
    author, url."""
    import json

    lines = (WEB_FIXTURES / "pages.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def write_numbered_corpus(folder: Path, count: int, bundle: bool = False) -> Path:
    """``count`` one-line harbour stories in four subfolders (story045.txt and so on), and with
    ``bundle`` a .jsonl file of two more reports: a corpus whose build can be split and watched."""
    for n in range(count):
        path = folder / f"part{n % 4}" / f"story{n:03d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Harbour story {n}\n\nThe quayside crane number {n} was moved.\n")
    if bundle:
        (folder / "bundle.jsonl").write_text(
            '{"title": "Ferry one", "body": "The ferry left."}\n'
            '{"title": "Ferry two", "body": "The ferry came back."}\n'
        )
    return folder


# The conflict tests' publication date (a Monday) and the types of the conflicts of two texts
MONDAY = "2024-10-21"


def conflict_types(a: str, b: str, pa: str | None = None, pb: str | None = None) -> list[str]:
    """The types of the conflicts found between texts ``a`` and ``b`` (published ``pa``, ``pb``)."""
    from index.conflicts.detect import detect_text_conflicts

    return [c.type for c in detect_text_conflicts(a, b, pa, pb)]


# The event grouping's linkage in plain Python and numpy


class Sums:
    """Sums of clusters' vectors, made when needed from their members' rows: the linkage's
    first form in numpy (the oracle of ``index/events/kernels.py``, and of the heads' sums)."""

    def __init__(self, matrix: Matrix) -> None:
        from index.events.features import KEEP_WEIGHTS

        self.matrix = matrix
        self.dense = np.zeros(len(matrix.vocabulary))
        self.ptr: list[int] = matrix.ptr.tolist()
        self.all = matrix.weights() if len(matrix.codes) <= KEEP_WEIGHTS else None

    def _rows(self, members: list[int]) -> tuple[Ints, Floats]:
        """The terms and weights of ``members``' entries, member after member."""
        ptr, matrix = self.ptr, self.matrix
        spans = [(ptr[m], ptr[m + 1]) for m in members]
        terms = np.concatenate([matrix.terms[a:b] for a, b in spans])
        if self.all is not None:
            return terms, np.concatenate([self.all[a:b] for a, b in spans])
        codes = np.concatenate([matrix.codes[a:b] for a, b in spans])
        rows = np.repeat(np.asarray(members), [b - a for a, b in spans])
        return terms, matrix.factors()[codes] * matrix.idf[terms] / matrix.norms[rows]

    def dots(self, held: list[int], groups: list[list[int]]) -> Floats:
        """The dot product of the sum of ``held`` (added member after member) with the sum of
        each group of members."""
        if not groups:
            return np.zeros(0)
        ptr = self.ptr
        sizes = [sum(ptr[m + 1] - ptr[m] for m in group) for group in groups]
        own = sum(ptr[m + 1] - ptr[m] for m in held)
        terms, weights = self._rows(held + [m for group in groups for m in group])
        if len(held) == 1:  # most merges: a row's terms are distinct, 0.0 + w is w
            self.dense[terms[:own]] = weights[:own]
        else:
            # one member at a time, in order: the same sums as adding entry after entry, without
            # np.add.at (a quarter of the linkage's time)
            at = 0
            for m in held:
                size = ptr[m + 1] - ptr[m]
                self.dense[terms[at : at + size]] += weights[at : at + size]
                at += size
        products = self.dense[terms[own:]] * weights[own:]
        self.dense[terms[:own]] = 0.0
        label = np.repeat(np.arange(len(groups)), sizes)
        sums: Floats = np.bincount(label, products, len(groups)).astype(np.float64, copy=False)
        return sums


def plain_average_link(matrix: Matrix, graph: Graph, ratio: float = 0.5) -> list[list[int]]:
    """``relative_average_link`` as it was first written, in Python: a heap of tuples, a dict of
    cross sums per cluster (the oracle the compiled loop must equal float for float)."""
    n = matrix.n
    sums = Sums(matrix)
    members = [[i] for i in range(n)]
    # each cluster's cross sums with its neighbouring clusters, and its pairs' sum of cosines,
    # updated when it merges: a popped heap entry is checked against these, never recomputed
    near: list[dict[int, float]] = [graph.row(i) for i in range(n)]
    cohesion = [max(row.values(), default=0.0) for row in near]
    inside = [0.0] * n
    # A pair whose link is below the bar now is refused for as long as the entry stays valid:
    # its link and both cohesions change only when one of the two merges, and that merge pushes
    # the pair again. Such pairs are never pushed (at 10k, 80% of the first pairs).
    heap = [
        (-link, i, j)
        for i in range(n)
        for j, link in near[i].items()
        if i < j and link >= ratio * (cohesion[i] + cohesion[j]) / 2
    ]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        cross = near[a].get(b)
        if cross is None or cross / (len(members[a]) * len(members[b])) != -neg:
            continue  # a merged away, no longer neighbours, or a newer entry is in the heap
        if -neg < ratio * (cohesion[a] + cohesion[b]) / 2:
            continue  # refused for now; a later merge of a or b compares the pair again
        keep, gone = (a, b) if a < b else (b, a)
        mine, theirs = near[keep], near[gone]
        del mine[gone], theirs[keep]
        for c in mine:
            del near[c][keep]
        for c in theirs:
            del near[c][gone]
        # a neighbour of one part only: its cross sum with the other part, from the rows
        only_mine = [c for c in sorted(mine) if c not in theirs]
        only_theirs = [c for c in sorted(theirs) if c not in mine]
        with_gone = sums.dots(members[gone], [members[c] for c in only_mine])
        with_keep = sums.dots(members[keep], [members[c] for c in only_theirs])
        mine.update(zip(only_theirs, with_keep.tolist(), strict=True))
        theirs.update(zip(only_mine, with_gone.tolist(), strict=True))
        inside[keep] += inside[gone] + cross
        members[keep] += members[gone]
        members[gone] = []
        s = len(members[keep])
        cohesion[keep] = 2 * inside[keep] / (s * (s - 1))
        near[keep], near[gone] = {}, {}
        for c in sorted(mine):
            total = mine[c] + theirs[c]
            near[keep][c] = near[c][keep] = total
            link = total / (s * len(members[c]))
            if link >= ratio * (cohesion[keep] + cohesion[c]) / 2:
                lo, hi = (keep, c) if keep < c else (c, keep)
                heapq.heappush(heap, (-link, lo, hi))
    return [m for m in members if m]
