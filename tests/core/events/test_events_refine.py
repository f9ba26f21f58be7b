"""After a divisive cut, each member ends in the half its full vector links to more."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from index.events.divide import MIN_HALF, dot, refine_halves


def unit(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in vec.values()))
    return {t: w / norm for t, w in vec.items()}


def test_a_member_on_the_wrong_side_moves_to_the_half_it_resembles() -> None:
    # four reports of a ruling issued, four of its reversal; one reversal report starts with the
    # issuing half (as when a shared number pulled it there in the specific-term cut)
    issued = [unit({"issue": 1.0, "rule": 1.0, "kempthorne": 1.0, f"n{i}": 0.5}) for i in range(4)]
    reversed_ = [
        unit({"reverse": 1.0, "rule": 1.0, "salazar": 1.0, f"m{i}": 0.5}) for i in range(5)
    ]
    whole = issued + reversed_
    labels = [0, 0, 0, 0, 0, 1, 1, 1, 1]  # whole[4] is a reversal report labelled 0
    refine_halves(labels, whole)
    assert labels == [0, 0, 0, 0, 1, 1, 1, 1, 1]


def test_correct_halves_are_left_alone() -> None:
    whole = [unit({"a": 1.0, f"x{i}": 0.3}) for i in range(4)]
    whole += [unit({"b": 1.0, f"y{i}": 0.3}) for i in range(4)]
    labels = [0, 0, 0, 0, 1, 1, 1, 1]
    refine_halves(labels, whole)
    assert labels == [0, 0, 0, 0, 1, 1, 1, 1]


def test_a_half_never_drops_below_min_half() -> None:
    # every member of half 0 resembles half 1 more, but half 0 may not shrink under MIN_HALF
    whole = [unit({"b": 1.0, "a": 0.2}) for _ in range(MIN_HALF)]
    whole += [unit({"b": 1.0, f"y{i}": 0.1}) for i in range(4)]
    labels = [0] * MIN_HALF + [1] * 4
    refine_halves(labels, whole)
    assert labels.count(0) == MIN_HALF


def test_a_report_with_no_shared_term_stays_where_it_was() -> None:
    whole = [unit({"a": 1.0}) for _ in range(4)] + [unit({"b": 1.0}) for _ in range(4)] + [{}]
    labels = [0, 0, 0, 0, 1, 1, 1, 1, 1]
    refine_halves(labels, whole)
    assert labels[-1] == 1


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.dictionaries(st.sampled_from("abcdefgh"), st.floats(0.1, 1.0), min_size=1, max_size=4),
        min_size=2 * MIN_HALF,
        max_size=14,
    ),
    st.lists(st.integers(0, 1), min_size=14, max_size=14),
)
def test_the_result_is_a_fixed_point(raw: list[dict[str, float]], start: list[int]) -> None:
    whole = [unit(v) for v in raw]
    n = len(whole)
    labels = [0] * MIN_HALF + [1] * MIN_HALF + start[: n - 2 * MIN_HALF]
    settled = refine_halves(labels, whole)
    assert min(labels.count(0), labels.count(1)) >= MIN_HALF
    if not settled:
        return  # a cycle of moves (test_a_cycle_of_moves_stops): no fixed point to check
    for i in range(n):
        h = labels[i]
        mine = [j for j in range(n) if labels[j] == h and j != i]
        other = [j for j in range(n) if labels[j] != h]
        if len(mine) < MIN_HALF:
            continue  # moving i would leave its half too small
        stay = sum(dot(whole[i], whole[j]) for j in mine) / len(mine)
        move = sum(dot(whole[i], whole[j]) for j in other) / len(other)
        assert move <= stay + 1e-6


def test_a_cycle_of_moves_stops() -> None:
    # a report of only "b" and a mixed report keep trading halves: each move makes the other
    # prefer the half just left; the moves stop where the cycle closes, deterministically
    raw = [{"a": 1.0}] * 3 + [{"b": 1.0}] + [{"f": 1.0}] * 3 + [{"b": 0.5, "f": 1.0, "a": 1.0}]
    whole = [unit(v) for v in raw]
    runs = []
    for _ in range(2):
        labels = [0, 0, 0, 1, 1, 1, 0, 0]
        assert refine_halves(labels, whole) is False
        runs.append(labels)
    assert runs[0] == runs[1]
    assert min(runs[0].count(0), runs[0].count(1)) >= MIN_HALF
    assert runs[0][:3] == [0, 0, 0] and runs[0][4:7] == [1, 1, 1]  # the clear members stay put
