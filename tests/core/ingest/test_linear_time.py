"""Every step from bytes to Articles costs time linear in its input, whatever the input (issue 16).

Each test feeds one step long runs of a character class or of a pattern's trigger (see
``tests.strategies``) and checks that an input 8 times longer costs at most 24 times the CPU.
The ``@example`` cases are the inputs that were quadratic before. A wall clock is never
compared with a threshold: only two sizes of one input with each other.
``NEWSREADER_FUZZ_EXAMPLES`` sets how many generated inputs each test tries (default 15).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from hypothesis import example, given, settings

from index.ingest import clean, formats, frontmatter, mdtext, sources
from index.ingest.decode import Unreadable, decode_counted
from tests.strategies import BYTE_UNITS, EDGES, HOSTILE_RUN, assert_linear, repeated

EXAMPLES = settings(
    max_examples=int(os.environ.get("NEWSREADER_FUZZ_EXAMPLES", "15")), deadline=None
)
Run = tuple[str, str, str]


def _uncached(step: Callable[[str], object]) -> Callable[[str], object]:
    """The step with the cleaner's per-text cache emptied first, so each run does the work."""

    def run(text: str) -> object:
        clean._clean_lines.cache_clear()
        return step(text)

    return run


@EXAMPLES
@given(EDGES, BYTE_UNITS, EDGES)
@example("", b"\xc0\xaf", "")
@example("", b"\xed\xa0\x80", "")
def test_decode_is_linear(prefix: str, unit: bytes, suffix: str) -> None:
    def step(data: bytes) -> object:
        try:
            return decode_counted(data)
        except Unreadable:
            return None

    assert_linear(step, lambda n: prefix.encode() + unit * max(1, n // len(unit)) + suffix.encode())


@EXAMPLES
@given(HOSTILE_RUN)
@example(("Title\n\n", "A", " text."))
@example(("Title\n\n", "\x1b[", ""))
def test_cleaning_is_linear(run: Run) -> None:
    assert_linear(_uncached(lambda text: clean.clean_text(text, "Title")), repeated(*run))
    assert_linear(_uncached(clean.split_title), repeated(*run))


@EXAMPLES
@given(HOSTILE_RUN)
@example(("Title\n\n", "A", " text."))  # the dateline pattern: 30,000 capitals took 41 s
@example(("Title\n\nbody.\n", "@", ""))  # the trailer pattern: 300,000 "@" took 131 s
@example(("Title\n\nbody.\n", "@a.", ""))
def test_outlet_inference_is_linear(run: Run) -> None:
    assert_linear(_uncached(sources.infer_source), repeated(*run))


@EXAMPLES
@given(HOSTILE_RUN)
@example(("<script>", "<script> ", ""))  # the hidden-HTML pattern: 120,000 took minutes
@example(("", "<!-- ", ""))
@example(("<div>", "<style>", ""))
def test_markdown_is_linear(run: Run) -> None:
    assert_linear(mdtext.markdown_blocks, repeated(*run))
    assert_linear(mdtext.drop_hidden_html, repeated(*run))


@EXAMPLES
@given(HOSTILE_RUN)
@example(("---\n", "a: b\n", ""))
@example(("+++\n", "\n", ""))
def test_front_matter_is_linear(run: Run) -> None:
    assert_linear(frontmatter.split_front_matter, repeated(*run))


@EXAMPLES
@given(HOSTILE_RUN)
@example(("<script>", "<script> ", ""))
@example(("Title\n\n", "A", " text."))
def test_whole_formats_are_linear(run: Run) -> None:
    for load in (formats.load_txt, formats.load_md, formats.load_json, formats.load_jsonl):
        assert_linear(_uncached(lambda text, load=load: load("a", text)), repeated(*run))
