"""The divisive check's 2-means and spreads give the same floats and cuts in C and in Python."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.events import cuts, divide, kernels
from tests.helpers import KERNEL_FORMS, kernel_form, python_kernels, require_c_kernels


@pytest.fixture(params=KERNEL_FORMS)
def form(request: pytest.FixtureRequest) -> Iterator[str]:
    with kernel_form(request.param):
        yield request.param


def _outcome(function: object, *args: object) -> object:
    """What ``function(*args)`` returns, or the type of what it raises."""
    try:
        return function(*args)  # type: ignore[operator]
    except (OverflowError, ValueError, ZeroDivisionError) as error:
        return type(error)


def _same(a: object, b: object) -> bool:
    """Equal, NaN equal to NaN and a zero's sign compared too."""
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or (
            a == b and math.copysign(1, a) == math.copysign(1, b)
        )
    return a == b


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.floats(-1e6, 1e6, allow_subnormal=True), max_size=40),
    st.integers(0, 99),
    st.lists(st.sampled_from([math.inf, -math.inf, math.nan, 1e308, -1e308]), max_size=2),
)
def test_fsum_is_pythons(values: list[float], seed: int, special: list[float]) -> None:
    # products that cancel and carry (a large value, its negation, tiny remainders), and now and
    # then infinities, NaNs or an intermediate overflow (Python raises; so must the C form)
    require_c_kernels()
    rng = random.Random(seed)
    values = values + [-v for v in rng.sample(values, len(values) // 3)] + [1e-300, 3.0]
    values += special
    rng.shuffle(values)
    ones = [1.0] * len(values)
    expected = _outcome(math.fsum, values)
    got = _outcome(kernels.native.fsum, np.array(values), np.array(ones))
    assert _same(got, expected)


def test_fsum_of_no_values_and_of_exact_ties() -> None:
    require_c_kernels()
    assert kernels.native.fsum(np.zeros(0), np.zeros(0)) == 0.0
    for values in ([1e-16, 1.0, 1e16], [-0.0], [1e308, 1e308], [math.inf, -math.inf]):
        expected = _outcome(math.fsum, values)
        assert _same(
            _outcome(kernels.native.fsum, np.array(values), np.ones(len(values))), expected
        )


def _unit(seed: int, n: int, width: int) -> list[list[float]]:
    """A cluster's unit vectors over ``width`` terms: exact repeats, members without terms."""
    rng = random.Random(seed)
    rows: list[dict[int, float]] = []
    for _ in range(n):
        if rows and rng.random() < 0.2:
            rows.append(dict(rng.choice(rows)))  # exact ties
        elif rng.random() < 0.1:
            rows.append({})  # a member without specific terms
        else:
            terms = rng.sample(range(width), rng.randint(0, width)) if width else []
            rows.append({t: float(rng.randint(1, 3)) * rng.choice([1.0, 1.7]) for t in terms})
    return divide._unit(rows)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**32), st.integers(0, 30), st.integers(0, 8))
def test_both_forms_give_the_same_reduction(seed: int, n: int, width: int) -> None:
    # no members, a single one, and clusters of up to 30 (the check runs from 2 * MIN_HALF)
    require_c_kernels()
    unit = _unit(seed, n, width)
    compiled = divide._reduction(unit)
    with python_kernels():
        assert divide._reduction(unit) == compiled


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**32), st.integers(0, 12), st.integers(0, 6), st.data())
def test_both_forms_give_the_same_spreads_and_two_means(
    seed: int, n: int, width: int, data: st.DataObject
) -> None:
    # any labels, an empty half too (both forms raise), and other numbers of starts and steps
    require_c_kernels()
    unit = _unit(seed, n, width)
    labels = data.draw(st.lists(st.integers(0, 1), min_size=n, max_size=n))
    seeds, iterations = data.draw(st.integers(-1, 8)), data.draw(st.integers(-1, 4))
    compiled = _outcome(cuts.spreads, unit, labels), cuts.two_means(unit, seeds, iterations, 0.0)
    with python_kernels():
        plain = _outcome(cuts.spreads, unit, labels), cuts.two_means(unit, seeds, iterations, 0.0)
    assert compiled == plain


def test_two_clear_events_are_cut(form: str) -> None:
    rows = [{0: 1.0, 1: 2.0}] * 4 + [{2: 1.0, 3: 1.0}] * 4 + [{0: 1.0, 3: 1.0}]
    unit = divide._unit(rows)
    real, labels = divide._reduction(unit)
    assert labels is not None and labels[:4] == [labels[0]] * 4 and labels[4:8] == [labels[4]] * 4
    assert labels[0] != labels[4] and real > 0
    whole, halves = cuts.spreads(unit, labels)
    assert math.isclose(real, math.log((whole + divide._EPS) / (halves + divide._EPS)))
    assert halves < whole


def test_one_event_is_not_cut_and_an_empty_half_has_no_spread(form: str) -> None:
    unit = divide._unit([{0: 1.0, 1: 1.0}] * 6)
    assert cuts.two_means(unit, divide.SEEDS, 20, divide._EPS) is None
    with pytest.raises(ZeroDivisionError):
        cuts.spreads(unit, [0] * 6)


def test_the_c_form_refuses_bad_arrays() -> None:
    require_c_kernels()
    vectors = np.eye(3)
    assert kernels.native.spreads(vectors, np.array([0, 1, 1])) == cuts.spreads(
        vectors.tolist(), [0, 1, 1]
    )
    with pytest.raises(ValueError):
        kernels.native.spreads(vectors, np.array([0, 2, 1]))  # a label not 0 or 1
    with pytest.raises(ValueError):
        kernels.native.spreads(vectors, np.array([0, 1]))  # a label missing
    with pytest.raises(TypeError):
        kernels.native.two_means(np.eye(3).ravel(), 6, 20, 0.0)  # not 2-d
    with pytest.raises(TypeError):
        kernels.native.two_means(np.eye(4)[:, :2], 6, 20, 0.0)  # not contiguous
    with pytest.raises(TypeError):
        kernels.native.two_means(np.eye(3, dtype=np.float32), 6, 20, 0.0)
