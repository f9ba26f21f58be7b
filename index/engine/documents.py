"""Articles read back from a store's stored fields: all of them, or one by id."""

from __future__ import annotations

from index.base.models import Article
from index.engine.schema import article_from_fields
from index.engine.searcher_pool import Searcher
from index.engine.stores import Store


def stored_articles(ix: Store) -> list[Article]:
    """Every article of the store's latest commit, in document order."""
    with ix.reader() as reader:
        return [article_from_fields(fields) for fields in reader.all_stored_fields()]


def stored_article(searcher: Searcher, article_id: str) -> Article | None:
    """The article with id ``article_id``, or None."""
    fields = searcher.document(id=article_id)
    return None if fields is None else article_from_fields(fields)
