/* The module: its entry points, listed for Python. */
#include "kernels.h"

static PyMethodDef methods[] = {
    {"average_link", link_entry, METH_VARARGS,
     "average_link(ptr, terms, weights, codes, factors, idf, norms, width, graph_ptr, "
     "graph_cols, graph_sims, ratio) -> clusters (lists of rows, by lowest row, members in "
     "merge order)"},
    {"two_means", two_means_entry, METH_VARARGS,
     "two_means(vectors, seeds, iterations, eps) -> labels or None"},
    {"spreads", spreads_entry, METH_VARARGS, "spreads(vectors, labels) -> (whole, halves)"},
    {"candidates", candidates_entry, METH_VARARGS,
     "candidates(part_ptr, part_cols, part_vals, post_ptr, post_rows, post_codes, factors, idf, "
     "norms, rows, m, out_i, out_j) -> how many (row, candidate) pairs were written"},
    {"cosines", cosines_entry, METH_VARARGS,
     "cosines(ptr, terms, weights, codes, factors, idf, norms, lo, hi, out): out[p] = the "
     "cosine of rows lo[p] and hi[p]"},
    {"symmetric", symmetric_entry, METH_VARARGS,
     "symmetric(i, j, sims, ptr, cols, out) -> how many edges: the graph of the edges (i, j) "
     "both ways, into ptr (n + 1) and the first ones of cols and out (2m each)"},
    {"fsum", fsum_entry, METH_VARARGS, "fsum(a, b) -> math.fsum(map(mul, a, b))"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_kernels", "The event grouping's compiled kernels.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__kernels(void) { return PyModule_Create(&module); }
