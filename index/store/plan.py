"""How a corpus folder differs from its manifest, file by file: new, changed, removed, kept."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path

from index.ingest.decode import max_file_bytes
from index.ingest.folder import printable, walk
from index.ingest.loader import damage_notices, relative_id
from index.ingest.longpath import open_path
from index.store.manifest import FileRecord, Manifest, is_racy
from index.store.parallel_build import problem_record, stat_or_lstat


@dataclass
class Plan:
    """How the corpus differs from the manifest, file by file (relative paths)."""

    new: list[tuple[str, Path, os.stat_result]] = field(default_factory=list)
    changed: list[tuple[str, Path, os.stat_result]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # Files whose content is as indexed; ``touched`` ones got a new stat (same hash).
    kept: dict[str, FileRecord] = field(default_factory=dict)
    touched: bool = False
    # Files indexed before that the walk now reports as a problem (a link no longer followed,
    # a folder no longer readable): their articles go, their record in ``kept`` says why.
    dropped: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.new or self.changed or self.removed or self.touched or self.dropped)

    @property
    def unchanged_ids(self) -> int:
        return sum(len(rec.ids) for rec in self.kept.values())


def file_digest(path: Path) -> str:
    """Content hash of a file (blake2b-128), or a marker when it cannot be read or is over the
    size limit: such a file is never read (a sparse 100 GB file was hashed whole, 224 s)."""
    digest = hashlib.blake2b(digest_size=16)
    limit = max_file_bytes()
    try:
        # O_NONBLOCK and the fstat check: a fifo in the corpus must never block the indexer.
        fd = open_path(path, os.O_RDONLY | os.O_NONBLOCK)
        with open(fd, "rb") as handle:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                return "not-a-file"
            if st.st_size > limit:
                return f"too-large:{st.st_size}"
            left = limit + 1  # never more than the limit, whatever the file grew to since
            while chunk := handle.read(min(1 << 20, left)):
                digest.update(chunk)
                left -= len(chunk)
                if not left:
                    return "too-large"
    except OSError as error:
        return f"unreadable:{error.errno}"
    return digest.hexdigest()


def plan_changes(corpus: Path, manifest: Manifest, hash_changed: bool) -> Plan:
    """Compare the corpus with the manifest by size+mtime_ns; with ``hash_changed``, files whose
    stat differs (or was too recent to trust) are hashed and count as changed only when their
    bytes did change. Without it, every such file counts as changed (the cheap check)."""
    plan = Plan()
    seen: set[str] = set()
    paths, errors = walk(corpus)
    prefix = str(corpus) + os.sep
    for path in paths:
        text = str(path)
        # The id relative_id gives (a POSIX path under the corpus) without pathlib's parsing,
        # which took a third of an update's planning at 10,000 files.
        if os.sep == "/" and text.startswith(prefix):
            rel = text[len(prefix) :]
        else:
            rel = relative_id(corpus, path)
        st = stat_or_lstat(path)
        if st is None:
            continue  # vanished between listing and stat: treated as removed below
        seen.add(rel)
        if isinstance(st, str):  # cannot even be looked at: recorded with its reason
            errors.append((path, st))
            continue
        old = manifest.files.get(rel)
        if old is None:
            plan.new.append((rel, path, st))
        elif old.same_stat(st.st_size, st.st_mtime_ns):
            plan.kept[rel] = old
        elif hash_changed:
            _hash_check(plan, rel, path, st, old)
        else:
            plan.changed.append((rel, path, st))
    for rel, record in problems(corpus, errors).items():
        seen.add(rel)
        plan.kept[rel] = record
        old = manifest.files.get(rel)
        plan.touched = plan.touched or old != record
        if old is not None and old.ids:  # searchable still, while every summary says skipped
            plan.dropped.append(rel)
    plan.removed = sorted(rel for rel in manifest.files if rel not in seen)
    if not manifest.damage_checked:
        _recheck_damage(plan, [(rel, corpus / rel) for rel in plan.kept])
    return plan


def _recheck_damage(plan: Plan, files: list[tuple[str, Path]]) -> None:
    """Files kept from a manifest older than damage notices: their bytes are read and decoded
    once (not indexed), so a damaged file already indexed is named too; the manifest is then
    rewritten (``touched``) and this never happens again."""
    for rel, path in files:
        record = plan.kept[rel]
        if record.ids and not record.notices:
            notices = damage_notices(rel, path)
            if notices:
                plan.kept[rel] = replace(record, notices=notices)
    plan.touched = True


def _hash_check(plan: Plan, rel: str, path: Path, st: os.stat_result, old: FileRecord) -> None:
    """A file whose stat changed (or was too recent to trust): kept when its bytes did not."""
    if file_digest(path) == old.digest:
        # Same bytes, same load: its skips and notices (damage) stay as recorded.
        racy = is_racy(st.st_mtime_ns)
        record = replace(old, size=st.st_size, mtime_ns=st.st_mtime_ns, racy=racy)
        plan.kept[rel] = record
        plan.touched = plan.touched or record != old
    else:
        plan.changed.append((rel, path, st))


def hash_checked(plan: Plan, manifest: Manifest) -> Plan:
    """The plan ``plan_changes(..., hash_changed=True)`` makes, from the cheap one made against
    the same manifest: only the files it counted as changed are hashed, nothing is walked."""
    checked = Plan(
        list(plan.new), [], list(plan.removed), dict(plan.kept), plan.touched, list(plan.dropped)
    )
    for rel, path, st in plan.changed:
        _hash_check(checked, rel, path, st, manifest.files[rel])
    if not manifest.damage_checked:  # the cheap plan rechecked the files it kept, not these
        _recheck_damage(checked, [(r, p) for r, p, _ in plan.changed if r in checked.kept])
    return checked


def problems(corpus: Path, errors: list[tuple[Path, str]]) -> dict[str, FileRecord]:
    """What the walk could not use (a folder symlink not followed, an unreadable folder, a name
    that is not UTF-8): records without articles, so every summary lists them with a reason."""
    return {
        printable(rel): problem_record(rel, reason)
        for rel, reason in ((relative_id(corpus, where), why) for where, why in errors)
    }


__all__ = ["Plan", "file_digest", "hash_checked", "plan_changes", "problems"]
