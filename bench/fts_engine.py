"""The SQLite FTS5 baseline of the speed benchmarks: the same loader, files and queries as Whoosh.

One FTS5 table of articles (porter stemming, accents folded, title weighted x2 like our BM25F),
a rowid -> path table to replace a changed file's articles, and a stat table for updates.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(
    id UNINDEXED, title, body, source,
    tokenize = 'porter unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS arts(rowid INTEGER PRIMARY KEY, path TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS arts_path ON arts(path);
CREATE TABLE IF NOT EXISTS files(path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER);
"""
# bm25 weights per column (id, title, body, source): title counts double, as in our schema.
_RANK = "bm25(docs, 0.0, 2.0, 1.0, 0.0)"
_SEARCH = (
    "SELECT id, title, snippet(docs, 2, '[', ']', '…', 30) FROM docs "
    f"WHERE docs MATCH ? ORDER BY {_RANK} LIMIT ?"
)


def connect(db: Path) -> sqlite3.Connection:
    con = sqlite3.connect(str(db))
    con.executescript(_SCHEMA)
    return con


def _add_file(con: sqlite3.Connection, corpus: Path, path: Path) -> None:
    from index import load_file, relative_id

    rel = relative_id(corpus, path)
    st = path.stat()
    articles, _skipped = load_file(corpus, path)
    for a in articles:
        cur = con.execute("INSERT INTO arts(path) VALUES (?)", (rel,))
        con.execute(
            "INSERT INTO docs(rowid, id, title, body, source) VALUES (?, ?, ?, ?, ?)",
            (cur.lastrowid, a.id, a.title, a.body, a.source or ""),
        )
    con.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", (rel, st.st_size, st.st_mtime_ns))


def _remove_file(con: sqlite3.Connection, rel: str) -> None:
    rows = [r for (r,) in con.execute("SELECT rowid FROM arts WHERE path = ?", (rel,))]
    con.executemany("DELETE FROM docs WHERE rowid = ?", [(r,) for r in rows])
    con.execute("DELETE FROM arts WHERE path = ?", (rel,))
    con.execute("DELETE FROM files WHERE path = ?", (rel,))


def build(corpus: Path, db: Path) -> int:
    """Index every file of ``corpus`` into a fresh database; returns the article count."""
    from index import discover

    db.unlink(missing_ok=True)
    con = connect(db)
    with con:
        for path in discover(corpus):
            _add_file(con, corpus, path)
    count = int(con.execute("SELECT count(*) FROM arts").fetchone()[0])
    con.close()
    return count


def update(corpus: Path, db: Path) -> int:
    """Re-index new, changed (size or mtime) and removed files; returns the files touched."""
    from index import discover, relative_id

    con = connect(db)
    known = {p: (s, m) for p, s, m in con.execute("SELECT path, size, mtime_ns FROM files")}
    touched = 0
    seen: set[str] = set()
    with con:
        for path in discover(corpus):
            rel = relative_id(corpus, path)
            seen.add(rel)
            st = path.stat()
            if known.get(rel) == (st.st_size, st.st_mtime_ns):
                continue
            if rel in known:
                _remove_file(con, rel)
            _add_file(con, corpus, path)
            touched += 1
        for rel in set(known) - seen:
            _remove_file(con, rel)
            touched += 1
    con.close()
    return touched


def match_expression(text: str, phrase: bool, any_word: bool = False) -> str:
    """Our query as FTS5 syntax over title and body: all the words, any word, or the phrase."""
    words = [w.replace('"', "") for w in text.split()]
    joiner = " OR " if any_word else " "
    inner = '"' + " ".join(words) + '"' if phrase else joiner.join(f'"{w}"' for w in words)
    return "{title body} : (" + inner + ")"


def search(
    con: sqlite3.Connection, text: str, phrase: bool = False, limit: int = 10
) -> list[tuple[str, str, str]]:
    """The top ``limit`` articles with a highlighted snippet each; like newsreader, articles with
    all the words first, then (when fewer than ``limit``) articles with some of them."""
    hits = con.execute(_SEARCH, (match_expression(text, phrase), limit)).fetchall()
    if len(hits) < limit and not phrase and len(text.split()) > 1:
        seen = {h[0] for h in hits}
        more = con.execute(_SEARCH, (match_expression(text, False, True), limit * 2)).fetchall()
        hits += [h for h in more if h[0] not in seen][: limit - len(hits)]
    return hits
