"""IndexReport: what one index update did, counted in articles, with files skipped or damaged."""

from __future__ import annotations

from dataclasses import dataclass

from index.base.models import Notice, Skipped
from index.store.manifest import Manifest


@dataclass(frozen=True)
class IndexReport:
    """What one ``update`` did, counted in articles (a .json file may hold several)."""

    added: int
    updated: int
    removed: int
    unchanged: int
    skipped: tuple[Skipped, ...]
    seconds: float
    note: str | None = None
    # Every indexed file whose text loaded damaged (undecodable bytes), whatever this update did.
    notices: tuple[Notice, ...] = ()

    def summary_line(self) -> str:
        # "damaged N" only when there is damage: the line stays as it was for a clean corpus.
        damaged = f", damaged {len(self.notices)}" if self.notices else ""
        return (
            f"added {self.added}, updated {self.updated}, removed {self.removed}, "
            f"unchanged {self.unchanged}, skipped {len(self.skipped)}{damaged} "
            f"in {self.seconds:.2f} s"
        )


def report(
    unchanged: int,
    manifest: Manifest,
    added: int,
    updated: int,
    removed: int,
    seconds: float,
    note: str | None,
) -> IndexReport:
    """The report of an update that left ``manifest`` behind (its files' skips and notices)."""
    return IndexReport(
        added=added,
        updated=updated,
        removed=removed,
        unchanged=unchanged,
        skipped=manifest.skipped(),
        seconds=seconds,
        note=note,
        notices=manifest.notices(),
    )
