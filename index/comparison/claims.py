"""Group linked passages into claims: one fact and the articles that support it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from index.base.models import Claim, Link, Passage


def group_claims(links: Iterable[Link], passages: Sequence[Passage]) -> tuple[Claim, ...]:
    """Connected components of ``links`` over ``passages``, with one passage per article each.

    Links are taken strongest first; a link joins two groups only when they have no article in
    common. Without that rule a sentence that merges two facts chains every fact of an event into
    one "claim"; with it, "4 of 5 sources" means four different reports. A claim lists its
    passages in reading order and its articles in corpus order; claims are sorted by number of
    supporting articles (descending), then by where their first passage appears. Passages
    without a link form no claim.
    """
    order = {p.id: k for k, p in enumerate(passages)}
    article_of = {p.id: p.article_id for p in passages}
    parent: dict[str, str] = {}
    articles: dict[str, set[str]] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]  # path halving keeps chains short
            x = parent[x]
        return x

    usable = [lk for lk in links if lk.a in order and lk.b in order]
    usable.sort(
        key=lambda lk: (-lk.score, min(order[lk.a], order[lk.b]), max(order[lk.a], order[lk.b]))
    )
    for link in usable:
        for pid in (link.a, link.b):
            if pid not in parent:
                parent[pid] = pid
                articles[pid] = {article_of[pid]}
        ra, rb = find(link.a), find(link.b)
        if ra == rb or articles[ra] & articles[rb]:
            continue
        if order[rb] < order[ra]:
            ra, rb = rb, ra  # the earlier passage stays the root: results never depend on order
        parent[rb] = ra
        articles[ra] |= articles.pop(rb)
    members: dict[str, list[str]] = {}
    for pid in parent:
        members.setdefault(find(pid), []).append(pid)
    claims = []
    for ids in members.values():
        if len(ids) < 2:
            continue  # its only link joined a passage already placed in a claim
        ids.sort(key=order.__getitem__)
        claims.append(Claim(tuple(ids), tuple(dict.fromkeys(article_of[p] for p in ids))))
    claims.sort(key=lambda c: (-len(c.articles), order[c.passages[0]]))
    return tuple(claims)
