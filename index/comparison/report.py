"""Render a Comparison as a plain-text or Markdown report (its JSON is in json_form.py)."""

from __future__ import annotations

import textwrap
from typing import Any

from index.base.models import Comparison, Passage
from index.comparison.build import distinct_conflicts, unique_passages
from index.comparison.sources import copy_of, independent_sources

# Article text is untrusted: every piece of it goes through one of these on its way out.
from index.text.controls import strip_controls as _plain
from index.text.markdown_escape import escape_markdown as _md


def _said(p: Passage) -> str:
    """A passage's text as shown, a headline named as such (it is not a body sentence)."""
    return f"Headline: {p.text}" if p.in_title else p.text


def _counts(c: Comparison) -> str:
    """ "5 reports · 3 independent sources" (copies of one report are one source)."""
    n, m = len(c.articles), independent_sources(c)
    return f"{n} report{'s' * (n != 1)} · {m} independent source{'s' * (m != 1)}"


def _support(c: Comparison, articles: tuple[str, ...]) -> str:
    """A claim's support: "3 of 4 sources", families counted once ("(5 reports)" if copies)."""
    k, m, n = independent_sources(c, articles), independent_sources(c), len(articles)
    return f"{k} of {m} sources" + (f" ({n} reports)" if n != k else "")


def _labels(c: Comparison) -> dict[str, str]:
    """A short label per article: its outlet, else its id (titles are too long to repeat)."""
    return {a.id: _plain(a.source or a.id) for a in c.articles}


def _sections(c: Comparison) -> dict[str, Any]:
    """What every renderer shows, in order: claims, conflicts, unique passages per article."""
    passage = {p.id: p for p in c.passages}
    conflicts = distinct_conflicts((link, x) for link in c.links for x in link.conflicts)
    unique = {a.id: unique_passages(c, a.id) for a in c.articles}
    return {"passage": passage, "conflicts": conflicts, "unique": unique}


def comparison_to_text(c: Comparison, width: int | None = None) -> str:
    """A readable plain-text report, strongest claims first; with ``width``, every line is
    wrapped to it at spaces (continuation lines indented four more), as a terminal shows it."""
    label, s = _labels(c), _sections(c)
    passage: dict[str, Passage] = s["passage"]
    title = c.event.title if c.event else "Selected articles"
    original = copy_of(c)
    out = [f"Comparison: {_plain(title)} ({_counts(c)})", ""]
    for a in c.articles:
        line = f"  [{label[a.id]}] {_plain(a.title)} ({a.published or 'date unknown'}) {a.id}"
        if a.id in original:
            line += f" (copy of {_plain(original[a.id])})"
        out.append(line)
    out += [f"  Not compared [{label[n.article_id]}]: {n.reason}" for n in c.not_compared]
    out += ["", f"Shared claims ({len(c.claims)}):"]
    for k, claim in enumerate(c.claims, 1):
        out.append(f"{k}. {_support(c, claim.articles)}")
        for pid in claim.passages:
            p = passage[pid]
            out.append(f"   [{label[p.article_id]}] {_plain(_said(p))}")
    out += ["", f"Conflicts ({len(s['conflicts'])}):"]
    for link, x in s["conflicts"]:
        pa, pb = passage[link.a], passage[link.b]
        out.append(f"- {x.type}: {_plain(x.explanation)}")
        out.append(f'   [{label[pa.article_id]}] "{_plain(x.a.text)}" in: {_plain(_said(pa))}')
        out.append(f'   [{label[pb.article_id]}] "{_plain(x.b.text)}" in: {_plain(_said(pb))}')
    if c.variants:
        out += ["", "Name variants (not conflicts):"]
        out += [f"- {' / '.join(_plain(f) for f in v.forms)}" for v in c.variants]
    out += ["", "Only in one report:"]
    for a in c.articles:
        only = s["unique"][a.id]
        out.append(f"  [{label[a.id]}] {len(only)} passage(s)")
        out += [f"   - {_plain(_said(p))}" for p in only]
    return "\n".join(out if width is None else _fit(out, width)) + "\n"


def _fit(lines: list[str], width: int) -> list[str]:
    """Each line wrapped to ``width`` characters (at least 20), keeping its indent."""
    width = max(width, 20)
    out: list[str] = []
    for line in lines:
        if len(line) <= width:
            out.append(line)
            continue
        text = line.lstrip(" ")
        indent = " " * min(len(line) - len(text), width // 2)
        out += textwrap.wrap(
            text,
            width,
            initial_indent=indent,
            subsequent_indent=indent + "    ",
            break_long_words=True,
            break_on_hyphens=False,
        )
    return out


def comparison_to_markdown(c: Comparison) -> str:
    """The same report as Markdown; article text is escaped so it can never become markup."""
    label, s = _labels(c), _sections(c)
    passage: dict[str, Passage] = s["passage"]
    title = c.event.title if c.event else "Selected articles"
    original = copy_of(c)
    out = [
        f"# Comparison: {_md(title)}",
        "",
        _md(_counts(c)),
        "",
        "| Source | Title | Published | Id |",
        "|---|---|---|---|",
    ]
    for a in c.articles:
        out.append(
            f"| {_md(label[a.id])} | {_md(a.title)} | {_md(a.published or 'unknown')} "
            f"| {_md(a.id)}{_md(f' (copy of {original[a.id]})') if a.id in original else ''} |"
        )
    if c.not_compared:
        out.append("")
        for n in c.not_compared:
            out.append(f"Not compared, *{_md(label[n.article_id])}*: {_md(n.reason)}")
    out += ["", f"## Shared claims ({len(c.claims)})", ""]
    if not c.claims:
        out.append("None.")
    for k, claim in enumerate(c.claims, 1):
        out.append(f"{k}. **{_md(_support(c, claim.articles))}**")
        for pid in claim.passages:
            p = passage[pid]
            out.append(f"    - *{_md(label[p.article_id])}*: {_md(_said(p))}")
    out += ["", f"## Conflicts ({len(s['conflicts'])})", ""]
    if not s["conflicts"]:
        out.append("None.")
    for link, x in s["conflicts"]:
        pa, pb = passage[link.a], passage[link.b]
        out.append(f"- **{x.type}**: {_md(x.explanation)}")
        out.append(f"    - *{_md(label[pa.article_id])}*: {_md(_said(pa))} (“{_md(x.a.text)}”)")
        out.append(f"    - *{_md(label[pb.article_id])}*: {_md(_said(pb))} (“{_md(x.b.text)}”)")
    if c.variants:
        out += ["", "## Name variants (not conflicts)", ""]
        out += [f"- {' / '.join(_md(f) for f in v.forms)}" for v in c.variants]
    out += ["", "## Only in one report", ""]
    for a in c.articles:
        out += [f"### {_md(label[a.id])}", ""]
        only = s["unique"][a.id]
        out += [f"- {_md(_said(p))}" for p in only] or ["Nothing unique."]
        out.append("")
    return "\n".join(out) + "\n"
