"""Provides wrap_starts: where each screen line of a paragraph starts (linear in its length)."""

from __future__ import annotations

from rich.cells import cell_len


def wrap_starts(text: str, width: int) -> list[int]:
    """Offsets into ``text`` at which its wrapped lines start (the first is always 0).

    Greedy word wrap at ``width`` cells: a line breaks after the last space that fits, a word
    longer than the line is cut. Spaces at a break are skipped, so no line starts with one.
    ASCII text (one cell a character) jumps a line at a time with ``rfind``; other text is
    measured word by word.
    """
    width = max(width, 1)
    if len(text) <= width and (text.isascii() or cell_len(text) <= width):
        return [0]
    if text.isascii():
        return _ascii_starts(text, width)
    return _cell_starts(text, width)


def _ascii_starts(text: str, width: int) -> list[int]:
    starts = [0]
    pos, size = 0, len(text)
    while size - pos > width:
        # A space right after the line's last cell lets the line end there, full.
        cut = text.rfind(" ", pos + 1, pos + width + 1)
        end = cut if cut > pos else pos + width
        pos = end
        while pos < size and text[pos] == " ":
            pos += 1
        if pos >= size:
            break
        starts.append(pos)
    return starts


def _cell_starts(text: str, width: int) -> list[int]:
    """The same wrap, measuring each word's cells (wide and combining characters)."""
    starts = [0]
    used = 0  # cells on the current line
    pos, size = 0, len(text)
    while pos < size:
        space = text.find(" ", pos)
        end = size if space < 0 else space
        word = cell_len(text[pos:end])
        if used and used + word > width:  # the word goes to a new line
            starts.append(pos)
            used = 0
        while word > width:  # a word wider than the line is cut, a character at a time
            cells = 0
            cut = pos
            while cut < end and cells + cell_len(text[cut]) <= width - used:
                cells += cell_len(text[cut])
                cut += 1
            if cut == pos:  # not even one character fits after what is on the line
                cut = pos + 1
            starts.append(cut)
            word -= cell_len(text[pos:cut])
            pos, used = cut, 0
        used += word
        pos = end
        while pos < size and text[pos] == " ":
            pos += 1
            used += 1
        if used > width and pos < size:
            starts.append(pos)
            used = 0
    return starts
