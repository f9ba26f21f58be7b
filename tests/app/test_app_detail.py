"""The compare marks and the detail panel's text, from a Comparison we build by hand."""

from __future__ import annotations

from index.base.models import Article, Claim, Comparison, Conflict, Link, Passage, Span
from tui_reader.compare.blocks import block_specs
from tui_reader.compare.detail_panel import explain
from tui_reader.compare.model import CompareModel, comparison_counts

A_BODY = (
    'The mayor said "we will never give up the harbour". Fog closed the bridge. Bins were full.'
)
B_BODY = 'The mayor said "we shall never give up our harbour". Fog closed the bridge.'
C_BODY = "Fog closed the bridge."


def passage(article: str, index: int, body: str, text: str) -> Passage:
    start = body.index(text)
    return Passage(f"{article}:{index}", article, start, start + len(text), text)


def build() -> CompareModel:
    a = Article("a.md", "a.md", "A", A_BODY, source="[Reuters]")
    b = Article("b.md", "b.md", "B", B_BODY, source="Coast Herald")
    c = Article("c.md", "c.md", "C", C_BODY, source=None)
    pa0 = passage("a.md", 0, A_BODY, 'The mayor said "we will never give up the harbour".')
    pa1 = passage("a.md", 1, A_BODY, "Fog closed the bridge.")
    pa2 = passage("a.md", 2, A_BODY, "Bins were full.")
    pb0 = passage("b.md", 0, B_BODY, 'The mayor said "we shall never give up our harbour".')
    pb1 = passage("b.md", 1, B_BODY, "Fog closed the bridge.")
    pc0 = passage("c.md", 0, C_BODY, "Fog closed the bridge.")
    qa, qa_end = A_BODY.index("we will"), A_BODY.index('".')
    qb, qb_end = B_BODY.index("we shall"), B_BODY.index('".')
    quote = Conflict(
        "quote",
        Span(qa, qa_end, A_BODY[qa:qa_end]),
        Span(qb, qb_end, B_BODY[qb:qb_end]),
        "The quotes differ in wording",
    )
    links = (
        Link(pa0.id, pb0.id, 0.8, False, (quote,)),
        Link(pa1.id, pb1.id, 1.0, True),
        Link(pa1.id, pc0.id, 1.0, False),
    )
    claims = (
        Claim((pa0.id, pb0.id), ("a.md", "b.md")),
        Claim((pa1.id, pb1.id, pc0.id), ("a.md", "b.md", "c.md")),
    )
    return CompareModel(Comparison(None, (a, b, c), (pa0, pa1, pa2, pb0, pb1, pc0), links, claims))


def test_kinds_strength_and_conflict_spans() -> None:
    model = build()
    kinds = [v.kind for v in model.views["a.md"]]
    assert kinds == ["conflict", "verbatim", "unique"]
    first = model.views["a.md"][0]
    start, end = first.conflict_spans[0]
    assert first.passage.text[start:end].startswith("we will never")
    assert model.strength(model.views["a.md"][1]) == "3 of 3 sources"
    assert model.counts() == (2, 1)
    assert comparison_counts(model.comparison) == (model.total_sources, 2, 1)
    labels = [s.label for s in block_specs(model, "a.md")]
    assert labels == ["!2/3", "≡3/3", "·"]


def test_explain_quote_conflict_with_word_diff() -> None:
    model = build()
    text = explain(model, model.views["a.md"][0]).plain
    assert "2 of 3 sources: [Reuters], Coast Herald" in text
    assert "quote vs Coast Herald" in text
    assert "The quotes differ in wording" in text
    assert "-will +shall never give up -the +our harbour" in text


def test_explain_shared_names_file_when_outlet_unknown() -> None:
    model = build()
    text = explain(model, model.views["a.md"][1]).plain
    assert "3 of 3 sources" in text and "c.md" in text  # no outlet: the file name, never invented
    assert "copied word for word in: Coast Herald" in text
    assert "Only in this report" in explain(model, model.views["a.md"][2]).plain
