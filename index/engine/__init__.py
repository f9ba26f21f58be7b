"""The only code that touches Whoosh: schema, analyzer, segments, postings, matching, stores.

The packages above (``search``, ``store``) use only the names below (functions, and the types
they take and give back) and hold Whoosh's objects only as the opaque ``Store``, ``Searcher``,
``Schema``, ``Query`` and ``Segment``; import-linter forbids ``whoosh`` anywhere else.
"""

from __future__ import annotations

from index.engine.documents import stored_article, stored_articles
from index.engine.matching import MatchedDoc, Matches, find_matches
from index.engine.query import ParsedQuery, Query, indexed_fields, parse_words, schema_of
from index.engine.schema import SCHEMA_VERSION, Schema, article_fields, build_schema
from index.engine.searcher_pool import Searcher, SearcherPool
from index.engine.segment_builder import Segment, SegmentBuilder, segment_builder
from index.engine.stores import (
    Commit,
    Store,
    StoreCommit,
    StoreWriter,
    UpdateLock,
    check_store,
    commit_state,
    create_store,
    new_store_name,
    open_store,
    open_writer,
    remove_stores,
    store_problem,
    update_lock_held,
)
from index.engine.variants import indexed_terms, widen_names

__all__ = [
    # schema: one document per article
    "SCHEMA_VERSION",
    "Schema",
    "article_fields",
    "build_schema",
    # queries: parsed, then matched on a searcher
    "MatchedDoc",
    "Matches",
    "ParsedQuery",
    "Query",
    "Searcher",
    "SearcherPool",
    "find_matches",
    "indexed_fields",
    "parse_words",
    "schema_of",
    "indexed_terms",
    "widen_names",
    # stores: opened, checked, locked, written, read back
    "Commit",
    "Segment",
    "SegmentBuilder",
    "Store",
    "StoreCommit",
    "StoreWriter",
    "UpdateLock",
    "check_store",
    "commit_state",
    "create_store",
    "new_store_name",
    "open_store",
    "open_writer",
    "remove_stores",
    "segment_builder",
    "store_problem",
    "stored_article",
    "stored_articles",
    "update_lock_held",
]
