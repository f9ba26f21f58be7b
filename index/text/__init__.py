"""Text tools every layer shares: sentences with exact offsets, untrusted text made inert.

Names load on first use (PEP 562): the ingest code and the app strip controls at start-up and
must not pay for the sentence splitter's imports (syntok, regex: about 20 ms) until they split.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from index.text.controls import neutralize_controls, strip_controls
    from index.text.markdown_escape import escape_markdown
    from index.text.sentences import split_passages, split_sentences

# name -> the module that defines it
_EXPORTS = {
    "escape_markdown": "index.text.markdown_escape",
    "neutralize_controls": "index.text.controls",
    "split_passages": "index.text.sentences",
    "split_sentences": "index.text.sentences",
    "strip_controls": "index.text.controls",
}

__all__ = [
    "escape_markdown",
    "neutralize_controls",
    "split_passages",
    "split_sentences",
    "strip_controls",
]


def __getattr__(name: str) -> Any:
    """Load a name from its module on first use, then keep it here."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'index.text' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
