"""The marks database's schema: numbered migrations (never edit a released one), the columns."""

from __future__ import annotations

# Migration n (1-based) takes the schema from version n-1 to n; never edit a released one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE annotations (
        id INTEGER PRIMARY KEY,
        corpus TEXT NOT NULL,
        article_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        label TEXT,
        note TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    """,
    """
    ALTER TABLE annotations ADD COLUMN event_id TEXT;
    ALTER TABLE annotations ADD COLUMN conflict TEXT;
    CREATE INDEX annotations_corpus ON annotations (corpus, article_id);
    """,
    """
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        corpus TEXT NOT NULL,
        kind TEXT NOT NULL,
        articles TEXT NOT NULL,
        target TEXT,
        created TEXT NOT NULL
    );
    CREATE INDEX corrections_corpus ON corrections (corpus);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
# The annotations table's columns, in the order of Annotation's fields.
COLUMNS = (
    'id, corpus, article_id, start, "end", text, text_hash, label, note, event_id, '
    "conflict, created, updated"
)
