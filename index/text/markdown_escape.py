"""Untrusted text as inert inline Markdown: controls removed, every markup character escaped."""

from __future__ import annotations

import re

from index.text.controls import strip_controls

# Inline markup characters only: the renderers' own prefix starts every line, so block markers
# (#, -, 1.) inside article text can never begin a block.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>!|~&])")


# Block markers a line may start with: headings, lists, quotes, rules, setext underlines.
_LEADING = re.compile(r"^(?:([#>+=-])|(\d+)([.)]))")


def escape_markdown(text: str) -> str:
    """``text`` on one line, as Markdown that renders exactly these characters."""
    return _MD_SPECIAL.sub(r"\\\1", strip_controls(text).replace("\n", " "))


def md_text(text: str | None) -> str:
    """Untrusted text as inert Markdown on one line, fit to start a line: inline specials and
    block markers escaped (a line of ours may begin with it)."""
    line = escape_markdown(text or "").strip()
    return _LEADING.sub(
        lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), line
    )
