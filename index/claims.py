"""Group linked passages into claims: one fact and the articles that support it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from index.models import Claim, Link, Passage


def group_claims(links: Iterable[Link], passages: Sequence[Passage]) -> tuple[Claim, ...]:
    """Connected components of ``links`` over ``passages``, strongest first.

    A claim lists its passages in reading order (article order, then position) and the distinct
    articles supporting it. Claims are sorted by number of supporting articles (descending),
    then by where their first passage appears. Passages without a link form no claim.
    """
    order = {p.id: k for k, p in enumerate(passages)}
    article_of = {p.id: p.article_id for p in passages}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:  # path compression keeps chains short
            parent[x], x = root, parent[x]
        return root

    for link in links:
        if link.a not in order or link.b not in order:
            continue  # a link to a passage we were not given cannot be placed in reading order
        ra, rb = find(link.a), find(link.b)
        if ra != rb:
            # The earlier passage stays the root, so results never depend on link order.
            if order[ra] < order[rb]:
                parent[rb] = ra
            else:
                parent[ra] = rb
        parent.setdefault(link.a, link.a)
        parent.setdefault(link.b, link.b)
    members: dict[str, list[str]] = {}
    for pid in parent:
        members.setdefault(find(pid), []).append(pid)
    claims = []
    for ids in members.values():
        ids.sort(key=order.__getitem__)
        articles = tuple(dict.fromkeys(article_of[p] for p in ids))
        claims.append(Claim(tuple(ids), articles))
    claims.sort(key=lambda c: (-len(c.articles), order[c.passages[0]]))
    return tuple(claims)
