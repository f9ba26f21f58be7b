"""One person given two first names by two reports, found anywhere (fictional reports)."""

from __future__ import annotations

from index import Article, Event, compare


def _art(aid: str, body: str) -> Article:
    return Article(id=aid, path=aid, title="Comics", body=body, source=aid)


def _actors(a: str, b: str) -> list[tuple[str, str]]:
    x, y = _art("a.txt", a), _art("b.txt", b)
    comparison = compare([x, y], Event(id="ev-1", title="Comics", article_ids=("a.txt", "b.txt")))
    return sorted(
        (c.a.text, c.b.text) for k in comparison.links for c in k.conflicts if c.type == "actor"
    )


FILLER = " ".join(f"Readers in town number {n} queued for hours." for n in range(3))


def test_two_first_names_of_one_creator_conflict() -> None:
    a = "Her face inspired Mara Quist in Hollis Brandt's 1979 strip Skyrunner, a comic series."
    b = f"{FILLER} Wendel Brandt drew Mara Quist in the Skyrunner comic series of the late 1970s."
    assert _actors(a, b) == [("Hollis Brandt", "Wendel Brandt")]


def test_spellings_short_forms_and_two_people_are_no_conflict() -> None:
    base = "drew Mara Quist in the Skyrunner comic series of the late 1970s."
    assert _actors(f"Giannis Brandt {base}", f"{FILLER} Yiannis Brandt {base}") == []
    assert _actors(f"Sam Brandt {base}", f"{FILLER} Samuel Brandt {base}") == []
    # A report that names both brothers writes of two people.
    two = f"Hollis Brandt {base} His brother Wendel helped."
    assert _actors(two, f"{FILLER} Wendel Brandt {base}") == []


def test_one_place_of_a_cast_list_with_two_family_names_conflicts() -> None:
    a = "The sequel Lowtide will be shot in Oslo with Tomas Vik and Sigrid Holm in the lead roles."
    b = f"{FILLER} Tomas Vik and Sigrid Dahl will star in Lowtide, shot in Oslo this spring."
    assert _actors(a, b) == [("Sigrid Holm", "Sigrid Dahl")]


def test_a_given_name_of_two_people_in_other_places_is_no_conflict() -> None:
    # Two Sigrids who are not in the same place of one list: two people
    a = "Sigrid Holm directs the sequel Lowtide, shot in Oslo with Tomas Vik in the lead."
    b = f"{FILLER} Tomas Vik and Sigrid Dahl will star in Lowtide, shot in Oslo this spring."
    assert _actors(a, b) == []
    # A report writing both family names writes of two people
    both = "Tomas Vik and Sigrid Holm star in Lowtide, shot in Oslo; Sigrid Dahl wrote it."
    assert _actors(both, f"{FILLER} Tomas Vik and Sigrid Dahl will star in Lowtide.") == []
