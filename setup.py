"""What an install builds: the packages, the sample corpus inside them, the grouping's C kernels."""

from setuptools import Extension, find_namespace_packages, find_packages, setup

# A wheel carries the sample corpus so that bare `newsreader` works outside a checkout too
# (index/base/locations.py looks for index/_corpus). Its folders whose names Python could import
# are listed as packages too: setuptools warns about them otherwise.
CORPUS = ["index._corpus", *(f"index._corpus.{name}" for name in find_namespace_packages("corpus"))]

# The extension's sources: the module's table, the buffer protocol, one source per loop
KERNELS = ("module", "buffers", "candidates", "cosines", "symmetric", "linkage", "cuts")

setup(
    packages=[*find_packages(include=["index", "index.*", "tui_reader", "tui_reader.*"]), *CORPUS],
    package_dir={"index._corpus": "corpus"},
    package_data={
        "tui_reader": ["*.tcss"],
        "index._corpus": ["**/*.md", "**/*.txt", "**/*.json", "**/*.jsonl"],
        "index.events": ["_kernels.pyi"],
    },
    ext_modules=[
        Extension(
            "index.events._kernels",
            [f"index/events/c-kernels/{name}.c" for name in KERNELS],
            depends=["index/events/c-kernels/kernels.h"],
            # The kernels must make the very floats of their Python forms: no contraction of a
            # product and a sum into one fused multiply-add (GCC's default on targets that have
            # one), no reassociation (never -ffast-math).
            extra_compile_args=["-ffp-contract=off", "-fno-fast-math"],
            # Without a compiler the install still works: index/events/kernels.py then runs the
            # Python forms (the same events, slower). CI fails if it was not built.
            optional=True,
        )
    ],
)
