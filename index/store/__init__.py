"""The corpus index kept in step with its folder: build, incremental update, manifest, report."""

from __future__ import annotations

from index.store.corpus_index import CorpusIndex
from index.store.parallel_build import Early
from index.store.report import IndexReport

__all__ = ["CorpusIndex", "Early", "IndexReport"]
