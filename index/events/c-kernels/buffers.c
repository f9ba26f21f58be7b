/* Arrays taken through the buffer protocol and checked at the boundary. */
#include "kernels.h"

void array_release(Array *a) {
    if (a->held) PyBuffer_Release(&a->view);
    a->held = 0;
}

/* A C-contiguous array of ``ndim`` dimensions: integers of any width when ``floats`` is 0,
 * float64 when it is 1. */
static int take_as(PyObject *obj, Array *a, int floats, int ndim, const char *name, int flags) {
    memset(a, 0, sizeof(*a));
    if (PyObject_GetBuffer(obj, &a->view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | flags) < 0) {
        PyErr_Format(PyExc_TypeError, "%s: a C-contiguous%s array is needed", name,
                     flags ? " writable" : "");
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
        array_release(a);
        return -1;
    }
    a->kind = kind;
    a->len = ndim ? a->view.shape[0] : 1;
    return 0;
}


/* A C-contiguous array of ``ndim`` dimensions: integers of any width when ``floats`` is 0,
 * float64 when it is 1. */
int array_take(PyObject *obj, Array *a, int floats, int ndim, const char *name) {
    return take_as(obj, a, floats, ndim, name, 0);
}

/* The same, written to: an output the caller made. */
int array_take_out(PyObject *obj, Array *a, int floats, int ndim, const char *name) {
    return take_as(obj, a, floats, ndim, name, PyBUF_WRITABLE);
}

/* Every value of ``a``'s first ``len`` in [lo, hi). */
int array_in_range(const Array *a, int64_t len, int64_t lo, int64_t hi, const char *name) {
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

/* ptr's values as int64: from ``lo``, never decreasing, the last ``last`` (or at most ``-last``
 * when ``last`` is negative). */
int64_t *array_offsets(const Array *a, int64_t lo, int64_t last, const char *name) {
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
