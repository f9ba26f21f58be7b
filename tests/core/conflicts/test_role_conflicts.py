"""Role conflicts (one person, two titles or ranks), and their look-alikes."""

from __future__ import annotations

import pytest

from index.conflicts.detect import detect_text_conflicts
from tests.helpers import conflict_types as types


@pytest.mark.parametrize(
    ("a", "b", "what"),
    [
        (
            "Kremlin spokesman Dmitry Peskov declined to comment on the report.",
            "Kremlin spokeswoman Dmitry Peskov declined to comment on the report.",
            "gendered role",
        ),
        (
            "Dmitry Peskov, the Kremlin spokesman, declined to comment.",
            "Kremlin spokeswoman Dmitry Peskov declined to comment.",
            "gendered role",
        ),
        (
            "First Deputy Foreign Minister Kim Hong-kyun called in the envoy.",
            "Vice Foreign Minister Kim Hong-kyun called in the envoy.",
            "rank",
        ),
        (
            "Deputy Prime Minister Alexander Novak met the delegation.",
            "Prime Minister Alexander Novak met the delegation.",
            "rank",
        ),
        (
            "Foreign Minister Kim called in the envoy.",
            "Defence Minister Kim Hong-kyun called in the envoy.",
            "portfolio",
        ),
    ],
)
def test_role_conflicts(a: str, b: str, what: str) -> None:
    found = detect_text_conflicts(a, b)
    assert [c.type for c in found] == ["role"]
    assert f"({what})" in found[0].explanation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "first vice foreign minister Kim Hong-kyun called in the envoy.",
            "First Deputy Foreign Minister Kim Hong-Kyun called in the envoy.",
        ),
        (
            "Kremlin spokesman Dmitry Peskov declined to comment.",
            "Kremlin spokesperson Dmitriy Peskov declined to comment.",
        ),
        (
            "President Putin spoke to reporters.",
            "Russian President Vladimir Putin spoke to reporters.",
        ),
        (
            "Kremlin aide Dmitry Peskov declined to comment.",
            "Kremlin spokesman Dmitry Peskov declined to comment.",
        ),
        (
            "Kremlin spokesman Dmitry Peskov declined to comment.",
            "Foreign Ministry spokeswoman Maria Zakharova declined to comment.",
        ),
    ],
)
def test_role_lookalikes(a: str, b: str) -> None:
    assert "role" not in types(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "President Zelensky said 1,500 special forces had arrived.",
            "President Zelenskiy said 1,500 special forces had arrived.",
        ),
        ("Zelenskyy thanked the allies on Friday.", "Zelensky thanked the allies on Friday."),
        (
            "First Deputy Foreign Minister Kim Hong-Kyun called in Zinoviev.",
            "First Deputy Foreign Minister Kim Hong-kyun called in Zinovyev.",
        ),
    ],
)
def test_name_spellings_are_not_conflicts(a: str, b: str) -> None:
    assert types(a, b) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Navy spokesman Commander Ravi Menon said the skiffs turned back.",
            "Ravi Menon, a navy spokesman, said the skiffs turned back.",
        ),
        (
            "Lieutenant Colonel Ravi Menon said the skiffs turned back.",
            "Colonel Ravi Menon said the skiffs turned back.",
        ),
        (
            "The club fired president Sam Ortiz last year.",
            "That was former president Sam Ortiz, the club said.",
        ),
        (
            "Captain Lena Roy, Chief Public Relations Officer, said the ship was safe.",
            "Captain Lena Roy, chief PRO, said the ship was safe.",
        ),
    ],
)
def test_role_lookalikes_ranks_times_and_acronyms(a: str, b: str) -> None:
    """A rank and a job are both true of one man; a shorter rank may shorten the longer."""
    assert "role" not in types(a, b)


def test_qualified_title_vs_bare_title() -> None:
    bare = "Judge Ana Lind wrote the opinion for the court."
    presiding = "Presiding Judge Ana Lind wrote the opinion for the court."
    chief = "Chief Judge Ana Lind wrote the opinion for the court."
    assert "role" not in types(bare, presiding)
    assert types(presiding, chief) == ["role"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Navy spokesman Commander Ravi Menon said the skiffs turned back.",
            "Commodore Ravi Menon, a navy spokesman, said the skiffs turned back.",
        ),
        (
            "The owner, CEO Dana Whitlock and the coach met the player.",
            "The owner, COO Dana Whitlock and the coach met the player.",
        ),
    ],
)
def test_two_ranks_or_two_officers_of_one_person_conflict(a: str, b: str) -> None:
    """Commander is not Commodore, a chief executive is not a chief operating officer."""
    assert "role" in types(a, b)
