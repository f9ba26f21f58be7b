"""Grouping of articles read once, from a stream: their texts are never held all at once."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator

from index.base.models import Article, Event
from index.events.collapse import representative_id, with_copies
from index.events.collect import gather
from index.events.copies import copy_families
from index.events.group import group_matrix


class _Kept:
    """What the grouping reads of the articles once they are tokenized: each one's id, path,
    outlet and date, in four lists. A slim Article each was made while reading, between the
    builder's feature names, and outlived them: 100k, 100,000 objects (14 MB) kept the pages
    of the names freed at the matrix from being given back through the neighbour search.
    One string of each outlet and date seen is kept (a few hundred, not one an article)."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.paths: list[str] = []
        self.sources: list[str | None] = []
        self.dates: list[str | None] = []
        self.shared: dict[str, str] = {}

    def through(self, articles: Iterable[Article]) -> Iterator[Article]:
        """``articles``, each noted as it passes."""
        shared = self.shared
        for article in articles:
            self.ids.append(article.id)
            self.paths.append(article.path)
            source, published = article.source, article.published
            self.sources.append(None if source is None else shared.setdefault(source, source))
            self.dates.append(
                None if published is None else shared.setdefault(published, published)
            )
            yield article

    def lookup(self, wanted: Collection[str]) -> dict[str, Article]:
        """The articles ``wanted`` as the copies read them: id, path, outlet and date."""
        paths, sources, dates = self.paths, self.sources, self.dates
        return {
            i: Article(
                id=i, path=paths[n], title="", body="", source=sources[n], published=dates[n]
            )
            for n, i in enumerate(self.ids)
            if i in wanted
        }


def group_stream(articles: Iterable[Article], body: Callable[[Article], str]) -> list[Event]:
    """``index.events.collapse.group_events`` of ``articles``, the same events, read once: past
    its tokenizing an article is held as its id, path, outlet and date alone, so a caller that
    reads its files one at a time never holds the corpus's texts (100,000 articles: ~515 MB).
    ``body(article)`` reads an article's body again (``article`` holds the id and path it was
    read with): only the members of a family of copies whose dates do not tell its origin are
    read (copies.py names the origin from the outlets their texts name)."""
    kept = _Kept()
    builder = gather(kept.through(articles))
    ids = kept.ids
    copies = copy_families(list(dict.fromkeys(ids)), kept.lookup, builder.sampled, body)
    del kept
    # the matrix is of one report per family: a copy that does not represent its family is left
    # out (a report copied by nobody is its own family, and no Family object)
    dropped = {i for f in copies for i in f.articles if i != representative_id(f)}
    keep = {i for i in ids if i not in dropped} if dropped else None
    del ids, dropped
    collected = builder.matrix(keep=keep)
    del keep  # not while the grouping runs (100k: a set of ~95,000 ids, 4 MB)
    return with_copies(group_matrix(*collected), copies)
