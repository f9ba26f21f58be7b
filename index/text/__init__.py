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
    from index.text.sentences import TITLE_SUFFIX, split_passages, split_sentences, title_passage
    from index.text.split_worker import split_apart

# name -> the module that defines it
_EXPORTS = {
    "escape_markdown": "index.text.markdown_escape",
    "neutralize_controls": "index.text.controls",
    "TITLE_SUFFIX": "index.text.sentences",
    "split_apart": "index.text.split_worker",
    "split_passages": "index.text.sentences",
    "split_sentences": "index.text.sentences",
    "strip_controls": "index.text.controls",
    "title_passage": "index.text.sentences",
}

__all__ = [
    "TITLE_SUFFIX",
    "escape_markdown",
    "neutralize_controls",
    "split_apart",
    "split_passages",
    "split_sentences",
    "strip_controls",
    "title_passage",
]


def __getattr__(name: str) -> Any:
    """Load a name from its module on first use, then keep it here."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'index.text' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
