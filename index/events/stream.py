"""Grouping of articles read once, from a stream: their texts are never held all at once."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from index.base.models import Article, Event
from index.events.collapse import group_with_families
from index.events.collect import gather
from index.events.copies import source_families
from index.events.group import group_matrix


def _slim(article: Article, shared: dict[str, str] | None = None) -> Article:
    """What the grouping reads of an article once it is tokenized: its id, path, outlet and
    date (its title is the builder's). ``shared``: one string of each outlet and date seen, so
    100,000 slim articles hold a few hundred, not one each."""
    source, published = article.source, article.published
    if shared is not None:
        source = None if source is None else shared.setdefault(source, source)
        published = None if published is None else shared.setdefault(published, published)
    return Article(
        id=article.id, path=article.path, title="", body="", source=source, published=published
    )


def group_stream(articles: Iterable[Article], body: Callable[[Article], str]) -> list[Event]:
    """``index.events.collapse.group_events`` of ``articles``, the same events, read once: past
    its tokenizing an article is held as its id, path, outlet and date alone, so a caller that
    reads its files one at a time never holds the corpus's texts (100,000 articles: ~515 MB).
    ``body(article)`` reads an article's body again (``article`` holds the id and path it was
    read with): only the members of a family of copies whose dates do not tell its origin are
    read (copies.py names the origin from the outlets their texts name)."""
    slim: list[Article] = []
    shared: dict[str, str] = {}

    def kept(stream: Iterable[Article]) -> Iterator[Article]:
        for article in stream:
            slim.append(_slim(article, shared))
            yield article

    builder = gather(kept(articles))
    families = source_families(slim, builder.sampled, body)

    def group(chosen: Sequence[Article]) -> list[Event]:
        return group_matrix(*builder.matrix(keep={a.id for a in chosen}))

    return group_with_families(slim, families, group)
