"""A tokenizing worker process (``python -m index.events.worker``): batches of article texts in,
their terms out (index/events/collect.py starts it; index/base/processes.py says why a fresh
interpreter). Messages: (number, texts) in, (number, rows, the feature names added since the
last batch, each text's sampled shingles) out; None or the end of input stops it."""

from __future__ import annotations

from index.base.processes import Parent
from index.events.terms import Tokenizer


def main() -> None:
    parent = Parent()
    tokenizer = Tokenizer()
    while (task := parent.receive()) is not None:
        number, texts = task
        known = len(tokenizer.vocabulary)
        rows, shingles = tokenizer.terms(texts)
        parent.send((number, rows, tokenizer.vocabulary[known:], shingles))


if __name__ == "__main__":
    main()
