"""Untrusted text as inert inline Markdown: controls removed, every markup character escaped."""

from __future__ import annotations

import re

from index.text.controls import strip_controls

# Inline markup characters only: the renderers' own prefix starts every line, so block markers
# (#, -, 1.) inside article text can never begin a block.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>!|~&])")


def escape_markdown(text: str) -> str:
    """``text`` on one line, as Markdown that renders exactly these characters."""
    return _MD_SPECIAL.sub(r"\\\1", strip_controls(text).replace("\n", " "))
