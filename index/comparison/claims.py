"""Group linked passages into claims: one fact and the articles that support it."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence

from index.base.models import Claim, Link, Passage


def group_claims(links: Iterable[Link], passages: Sequence[Passage]) -> tuple[Claim, ...]:
    """Claims as stars: a centre passage and, from each other article, the passage linked to it.

    Every passage of a claim is linked to the claim's centre, never merely chained (A~B and B~C
    with A and C stating different things made one "claim" of A, B, C when claims were connected
    components). The centre is chosen greedily: the unclaimed passage linked to unclaimed
    passages of the most articles (then the highest sum of link scores, then the earliest); it
    takes its strongest unclaimed partner in each article that is linked to at least half of the
    partners already taken (``_core``), and the rest wait for a later centre.
    A claim lists its passages in reading order and its articles in corpus order; claims are
    sorted by number of supporting articles (descending), then by where their first passage
    appears. Passages without a link form no claim.
    """
    order = {p.id: k for k, p in enumerate(passages)}
    article_of = {p.id: p.article_id for p in passages}
    near: dict[str, dict[str, float]] = defaultdict(dict)
    for link in links:
        if link.a in order and link.b in order and article_of[link.a] != article_of[link.b]:
            near[link.a][link.b] = max(link.score, near[link.a].get(link.b, 0.0))
            near[link.b][link.a] = max(link.score, near[link.b].get(link.a, 0.0))
    claimed: set[str] = set()

    def rank(pid: str) -> tuple[int, float, int]:
        free = [(q, s) for q, s in near[pid].items() if q not in claimed]
        return (len({article_of[q] for q, _ in free}), sum(s for _, s in free), -order[pid])

    # Lazy greedy: a passage's rank only falls as others are claimed, so a popped entry whose
    # rank is still current is the best centre left (a stale one is pushed back re-ranked).
    heap = [(_negate(rank(pid)), pid) for pid in near]
    heapq.heapify(heap)
    claims = []
    while heap:
        neg, centre = heapq.heappop(heap)
        if centre in claimed:
            continue
        current = rank(centre)
        if current[0] == 0:
            continue
        if _negate(current) != neg:
            heapq.heappush(heap, (_negate(current), centre))
            continue
        members = _core(centre, near, claimed, article_of, order)
        ids = sorted(members, key=order.__getitem__)
        claimed.update(ids)
        claims.append(Claim(tuple(ids), tuple(dict.fromkeys(article_of[p] for p in ids))))
    claims.sort(key=lambda c: (-len(c.articles), order[c.passages[0]]))
    return tuple(claims)


def _core(
    centre: str,
    near: dict[str, dict[str, float]],
    claimed: set[str],
    article_of: dict[str, str],
    order: dict[str, int],
) -> list[str]:
    """The centre and, strongest link first, one partner per other article that is also linked
    to at least half of the partners already taken: a centre linked to two passages that each
    state a different part of it (two halves of one quote, a record and a streak) is no claim
    of three."""
    members = [centre]
    articles = {article_of[centre]}
    partners = sorted(
        (q for q in near[centre] if q not in claimed),
        key=lambda q: (-near[centre][q], order[q]),
    )
    for q in partners:
        if article_of[q] in articles:
            continue
        others = members[1:]
        if 2 * sum(o in near[q] for o in others) >= len(others):
            members.append(q)
            articles.add(article_of[q])
    return members


def _negate(rank: tuple[int, float, int]) -> tuple[int, float, int]:
    return (-rank[0], -rank[1], -rank[2])
