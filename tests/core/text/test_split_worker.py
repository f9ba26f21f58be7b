"""Sentences split in a worker process: the same passages' offsets; a cancelled split stops."""

from __future__ import annotations

from index import Article, split_apart, split_passages

BODY = (
    "The harbour board met on Monday. Crews said the ferry would sail at dawn.\n\n"
    'The union called it "a first step". Talks resume on 4 March.'
)


def test_split_apart_gives_the_offsets_of_the_same_passages() -> None:
    article = Article("a.txt", "a.txt", "Harbour talks", BODY)
    offsets = split_apart(article, lambda: False)
    assert offsets is not None
    passages = split_passages(article)
    assert len(passages) == 4
    assert list(zip(offsets[::2], offsets[1::2], strict=True)) == [
        (p.start, p.end) for p in passages
    ]


def test_a_cancelled_split_returns_none_at_once() -> None:
    article = Article("b.txt", "b.txt", "Long", " ".join(["A ferry sailed at dawn."] * 200_000))
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 2  # after about 0.1 s: long before 4 MB are split

    assert split_apart(article, cancel) is None  # not the passages: it did not wait for them
