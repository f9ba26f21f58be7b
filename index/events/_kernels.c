/* The event grouping's compiled kernels: the average-link merge loop and the divisive check's
 * 2-means and spreads (index/events/kernels.py chooses them; linkage.py and cuts.py hold the
 * Python forms they must equal).
 *
 * Every float is made by the operations of the Python forms, in the same order: IEEE double
 * additions, products and quotients (built with -ffp-contract=off, never -ffast-math: a fused
 * multiply-add rounds once where Python rounds twice), and the divisive check's dots by CPython's
 * own math.fsum algorithm. So the clusters are the same to the last bit.
 *
 * Arrays come through the buffer protocol (numpy's integer types of any width, float64), are
 * checked at the boundary (types, lengths, index bounds, a symmetric graph: bad input raises
 * ValueError or TypeError), and the loops run without the GIL: the caller must not change the
 * arrays meanwhile (numpy arrays cannot be resized while their buffer is held).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- arrays through the buffer protocol ---- */

enum { I8, U8, I16, U16, I32, U32, I64, U64, F64 };

typedef struct {
    Py_buffer view;
    int kind;
    Py_ssize_t len;
    int held;
} Array;

static void release(Array *a) {
    if (a->held) PyBuffer_Release(&a->view);
    a->held = 0;
}

/* A C-contiguous array of ``ndim`` dimensions: integers of any width when ``floats`` is 0,
 * float64 when it is 1. */
static int take(PyObject *obj, Array *a, int floats, int ndim, const char *name) {
    memset(a, 0, sizeof(*a));
    if (PyObject_GetBuffer(obj, &a->view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0) {
        PyErr_Format(PyExc_TypeError, "%s: a C-contiguous array is needed", name);
        return -1;
    }
    a->held = 1;
    const char *f = a->view.format ? a->view.format : "B";
    if (*f == '@' || *f == '=' || *f == '<') f++;  /* native or little-endian (x86, arm) */
    int size = (int)a->view.itemsize, kind = -1;
    if (f[0] && !f[1]) {
        if (f[0] == 'd' && size == 8) kind = F64;
        else if (strchr("bhilqn", f[0]) && (size == 1 || size == 2 || size == 4 || size == 8))
            kind = size == 1 ? I8 : size == 2 ? I16 : size == 4 ? I32 : I64;
        else if (strchr("BHILQN", f[0]) && (size == 1 || size == 2 || size == 4 || size == 8))
            kind = size == 1 ? U8 : size == 2 ? U16 : size == 4 ? U32 : U64;
    }
    if (kind < 0 || (floats != (kind == F64)) || a->view.ndim != ndim) {
        PyErr_Format(PyExc_TypeError, "%s: a %d-d array of %s is needed", name, ndim,
                     floats ? "float64" : "integers");
        release(a);
        return -1;
    }
    a->kind = kind;
    a->len = ndim ? a->view.shape[0] : 1;
    return 0;
}

static inline int64_t at(const Array *a, int64_t i) {
    const void *p = a->view.buf;
    switch (a->kind) {
    case I8: return ((const int8_t *)p)[i];
    case U8: return ((const uint8_t *)p)[i];
    case I16: return ((const int16_t *)p)[i];
    case U16: return ((const uint16_t *)p)[i];
    case I32: return ((const int32_t *)p)[i];
    case U32: return ((const uint32_t *)p)[i];
    case I64: return ((const int64_t *)p)[i];
    default: {
        uint64_t v = ((const uint64_t *)p)[i];
        return v > (uint64_t)INT64_MAX ? -1 : (int64_t)v;
    }
    }
}

/* Every value of ``a``'s first ``len`` in [lo, hi). */
static int in_range(const Array *a, int64_t len, int64_t lo, int64_t hi, const char *name) {
    for (int64_t i = 0; i < len; i++) {
        int64_t v = at(a, i);
        if (v < lo || v >= hi) {
            PyErr_Format(PyExc_ValueError, "%s[%lld] = %lld is out of range [%lld, %lld)", name,
                         (long long)i, (long long)v, (long long)lo, (long long)hi);
            return -1;
        }
    }
    return 0;
}

#define NEW(type, count) ((type *)malloc(sizeof(type) * (size_t)((count) > 0 ? (count) : 1)))

/* ---- the average-link merge loop: linkage.py's Python form, float for float ---- */

/* The rows of the matrix and each cluster's members (a linked list through ``after``). */
typedef struct {
    const int64_t *ptr; /* row m's entries: ptr[m] .. ptr[m + 1] */
    const Array *terms, *codes;
    const double *weights; /* the kept weights, or NULL: made from the codes */
    const double *factors, *idf, *norms;
    double *dense;
    int64_t *first, *after;
} Rows;

static inline double weight(const Rows *r, int64_t e, int64_t t, int64_t m) {
    if (r->weights) return r->weights[e];
    return r->factors[at(r->codes, e)] * r->idf[t] / r->norms[m]; /* as Matrix.weights */
}

/* out[u] = sum(held) . sum(groups[u]), as Sums.dots makes it: the held cluster's rows added
 * member after member into ``dense``, then each group's products summed member after member,
 * entry after entry (bincount's order). */
static void dots(Rows *r, int64_t held, const int64_t *groups, int64_t count, double *out) {
    double *dense = r->dense;
    for (int64_t m = r->first[held]; m >= 0; m = r->after[m])
        for (int64_t e = r->ptr[m]; e < r->ptr[m + 1]; e++) {
            int64_t t = at(r->terms, e);
            dense[t] += weight(r, e, t, m);
        }
    for (int64_t u = 0; u < count; u++) {
        double total = 0.0;
        for (int64_t m = r->first[groups[u]]; m >= 0; m = r->after[m])
            for (int64_t e = r->ptr[m]; e < r->ptr[m + 1]; e++) {
                int64_t t = at(r->terms, e);
                double w = weight(r, e, t, m);
                total += dense[t] * w;
            }
        out[u] = total;
    }
    for (int64_t m = r->first[held]; m >= 0; m = r->after[m])
        for (int64_t e = r->ptr[m]; e < r->ptr[m + 1]; e++) dense[at(r->terms, e)] = 0.0;
}

/* A min-heap of (key, lo, hi) triples, ordered as Python orders the tuples. */
typedef struct {
    double *keys;
    int64_t *lo, *hi;
    int64_t size, cap;
} Heap;

static inline int before(double ka, int64_t ia, int64_t ja, double kb, int64_t ib, int64_t jb) {
    if (ka != kb) return ka < kb;
    if (ia != ib) return ia < ib;
    return ja < jb;
}

static void sift_down(Heap *h, int64_t i) {
    double k = h->keys[i];
    int64_t a = h->lo[i], b = h->hi[i];
    for (;;) {
        int64_t child = 2 * i + 1, right = child + 1;
        if (child >= h->size) break;
        if (right < h->size && before(h->keys[right], h->lo[right], h->hi[right],
                                      h->keys[child], h->lo[child], h->hi[child]))
            child = right;
        if (!before(h->keys[child], h->lo[child], h->hi[child], k, a, b)) break;
        h->keys[i] = h->keys[child], h->lo[i] = h->lo[child], h->hi[i] = h->hi[child];
        i = child;
    }
    h->keys[i] = k, h->lo[i] = a, h->hi[i] = b;
}

static int push(Heap *h, double k, int64_t a, int64_t b) {
    if (h->size == h->cap) {
        int64_t cap = 2 * h->cap + 16;
        double *keys = realloc(h->keys, sizeof(double) * (size_t)cap);
        if (keys) h->keys = keys;
        int64_t *lo = keys ? realloc(h->lo, sizeof(int64_t) * (size_t)cap) : NULL;
        if (lo) h->lo = lo;
        int64_t *hi = lo ? realloc(h->hi, sizeof(int64_t) * (size_t)cap) : NULL;
        if (!hi) return -1;
        h->hi = hi, h->cap = cap;
    }
    int64_t i = h->size++;
    while (i > 0) { /* sift up */
        int64_t parent = (i - 1) / 2;
        if (!before(k, a, b, h->keys[parent], h->lo[parent], h->hi[parent])) break;
        h->keys[i] = h->keys[parent], h->lo[i] = h->lo[parent], h->hi[i] = h->hi[parent];
        i = parent;
    }
    h->keys[i] = k, h->lo[i] = a, h->hi[i] = b;
    return 0;
}

/* Each cluster's neighbouring clusters, ascending, with their cross sums: row[i][0 .. count[i]],
 * in a block of room[i] entries of its own. Small blocks, not one pool: the allocator places
 * them in the free space the neighbour search left (one large array would add its whole size
 * to the process's memory). */
typedef struct {
    int64_t col;
    double sim;
} Entry;

typedef struct {
    Entry **row;
    int64_t *count, *room;
} Lists;

/* The position of the first of e[0 .. count] (ascending) not below x. */
static inline int64_t find(const Entry *e, int64_t count, int64_t x) {
    int64_t a = 0, b = count;
    while (a < b) {
        int64_t mid = (a + b) / 2;
        if (e[mid].col < x) a = mid + 1;
        else b = mid;
    }
    return a;
}

/* Take x out of row's neighbours (it is there: the graph is symmetric). */
static void take_out(Lists *l, int64_t row, int64_t x) {
    Entry *e = l->row[row];
    int64_t c = l->count[row];
    for (int64_t i = find(e, c, x); i < c - 1; i++) e[i] = e[i + 1];
    l->count[row] = c - 1;
}

/* Set row's cross sum with x, adding x if it is not there (room is: one was just taken out). */
static void put(Lists *l, int64_t row, int64_t x, double value) {
    Entry *e = l->row[row];
    int64_t c = l->count[row], i = find(e, c, x);
    if (i < c && e[i].col == x) {
        e[i].sim = value;
        return;
    }
    for (int64_t k = c; k > i; k--) e[k] = e[k - 1];
    e[i].col = x, e[i].sim = value;
    l->count[row] = c + 1;
}

/* One merge's scratch: the union of both parts' neighbours and their cross sums. */
typedef struct {
    int64_t *cols, *groups;
    double *mine, *theirs, *found, *total;
    int8_t *side;
    int64_t cap;
} Union;

static int fit(Union *u, int64_t need) {
    if (need <= u->cap) return 0;
    int64_t cap = need > 2 * u->cap ? need : 2 * u->cap;
    free(u->cols), free(u->groups), free(u->mine), free(u->theirs), free(u->found);
    free(u->total), free(u->side);
    u->cols = NEW(int64_t, cap), u->groups = NEW(int64_t, cap), u->mine = NEW(double, cap);
    u->theirs = NEW(double, cap), u->found = NEW(double, cap), u->total = NEW(double, cap);
    u->side = NEW(int8_t, cap);
    u->cap = cap;
    if (u->cols && u->groups && u->mine && u->theirs && u->found && u->total && u->side) return 0;
    u->cap = 0;
    return -1;
}

static inline double bar(double ratio, const double *cohesion, int64_t i, int64_t j) {
    return ratio * (cohesion[i] + cohesion[j]) / 2;
}

/* The merge loop over n rows (lists filled from the graph); -1 when memory ran out. */
static int merge(Rows *r, Lists *l, Heap *h, Union *un, int64_t n, double ratio, int64_t *size,
                 int64_t *last, double *cohesion, double *inside) {
    int64_t *count = l->count, *room = l->room;
    for (int64_t i = 0; i < n; i++) {
        cohesion[i] = 0.0;
        if (count[i]) {
            double best = l->row[i][0].sim;
            for (int64_t e = 1; e < count[i]; e++)
                if (l->row[i][e].sim > best) best = l->row[i][e].sim;
            cohesion[i] = best;
        }
    }
    for (int64_t i = 0; i < n; i++) r->first[i] = last[i] = i, r->after[i] = -1, size[i] = 1;
    /* the heap of (-link, i, j); refused pairs are not pushed */
    int64_t pairs = 0;
    for (int64_t i = 0; i < n; i++)
        for (int64_t e = 0; e < count[i]; e++)
            pairs += i < l->row[i][e].col && l->row[i][e].sim >= bar(ratio, cohesion, i,
                                                                     l->row[i][e].col);
    h->cap = pairs + 16;
    h->keys = NEW(double, h->cap), h->lo = NEW(int64_t, h->cap), h->hi = NEW(int64_t, h->cap);
    if (!h->keys || !h->lo || !h->hi) return -1;
    for (int64_t i = 0; i < n; i++)
        for (int64_t e = 0; e < count[i]; e++) {
            int64_t j = l->row[i][e].col;
            double sim = l->row[i][e].sim;
            if (i < j && sim >= bar(ratio, cohesion, i, j)) {
                h->keys[h->size] = -sim, h->lo[h->size] = i, h->hi[h->size] = j;
                h->size++;
            }
        }
    for (int64_t i = h->size / 2 - 1; i >= 0; i--) sift_down(h, i);
    while (h->size) {
        double neg = h->keys[0];
        int64_t a = h->lo[0], b = h->hi[0];
        h->size--;
        if (h->size) {
            h->keys[0] = h->keys[h->size], h->lo[0] = h->lo[h->size], h->hi[0] = h->hi[h->size];
            sift_down(h, 0);
        }
        int64_t i = find(l->row[a], count[a], b);
        if (i == count[a] || l->row[a][i].col != b) continue; /* merged away, or no longer
                                                                 neighbours */
        double cross = l->row[a][i].sim;
        if (cross / (double)(size[a] * size[b]) != -neg) continue; /* a newer entry is queued */
        if (-neg < bar(ratio, cohesion, a, b)) continue;            /* refused for now */
        int64_t keep = a, gone = b; /* a < b */
        const Entry *ke = l->row[keep], *ge = l->row[gone];
        int64_t kc = count[keep], gc = count[gone];
        if (fit(un, kc + gc) < 0) return -1;
        /* the union of both parts' neighbours, ascending: side 1 keep's only, 2 gone's, 3 both */
        int64_t x = 0, y = 0, u = 0;
        while (x < kc || y < gc) {
            int64_t cx = x < kc ? ke[x].col : n, cy = y < gc ? ge[y].col : n;
            if (cx == gone) x++;
            else if (cy == keep) y++;
            else if (cx < cy) {
                un->cols[u] = cx, un->mine[u] = ke[x].sim, un->side[u] = 1;
                x++, u++;
            } else if (cy < cx) {
                un->cols[u] = cy, un->theirs[u] = ge[y].sim, un->side[u] = 2;
                y++, u++;
            } else {
                un->cols[u] = cx, un->mine[u] = ke[x].sim, un->theirs[u] = ge[y].sim;
                un->side[u] = 3;
                x++, y++, u++;
            }
        }
        /* a neighbour of one part only: its cross sum with the other part, from the rows */
        for (int other = 1; other <= 2; other++) {
            int64_t g = 0;
            for (int64_t v = 0; v < u; v++)
                if (un->side[v] == other) un->groups[g++] = un->cols[v];
            if (!g) continue;
            dots(r, other == 1 ? gone : keep, un->groups, g, un->found);
            g = 0;
            for (int64_t v = 0; v < u; v++)
                if (un->side[v] == other) (other == 1 ? un->theirs : un->mine)[v] = un->found[g++];
        }
        for (int64_t v = 0; v < u; v++) un->total[v] = un->mine[v] + un->theirs[v];
        for (int64_t v = 0; v < u; v++) {
            if (un->side[v] != 1) take_out(l, un->cols[v], gone);
            put(l, un->cols[v], keep, un->total[v]);
        }
        inside[keep] += inside[gone] + cross;
        r->after[last[keep]] = r->first[gone];
        last[keep] = last[gone];
        size[keep] += size[gone];
        size[gone] = 0;
        count[gone] = room[gone] = 0;
        free(l->row[gone]);
        l->row[gone] = NULL;
        int64_t s = size[keep];
        cohesion[keep] = 2 * inside[keep] / (double)(s * (s - 1));
        if (u > room[keep]) {
            Entry *grown = realloc(l->row[keep], sizeof(Entry) * (size_t)(2 * u));
            if (!grown) return -1;
            l->row[keep] = grown, room[keep] = 2 * u;
        }
        for (int64_t v = 0; v < u; v++) l->row[keep][v].col = un->cols[v];
        for (int64_t v = 0; v < u; v++) l->row[keep][v].sim = un->total[v];
        count[keep] = u;
        for (int64_t v = 0; v < u; v++) {
            int64_t c = un->cols[v];
            double link = un->total[v] / (double)(s * size[c]);
            if (link >= bar(ratio, cohesion, keep, c) &&
                push(h, -link, c < keep ? c : keep, c < keep ? keep : c) < 0)
                return -1;
        }
    }
    return 0;
}

/* ptr's values as int64: from ``lo``, never decreasing, the last ``last`` (or at most ``-last``
 * when ``last`` is negative). */
static int64_t *offsets(const Array *a, int64_t lo, int64_t last, const char *name) {
    int64_t *out = NEW(int64_t, a->len);
    if (!out) return (int64_t *)PyErr_NoMemory();
    for (int64_t i = 0; i < a->len; i++) {
        out[i] = at(a, i);
        if (out[i] < (i ? out[i - 1] : lo) || (i == a->len - 1 && (last >= 0 ? out[i] != last
                                                                          : out[i] > -last))) {
            PyErr_Format(PyExc_ValueError, "%s: offsets must rise from %lld to %s%lld", name,
                         (long long)lo, last >= 0 ? "" : "at most ", (long long)llabs(last));
            free(out);
            return NULL;
        }
    }
    return out;
}

/* Each row's neighbours strictly ascending, in range, no row its own, every edge both ways. */
static int check_graph(const Lists *l, int64_t n) {
    for (int64_t i = 0; i < n; i++)
        for (int64_t e = 0; e < l->count[i]; e++) {
            int64_t j = l->row[i][e].col;
            int ok = j >= 0 && j < n && j != i && (e == 0 || l->row[i][e - 1].col < j);
            if (ok) {
                int64_t back = find(l->row[j], l->count[j], i);
                ok = back < l->count[j] && l->row[j][back].col == i;
            }
            if (!ok) {
                PyErr_Format(PyExc_ValueError, "graph: row %lld's neighbour %lld is out of range, "
                             "out of order, itself or one-sided", (long long)i, (long long)j);
                return -1;
            }
        }
    return 0;
}

static PyObject *link_entry(PyObject *self, PyObject *args) {
    (void)self;
    enum { PTR, TERMS, WEIGHTS, CODES, FACTORS, IDF, NORMS, GPTR, GCOLS, GSIMS, COUNT };
    static const char *names[COUNT] = {"ptr", "terms", "weights", "codes", "factors",
                                        "idf", "norms", "graph_ptr", "graph_cols", "graph_sims"};
    static const int floats[COUNT] = {0, 0, 1, 0, 1, 1, 1, 0, 0, 1};
    PyObject *o[COUNT];
    Py_ssize_t width;
    double ratio;
    if (!PyArg_ParseTuple(args, "OOOOOOOnOOOd:average_link", &o[PTR], &o[TERMS], &o[WEIGHTS],
                          &o[CODES], &o[FACTORS], &o[IDF], &o[NORMS], &width, &o[GPTR],
                          &o[GCOLS], &o[GSIMS], &ratio))
        return NULL;
    Array a[COUNT];
    memset(a, 0, sizeof(a));
    PyObject *result = NULL;
    int64_t *rowptr = NULL, *gptr = NULL, *size = NULL, *last = NULL;
    double *cohesion = NULL, *inside = NULL;
    Rows r = {0};
    Lists l = {0};
    Heap h = {0};
    Union un = {0};
    for (int k = 0; k < COUNT; k++)
        if (take(o[k], &a[k], floats[k], 1, names[k]) < 0) goto done;
    if (a[PTR].len < 1 || width < 0) {
        PyErr_SetString(PyExc_ValueError, "ptr: at least one offset; width: not negative");
        goto done;
    }
    int64_t n = a[PTR].len - 1;
    if (!(rowptr = offsets(&a[PTR], 0, -(int64_t)a[TERMS].len, "ptr"))) goto done;
    int64_t entries = rowptr[n];
    int kept = a[WEIGHTS].len > 0;
    int64_t limit = width;
    if (kept && a[WEIGHTS].len < entries) {
        PyErr_SetString(PyExc_ValueError, "weights: fewer than the entries");
        goto done;
    }
    if (!kept) {
        if (a[CODES].len < entries || a[NORMS].len < n) {
            PyErr_SetString(PyExc_ValueError, "codes or norms: fewer than the entries or rows");
            goto done;
        }
        if (in_range(&a[CODES], entries, 0, a[FACTORS].len, "codes") < 0) goto done;
        if (a[IDF].len < limit) limit = a[IDF].len;
    }
    if (in_range(&a[TERMS], entries, 0, limit, "terms") < 0) goto done;
    if (a[GPTR].len != n + 1 || a[GSIMS].len != a[GCOLS].len) {
        PyErr_SetString(PyExc_ValueError, "graph: one offset per row and one more, a cosine per "
                                          "neighbour");
        goto done;
    }
    if (!(gptr = offsets(&a[GPTR], 0, a[GCOLS].len, "graph_ptr"))) goto done;
    l.row = calloc((size_t)n + 1, sizeof(Entry *));
    l.count = NEW(int64_t, n), l.room = NEW(int64_t, n);
    r.first = NEW(int64_t, n), r.after = NEW(int64_t, n), r.dense = calloc((size_t)width + 1, 8);
    size = NEW(int64_t, n), last = NEW(int64_t, n);
    cohesion = NEW(double, n), inside = calloc((size_t)n + 1, sizeof(double));
    if (!l.row || !l.count || !l.room || !r.first || !r.after ||
        !r.dense || !size || !last || !cohesion || !inside) {
        PyErr_NoMemory();
        goto done;
    }
    const double *gsims = a[GSIMS].view.buf;
    for (int64_t i = 0; i < n; i++) {
        int64_t c = l.count[i] = l.room[i] = gptr[i + 1] - gptr[i];
        if (c && !(l.row[i] = NEW(Entry, c))) {
            PyErr_NoMemory();
            goto done;
        }
        for (int64_t e = 0; e < c; e++)
            l.row[i][e].col = at(&a[GCOLS], gptr[i] + e), l.row[i][e].sim = gsims[gptr[i] + e];
    }
    if (check_graph(&l, n) < 0) goto done;
    r.ptr = rowptr, r.terms = &a[TERMS], r.codes = &a[CODES];
    r.weights = kept ? (const double *)a[WEIGHTS].view.buf : NULL;
    r.factors = a[FACTORS].view.buf, r.idf = a[IDF].view.buf, r.norms = a[NORMS].view.buf;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = merge(&r, &l, &h, &un, n, ratio, size, last, cohesion, inside);
    Py_END_ALLOW_THREADS
    if (rc < 0) {
        PyErr_NoMemory();
        goto done;
    }
    /* the clusters by their lowest row (the one that kept the cluster's place), each one's
     * members in merge order */
    if (!(result = PyList_New(0))) goto done;
    for (int64_t i = 0; i < n; i++) {
        if (!size[i]) continue;
        PyObject *members = PyList_New(size[i]);
        if (!members || PyList_Append(result, members) < 0) {
            Py_XDECREF(members);
            Py_CLEAR(result);
            goto done;
        }
        Py_DECREF(members);
        Py_ssize_t k = 0;
        for (int64_t m = r.first[i]; m >= 0; m = r.after[m]) {
            PyObject *row = PyLong_FromLongLong(m);
            if (!row) {
                Py_CLEAR(result);
                goto done;
            }
            PyList_SET_ITEM(members, k++, row);
        }
    }
done:
    for (int k = 0; k < COUNT; k++) release(&a[k]);
    free(rowptr), free(gptr), free(size), free(last), free(cohesion), free(inside);
    free(r.first), free(r.after), free(r.dense);
    for (int64_t i = 0; l.row && i < a[PTR].len - 1; i++) free(l.row[i]);
    free(l.row), free(l.count), free(l.room);
    free(h.keys), free(h.lo), free(h.hi);
    free(un.cols), free(un.groups), free(un.mine), free(un.theirs), free(un.found);
    free(un.total), free(un.side);
    return result;
}

/* ---- the divisive check's 2-means and spreads: cuts.py's Python form, float for float ---- */

enum { FSUM_OK, FSUM_OVERFLOW, FSUM_INFINITIES };

/* math.fsum(map(mul, a, b)): CPython's algorithm (Shewchuk's exactly rounded partial sums, its
 * half-even correction and its handling of infinities and NaNs), step for step. ``p`` holds
 * len + 1 partials; an error is noted in ``*error`` (Python raises it) and NaN returned. */
static double fsum(const double *a, const double *b, int64_t len, double *p, int *error) {
    int64_t i, j, n = 0;
    double x, y, t, xsave, special_sum = 0.0, inf_sum = 0.0, hi, yr, lo = 0.0;
    for (int64_t k = 0; k < len; k++) {
        x = a[k] * b[k];
        xsave = x;
        for (i = j = 0; j < n; j++) {
            y = p[j];
            if (fabs(x) < fabs(y)) t = x, x = y, y = t;
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                /* from a NaN or infinity among the products, or an intermediate overflow */
                if (isfinite(xsave)) {
                    *error = FSUM_OVERFLOW;
                    return NAN;
                }
                if (isinf(xsave)) inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                p[n++] = x;
            }
        }
    }
    if (special_sum != 0.0) {
        if (isnan(inf_sum)) {
            *error = FSUM_INFINITIES;
            return NAN;
        }
        return special_sum;
    }
    hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        /* the partials summed from the top, until the sum becomes inexact */
        while (n > 0) {
            x = hi;
            y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        /* half-even rounding across partials */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            y = lo * 2.0;
            x = hi + y;
            yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    return hi;
}

/* A cluster's dense vectors: ``n`` rows of ``w`` floats. */
typedef struct {
    const double *v;
    int64_t n, w;
    double *partials; /* w + 1 */
    int error;
} Vectors;

static inline double dot(Vectors *c, const double *a, const double *b) {
    return fsum(a, b, c->w, c->partials, &c->error);
}

/* The sum of the rows labelled ``group`` (all when group < 0), row after row, from 0.0. */
static void sums(const Vectors *c, const int8_t *labels, int group, double *total) {
    for (int64_t t = 0; t < c->w; t++) total[t] = 0.0;
    for (int64_t i = 0; i < c->n; i++)
        if (group < 0 || labels[i] == group)
            for (int64_t t = 0; t < c->w; t++) total[t] = total[t] + c->v[i * c->w + t];
}

/* A labelling's next one (each row to the half whose mean direction is nearer) into ``next``,
 * and its halves' norms. */
static void step(Vectors *c, const int8_t *labels, int8_t *next, double *s0, double *s1,
                 double *norms) {
    sums(c, labels, 0, s0);
    sums(c, labels, 1, s1);
    norms[0] = sqrt(dot(c, s0, s0)), norms[1] = sqrt(dot(c, s1, s1));
    for (int64_t i = 0; i < c->n; i++) {
        const double *v = c->v + i * c->w;
        double near0 = dot(c, v, s0) * norms[1];
        next[i] = near0 >= dot(c, v, s1) * norms[0] ? 0 : 1;
    }
}

/* cuts.two_means: the best labelling into ``best`` (1 if any start gave two halves, else 0). */
static int two_means(Vectors *c, long long seeds, long long iterations, double eps, int8_t *best,
                     double *gram, double *atypical, int8_t *taken, int8_t *labels,
                     int8_t *next, double *s0, double *s1) {
    int64_t n = c->n, w = c->w;
    double norms[2], score, top = 0.0;
    int found = 0;
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = i; j < n; j++)
            gram[i * n + j] = gram[j * n + i] = dot(c, c->v + i * w, c->v + j * w);
    sums(c, NULL, -1, s0); /* the centre */
    for (int64_t i = 0; i < n; i++) atypical[i] = dot(c, c->v + i * w, s0), taken[i] = 0;
    /* from the ``seeds`` rows least like the centre (ties: the lower), in that order */
    for (long long s = 0; s < seeds && s < n; s++) {
        int64_t a = -1, b = 0;
        for (int64_t i = 0; i < n; i++)
            if (!taken[i] && (a < 0 || atypical[i] < atypical[a])) a = i;
        taken[a] = 1;
        for (int64_t j = 1; j < n; j++)
            if (gram[a * n + j] < gram[a * n + b]) b = j;
        for (int64_t i = 0; i < n; i++) labels[i] = gram[i * n + a] >= gram[i * n + b] ? 0 : 1;
        for (long long k = 0; k < iterations; k++) {
            step(c, labels, next, s0, s1, norms);
            if (!memcmp(next, labels, (size_t)n)) break;
            memcpy(labels, next, (size_t)n);
        }
        int64_t i = 1;
        while (i < n && labels[i] == labels[0]) i++;
        if (i >= n) continue; /* one half only */
        step(c, labels, next, s0, s1, norms);
        score = norms[0] + norms[1];
        if (!found || score > top + eps) {
            top = score, found = 1;
            memcpy(best, labels, (size_t)n);
        }
    }
    return found;
}

/* cuts.spreads: the spread of the whole cluster and the sum of its two halves' by ``labels``
 * (each group: its rows with a non-zero value less |sum|^2 / members, at least 0). */
static void spreads(Vectors *c, const int8_t *labels, double *total, double *out) {
    for (int halves = 0; halves < 2; halves++) {
        double spread = 0.0;
        for (int group = 0; group < (halves ? 2 : 1); group++) {
            int g = halves ? group : -1;
            int64_t members = 0, speaking = 0;
            sums(c, labels, g, total);
            for (int64_t i = 0; i < c->n; i++) {
                if (g >= 0 && labels[i] != g) continue;
                members++;
                for (int64_t t = 0; t < c->w; t++)
                    if (c->v[i * c->w + t] != 0.0) {
                        speaking++;
                        break;
                    }
            }
            spread += (double)speaking - dot(c, total, total) / (double)members;
        }
        out[halves] = spread >= 0.0 ? spread : 0.0;
    }
}

static int fsum_error(int error) {
    if (error == FSUM_OVERFLOW) PyErr_SetString(PyExc_OverflowError, "intermediate overflow in fsum");
    else if (error) PyErr_SetString(PyExc_ValueError, "-inf + inf in fsum");
    return error ? -1 : 0;
}

static int take_vectors(PyObject *obj, Array *a, Vectors *c) {
    if (take(obj, a, 1, 2, "vectors") < 0) return -1;
    c->v = a->view.buf, c->n = a->view.shape[0], c->w = a->view.shape[1], c->error = 0;
    c->partials = NEW(double, c->w + 1);
    if (!c->partials) {
        release(a);
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

/* Release the GIL only for work worth it: taking it back can wait a switch interval (5 ms). */
#define BIG(c) ((c)->n * (c)->n * ((c)->w + 1) > (1 << 16))

static PyObject *two_means_entry(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *obj, *result = NULL;
    long long seeds, iterations;
    double eps;
    if (!PyArg_ParseTuple(args, "OLLd:two_means", &obj, &seeds, &iterations, &eps)) return NULL;
    Array a;
    Vectors c;
    if (take_vectors(obj, &a, &c) < 0) return NULL;
    int64_t n = c.n;
    double *gram = NEW(double, n * n), *atypical = NEW(double, n);
    double *s0 = NEW(double, c.w), *s1 = NEW(double, c.w);
    int8_t *flags = NEW(int8_t, 4 * n);
    if (!gram || !atypical || !s0 || !s1 || !flags) {
        PyErr_NoMemory();
        goto done;
    }
    int found;
    if (BIG(&c)) {
        Py_BEGIN_ALLOW_THREADS
        found = two_means(&c, seeds, iterations, eps, flags, gram, atypical, flags + n,
                          flags + 2 * n, flags + 3 * n, s0, s1);
        Py_END_ALLOW_THREADS
    } else {
        found = two_means(&c, seeds, iterations, eps, flags, gram, atypical, flags + n,
                          flags + 2 * n, flags + 3 * n, s0, s1);
    }
    if (fsum_error(c.error) < 0) goto done;
    if (!found) {
        result = Py_NewRef(Py_None);
        goto done;
    }
    if (!(result = PyList_New(n))) goto done;
    for (int64_t i = 0; i < n; i++) PyList_SET_ITEM(result, i, PyLong_FromLong(flags[i]));
done:
    release(&a);
    free(c.partials), free(gram), free(atypical), free(s0), free(s1), free(flags);
    return result;
}

static PyObject *spreads_entry(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *obj, *labels_obj, *result = NULL;
    if (!PyArg_ParseTuple(args, "OO:spreads", &obj, &labels_obj)) return NULL;
    Array a, la;
    Vectors c;
    if (take_vectors(obj, &a, &c) < 0) return NULL;
    int8_t *labels = NULL;
    double *total = NEW(double, c.w), out[2];
    if (take(labels_obj, &la, 0, 1, "labels") < 0) goto done;
    labels = NEW(int8_t, c.n);
    if (!labels || !total) {
        PyErr_NoMemory();
        goto done;
    }
    int64_t size[2] = {0, 0};
    for (int64_t i = 0; i < c.n && la.len == c.n; i++) {
        int64_t v = at(&la, i);
        if (v != 0 && v != 1) break;
        labels[i] = (int8_t)v, size[v]++;
    }
    if (la.len != c.n || size[0] + size[1] != c.n) {
        PyErr_SetString(PyExc_ValueError, "labels: one 0 or 1 per vector");
        goto done;
    }
    if (!size[0] || !size[1]) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float division by zero (an empty half)");
        goto done;
    }
    spreads(&c, labels, total, out);
    if (fsum_error(c.error) == 0) result = Py_BuildValue("dd", out[0], out[1]);
done:
    release(&a), release(&la);
    free(c.partials), free(labels), free(total);
    return result;
}

static PyObject *fsum_entry(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *oa, *ob, *result = NULL;
    if (!PyArg_ParseTuple(args, "OO:fsum", &oa, &ob)) return NULL;
    Array a, b;
    memset(&b, 0, sizeof(b));
    if (take(oa, &a, 1, 1, "a") < 0) return NULL;
    if (take(ob, &b, 1, 1, "b") < 0 || a.len != b.len) {
        if (b.held) PyErr_SetString(PyExc_ValueError, "a and b: the same length");
        goto done;
    }
    double *p = NEW(double, a.len + 1);
    if (!p) {
        PyErr_NoMemory();
        goto done;
    }
    int error = 0;
    double sum = fsum(a.view.buf, b.view.buf, a.len, p, &error);
    free(p);
    if (fsum_error(error) == 0) result = PyFloat_FromDouble(sum);
done:
    release(&a), release(&b);
    return result;
}

static PyMethodDef methods[] = {
    {"average_link", link_entry, METH_VARARGS,
     "average_link(ptr, terms, weights, codes, factors, idf, norms, width, graph_ptr, "
     "graph_cols, graph_sims, ratio) -> clusters (lists of rows, by lowest row, members in "
     "merge order)"},
    {"two_means", two_means_entry, METH_VARARGS,
     "two_means(vectors, seeds, iterations, eps) -> labels or None"},
    {"spreads", spreads_entry, METH_VARARGS, "spreads(vectors, labels) -> (whole, halves)"},
    {"fsum", fsum_entry, METH_VARARGS, "fsum(a, b) -> math.fsum(map(mul, a, b))"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_kernels", "The event grouping's compiled kernels.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__kernels(void) { return PyModule_Create(&module); }
