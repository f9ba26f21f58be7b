"""The exceptions the core raises; each carries a one-line message fit for a user."""


class NewsreaderError(Exception):
    """Base class: ``str(error)`` is a complete one-line message naming the file or query."""


class LoadError(NewsreaderError):
    """A file (or one object in it) cannot be read as an article."""


class QueryError(NewsreaderError):
    """A search query cannot be parsed."""

    def __init__(self, query: str, reason: str) -> None:
        super().__init__(f"bad query {query!r}: {reason}")
        self.query = query
        self.reason = reason


class IndexUnavailable(NewsreaderError):
    """The index cannot be opened, created or locked."""


class CorpusNotFound(NewsreaderError):
    """The corpus folder does not exist or is not a folder."""


class ConfigError(NewsreaderError):
    """A setting (an environment variable or an option) has a value newsreader cannot use."""
