/* The neighbour search's candidates: candidates.py's Python form, pair for pair.
 *
 * Each row's partial scores are the products of its heads with the postings of their terms,
 * summed into a dense array as scipy's sparse product sums them (head after head, posting after
 * posting: the same floats), and only the row's best ``m`` are kept. The Python form
 * materialises every partial score of a block (at 100k ~20,000 a row, 17 MB a thread) and
 * selects from them in several passes; here each row's scores live only while it is scored.
 */
#include "kernels.h"

/* a better than b: a higher score, or the same score and a lower column */
static inline int better(double sa, int64_t ca, double sb, int64_t cb) {
    return sa > sb || (sa == sb && ca < cb);
}

/* The kept candidates of a row: a heap of at most m, its worst on top. */
typedef struct {
    double *score;
    int64_t *col;
    int64_t size, m;
} Best;

static void sift(Best *b, int64_t i) {
    for (;;) {
        int64_t w = i, l = 2 * i + 1, r = l + 1;
        if (l < b->size && better(b->score[w], b->col[w], b->score[l], b->col[l])) w = l;
        if (r < b->size && better(b->score[w], b->col[w], b->score[r], b->col[r])) w = r;
        if (w == i) return;
        double s = b->score[i];
        int64_t c = b->col[i];
        b->score[i] = b->score[w], b->col[i] = b->col[w];
        b->score[w] = s, b->col[w] = c;
        i = w;
    }
}

static void offer(Best *b, double score, int64_t col) {
    if (b->size < b->m) {
        int64_t i = b->size++;
        b->score[i] = score, b->col[i] = col;
        while (i > 0) { /* up while better than its parent: the worst stays on top */
            int64_t p = (i - 1) / 2;
            if (!better(b->score[p], b->col[p], b->score[i], b->col[i])) break;
            double s = b->score[i];
            int64_t c = b->col[i];
            b->score[i] = b->score[p], b->col[i] = b->col[p];
            b->score[p] = s, b->col[p] = c;
            i = p;
        }
    } else if (b->m > 0 && better(score, col, b->score[0], b->col[0])) {
        b->score[0] = score, b->col[0] = col;
        sift(b, 0);
    }
}

typedef struct {
    const int64_t *part_ptr;
    const Array *part_cols, *post_ptr, *post_rows, *post_codes;
    const double *part_vals, *factors, *idf, *norms;
    int64_t terms, postings, n, nfactors;
    double *sums;
    uint8_t *seen;
    int64_t *touched;
} Search;

/* One head's postings added into the row's sums; -1 on a malformed posting list. A posting's
 * weight is made from its code as Matrix.weights makes it: the postings hold 6 bytes each at
 * 100k instead of 12 (a row id and a float), 24 MB less. */
#define ADD_POSTINGS(ROWS, CODES)                                                               \
    do {                                                                                        \
        const ROWS *rows = (const ROWS *)s->post_rows->view.buf;                               \
        const CODES *codes = (const CODES *)s->post_codes->view.buf;                           \
        for (int64_t kk = lo; kk < hi; kk++) {                                                  \
            int64_t k = (int64_t)rows[kk], c = (int64_t)codes[kk];                             \
            if (k < 0 || k >= s->n || c < 0 || c >= s->nfactors) return -1;                    \
            s->sums[k] += v * (s->factors[c] * idf / s->norms[k]);                             \
            if (!s->seen[k]) s->seen[k] = 1, s->touched[(*count)++] = k;                       \
        }                                                                                       \
    } while (0)

static int add(Search *s, int64_t term, double v, int64_t *count) {
    if (term < 0 || term >= s->terms) return -1;
    int64_t lo = at(s->post_ptr, term), hi = at(s->post_ptr, term + 1);
    if (lo < 0 || hi < lo || hi > s->postings) return -1;
    double idf = s->idf[term];
    int rows = s->post_rows->kind, codes = s->post_codes->kind;
    if (rows == I32 && codes == U16) ADD_POSTINGS(int32_t, uint16_t);
    else if (rows == I32 && codes == U8) ADD_POSTINGS(int32_t, uint8_t);
    else if (rows == I32 && codes == U32) ADD_POSTINGS(int32_t, uint32_t);
    else {
        for (int64_t kk = lo; kk < hi; kk++) {
            int64_t k = at(s->post_rows, kk), c = at(s->post_codes, kk);
            if (k < 0 || k >= s->n || c < 0 || c >= s->nfactors) return -1;
            s->sums[k] += v * (s->factors[c] * idf / s->norms[k]);
            if (!s->seen[k]) s->seen[k] = 1, s->touched[(*count)++] = k;
        }
    }
    return 0;
}

/* Row p of the part (``row`` in the matrix): its m best other rows written to ``out_j``,
 * best first; how many, or -1 on malformed input. */
static int64_t search_row(Search *s, Best *b, int64_t p, int64_t row, int64_t *out_j) {
    int64_t count = 0, lo = s->part_ptr[p], hi = s->part_ptr[p + 1], bad = 0;
    for (int64_t jj = lo; jj < hi && !bad; jj++)
        bad = add(s, at(s->part_cols, jj), s->part_vals[jj], &count) < 0;
    b->size = 0;
    for (int64_t t = 0; t < count; t++) {
        int64_t k = s->touched[t];
        /* as scipy's product, a sum of exactly 0 is no entry */
        if (!bad && k != row && s->sums[k] != 0) offer(b, s->sums[k], k);
        s->sums[k] = 0.0, s->seen[k] = 0;
    }
    if (bad) return -1;
    /* best first: the heap emptied from its worst, written from the back */
    int64_t kept = b->size;
    for (int64_t e = kept - 1; e >= 0; e--) {
        out_j[e] = b->col[0];
        b->size--;
        b->score[0] = b->score[b->size], b->col[0] = b->col[b->size];
        sift(b, 0);
    }
    return kept;
}

PyObject *candidates_entry(PyObject *self, PyObject *args) {
    (void)self;
    enum { PPTR, PCOLS, PVALS, QPTR, QROWS, QCODES, FACTORS, IDF, NORMS, ROWS, OUTI, OUTJ, COUNT };
    static const char *names[COUNT] = {"part_ptr", "part_cols", "part_vals", "post_ptr",
                                        "post_rows", "post_codes", "factors", "idf", "norms",
                                        "rows", "out_i", "out_j"};
    static const int floats[COUNT] = {0, 0, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0};
    PyObject *obj[COUNT], *result = NULL;
    long long m;
    if (!PyArg_ParseTuple(args, "OOOOOOOOOOLOO:candidates", &obj[PPTR], &obj[PCOLS], &obj[PVALS],
                          &obj[QPTR], &obj[QROWS], &obj[QCODES], &obj[FACTORS], &obj[IDF],
                          &obj[NORMS], &obj[ROWS], &m, &obj[OUTI], &obj[OUTJ]))
        return NULL;
    Array a[COUNT];
    memset(a, 0, sizeof(a));
    Search s = {0};
    Best b = {0};
    int64_t *part_ptr = NULL;
    for (int k = 0; k < COUNT; k++) {
        int out = k == OUTI || k == OUTJ;
        if ((out ? array_take_out : array_take)(obj[k], &a[k], floats[k], 1, names[k]) < 0)
            goto done;
        if (out && a[k].kind != I64) {
            PyErr_Format(PyExc_TypeError, "%s: an int64 array is needed", names[k]);
            goto done;
        }
    }
    int64_t r = a[ROWS].len, n = a[NORMS].len;
    if (m < 0 || a[PPTR].len != r + 1 || a[PVALS].len != a[PCOLS].len || a[QPTR].len < 1 ||
        a[QPTR].len - 1 > a[IDF].len || a[QCODES].len != a[QROWS].len || a[OUTI].len < r * m ||
        a[OUTJ].len < r * m) {
        PyErr_SetString(PyExc_ValueError, "candidates: the arrays' lengths do not agree");
        goto done;
    }
    if (!(part_ptr = array_offsets(&a[PPTR], 0, a[PCOLS].len, "part_ptr")) ||
        array_in_range(&a[ROWS], r, 0, n, "rows") < 0)
        goto done;
    s = (Search){part_ptr,          &a[PCOLS],          &a[QPTR],        &a[QROWS],
                 &a[QCODES],        a[PVALS].view.buf,  a[FACTORS].view.buf, a[IDF].view.buf,
                 a[NORMS].view.buf, a[QPTR].len - 1,    a[QROWS].len,    n,
                 a[FACTORS].len,    NULL,               NULL,            NULL};
    s.sums = calloc((size_t)(n > 0 ? n : 1), sizeof(double));
    s.seen = calloc((size_t)(n > 0 ? n : 1), 1);
    s.touched = NEW(int64_t, n);
    b.score = NEW(double, m), b.col = NEW(int64_t, m), b.m = m;
    if (!s.sums || !s.seen || !s.touched || !b.score || !b.col) {
        PyErr_NoMemory();
        goto done;
    }
    int64_t *out_i = a[OUTI].view.buf, *out_j = a[OUTJ].view.buf, found = 0, bad = -1;
    Py_BEGIN_ALLOW_THREADS
    for (int64_t p = 0; p < r && bad < 0; p++) {
        int64_t row = at(&a[ROWS], p), kept = search_row(&s, &b, p, row, out_j + found);
        if (kept < 0) bad = p;
        for (int64_t e = 0; e < kept; e++) out_i[found + e] = row;
        found += kept > 0 ? kept : 0;
    }
    Py_END_ALLOW_THREADS
    if (bad >= 0)
        PyErr_Format(PyExc_ValueError, "candidates: row %lld's heads name a term or a posting "
                     "out of range", (long long)bad);
    else
        result = PyLong_FromLongLong(found);
done:
    for (int k = 0; k < COUNT; k++) array_release(&a[k]);
    free(part_ptr), free(s.sums), free(s.seen), free(s.touched), free(b.score), free(b.col);
    return result;
}
