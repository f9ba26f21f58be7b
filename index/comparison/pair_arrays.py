"""Cosines of passage pairs computed in arrays (numpy, scipy.sparse): concepts and char grams."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse

from index.base.cancel import checkpoint

# Rows of concept cosines are multiplied this many (row, passage) cells at a time: a huge
# article's pairs are never all held at once.
BLOCK_CELLS = 1 << 21
# pair_cosines multiplies all rows by all when the result has at most this many cells and the
# product this many multiplications; else it multiplies the two rows of each pair.
PRODUCT_CELLS = 1 << 20
PRODUCT_WORK = 1 << 23
_SEPARATOR = ord("\n")  # never in a normalised text (lowercase ASCII words and spaces)
_SIZES = (3, 4, 5)  # gram lengths, as passage_terms.char_grams
_ROW_SHIFT = 40  # a gram of 5 ASCII bytes fits in 35 bits; its text's row goes above


def concept_matrix(vectors: Sequence[Mapping[str, float]]) -> sparse.csr_matrix:
    """The vectors as rows, a column per term in order of first use (each row's terms sorted so:
    every cosine then sums its products in that order, one float whichever side computes it)."""
    column: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for vec in vectors:
        indices.extend(column.setdefault(term, len(column)) for term in vec)
        data.extend(vec.values())
        indptr.append(len(indices))
    matrix = sparse.csr_matrix(
        (np.asarray(data, dtype=np.float64), indices, indptr), shape=(len(vectors), len(column))
    )
    matrix.sort_indices()
    return matrix


Pairs = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]


def top_per_group(
    row: npt.NDArray[np.int64],
    col: npt.NDArray[np.int64],
    value: npt.NDArray[np.float64],
    group: npt.NDArray[np.int64],
    keep: int,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Of entries given in (row, col) order, each row's ``keep`` best against each group of
    columns (higher value first, then the lower col): their positions in the input, by row,
    group and rank, and each one's rank (0 = best)."""
    # Two stable sorts: by value, then by (row, group); equal values stay in col order.
    by_value = np.argsort(-value, kind="stable")
    key = row * (int(group.max()) + 1 if len(group) else 1) + group[col]
    order = by_value[np.argsort(key[by_value], kind="stable")]
    starts = np.ones(len(order), dtype=bool)
    starts[1:] = key[order][1:] != key[order][:-1]
    at = np.arange(len(order))
    rank = at - np.maximum.accumulate(np.where(starts, at, 0))
    top = rank < keep
    return order[top], rank[top]


def best_pairs(
    matrix: sparse.csr_matrix, groups: Sequence[int], cap: int, minimum: float, keep: int
) -> Pairs:
    """Cosines of at least ``minimum`` between rows i < j of different groups that share a term
    of at most ``cap`` rows; of those, only the ``keep`` best of either row against the other's
    group (higher cosine first, then the lower partner): (i, j, cosine) arrays in (i, j) order.
    Terms in more rows pair nothing but count in the cosine of the pairs found."""
    n = matrix.shape[0]
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    common = df > cap
    rare, heavy = matrix, None
    if common.any():  # never on an ordinary event: no term is that common there
        rare, heavy = matrix[:, ~common], matrix[:, common]
    group = np.asarray(groups, dtype=np.int64)
    columns = rare.T.tocsr()
    step = max(1, BLOCK_CELLS // max(n, 1))
    firsts: list[npt.NDArray[np.int64]] = [np.zeros(0, dtype=np.int64)]
    seconds: list[npt.NDArray[np.int64]] = [np.zeros(0, dtype=np.int64)]
    values: list[npt.NDArray[np.float64]] = [np.zeros(0, dtype=np.float64)]
    for start in range(0, n, step):
        checkpoint()
        product = rare[start : start + step] @ columns
        product.sort_indices()  # (row, col) order, as top_per_group wants
        block = product.tocoo()
        row = block.row.astype(np.int64) + start
        col = block.col.astype(np.int64)
        value = block.data
        if heavy is not None and len(row):
            value = value + pair_cosines(heavy, row, col)
        ok = (group[row] != group[col]) & (value >= minimum)
        row, col, value = row[ok], col[ok], value[ok]
        top, _rank = top_per_group(row, col, value, group, keep)
        firsts.append(np.minimum(row, col)[top])
        seconds.append(np.maximum(row, col)[top])
        values.append(value[top])
    first, second, value = np.concatenate(firsts), np.concatenate(seconds), np.concatenate(values)
    # A pair kept from both sides once, in (i, j) order (both sides computed the same float).
    unique = np.unique(first * max(n, 1) + second, return_index=True)[1]
    return first[unique], second[unique], value[unique]


def _gram_keys(texts: Sequence[str]) -> npt.NDArray[np.uint64]:
    """(row << _ROW_SHIFT) | gram code for every 3-, 4- and 5-gram occurrence of every padded
    text (f" {text} ", as char_grams). Normalised text is ASCII, so a byte is a character and a
    gram of n bytes is an n-byte integer; grams of different lengths never share a code, as no
    byte is zero."""
    joined = "\n".join(f" {t} " for t in texts).encode("ascii")
    data = np.frombuffer(joined, dtype=np.uint8).astype(np.uint64)
    padded = np.fromiter((len(t) + 3 for t in texts), dtype=np.int64, count=len(texts))
    rows = np.repeat(np.arange(len(texts), dtype=np.uint64), padded)[: len(data)]
    seps = np.concatenate(([0], np.cumsum(data == _SEPARATOR)))
    keys = []
    for n in _SIZES:
        m = len(data) - n + 1
        if m <= 0:
            continue
        code = data[:m].copy()
        for k in range(1, n):
            code <<= np.uint64(8)
            code |= data[k : k + m]
        clean = seps[n : n + m] == seps[:m]  # no separator inside the window
        keys.append((rows[:m][clean] << np.uint64(_ROW_SHIFT)) | code[clean])
    return np.concatenate(keys) if keys else np.zeros(0, dtype=np.uint64)


def gram_matrix(
    texts: Sequence[str], passages: Sequence[int], counted: Sequence[int]
) -> sparse.csr_matrix:
    """Unit-length character-gram TF-IDF rows of distinct ``texts`` (sublinear TF, smoothed
    IDF), where ``passages[t]`` passages have text t and ``counted[t]`` of them make the
    document frequencies (the same weights as alignment._unit over every passage)."""
    uniq, tf = np.unique(_gram_keys(texts), return_counts=True)
    rows = (uniq >> np.uint64(_ROW_SHIFT)).astype(np.int64)
    codes, cols = np.unique(uniq & np.uint64((1 << _ROW_SHIFT) - 1), return_inverse=True)
    cols = cols.reshape(-1)
    per_text = np.asarray(passages, dtype=np.float64)
    per_counted = np.asarray(counted, dtype=np.float64)
    df = np.bincount(cols, weights=per_text[rows], minlength=len(codes))
    counted_df = np.bincount(cols, weights=per_counted[rows], minlength=len(codes))
    idf = np.log((1.0 + per_counted.sum()) / (1.0 + counted_df)) + 1.0
    weights = idf[cols] * np.where(tf == 1, 1.0, 1.0 + np.log(tf))
    norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=len(texts)))
    weights /= np.where(norms > 0, norms, 1.0)[rows]
    # A gram of one passage adds nothing to a dot product: left out once the norms are made.
    shared = df[cols] > 1
    rows, cols, weights = rows[shared], cols[shared], weights[shared]
    indptr = np.concatenate(([0], np.cumsum(np.bincount(rows, minlength=len(texts)))))
    return sparse.csr_matrix((weights, cols, indptr), shape=(len(texts), len(codes)))


def pair_cosines(
    matrix: sparse.csr_matrix,
    left: Sequence[int] | npt.NDArray[np.int64],
    right: Sequence[int] | npt.NDArray[np.int64],
    other: sparse.csr_matrix | None = None,
) -> npt.NDArray[np.float64]:
    """The dot product of row left[k] of ``matrix`` and row right[k] of ``other`` (by default
    ``matrix`` itself: the cosine of two unit rows), for every k."""
    if not len(left):
        return np.zeros(0, dtype=np.float64)
    other = matrix if other is None else other
    at_left, at_right = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
    rows = matrix.shape[0]
    # Every product at once when that is small (an ordinary event: a few hundred rows): one
    # sparse product, no copy of each pair's two rows.
    products = np.bincount(matrix.indices, minlength=matrix.shape[1]) @ np.bincount(
        other.indices, minlength=other.shape[1]
    )
    if rows * other.shape[0] <= PRODUCT_CELLS and products <= PRODUCT_WORK:
        return np.asarray((matrix @ other.T).toarray()[at_left, at_right], dtype=np.float64)
    a, b = matrix[at_left], other[at_right]
    return np.asarray(a.multiply(b).sum(axis=1), dtype=np.float64).reshape(-1)
