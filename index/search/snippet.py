"""A hit's one-line excerpt around its first matches, with the matches' offsets in it."""

from __future__ import annotations

SNIPPET_CHARS = 200
LEAD_CHARS = 50  # context kept before the first match


def snippet(
    body: str, matches: tuple[tuple[int, int], ...]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A one-line excerpt of about SNIPPET_CHARS around the first matches, and their offsets in it.

    Whitespace is replaced one for one by spaces, so offsets in the excerpt stay exact; "…" marks
    a cut at either end.
    """
    if not body:
        return "", ()
    anchor, anchor_end = matches[0] if matches else (0, 0)
    start = max(0, anchor - LEAD_CHARS)
    if start > 0:
        space = body.find(" ", start, anchor)
        start = space + 1 if space != -1 else start
    end = min(len(body), start + SNIPPET_CHARS)
    if end < len(body):
        space = body.rfind(" ", start, end)
        end = space if space >= anchor_end else end
    head = "…" if start > 0 else ""
    tail = "…" if end < len(body) else ""
    text = "".join(" " if c.isspace() else c for c in body[start:end])
    shift = len(head) - start
    inside = tuple((s + shift, e + shift) for s, e in matches if s >= start and e <= end)
    return head + text + tail, inside
