"""A short hash of the core's own source code, so caches made by other code are never read."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # index/


@lru_cache(maxsize=1)
def code_version() -> str:
    """sha256 prefix over every module of ``index/`` and its subpackages, by relative path.

    Every module counts: the rules live in many of them (conflict families, numbers, names,
    sentences...), and a stale cached comparison or grouping would show wrong marks.
    """
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
