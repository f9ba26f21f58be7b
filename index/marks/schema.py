"""The marks database's shape: numbered migrations (never edit a released one), columns, WAL."""

from __future__ import annotations

import sqlite3
import time
from functools import cache

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


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {str(row[1]) for row in db.execute(f"PRAGMA table_info({table})")}


@cache
def _expected(version: int) -> dict[str, frozenset[str]]:
    """Each table's columns as the first ``version`` migrations make them (never kept by hand)."""
    db = sqlite3.connect(":memory:")
    try:
        for migration in MIGRATIONS[:version]:
            db.executescript(migration)
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {table: frozenset(_columns(db, table)) for table in tables}
    finally:
        db.close()


def foreign_tables(db: sqlite3.Connection) -> str | None:
    """Why a database is not one newsreader wrote (a table lacking a column that its
    ``user_version`` promises), or None: another program's ``annotations`` table with the same
    ``user_version`` failed later with "no such column: id"."""
    db.execute("BEGIN")  # one snapshot: another process may be migrating this database now
    try:
        return _foreign(db)
    finally:
        db.execute("ROLLBACK")


def _foreign(db: sqlite3.Connection) -> str | None:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        return None  # a newer newsreader's: the version check says so
    expected = _expected(max(version, 0))
    for table in _expected(SCHEMA_VERSION):
        found = _columns(db, table)
        if version < 0:
            problem = f"its version is {version}"
        elif table not in expected and found:
            problem = f"a table {table} that its version {version} has not made yet"
        elif missing := sorted(expected.get(table, frozenset()) - found):
            problem = f"its {table} table has no column {', '.join(missing[:3])}"
        else:
            continue
        return (
            f"is not a newsreader annotations database ({problem}); move it away or choose"
            " another --data-dir"
        )
    return None


def switch_to_wal(db: sqlite3.Connection, wait_seconds: float) -> None:
    """Switch to WAL, waiting like any write: SQLite answers the switch with "database is
    locked" at once (no busy timeout) while another connection writes a database that is
    still in rollback mode, as when two processes create the store at the same moment."""
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
