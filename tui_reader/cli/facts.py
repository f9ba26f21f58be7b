"""``newsreader facts``: an event's figures and dates by slot, disputed slots first."""

from __future__ import annotations

import argparse
import json
import textwrap
from typing import Any

from .common import EXIT_OK, fail, named_event, ready_index
from .output import safe

WIDTH = 100  # no line of the text output is longer


def facts(args: argparse.Namespace) -> int:
    from index import compare, figures_of, figures_to_json

    if bool(args.event) == bool(args.articles):
        return fail("give either --event ID or one or more article ids")
    index = ready_index(args)
    event = None
    if args.event:
        found = named_event(args, index)
        if isinstance(found, str):
            return fail(found)
        event, articles = found
    else:
        articles = []
        for article_id in dict.fromkeys(args.articles):
            article = index.article(article_id)
            if article is None:
                return fail(f"no article with id {article_id!r} in {index.corpus}")
            articles.append(article)
    comparison = compare(articles, event)
    copy_of = dict(comparison.copies)
    data: dict[str, Any] = {
        "event": None if event is None else {"id": event.id, "title": event.title},
        "articles": [{**a.to_meta(), "copy_of": copy_of.get(a.id)} for a in comparison.articles],
        **figures_to_json(figures_of(comparison)),
    }
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
    elif args.format == "md":
        from index import figures_page

        print(figures_page(data), end="")
    else:
        print(facts_text(data))
    return EXIT_OK


def _outlets(data: dict[str, Any]) -> dict[str, str]:
    return {a["id"]: a["source"] or f"(no outlet) {a['id']}" for a in data["articles"]}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _wrap(text: str, indent: int, hang: int = 4) -> list[str]:
    return textwrap.wrap(
        safe(text),
        WIDTH,
        initial_indent=" " * indent,
        subsequent_indent=" " * (indent + hang),
        break_long_words=True,
        break_on_hyphens=False,
    ) or [" " * indent]


_NATURE = {"conflict": "! conflict", "evolving": "~ differs over time"}


def facts_text(data: dict[str, Any]) -> str:
    """Plain text, no line over WIDTH: each slot, its values with 'n of m sources' and outlets,
    then the pairs that disagree."""
    outlet = _outlets(data)
    m = data["independent_sources"]
    event = data["event"]
    title = f"{event['id']}  {event['title']}" if event else "Chosen reports"
    rows = data["rows"]
    disputed = sum(1 for r in rows if r["disputed"])
    lines = _wrap(_flat(title), 0)
    lines += _wrap(
        f"{data['reports']} reports, {m} independent sources; "
        f"{len(rows)} slots, {disputed} disputed",
        0,
    )
    if not rows:
        lines += ["", "No figures or dates found."]
    for r in rows:
        lines.append("")
        nature = _NATURE.get(r["nature"] or "")
        slot = _flat(r["slot"])
        lines += _wrap(f"{slot}  ({nature})" if nature else slot, 0)
        for v in r["values"]:
            names = ", ".join(dict.fromkeys(_flat(o) for o in v["outlets"]))
            lines += _wrap(
                f"{_flat(v['value']):<16} {v['independent_sources']} of {m} sources: {names}",
                2,
                17,
            )
        pairs = dict.fromkeys(
            f"{_side(r, d['a'], outlet)} vs {_side(r, d['b'], outlet)}"
            + (" (grew)" if d["nature"] == "evolving" else "")
            for d in r["disputes"]
        )
        for pair in pairs:
            lines += _wrap(pair, 4)
    return "\n".join(lines)


def _side(row: dict[str, Any], i: int, outlet: dict[str, str]) -> str:
    fact = row["facts"][i]
    where = ", headline" if fact["in_title"] else ""
    name = _flat(outlet.get(fact["article_id"], fact["article_id"]))
    return f'"{_flat(fact["text"])}" ({name}{where})'
