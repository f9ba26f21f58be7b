/* The average-link merge loop: linkage.py's Python form, float for float. */
#include "kernels.h"

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

PyObject *link_entry(PyObject *self, PyObject *args) {
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
        if (array_take(o[k], &a[k], floats[k], 1, names[k]) < 0) goto done;
    if (a[PTR].len < 1 || width < 0) {
        PyErr_SetString(PyExc_ValueError, "ptr: at least one offset; width: not negative");
        goto done;
    }
    int64_t n = a[PTR].len - 1;
    if (!(rowptr = array_offsets(&a[PTR], 0, -(int64_t)a[TERMS].len, "ptr"))) goto done;
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
        if (array_in_range(&a[CODES], entries, 0, a[FACTORS].len, "codes") < 0) goto done;
        if (a[IDF].len < limit) limit = a[IDF].len;
    }
    if (array_in_range(&a[TERMS], entries, 0, limit, "terms") < 0) goto done;
    if (a[GPTR].len != n + 1 || a[GSIMS].len != a[GCOLS].len) {
        PyErr_SetString(PyExc_ValueError, "graph: one offset per row and one more, a cosine per "
                                          "neighbour");
        goto done;
    }
    if (!(gptr = array_offsets(&a[GPTR], 0, a[GCOLS].len, "graph_ptr"))) goto done;
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
    for (int k = 0; k < COUNT; k++) array_release(&a[k]);
    free(rowptr), free(gptr), free(size), free(last), free(cohesion), free(inside);
    free(r.first), free(r.after), free(r.dense);
    for (int64_t i = 0; l.row && i < a[PTR].len - 1; i++) free(l.row[i]);
    free(l.row), free(l.count), free(l.room);
    free(h.keys), free(h.lo), free(h.hi);
    free(un.cols), free(un.groups), free(un.mine), free(un.theirs), free(un.found);
    free(un.total), free(un.side);
    return result;
}
