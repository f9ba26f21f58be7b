"""Types of the C extension built from ``c-kernels/`` (the event grouping's compiled kernels)."""

from typing import Any

from numpy.typing import NDArray

# C-contiguous arrays, taken through the buffer protocol: integers of any width, or float64
Buffer = NDArray[Any]

def average_link(
    ptr: Buffer,
    terms: Buffer,
    weights: Buffer,
    codes: Buffer,
    factors: Buffer,
    idf: Buffer,
    norms: Buffer,
    width: int,
    graph_ptr: Buffer,
    graph_cols: Buffer,
    graph_sims: Buffer,
    ratio: float,
    /,
) -> list[list[int]]: ...
def two_means(vectors: Buffer, seeds: int, iterations: int, eps: float, /) -> list[int] | None: ...
def spreads(vectors: Buffer, labels: Buffer, /) -> tuple[float, float]: ...
def candidates(
    part_ptr: Buffer,
    part_cols: Buffer,
    part_vals: Buffer,
    post_ptr: Buffer,
    post_rows: Buffer,
    post_codes: Buffer,
    factors: Buffer,
    idf: Buffer,
    norms: Buffer,
    rows: Buffer,
    m: int,
    out_i: Buffer,
    out_j: Buffer,
    /,
) -> int: ...
def cosines(
    ptr: Buffer,
    terms: Buffer,
    weights: Buffer,
    codes: Buffer,
    factors: Buffer,
    idf: Buffer,
    norms: Buffer,
    lo: Buffer,
    hi: Buffer,
    out: Buffer,
    /,
) -> None: ...
def symmetric(
    i: Buffer, j: Buffer, sims: Buffer, ptr: Buffer, cols: Buffer, out: Buffer, /
) -> int: ...
def fsum(a: Buffer, b: Buffer, /) -> float: ...
