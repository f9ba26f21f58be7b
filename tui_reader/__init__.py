"""The newsreader terminal app and its command line."""

from importlib.metadata import PackageNotFoundError, version

try:
    # The version lives in pyproject.toml only; the installed package's metadata carries it.
    __version__ = version("newsreader")
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"
