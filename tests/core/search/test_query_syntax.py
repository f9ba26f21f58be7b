"""Search syntax users expect: ``-word`` excludes, ``evacuat*`` finds "evacuation"."""

from __future__ import annotations

import pytest

from index.base.errors import QueryError
from index.engine.prefixes import stem_prefixes
from index.search.syntax import minus_as_not
from index.store.corpus_index import CorpusIndex

ARTICLES = {
    "port.txt": (
        "Port closed after storm",
        "The evacuation of the harbour district began at dawn. An old wall of the port "
        "collapsed and covid-19 testing was suspended.",
    ),
    "dam.txt": (
        "Dam inspected",
        "Engineers evacuated the valley below the dam. Museum staff moved paintings.",
    ),
    "mud.txt": (
        "Mudslide blocks road",
        "Mud covered the road near the museum. The wall of the school held.",
    ),
    "talks.txt": (
        "Talks resume",
        "Negotiations between the unions resumed. Organizers expect a deal by Friday.",
    ),
}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> CorpusIndex:
    root = tmp_path_factory.mktemp("syntax")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, (title, body) in ARTICLES.items():
        (corpus / name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    ix = CorpusIndex(corpus, root / "idx")
    ix.update()
    return ix


def ids(index: CorpusIndex, query: str) -> set[str]:
    return {hit.id for hit in index.search(query).hits}


def body(index: CorpusIndex, article_id: str) -> str:
    article = index.article(article_id)
    assert article is not None
    return article.body


def test_minus_word_excludes_articles_with_the_word(index: CorpusIndex) -> None:
    assert ids(index, "wall") == {"port.txt", "mud.txt"}
    assert ids(index, "wall -mud") == {"port.txt"}
    assert index.search("wall -mud").total == 1
    assert ids(index, "wall -school") == {"port.txt"}
    assert ids(index, "-school wall") == {"port.txt"}


def test_minus_phrase_field_and_group(index: CorpusIndex) -> None:
    assert ids(index, 'wall -"old wall"') == {"mud.txt"}
    assert ids(index, "wall -title:mudslide") == {"port.txt"}
    assert ids(index, "wall -(dawn OR school)") == set()
    assert ids(index, "(wall -mud) OR dam") == {"port.txt", "dam.txt"}


def test_hyphens_inside_words_and_lone_dashes_do_not_exclude(index: CorpusIndex) -> None:
    assert ids(index, "covid-19") == {"port.txt"}
    assert ids(index, "wall - mud") == {"port.txt", "mud.txt"}  # a dash alone is no operator


def test_minus_as_not_rewrites_only_leading_dashes() -> None:
    assert minus_as_not("wall -mud") == "wall NOT mud"
    assert minus_as_not('-"old wall" x') == 'NOT "old wall" x'
    assert minus_as_not("(a -b)") == "(a NOT b)"
    assert minus_as_not("x -(a b)") == "x NOT (a b)"
    assert minus_as_not("covid-19 well-known") == "covid-19 well-known"
    assert minus_as_not("a - b") == "a - b"


@pytest.mark.parametrize("query", ["-", "wall -", "- -"])
def test_dashes_alone_are_refused_or_ignored_with_the_query_named(
    index: CorpusIndex, query: str
) -> None:
    if query == "wall -":
        assert ids(index, query) == {"port.txt", "mud.txt"}
        return
    with pytest.raises(QueryError) as caught:
        index.search(query)
    assert caught.value.query == query and "punctuation" in caught.value.reason


def test_minus_with_nothing_after_it_is_an_error(index: CorpusIndex) -> None:
    with pytest.raises(QueryError) as caught:
        index.search("wall -()")
    assert caught.value.query == "wall -()"


def test_prefix_finds_words_whose_stem_is_shorter_than_the_prefix(index: CorpusIndex) -> None:
    # "evacuation" is indexed as "evacu", "evacuated" as "evacuat".
    assert ids(index, "evacuat*") == {"port.txt", "dam.txt"}
    assert ids(index, "negotiat*") == {"talks.txt"}
    for hit in index.search("evacuat*").hits:
        words = [body(index, hit.id)[s:e].lower() for s, e in hit.matches]
        assert words and all(word.startswith("evacuat") for word in words), words


def test_prefix_is_the_typed_text_not_its_stem(index: CorpusIndex) -> None:
    # "mus" stems to "mu": a prefix on the stem would find "mud".
    assert ids(index, "mus*") == {"dam.txt", "mud.txt"}  # museum only
    for hit in index.search("mus*").hits:
        words = [body(index, hit.id)[s:e].lower() for s, e in hit.matches]
        assert words == ["museum"]
    assert ids(index, "title:evacuat*") == set()
    assert ids(index, "Evacuat*") == {"port.txt", "dam.txt"}


def test_stem_prefixes() -> None:
    assert stem_prefixes("evacuat") == ("evacuat", ["evacu"])
    assert stem_prefixes("Hospitals") == ("hospitals", ["hospit"])
    assert stem_prefixes("mus") == ("mus", [])
    assert stem_prefixes("Zür") == ("zur", [])
