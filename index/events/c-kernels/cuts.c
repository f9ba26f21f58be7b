/* The divisive check's 2-means and spreads: cuts.py's Python form, float for float. */
#include "kernels.h"

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
    if (array_take(obj, a, 1, 2, "vectors") < 0) return -1;
    c->v = a->view.buf, c->n = a->view.shape[0], c->w = a->view.shape[1], c->error = 0;
    c->partials = NEW(double, c->w + 1);
    if (!c->partials) {
        array_release(a);
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

/* Release the GIL only for work worth it: taking it back can wait a switch interval (5 ms). */
#define BIG(c) ((c)->n * (c)->n * ((c)->w + 1) > (1 << 16))

PyObject *two_means_entry(PyObject *self, PyObject *args) {
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
    array_release(&a);
    free(c.partials), free(gram), free(atypical), free(s0), free(s1), free(flags);
    return result;
}

PyObject *spreads_entry(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *obj, *labels_obj, *result = NULL;
    if (!PyArg_ParseTuple(args, "OO:spreads", &obj, &labels_obj)) return NULL;
    Array a, la;
    Vectors c;
    if (take_vectors(obj, &a, &c) < 0) return NULL;
    int8_t *labels = NULL;
    double *total = NEW(double, c.w), out[2];
    if (array_take(labels_obj, &la, 0, 1, "labels") < 0) goto done;
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
    array_release(&a), array_release(&la);
    free(c.partials), free(labels), free(total);
    return result;
}

PyObject *fsum_entry(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *oa, *ob, *result = NULL;
    if (!PyArg_ParseTuple(args, "OO:fsum", &oa, &ob)) return NULL;
    Array a, b;
    memset(&b, 0, sizeof(b));
    if (array_take(oa, &a, 1, 1, "a") < 0) return NULL;
    if (array_take(ob, &b, 1, 1, "b") < 0 || a.len != b.len) {
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
    array_release(&a), array_release(&b);
    return result;
}
