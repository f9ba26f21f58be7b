"""Credit lines and captions are told by their shape, and ordinary sentences are not."""

from __future__ import annotations

import pytest

from index.text.credits import is_caption, is_credit, is_page_furniture

CREDITS = [
    "Contributing: Velmora Wire",
    "Contributing to this report: Ada Lind",
    "Reporting by Tomas Virk; Editing by Ola Brenn",
    "(Reporting by Tomas Virk in Tarrin; Writing by Ada Lind)",
    "Additional reporting by Ola Brenn",
    "This story originally appeared in North Star Weekly.",
    "This article first appeared on Coast Line: Quake closes port",
    "Ada Lind and Ola Brenn contributed to this report.",
    "Copyright 2025 Velmora Wire. All rights reserved.",
    "© Coast Line 2025",
    "(END)",
]
CAPTIONS = [
    "Photo: Lena Mart / Velmora Wire",
    "(Velmora Wire Photo/Lena Mart)",
    "Rescuers search the rubble. (North Star Photo/Ana Rell)",
    "Image copyright Velmora Wire",
    "Harbour workers wait on the quay. Lena Mart/Getty Images",
    "Courtesy of the Tarrin port authority",
    "Ana Rell (2nd L) meets dock workers in Tarrin on Monday.",
    "Ana Rell inspects a quay on Monday, in this handout photo released by the port.",
    "Picture: the cracked quay at dawn",
]
PROSE = [
    "The quake struck 10 kilometres from the port, the geological office said.",
    "Reporting the damage took the office two days, the mayor said.",
    "Contributing factors included old buildings and soft ground.",
    "The photographer said the picture showed the cracked quay.",
    "Senator Ada Lind (R) said the port would reopen on Friday.",
    "Editing the budget will take weeks, officials said.",
    "The end of the strike came on Thursday.",
]


@pytest.mark.parametrize("line", CREDITS)
def test_credit_lines_are_furniture(line: str) -> None:
    assert is_credit(line)
    assert is_page_furniture(line)


@pytest.mark.parametrize("line", CAPTIONS)
def test_captions_are_furniture(line: str) -> None:
    assert is_caption(line)
    assert is_page_furniture(line)


@pytest.mark.parametrize("line", PROSE)
def test_sentences_of_the_story_are_not(line: str) -> None:
    assert not is_page_furniture(line)


def test_a_long_paragraph_starting_like_a_credit_is_prose() -> None:
    long = "Reporting by the geological office showed " + "that the coast moved " * 30 + "."
    assert not is_page_furniture(long)
