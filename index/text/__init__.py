"""Language tools every analysis shares: sentences with exact offsets."""

from __future__ import annotations

from index.text.sentences import split_passages, split_sentences

__all__ = ["split_passages", "split_sentences"]
