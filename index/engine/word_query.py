"""The queries the word path answers: words, prefixes, OR and exclusions, as groups of terms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from whoosh import query as wq

# One word (or prefix, phrase, OR of those) as its terms and exact phrases over the fields.
Group = list[wq.Term | wq.Phrase]
# Query nodes that stand for the indexed terms they expand to: prefix*, wild?card, fuzzy~.
_EXPANDING = (wq.Prefix, wq.Wildcard, wq.FuzzyTerm)


@dataclass(frozen=True)
class WordQuery:
    """An AND of groups (an article has a group if it has any of its terms), minus the articles
    having any term of an excluded group. ``expanded``: a prefix, wildcard or fuzzy word became
    its indexed terms."""

    groups: list[Group]
    excluded: list[Group]
    expanded: bool


def word_query(q: wq.Query, reader: Any | None = None) -> WordQuery | None:
    """``q`` as groups of terms when it is made only of words, exact phrases, prefixes,
    wildcards and fuzzy words (expanded against ``reader``; without one, all but words are
    refused), ORs of those, ANDs of those at the top, and NOTs of those inside that AND; None
    for anything else (phrases with slop, ranges...)."""
    parts = list(q.children()) if type(q) is wq.And else [q]
    groups: list[Group] = []
    excluded: list[Group] = []
    expanded = False
    for part in parts:
        negated = type(part) is wq.Not
        terms: Group = []
        found = _flatten(part.query if negated else part, reader, terms)
        if found is None:
            return None
        expanded = expanded or found
        (excluded if negated else groups).append(terms)
    if not groups:
        return None  # only exclusions: every other article, which Whoosh answers as written
    return WordQuery(groups, excluded, expanded)


def word_groups(q: wq.Query) -> list[Group] | None:
    """The groups of a query of plain words and ORs of them (no prefix, phrase or NOT)."""
    found = word_query(q)
    return None if found is None or found.excluded else found.groups


def _flatten(node: wq.Query, reader: Any | None, terms: Group) -> bool | None:
    """Append the terms of ``node`` to ``terms``; True if a node was expanded, None if ``node``
    is not made of terms, expanding nodes and plain ORs."""
    if type(node) is wq.Term:
        terms.append(node)
        return False
    if type(node) is wq.Phrase and reader is not None:
        if int(node.slop) != 1 or len(node.words) < 2:
            return None  # Whoosh's span matching for these
        terms.append(node)
        return False
    if type(node) in _EXPANDING and reader is not None:
        if node.fieldname not in reader.schema or not node.text:
            return None
        for text in node._btexts(reader):  # what Whoosh itself expands the node to
            word = text.decode("utf-8") if isinstance(text, bytes) else str(text)
            terms.append(wq.Term(node.fieldname, word, boost=node.boost))
        return True
    if type(node) is wq.Or and not node.scale and node.boost == 1.0:
        expanded = False
        for child in node.children():
            found = _flatten(child, reader, terms)
            if found is None:
                return None
            expanded = expanded or found
        return expanded
    return None
