"""The comparison's JSON both ways: the public shape written, and read back by the cache."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from index.base.fact_table import fact_table_from_json, fact_table_to_json
from index.base.models import (
    Article,
    Claim,
    Comparison,
    Conflict,
    Event,
    Link,
    NotCompared,
    Passage,
    Relation,
    Span,
    Variant,
)
from index.comparison.sources import claim_sources, copy_of, independent_sources


def _span_json(s: Span) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "text": s.text}


def conflict_to_json(c: Conflict) -> dict[str, Any]:
    return {
        "type": c.type,
        "a": _span_json(c.a),
        "b": _span_json(c.b),
        "explanation": c.explanation,
    }


def comparison_to_json(c: Comparison) -> dict[str, Any]:
    """The public JSON shape of a comparison (documented in the compare command's help)."""
    original = copy_of(c)
    return {
        "event": None if c.event is None else {"id": c.event.id, "title": c.event.title},
        "reports": len(c.articles),
        "independent_sources": independent_sources(c),
        "articles": [{**a.to_meta(), "copy_of": original.get(a.id)} for a in c.articles],
        "passages": [
            {
                "id": p.id,
                "article": p.article_id,
                "start": p.start,
                "end": p.end,
                "text": p.text,
                "in_title": p.in_title,  # a headline: offsets index the article's title
            }
            for p in c.passages
        ],
        "links": [
            {
                "a": link.a,
                "b": link.b,
                "kind": link.kind,
                "verbatim": link.verbatim,
                "score": float(link.score),
                "conflicts": [conflict_to_json(x) for x in link.conflicts],
            }
            for link in c.links
        ],
        "claims": [
            {
                "passages": list(cl.passages),
                "articles": list(cl.articles),
                "reports": len(cl.articles),
                "independent_sources": claim_sources(c, cl),
            }
            for cl in c.claims
        ],
        "variants": [{"type": v.type, "forms": list(v.forms)} for v in c.variants],
        "facts": fact_table_to_json(c.facts),
        # the tail of a report too long to analyse whole: no passage, link or fact comes from it
        "not_compared": [
            {"article": n.article_id, "start": n.start, "end": n.end, "reason": n.reason}
            for n in c.not_compared
        ],
    }


def relation_to_json(pair_id: object, r: Relation) -> dict[str, Any]:
    """One line of batch ``--pairs`` output."""
    return {
        "id": pair_id,
        "relation": r.relation,
        "score": float(r.score),
        "conflicts": [conflict_to_json(x) for x in r.conflicts],
    }


def _span(d: dict[str, Any]) -> Span:
    return Span(int(d["start"]), int(d["end"]), str(d["text"]))


def comparison_from_json(
    data: dict[str, Any], articles: Sequence[Article], event: Event | None
) -> Comparison:
    """Rebuild a Comparison from ``comparison_to_json`` output and the articles it was made of."""
    passages = tuple(
        Passage(
            p["id"],
            p["article"],
            int(p["start"]),
            int(p["end"]),
            p["text"],
            bool(p.get("in_title", False)),
        )
        for p in data["passages"]
    )
    links = tuple(
        Link(
            link["a"],
            link["b"],
            float(link["score"]),
            bool(link["verbatim"]),
            tuple(
                Conflict(c["type"], _span(c["a"]), _span(c["b"]), c["explanation"])
                for c in link["conflicts"]
            ),
        )
        for link in data["links"]
    )
    claims = tuple(Claim(tuple(c["passages"]), tuple(c["articles"])) for c in data["claims"])
    variants = tuple(Variant("name", tuple(v["forms"])) for v in data["variants"])
    copies = tuple(
        (a["id"], a["copy_of"]) for a in data["articles"] if isinstance(a.get("copy_of"), str)
    )
    facts = fact_table_from_json(data.get("facts"))
    left_out = tuple(
        NotCompared(str(n["article"]), int(n["start"]), int(n["end"]), str(n["reason"]))
        for n in data.get("not_compared", ())
    )
    return Comparison(
        event, tuple(articles), passages, links, claims, variants, copies, facts, left_out
    )
