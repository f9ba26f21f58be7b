"""A database at the annotations path that newsreader did not write: one line, never a write."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from index.marks.schema import SCHEMA_VERSION
from index.marks.store import DB_NAME, AnnotationError, AnnotationStore


def foreign(path: Path, version: int, table: str = "CREATE TABLE annotations (name TEXT)") -> Path:
    db = sqlite3.connect(path / DB_NAME)
    db.execute(table)
    db.execute(f"PRAGMA user_version = {version}")
    db.commit()
    db.close()
    return path / DB_NAME


@pytest.mark.parametrize(
    ("version", "reason"),
    [
        (SCHEMA_VERSION, "its annotations table has no column article_id"),  # 'no such column: id'
        (1, "its annotations table has no column article_id"),  # the migration failed on it
        (0, "a table annotations that its version 0 has not made yet"),
        (-3, "its version is -3"),  # MIGRATIONS[-3] would have run
    ],
)
def test_a_foreign_annotations_table_is_refused_in_one_line(
    tmp_path: Path, version: int, reason: str
) -> None:
    path = foreign(tmp_path, version)
    with pytest.raises(AnnotationError) as raised:
        AnnotationStore(path)
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith(f"{path} is not a newsreader annotations database ({reason}")
    db = sqlite3.connect(path)  # left as it was: another program's data is never migrated
    assert db.execute("PRAGMA user_version").fetchone()[0] == version
    assert [r[1] for r in db.execute("PRAGMA table_info(annotations)")] == ["name"]
    db.close()


def test_extra_columns_and_tables_of_our_own_shape_are_fine(tmp_path: Path) -> None:
    with AnnotationStore(tmp_path / DB_NAME) as store:
        store.add("c", "a.md", 0, 3, "The")
    db = sqlite3.connect(tmp_path / DB_NAME)
    db.execute("ALTER TABLE annotations ADD COLUMN colour TEXT")
    db.execute("CREATE TABLE other (x)")
    db.commit()
    db.close()
    with AnnotationStore(tmp_path / DB_NAME) as store:
        assert [m.text for m in store.marks("c")] == ["The"]
