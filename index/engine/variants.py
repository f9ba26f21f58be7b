"""A query's name words widened with the other spellings the index holds (Zelensky: Zelenskyy)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Any

from whoosh import query as wq

from index.engine.query import ParsedQuery, Query
from index.engine.schema import DEFAULT_FIELDS, text_analyzer
from index.engine.searcher_pool import Searcher

# A spelling variant differs by a few letters at most (Zelensky / Zelenskyy / Zelenskiy): terms
# whose length differs more are not compared, which keeps the lexicon walk cheap.
LENGTH_SLACK = 2
# Second letters that transliterations swap (Kiev/Kyiv, Lieberman/Leberman, Wladimir/Vladimir):
# only terms starting with the first letter and one of these are compared. Measured on the
# ECB+ dev index (5,663 body terms): 1.1-3.0 ms CPU a name with every term of its first letter,
# 0.2-0.6 ms with these; the walk grows with the lexicon, so the narrower one matters there.
_SWAPS = {"i": "iye", "y": "yie", "e": "ei", "w": "wv", "v": "vw"}


def _prefixes(term: str) -> list[str]:
    if len(term) < 2:
        return [term]
    out = [term[0] + c for c in _SWAPS.get(term[1], term[1])]
    # kh / h is one sound (Khamenei / Hamenei, as the names' transliteration keys fold it)
    if term.startswith("kh") and len(term) > 2:
        out.append("h" + term[2])
    elif term[0] == "h":
        out.append("kh")
    return out


def indexed_terms(text: str) -> list[str]:
    """The terms the title and body fields index for ``text`` (stemmed, accents folded)."""
    return [token.text for token in text_analyzer()(text)]


def widen_names(
    searcher: Searcher,
    parsed: ParsedQuery,
    names: Collection[str],
    alike: Callable[[str, str], bool],
    known: Mapping[str, Collection[str]] | None = None,
) -> ParsedQuery:
    """``parsed`` with each title/body term in ``names`` ORed with the field's indexed terms
    that ``alike`` takes for another spelling of it (terms of the same first letter, and the
    same or a swapped second letter), and with the terms ``known`` gives it: spellings the
    caller knows already (an exonym, a variant a comparison found), whatever their letters."""
    known = known or {}
    if not names:
        return parsed
    reader = searcher.reader()
    found: dict[tuple[str, str], list[str]] = {}

    def spellings(field: str, term: str) -> list[str]:
        if (field, term) not in found:
            others = [t for t in known.get(term, ()) if t != term]
            for prefix in _prefixes(term):
                for raw in reader.expand_prefix(field, prefix):
                    other = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
                    if other != term and abs(len(other) - len(term)) <= LENGTH_SLACK:
                        if other not in others and alike(term, other):
                            others.append(other)
            found[field, term] = others
        return found[field, term]

    def widen(node: Any) -> Any:
        if type(node) is wq.Term and node.fieldname in DEFAULT_FIELDS and node.text in names:
            others = spellings(node.fieldname, node.text)
            if not others:
                return node
            extra = [wq.Term(node.fieldname, t, boost=node.boost) for t in others]
            return wq.Or([node, *extra])
        return node if node.is_leaf() else node.apply(widen)

    some = None if parsed.some_words is None else widen(parsed.some_words)
    return ParsedQuery(widen(parsed.all_words), some)


__all__ = ["Query", "indexed_terms", "widen_names"]
