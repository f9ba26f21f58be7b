"""Acceptance: the detail panel never calls an edited copy "word for word" and shows the edits."""

from __future__ import annotations

from index.base.models import Article, Claim, Comparison, Link, Passage
from tui_reader.compare.detail_panel import explain
from tui_reader.compare.model import CompareModel

A = "The pilot, Ada Holm, was flown to hospital with a broken wrist after the landing."
B = "The pilot, Ada Holm, was flown to hospital with a broken ankle after the landing."
C = "The pilot, Ada Holm, was flown to hospital with a broken wrist after the landing."


def _model() -> CompareModel:
    arts = (
        Article("a.txt", "a.txt", "A", A, source="Dale Post"),
        Article("b.txt", "b.txt", "B", B, source="Fell Times"),
        Article("c.txt", "c.txt", "C", C, source="Moor News"),
    )
    ps = tuple(Passage(f"{x.id}:0", x.id, 0, len(x.body), x.body) for x in arts)
    links = (Link(ps[0].id, ps[1].id, 0.95, True), Link(ps[0].id, ps[2].id, 1.0, True))
    claim = Claim(tuple(p.id for p in ps), tuple(x.id for x in arts))
    return CompareModel(Comparison(None, arts, ps, links, (claim,), ()))


def test_edited_copy_is_told_apart_from_an_exact_one_with_its_edits() -> None:
    model = _model()
    text = explain(model, model.views["a.txt"][0]).plain
    assert "copied word for word in: Moor News" in text
    assert "Fell Times" not in text.split("word for word in:")[1].split("\n")[0]
    assert "copied with edits in: Fell Times" in text
    assert "-wrist +ankle" in text


def test_pick_label_skips_an_unknown_date() -> None:
    from tui_reader.dialogs.pick import pick_label

    undated = Article("x/harbour.txt", "x/harbour.txt", "Gulls return", "Gulls came back.")
    assert pick_label(undated) == "(no outlet) harbour.txt · Gulls return"
    dated = Article(
        "y.md",
        "y.md",
        "Gulls return",
        "Gulls came back.",
        source="Dale Post",
        published="2025-04-01T08:00:00+02:00",
    )
    assert pick_label(dated) == "Dale Post · 2025-04-01 · Gulls return"
