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
    "g.txt": "The delegation flew from Peking to the coast on Wednesday.",
    "h.txt": "The delegation flew from Beijing to the coast on Wednesday.",
    "i.txt": "Ayatollah Ali Khamenei addressed the assembly on Thursday.",
    "j.txt": "Ayatollah Ali Hamenei addressed the assembly on Thursday.",
    "k.txt": "Colonel Muammar Qaddafi spoke to the crowd in the square.",
    "l.txt": "Colonel Muammar Gaddafi spoke to the crowd in the square.",
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


@pytest.mark.parametrize("spelling", ["Peking", "Beijing"])
def test_a_name_of_other_first_letters_is_found_by_the_name_table(
    index: CorpusIndex, spelling: str
) -> None:
    # the exonym table the comparison's variants use (Peking / Beijing), whatever the letters
    assert found(index, spelling) == {"g.txt", "h.txt"}


def test_kh_and_h_are_one_spelling(index: CorpusIndex) -> None:
    assert found(index, "Khamenei") == found(index, "Hamenei") == {"i.txt", "j.txt"}


def test_variants_a_comparison_knows_widen_the_name(index: CorpusIndex) -> None:
    # no letter rule takes Qaddafi for Gaddafi; a comparison that listed both forms does
    assert found(index, "Qaddafi") == {"k.txt"}
    known = [("Gaddafi", "Qaddafi"), ("Elin Sato", "Elin Satto")]
    hits = index.search("Qaddafi", limit=20, variants=known).hits
    assert {hit.id for hit in hits} == {"k.txt", "l.txt"}
    # a query with none of the group's forms is not widened by it
    assert {h.id for h in index.search("Muammar", limit=20, variants=known).hits} == {
        "k.txt",
        "l.txt",
    }
    assert {h.id for h in index.search("Peking", limit=20, variants=known).hits} == {
        "g.txt",
        "h.txt",
    }
