"""Provides block_specs: what each block of one compared report shows (gutter, bar, spans)."""

from __future__ import annotations

from ..reading import paragraphs
from ..widgets import BlockSpec
from .model import GUTTER, CompareModel

NOT_COMPARED = "⋯"  # the gutter of the note saying where the comparison of a report stopped


def block_specs(model: CompareModel, article_id: str) -> list[BlockSpec]:
    """The blocks of one report: gutter symbol and strength, conflicting words spanned."""
    body = model.articles[article_id].body
    specs: list[BlockSpec] = []
    previous_end = 0
    for view in model.views.get(article_id, []):
        label = GUTTER[view.kind]
        if view.kind != "unique":  # independent sources stating it, of all (copies count once)
            label += f"{model.sources(view.supporters)}/{model.total_sources}"
        spans = [(s, e, "pane--conflict") for s, e in view.conflict_spans]
        if view.kind == "verbatim":
            spans = [(0, len(view.passage.text), "pane--verbatim")]
        passage = view.passage
        # A new paragraph of the report starts a new visual paragraph too; the body starts one
        # after the headline (whose offsets index the title, not the body).
        paragraph = bool(specs) and (
            specs[-1].headline or "\n" in body[previous_end : passage.start]
        )
        previous_end = 0 if passage.in_title else passage.end
        specs.append(
            BlockSpec(
                passage.id,
                passage.start,
                passage.text,
                view.kind,
                label,
                spans,
                paragraph=paragraph,
                headline=passage.in_title,
            )
        )
    return specs + not_compared_specs(model, article_id)


def not_compared_specs(model: CompareModel, article_id: str) -> list[BlockSpec]:
    """The part of a long report the comparison left out (index.NotCompared), after its compared
    passages and shown as written: a note saying why, then its paragraphs, unmarked (nothing in
    them was compared) with a dashed bar, a symbol as well as a colour."""
    body = model.articles[article_id].body
    specs: list[BlockSpec] = []
    for part in model.comparison.not_compared:
        if part.article_id != article_id:
            continue
        note = f"Not compared from here on: {part.reason}"
        spans = [(0, len(note), "pane--unique")]
        key = f"not-compared@{part.start}"
        specs.append(BlockSpec(key, part.start, note, "skipped", NOT_COMPARED, spans, True))
        for start, end in paragraphs(body[part.start : part.end]):
            at = part.start + start
            text = body[at : part.start + end]
            specs.append(BlockSpec(f"p@{at}", at, text, "skipped", paragraph=True))
    return specs
