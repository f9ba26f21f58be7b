"""Helpers the tests share (no Textual here): the repo's paths and a tiny hand-written corpus."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path

import pytest

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


# The event grouping's kernels: the C extension and the Python forms (index/events/kernels.py)
KERNEL_FORMS = ("c", "python")


def __getattr__(name: str) -> object:
    # Sums (the heads' oracle), imported when a test asks for it: the linkage brings scipy
    if name == "Sums":
        from index.events.linkage import Sums

        return Sums
    raise AttributeError(name)


def require_c_kernels() -> None:
    """Skip the calling test when the C kernels were not built (no compiler at install); fail
    it instead in CI (.ci/run sets NEWSREADER_CI_COMPILED), where they must be."""
    from index.events import kernels

    if kernels.native is None:
        if os.environ.get("NEWSREADER_CI_COMPILED"):
            pytest.fail("the C kernels (index/events/c-kernels/) were not built at install")
        pytest.skip("the C kernels were not built (no compiler at install)")


@contextmanager
def python_kernels() -> Iterator[None]:
    """The grouping's kernels run in their Python forms meanwhile."""
    from index.events import kernels

    saved = kernels.native
    kernels.native = None
    try:
        yield
    finally:
        kernels.native = saved


def kernel_form(form: str) -> AbstractContextManager[None]:
    """Run the kernels in ``form`` ("c": required, see require_c_kernels; "python")."""
    if form == "python":
        return python_kernels()
    require_c_kernels()
    return nullcontext()
