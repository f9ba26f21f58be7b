"""Provides block_specs: what each block of one compared report shows (gutter, bar, spans)."""

from __future__ import annotations

from ..widgets import BlockSpec
from .model import GUTTER, CompareModel


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
        # A new paragraph of the report starts a new visual paragraph too.
        paragraph = bool(specs) and "\n" in body[previous_end : passage.start]
        previous_end = passage.end
        specs.append(
            BlockSpec(
                passage.id,
                passage.start,
                passage.text,
                view.kind,
                label,
                spans,
                paragraph=paragraph,
            )
        )
    return specs
