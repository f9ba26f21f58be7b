"""The figures of an event as a Markdown table; every piece of article text escaped first."""

from __future__ import annotations

from typing import Any

from index.comparison.sources import label
from index.text.markdown_escape import md_text

_NATURE = {"conflict": "conflict", "evolving": "differs over time"}


def _stated(row: dict[str, Any], value: dict[str, Any]) -> str:
    """How the reports wrote the value ("240 workers"), each wording once."""
    texts = dict.fromkeys(" ".join(row["facts"][i]["text"].split()) for i in value["facts"])
    return ", ".join(f"“{md_text(t)}”" for t in texts)


def _side(row: dict[str, Any], i: int, outlet: dict[str, str]) -> str:
    fact = row["facts"][i]
    name = outlet.get(fact["article_id"]) or fact["article_id"]
    where = ", headline" if fact["in_title"] else ""
    return f"“{md_text(' '.join(fact['text'].split()))}” (*{md_text(name)}*{where})"


def figures_markdown(facts: dict[str, Any], h: str, outlet: dict[str, str]) -> list[str]:
    """A ``h``-level section: one table row per value, disputed slots first, then each pair
    that disagrees; ``outlet`` names each report (by article id)."""
    rows = facts["rows"]
    disputed = sum(1 for r in rows if r["disputed"])
    m = facts["independent_sources"]
    out = [f"{h} Figures ({len(rows)} slots, {disputed} disputed)", ""]
    if not rows:
        return out + ["None.", ""]
    out += [
        f"Each value with the independent sources stating it (of {m}).",
        "",
        "| slot | value | sources | outlets | as written |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        nature = _NATURE.get(r["nature"] or "", "")
        slot = f"**{md_text(r['slot'])}**" + (f" ({nature})" if nature else "")
        for k, v in enumerate(r["values"]):
            outlets = ", ".join(md_text(o) for o in dict.fromkeys(v["outlets"]))
            out.append(
                f"| {slot if k == 0 else ''} | {md_text(v['value'])} "
                f"| {v['independent_sources']} of {m} | {outlets} | {_stated(r, v)} |"
            )
    out.append("")
    # One line per pair of wordings: the same two figures stated twice are one disagreement.
    pairs = dict.fromkeys(
        f"- **{md_text(r['slot'])}**: {_side(r, d['a'], outlet)} vs {_side(r, d['b'], outlet)}"
        f" ({_NATURE[d['nature']]})"
        for r in rows
        for d in r["disputes"]
    )
    if pairs:
        out += [f"{h}# Disputed figures, pair by pair", "", *pairs, ""]
    return out


def figures_page(data: dict[str, Any]) -> str:
    """A whole Markdown page of ``newsreader facts`` output (figures_to_json plus ``event`` and
    ``articles``): the title, the event id, the Figures section."""
    event = data.get("event")
    head = [f"# {md_text(event['title'] if event else 'Chosen reports')}", ""]
    if event:
        head += [f"Event id: {md_text(event['id'])}", ""]
    outlet = {a["id"]: label(a["source"], a["id"]) for a in data["articles"]}
    return "\n".join(head + figures_markdown(data, "##", outlet)).rstrip() + "\n"
