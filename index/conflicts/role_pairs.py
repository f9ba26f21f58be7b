"""Titles of one person across an event's reports, wherever they stand, that cannot both hold.

A report names a person's title once, often far from where another report does ("CEO Larry
Lucchino" in a lede, "COO Larry Lucchino" in paragraph seven), so titles are gathered per
report over all its passages and compared between reports by person, with the same test as
titles in one aligned sentence pair (index/conflicts/roles.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from index.base.models import Article, Conflict, Passage
from index.conflicts.clauses import conflict
from index.conflicts.pairing import across_reports
from index.conflicts.roles import Title, difference, same_person, titled_names
from index.facts.names import name_key

# A family name titled in more passages than this is a list or generated text: skipped, so the
# work stays near linear.
_MOST = 40


@dataclass(frozen=True)
class _Titled:
    passage: Passage
    name: str
    title: Title  # offsets in the passage's text


def _titled(article: Article, passages: Sequence[Passage]) -> list[_Titled]:
    return [_Titled(p, name, t) for p in passages for name, t in titled_names(p.text)]


def role_pair_conflicts(
    articles: Sequence[Article], by_article: Mapping[str, Sequence[Passage]]
) -> list[tuple[Passage, Passage, Conflict]]:
    """One person titled differently by two reports; spans are body offsets."""
    body = {a.id: a.body for a in articles}
    by_family: dict[str, list[_Titled]] = defaultdict(list)
    for article in articles:
        for t in _titled(article, by_article.get(article.id, ())):
            by_family[name_key(t.name.split()[-1])].append(t)
    out: list[tuple[Passage, Passage, Conflict]] = []
    done: set[tuple[str, str, str]] = set()
    for family, x, y in across_reports(by_family, lambda t: t.passage.article_id, _MOST):
        ax, ay = x.passage.article_id, y.passage.article_id
        key = (min(ax, ay), max(ax, ay), family)
        if key in done or not same_person(x.name, y.name):
            continue
        what = difference(x.title, y.title)
        if what is None:
            continue
        done.add(key)  # one person, one pair of reports: said once
        px, py = x.passage, y.passage
        sx = (px.start + x.title.start, px.start + x.title.end)
        sy = (py.start + y.title.start, py.start + y.title.end)
        wx, wy = (" ".join(body[a][s:e].split()) for a, (s, e) in ((ax, sx), (ay, sy)))
        longer = max((x.name, y.name), key=len)
        why = f"Role differs for {longer} ({what}): {wx} vs {wy}"
        out.append((px, py, conflict("role", body[ax], sx, body[ay], sy, why)))
    return out
