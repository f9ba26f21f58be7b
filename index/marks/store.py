"""The user's marks, notes and labels in SQLite: versioned schema, one transaction per write."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from index.base.errors import NewsreaderError
from index.base.locations import corpus_key, data_dir
from index.base.models import Article
from index.marks.anchoring import Anchored, anchor, text_hash
from index.marks.corrections import KINDS, Correction
from index.marks.model import DISMISSED, Annotation
from index.marks.schema import COLUMNS as _COLUMNS
from index.marks.schema import MIGRATIONS, SCHEMA_VERSION, foreign_tables, switch_to_wal

# How long opening or writing waits for another process's write before giving up.
WAIT_SECONDS = 10.0

DB_NAME = "annotations.sqlite3"


class AnnotationError(NewsreaderError):
    """The annotation database cannot be opened, migrated or written."""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class AnnotationStore:
    """One SQLite file in WAL mode. Every write is committed before the method returns."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # autocommit mode: transactions are explicit (BEGIN IMMEDIATE ... COMMIT) below
            self._db = sqlite3.connect(
                self.path, timeout=WAIT_SECONDS, isolation_level=None, check_same_thread=False
            )
            switch_to_wal(self._db, WAIT_SECONDS)
            # FULL: a commit is on disk when it returns, so "saved" survives even a power cut
            self._db.execute("PRAGMA synchronous=FULL")
            # checked before and after migrating: a migration must not build on a foreign table
            foreign = foreign_tables(self._db)
            if foreign is None:
                self._migrate()
                foreign = foreign_tables(self._db)
        except (sqlite3.Error, OSError) as error:
            raise AnnotationError(f"cannot open annotations {self.path}: {error}") from error
        if foreign is not None:
            self._db.close()
            raise AnnotationError(f"{self.path} {foreign}")

    @classmethod
    def open(cls, override: Path | str | None = None) -> AnnotationStore:
        """The store in the user data dir (``--data-dir``, ``NEWSREADER_DATA_DIR``, XDG)."""
        return cls(data_dir(override) / DB_NAME)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            raise AnnotationError(f"cannot write annotations {self.path}: {error}") from error

    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        while self._check_version() < SCHEMA_VERSION:
            with self._transaction() as db:
                # Re-read under the write lock: another process may have migrated meanwhile.
                version = self._check_version()
                if version < SCHEMA_VERSION:
                    # executescript would COMMIT first; run the statements one by one instead
                    for statement in MIGRATIONS[version].split(";"):
                        if statement.strip():
                            db.execute(statement)
                    db.execute(f"PRAGMA user_version = {version + 1}")

    def _check_version(self) -> int:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise AnnotationError(
                f"{self.path} has schema {version}; this newsreader knows "
                f"{SCHEMA_VERSION} (upgrade newsreader)"
            )
        return version

    def add(
        self,
        corpus: Path | str,
        article_id: str,
        start: int,
        end: int,
        text: str,
        *,
        label: str | None = None,
        note: str = "",
        event_id: str | None = None,
        conflict: str | None = None,
    ) -> Annotation:
        """Save a mark on ``text`` (the body's ``[start, end)``); returns it once committed."""
        now = _now()
        with self._transaction() as db:
            cursor = db.execute(
                'INSERT INTO annotations (corpus, article_id, start, "end", text, text_hash, '
                "label, note, event_id, conflict, created, updated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    _key(corpus),
                    article_id,
                    start,
                    end,
                    text,
                    text_hash(text),
                    label,
                    note,
                    event_id,
                    conflict,
                    now,
                    now,
                ),
            )
            new_id = cursor.lastrowid
        found = self.get(int(new_id or 0))
        assert found is not None
        return found

    def get(self, annotation_id: int) -> Annotation | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)
        ).fetchone()
        return None if row is None else Annotation(*row)

    def set_label(self, annotation_id: int, label: str | None) -> Annotation | None:
        """Change (``None``: clear) a mark's label; None if the mark is gone."""
        with self._transaction() as db:
            db.execute(
                "UPDATE annotations SET label = ?, updated = ? WHERE id = ?",
                (label, _now(), annotation_id),
            )
        return self.get(annotation_id)

    def set_note(self, annotation_id: int, note: str) -> Annotation | None:
        """Replace a mark's note; None if the mark is gone."""
        with self._transaction() as db:
            db.execute(
                "UPDATE annotations SET note = ?, updated = ? WHERE id = ?",
                (note, _now(), annotation_id),
            )
        return self.get(annotation_id)

    def move(self, moves: Iterable[tuple[int, int, int, str]]) -> None:
        """Re-anchor marks whose article changed: (id, start, end, text), in one transaction."""
        rows = [(start, end, text, text_hash(text), mark_id) for mark_id, start, end, text in moves]
        if not rows:
            return
        with self._transaction() as db:
            db.executemany(
                'UPDATE annotations SET start = ?, "end" = ?, text = ?, text_hash = ? WHERE id = ?',
                rows,
            )

    def delete(self, annotation_id: int) -> bool:
        with self._transaction() as db:
            cursor = db.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        return cursor.rowcount > 0

    def marks(
        self, corpus: Path | str, article_ids: Iterable[str] | None = None
    ) -> list[Annotation]:
        """The corpus's marks (optionally of some articles only), oldest first."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM annotations WHERE corpus = ? ORDER BY id", (_key(corpus),)
        ).fetchall()
        found = [Annotation(*row) for row in rows]
        if article_ids is None:
            return found
        wanted = set(article_ids)
        return [a for a in found if a.article_id in wanted]

    def anchored(
        self,
        corpus: Path | str,
        articles: Mapping[str, Article],
        article_ids: Iterable[str] | None = None,
        event_id: str | None = None,
    ) -> list[Anchored]:
        """Marks of ``article_ids`` (and of ``event_id``) found again in the current ``articles``.

        A mark whose text moved or was edited is re-anchored and saved; one whose text is gone
        comes back orphaned (with its saved text), never dropped.
        """
        wanted = None if article_ids is None else set(article_ids)
        out = []
        moves = []
        for mark in self.marks(corpus):
            if (
                wanted is not None
                and mark.article_id not in wanted
                and (event_id is None or mark.event_id != event_id)
            ):
                continue
            found = anchor(mark, articles.get(mark.article_id))
            if found.status in ("moved", "changed") and found.text is not None:
                assert found.start is not None and found.end is not None
                moves.append((mark.id, found.start, found.end, found.text))
            out.append(found)
        try:
            self.move(moves)
        except AnnotationError:
            pass  # a read-only or busy database: the marks are still found, just not re-saved
        return out

    def add_correction(self, corpus: Path | str, correction: Correction) -> Correction:
        """Save a grouping correction (merge, move, split); returns it with its id."""
        if correction.kind not in KINDS or not correction.articles:
            raise AnnotationError(f"not a correction: {correction.kind} {correction.articles}")
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO corrections (corpus, kind, articles, target, created) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    _key(corpus),
                    correction.kind,
                    json.dumps(list(correction.articles)),
                    correction.target,
                    _now(),
                ),
            )
        return replace(correction, id=int(cursor.lastrowid or 0))

    def corrections(self, corpus: Path | str) -> list[Correction]:
        """The corpus's corrections, oldest first (the order they apply in)."""
        rows = self._db.execute(
            "SELECT id, kind, articles, target FROM corrections WHERE corpus = ? ORDER BY id",
            (_key(corpus),),
        ).fetchall()
        # a kind this version does not know (a newer newsreader wrote it) is left out
        return [
            Correction(kind, tuple(json.loads(ids)), target, rid)
            for rid, kind, ids, target in rows
            if kind in KINDS
        ]

    def undo_correction(self, corpus: Path | str) -> Correction | None:
        """Forget the corpus's latest correction; returns it (None when there was none)."""
        last = self.corrections(corpus)[-1:]
        if not last:
            return None
        with self._transaction() as db:
            db.execute("DELETE FROM corrections WHERE id = ?", (last[0].id,))
        return last[0]

    def dismissed(self, corpus: Path | str) -> set[str]:
        """The conflict keys the user dismissed as false in this corpus."""
        rows = self._db.execute(
            "SELECT conflict FROM annotations WHERE corpus = ? AND label = ? "
            "AND conflict IS NOT NULL",
            (_key(corpus), DISMISSED),
        )
        return {row[0] for row in rows}


def _key(corpus: Path | str) -> str:
    return corpus_key(Path(corpus))
