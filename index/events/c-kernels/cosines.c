/* Exact cosines of pairs of rows: rescore.py's ``dots``, float for float.
 *
 * A cosine is the sum of the products of the two rows' shared terms, added in term order one
 * after the other from 0.0 (the Python form adds every entry of one row, a 0.0 product where
 * the other lacks the term: the same sum). Weights are the matrix's kept floats, or made from
 * the codes exactly as Matrix.weights makes them. Rows' terms ascend (the builder's order).
 */
#include "kernels.h"

typedef struct {
    const Array *ptr, *terms, *codes;
    const double *weights, *factors, *idf, *norms; /* weights: kept, or NULL */
    int64_t rows, entries, nfactors, nidf;
} Mat;

/* The weight of entry e (term t) of ``row``; -1 when a code or term is out of range. */
static inline int weight(const Mat *m, int64_t e, int64_t t, int64_t row, double *w) {
    if (m->weights) {
        *w = m->weights[e];
        return 0;
    }
    int64_t c = at(m->codes, e);
    if (c < 0 || c >= m->nfactors || t < 0 || t >= m->nidf) return -1;
    *w = m->factors[c] * m->idf[t] / m->norms[row]; /* as Matrix.weights */
    return 0;
}

/* The first entry in [lo, hi) whose term is not below t (the entries' terms ascend). */
static inline int64_t seek(const Array *terms, int64_t lo, int64_t hi, int64_t t) {
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (at(terms, mid) < t) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* The cosine of rows a and b into *out; -1 on a malformed matrix. */
static int cosine(const Mat *m, int64_t a, int64_t b, double *out) {
    if (a < 0 || a >= m->rows || b < 0 || b >= m->rows) return -1;
    int64_t ea = at(m->ptr, a), fa = at(m->ptr, a + 1), eb = at(m->ptr, b), fb = at(m->ptr, b + 1);
    if (ea < 0 || fa < ea || fa > m->entries || eb < 0 || fb < eb || fb > m->entries) return -1;
    if (fa - ea > fb - eb) { /* a is the shorter row: its terms are looked up in b's */
        int64_t s = a, e = ea, f = fa;
        a = b, ea = eb, fa = fb, b = s, eb = e, fb = f;
    }
    /* a much longer row is searched, not walked */
    int leap = (fb - eb) > 8 * (fa - ea);
    double sum = 0.0, wa, wb;
    while (ea < fa && eb < fb) {
        int64_t ta = at(m->terms, ea), tb = at(m->terms, eb);
        if (ta < tb) {
            ea++;
        } else if (tb < ta) {
            eb = leap ? seek(m->terms, eb + 1, fb, ta) : eb + 1;
        } else {
            if (weight(m, ea, ta, a, &wa) < 0 || weight(m, eb, tb, b, &wb) < 0) return -1;
            sum += wa * wb;
            ea++, eb++;
        }
    }
    *out = sum;
    return 0;
}

PyObject *cosines_entry(PyObject *self, PyObject *args) {
    (void)self;
    enum { PTR, TERMS, WEIGHTS, CODES, FACTORS, IDF, NORMS, LO, HI, OUT, COUNT };
    static const char *names[COUNT] = {"ptr", "terms", "weights", "codes", "factors",
                                        "idf", "norms", "lo", "hi", "out"};
    static const int floats[COUNT] = {0, 0, 1, 0, 1, 1, 1, 0, 0, 1};
    PyObject *o[COUNT], *result = NULL;
    if (!PyArg_ParseTuple(args, "OOOOOOOOOO:cosines", &o[PTR], &o[TERMS], &o[WEIGHTS], &o[CODES],
                          &o[FACTORS], &o[IDF], &o[NORMS], &o[LO], &o[HI], &o[OUT]))
        return NULL;
    Array a[COUNT];
    memset(a, 0, sizeof(a));
    for (int k = 0; k < COUNT; k++)
        if ((k == OUT ? array_take_out : array_take)(o[k], &a[k], floats[k], 1, names[k]) < 0)
            goto done;
    int64_t pairs = a[LO].len, rows = a[PTR].len - 1;
    int kept = a[WEIGHTS].len > 0;
    if (rows < 0 || a[HI].len != pairs || a[OUT].len != pairs ||
        (kept ? a[WEIGHTS].len < a[TERMS].len
              : a[CODES].len < a[TERMS].len || a[NORMS].len < rows)) {
        PyErr_SetString(PyExc_ValueError, "cosines: the arrays' lengths do not agree");
        goto done;
    }
    Mat m = {&a[PTR], &a[TERMS], &a[CODES], kept ? (const double *)a[WEIGHTS].view.buf : NULL,
             a[FACTORS].view.buf, a[IDF].view.buf, a[NORMS].view.buf, rows, a[TERMS].len,
             a[FACTORS].len, a[IDF].len};
    double *out = a[OUT].view.buf;
    int64_t bad = -1;
    Py_BEGIN_ALLOW_THREADS
    for (int64_t p = 0; p < pairs && bad < 0; p++)
        if (cosine(&m, at(&a[LO], p), at(&a[HI], p), &out[p]) < 0) bad = p;
    Py_END_ALLOW_THREADS
    if (bad >= 0)
        PyErr_Format(PyExc_ValueError, "cosines: pair %lld names a row, entry, term or code out "
                     "of range", (long long)bad);
    else
        result = Py_NewRef(Py_None);
done:
    for (int k = 0; k < COUNT; k++) array_release(&a[k]);
    return result;
}
