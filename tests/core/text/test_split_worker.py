"""Sentences split in a worker process are the same passages; a cancelled split stops it."""

from __future__ import annotations

from index import Article, split_apart, split_passages

BODY = (
    "The harbour board met on Monday. Crews said the ferry would sail at dawn.\n\n"
    'The union called it "a first step". Talks resume on 4 March.'
)


def test_split_apart_gives_the_same_passages() -> None:
    article = Article("a.txt", "a.txt", "Harbour talks", BODY)
    assert split_apart(article, lambda: False) == split_passages(article)


def test_a_cancelled_split_returns_none_at_once() -> None:
    article = Article("b.txt", "b.txt", "Long", " ".join(["A ferry sailed at dawn."] * 200_000))
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 2  # after about 0.1 s: long before 4 MB are split

    assert split_apart(article, cancel) is None  # not the passages: it did not wait for them
