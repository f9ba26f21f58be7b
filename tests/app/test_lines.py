"""The line-API pane's pieces: wrapping covers the text within the width, in linear time; the
layout finds every row's block; paragraphs are found in linear time too; the reader's map makes
the sentences from their offsets."""

from __future__ import annotations

import gc
import random

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from index import Article, Passage, split_passages
from tests.strategies import assert_linear, repeated
from tui_reader.lines.layout import EAGER_ROWS, STAR, Block, Geometry, Layout
from tui_reader.lines.prepared import BlockSpec, Prepared
from tui_reader.lines.wrap import wrap_starts
from tui_reader.reading import ArticleMap, paragraphs


def _lines(text: str, width: int) -> list[str]:
    starts = wrap_starts(text, width)
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


@given(
    st.text(alphabet=st.sampled_from(list("abc  ,.é日")), max_size=300),
    st.integers(1, 40),
)
def test_wrapped_lines_cover_the_text_and_fit(text: str, width: int) -> None:
    lines = _lines(text, width)
    assert "".join(lines) == text  # nothing lost, nothing repeated
    for line in lines:
        # a line may only overflow by the spaces it ends with (they are not drawn)
        assert cell_len(line.rstrip(" ")) <= max(width, 2)


def test_words_are_not_cut_when_they_fit() -> None:
    text = "The harbour master said no ferry would sail before Thursday"
    assert _lines(text, 20) == [
        "The harbour master ",
        "said no ferry would ",
        "sail before Thursday",
    ]
    # the same without the ASCII shortcut: one wide character makes it measure word by word
    assert [x.rstrip() for x in _lines(text + " é", 20)][:3] == [
        x.rstrip() for x in _lines(text, 20)
    ]


def test_wrapping_is_linear() -> None:
    assert_linear(lambda t: wrap_starts(t, 30), repeated("", "word ", ""))
    assert_linear(lambda t: wrap_starts(t, 30), repeated("", "wörd ", ""))
    assert_linear(lambda t: wrap_starts(t, 30), repeated("", "x", ""))  # one endless word


def test_paragraphs_are_found_in_linear_time() -> None:
    body = "First line.\n   \n\tSecond line \nThird"
    assert [body[a:b] for a, b in paragraphs(body)] == ["First line.", "\tSecond line ", "Third"]
    assert_linear(paragraphs, repeated("a\n", " ", "\nb"))  # one long blank line


def test_layout_places_every_row() -> None:
    rng = random.Random(4)
    blocks = [
        Block(i, f"p{i}", 0, " ".join("w" * rng.randint(1, 9) for _ in range(rng.randint(1, 40))))
        for i in range(50)
    ]
    blocks[3].paragraph = True
    layout = Layout(blocks, 30, header=2, geometry=Geometry(gutter=4, gap_every=False))
    seen: list[tuple[int, int]] = []
    for y in range(layout.total):
        index, line = layout.at(y)
        if index >= 0 and line >= 0:
            seen.append((index, line))
    assert seen == [(i, n) for i in range(50) for n in range(layout.heights[i])]
    assert layout.at(0) == (-1, 0)  # the header
    assert layout.at(layout.tops[3] - 1) == (2, -1)  # the blank line before a paragraph
    # a marked one-line block grows a row for its star under the label
    blocks[0].label, blocks[0].marked = "│2/3", True
    short = min(range(50), key=lambda i: len(blocks[i].text))
    blocks[short].label, blocks[short].marked = "│2/3", True
    layout.measure()
    assert blocks[short].gutter_lines() == ["│2/3", STAR]
    assert layout.heights[short] >= 2


def test_prepared_blocks_keep_what_their_specs_show() -> None:
    specs = [
        BlockSpec("t", 0, "The title", "unique", "·", headline=True),
        BlockSpec("a", 0, "Shared words here.", "shared", "│7/10", [(0, 6, "pane--shared")]),
        BlockSpec("b", 19, "Alone.", paragraph=True),
    ]
    ready = Prepared.of(specs)
    assert [(b.index, b.key, b.start, b.text, b.kind, b.label) for b in ready.blocks] == [
        (0, "t", 0, "The title", "unique", "·"),
        (1, "a", 0, "Shared words here.", "shared", "│7/10"),
        (2, "b", 19, "Alone.", "plain", ""),
    ]
    assert ready.blocks[1].spans == ((0, 6, "pane--shared"),)  # a tuple: no list to visit
    assert [b.paragraph for b in ready.blocks] == [False, False, True]
    assert ready.headline and ready.widest == 5 and ready.chars == 9 + 18 + 6
    assert not Prepared.of(specs[1:]).headline and Prepared.of([]).widest == 0


def test_a_long_report_is_wrapped_where_it_is_looked_at_then_whole() -> None:
    rng = random.Random(9)
    texts = [
        " ".join("w" * rng.randint(1, 9) for _ in range(rng.randint(5, 60))) for _ in range(3000)
    ]
    geometry = Geometry(gutter=0, gap_every=True)
    lazy = Layout([Block(i, f"p{i}", 0, t) for i, t in enumerate(texts)], 30, 2, geometry)
    assert not lazy.exact  # only the first screenfuls were wrapped
    assert sum(s is not None for s in lazy.starts) < 3000
    far = lazy.at(lazy.total - 3)[0]
    lazy.ensure(far, far)
    assert lazy.starts[far] == tuple(wrap_starts(texts[far], 30))
    lazy.adopt([tuple(wrap_starts(t, 30)) for t in texts])
    whole = Layout([Block(i, f"p{i}", 0, t) for i, t in enumerate(texts[:40])], 30, 2, geometry)
    assert whole.exact and lazy.exact
    assert lazy.tops[:40] == whole.tops and lazy.heights[:40] == whole.heights
    assert sum(lazy.heights) > EAGER_ROWS


def test_the_map_makes_the_same_sentences_from_their_offsets() -> None:
    body = (
        "The harbour board met on Monday. Crews said the ferry would sail at dawn.\n\n"
        'The union called it "a first step". Talks resume on 4 March.\n'
    )
    article = Article("a.txt", "a.txt", "Harbour talks", body)
    passages = split_passages(article)
    where = ArticleMap(article)
    assert len(where.sentences) == 0 and where.sentence_at(5) == -1
    where.set_sentences(x for p in passages for x in (p.start, p.end))
    assert list(where.sentences) == passages  # ids, offsets and texts
    assert where.sentences[-1] == passages[-1] and where.sentences[1:3] == passages[1:3]
    assert where.sentence_at(body.index("Crews")) == 1
    assert where.sentences_in(1) == range(2, 4)  # the second paragraph's two sentences
    # kept as numbers, not as one object a sentence that every full collection visits
    assert not any(isinstance(o, Passage) for o in gc.get_referents(*vars(where).values()))
