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
#ifndef NEWSREADER_KERNELS_H
#define NEWSREADER_KERNELS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- arrays through the buffer protocol (buffers.c) ---- */

enum { I8, U8, I16, U16, I32, U32, I64, U64, F64 };

typedef struct {
    Py_buffer view;
    int kind;
    Py_ssize_t len;
    int held;
} Array;

int array_take(PyObject *obj, Array *a, int floats, int ndim, const char *name);
int array_take_out(PyObject *obj, Array *a, int floats, int ndim, const char *name);
void array_release(Array *a);
int array_in_range(const Array *a, int64_t len, int64_t lo, int64_t hi, const char *name);
int64_t *array_offsets(const Array *a, int64_t lo, int64_t last, const char *name);

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

#define NEW(type, count) ((type *)malloc(sizeof(type) * (size_t)((count) > 0 ? (count) : 1)))

/* ---- the entry points (module.c lists them) ---- */

PyObject *link_entry(PyObject *self, PyObject *args);      /* linkage.c */
PyObject *two_means_entry(PyObject *self, PyObject *args); /* cuts.c */
PyObject *spreads_entry(PyObject *self, PyObject *args);   /* cuts.c */
PyObject *fsum_entry(PyObject *self, PyObject *args);      /* cuts.c */
PyObject *candidates_entry(PyObject *self, PyObject *args); /* candidates.c */
PyObject *cosines_entry(PyObject *self, PyObject *args);    /* cosines.c */
PyObject *symmetric_entry(PyObject *self, PyObject *args);  /* symmetric.c */

#endif
