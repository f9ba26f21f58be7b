"""The one place that chooses the grouping's kernels: the C extension if built, else Python.

The event grouping's inner loops run compiled when they can: the neighbour search's candidates
(``candidates.py``), cosines (``rescore.py``) and symmetric graph (``neighbours.py``), the
average-link merge loop (``linkage.py``) and the divisive check's 2-means and spreads
(``cuts.py``). Their C form is ``c-kernels/`` (one source per loop, ``kernels.h`` between them),
a small extension built at install (``setup.py``; gcc or clang and the Python headers). Each
caller asks ``native`` here: the extension module, or None when it was not built (an install
without a compiler), and then runs its Python form, which gives the same graph and clusters
float for float, slower and larger (the 100k search ~2x the CPU, ~60 MB more at its peak).
Tests run both forms (set ``native`` to None for the Python one); CI sets
``NEWSREADER_CI_COMPILED=1``, and a test then fails if the extension is missing, so a silent
fallback cannot hide there.

The C form takes its arrays through the buffer protocol without copying them (its callers pass
C-contiguous arrays) and checks them at that boundary: bad input raises, never crashes.
"""

from __future__ import annotations

__all__ = ["native"]

# What the module holds: a build older than its sources lacks some (an editable install is not
# rebuilt when a C source changes), and then says so instead of failing deep in a grouping
ENTRIES = ("candidates", "cosines", "symmetric", "average_link", "two_means", "spreads", "fsum")

try:
    from index.events import _kernels as native
except ImportError:  # built without a compiler: the Python forms
    native = None  # type: ignore[assignment]

if native is not None and (missing := [e for e in ENTRIES if not hasattr(native, e)]):
    raise ImportError(
        f"{native.__file__} is older than index/events/c-kernels/ (it has no "
        f"{', '.join(missing)}): run `pip install -e .` again to rebuild it"
    )
