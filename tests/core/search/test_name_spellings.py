"""A name searched in one spelling finds the others the index holds (Zelensky / Zelenskyy)."""

from __future__ import annotations

import pytest

from index import CorpusIndex

BODIES = {
    "a.txt": "President Volodymyr Zelensky met the harbour workers on Monday.",
    "b.txt": "President Volodymyr Zelenskiy met the harbour workers on Monday.",
    "c.txt": "President Volodymyr Zelenskyy met the harbour workers on Monday.",
    "d.txt": "The ferry company Zelenka Lines cancelled the evening crossing.",
    "e.txt": "The mayor of Kyiv opened the new bridge across the river.",
    "f.txt": "Trains to Kiev were delayed by the storm on Tuesday.",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> CorpusIndex:
    root = tmp_path_factory.mktemp("spellings")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, body in BODIES.items():
        (corpus / name).write_text(f"Report {name}\n\n{body}\n", encoding="utf-8")
    ix = CorpusIndex(corpus, root / "ix")
    ix.update()
    return ix


def found(index: CorpusIndex, query: str) -> set[str]:
    return {hit.id for hit in index.search(query, limit=20).hits}


@pytest.mark.parametrize("spelling", ["Zelensky", "Zelenskiy", "Zelenskyy"])
def test_each_spelling_finds_all_three(index: CorpusIndex, spelling: str) -> None:
    assert found(index, spelling) == {"a.txt", "b.txt", "c.txt"}  # never Zelenka


def test_the_other_spelling_is_marked_in_the_hit(index: CorpusIndex) -> None:
    hits = {hit.id: hit for hit in index.search("Zelensky", limit=20).hits}
    body = BODIES["c.txt"]
    assert [body[s:e] for s, e in hits["c.txt"].matches] == ["Zelenskyy"]
    assert "Zelenskyy" in hits["c.txt"].snippet


def test_exonyms_and_names_with_other_words(index: CorpusIndex) -> None:
    assert found(index, "Kiev") == {"e.txt", "f.txt"}
    assert found(index, "Zelenskyy AND harbour") == {"a.txt", "b.txt", "c.txt"}


def test_only_names_widen(index: CorpusIndex) -> None:
    # a lower-case word is searched as written; a phrase is exact
    assert found(index, "zelensky") == {"a.txt"}
    assert found(index, '"Volodymyr Zelensky"') == {"a.txt"}
