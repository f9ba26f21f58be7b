/* The neighbour graph made symmetric: neighbours.py's ``symmetric``, edge for edge.
 *
 * Each edge (i, j) is held both ways, each row's neighbours ascending, an edge found from both
 * ends held once (its first finding: the Python form's stable sort of the edges, the (i, j)
 * edges before the (j, i) ones). The edges are bucketed by row (a counting sort) and each
 * row's few sorted alone: the Python form sorted all 2m keys, with an order and a copy of
 * them beside (100k: the search's peak).
 */
#include "kernels.h"

typedef struct {
    int64_t col, source;
    double sim;
} Edge;

static int by_col(const void *a, const void *b) {
    const Edge *x = a, *y = b;
    if (x->col != y->col) return x->col < y->col ? -1 : 1;
    return (x->source > y->source) - (x->source < y->source);
}

PyObject *symmetric_entry(PyObject *self, PyObject *args) {
    (void)self;
    enum { I, J, SIMS, PTR, COLS, OUT, COUNT };
    static const char *names[COUNT] = {"i", "j", "sims", "ptr", "cols", "out"};
    static const int floats[COUNT] = {0, 0, 1, 0, 0, 1};
    PyObject *o[COUNT], *result = NULL;
    if (!PyArg_ParseTuple(args, "OOOOOO:symmetric", &o[I], &o[J], &o[SIMS], &o[PTR], &o[COLS],
                          &o[OUT]))
        return NULL;
    Array a[COUNT];
    memset(a, 0, sizeof(a));
    int64_t *at_row = NULL;
    Edge *row = NULL;
    for (int k = 0; k < COUNT; k++) {
        int out = k >= PTR;
        if ((out ? array_take_out : array_take)(o[k], &a[k], floats[k], 1, names[k]) < 0)
            goto done;
        if (out && k != OUT && a[k].kind != I64) {
            PyErr_Format(PyExc_TypeError, "%s: an int64 array is needed", names[k]);
            goto done;
        }
    }
    int64_t m = a[I].len, n = a[PTR].len - 1;
    if (n < 0 || a[J].len != m || a[SIMS].len != m || a[COLS].len != 2 * m ||
        a[OUT].len != 2 * m) {
        PyErr_SetString(PyExc_ValueError, "symmetric: the arrays' lengths do not agree");
        goto done;
    }
    if (array_in_range(&a[I], m, 0, n, "i") < 0 || array_in_range(&a[J], m, 0, n, "j") < 0)
        goto done;
    int64_t *ptr = a[PTR].view.buf, *cols = a[COLS].view.buf, widest = 0, kept = 0;
    double *out = a[OUT].view.buf;
    const double *sims = a[SIMS].view.buf;
    if (!(at_row = NEW(int64_t, n))) {
        PyErr_NoMemory();
        goto done;
    }
    Py_BEGIN_ALLOW_THREADS
    memset(ptr, 0, sizeof(int64_t) * (size_t)(n + 1));
    for (int64_t e = 0; e < m; e++) ptr[at(&a[I], e) + 1]++, ptr[at(&a[J], e) + 1]++;
    for (int64_t r = 0; r < n; r++) {
        widest = ptr[r + 1] > widest ? ptr[r + 1] : widest;
        ptr[r + 1] += ptr[r];
        at_row[r] = ptr[r];
    }
    /* each edge's two ends; its source (its place among the 2m edges) in ``out`` for now */
    for (int64_t e = 0; e < m; e++) {
        int64_t i = at(&a[I], e), j = at(&a[J], e);
        cols[at_row[i]] = j, out[at_row[i]++] = (double)e;
        cols[at_row[j]] = i, out[at_row[j]++] = (double)(m + e);
    }
    Py_END_ALLOW_THREADS
    if (!(row = NEW(Edge, widest))) {
        PyErr_NoMemory();
        goto done;
    }
    Py_BEGIN_ALLOW_THREADS
    /* each row sorted alone, its repeats dropped, written back from ``kept`` on (never past
     * where its edges were read) */
    for (int64_t r = 0, start = 0; r < n; r++) {
        int64_t end = ptr[r + 1], count = end - start;
        for (int64_t e = 0; e < count; e++) {
            int64_t source = (int64_t)out[start + e];
            row[e] = (Edge){cols[start + e], source, sims[source < m ? source : source - m]};
        }
        qsort(row, (size_t)count, sizeof(Edge), by_col);
        ptr[r] = kept;
        for (int64_t e = 0; e < count; e++)
            if (e == 0 || row[e].col != row[e - 1].col)
                cols[kept] = row[e].col, out[kept++] = row[e].sim;
        start = end;
    }
    ptr[n] = kept;
    Py_END_ALLOW_THREADS
    result = PyLong_FromLongLong(kept);
done:
    for (int k = 0; k < COUNT; k++) array_release(&a[k]);
    free(at_row), free(row);
    return result;
}
