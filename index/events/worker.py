"""A tokenizing worker process: batches of article texts in on stdin, their terms out on stdout.

Started by ``collect`` as ``python -m index.events.worker``: a fresh interpreter, so it is safe
to start from any thread (a fork copies the forking thread only, with the locks other threads
held) and it never re-imports the caller's main module (as multiprocessing's spawn does, which
fails in a script without a ``__main__`` guard). Messages are pickles: (number, texts) in, (number,
rows, the feature names added since the last batch) out; None or the end of input stops it.
"""

from __future__ import annotations

import pickle
import sys
from typing import BinaryIO

from index.events.terms import Tokenizer


def serve(tasks: BinaryIO, results: BinaryIO) -> None:
    tokenizer = Tokenizer()
    while True:
        try:
            task = pickle.load(tasks)
        except EOFError:
            return
        if task is None:
            return
        number, texts = task
        known = len(tokenizer.vocabulary)
        rows = tokenizer.rows(texts)
        pickle.dump((number, rows, tokenizer.vocabulary[known:]), results, protocol=5)
        results.flush()


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
