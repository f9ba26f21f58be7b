"""The only code that touches Whoosh: schema, analyzer, segments, postings, matching, stores."""

from __future__ import annotations

__all__: list[str] = []
