"""The part of a long report a comparison left out is shown as written, after a note saying so,
unmarked and barred with a dashed line (a symbol, not only a colour)."""

from __future__ import annotations

import dataclasses

from index.base.models import Article, Comparison, NotCompared, Passage
from tui_reader.compare.blocks import NOT_COMPARED, block_specs
from tui_reader.compare.model import CompareModel
from tui_reader.lines.paint import BARS

BODY = "Fog closed the bridge.\n\nCrews worked all night.\n\nThe ferry sailed at dawn."


def test_the_part_left_out_follows_the_compared_passages() -> None:
    article = Article("a.md", "a.md", "A", BODY, source="Coast Herald")
    cut = BODY.index("Crews")
    first = Passage("a.md:0", "a.md", 0, len("Fog closed the bridge."), "Fog closed the bridge.")
    reason = f"only the first {cut} of {len(BODY)} characters were compared"
    comparison = Comparison(None, (article,), (first,), (), ())
    comparison = dataclasses.replace(
        comparison, not_compared=(NotCompared("a.md", cut, len(BODY), reason),)
    )
    specs = block_specs(CompareModel(comparison), "a.md")
    assert [s.kind for s in specs] == ["unique", "skipped", "skipped", "skipped"]
    note = specs[1]
    assert note.label == NOT_COMPARED and reason in note.text
    assert [s.text for s in specs[2:]] == ["Crews worked all night.", "The ferry sailed at dawn."]
    assert [BODY[s.start : s.start + len(s.text)] for s in specs[2:]] == [s.text for s in specs[2:]]
    assert BARS["skipped"] not in {BARS[k] for k in ("shared", "verbatim", "conflict")}
