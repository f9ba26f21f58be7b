"""Render the export document as Markdown; every piece of article text is escaped first."""

from __future__ import annotations

import re
from typing import Any

from index.export.figures_md import figures_markdown
from index.text.markdown_escape import md_text

_SAFE_URL = re.compile(r"^(https?://|mailto:)[^\s<>()\\]+$", re.IGNORECASE)


def md_lines(text: str) -> str:
    """Multi-line untrusted text (a note): each line escaped, joined by hard line breaks."""
    lines = [md_text(line) for line in text.splitlines() if line.strip()]
    return "\\\n".join(lines)


def named(item: dict[str, Any]) -> str:
    """A report's or excerpt's label, as the JSON gives it (index/export/build.py's ``label``:
    the outlet, else "(no outlet) FILE"), so every part of a page names a report alike."""
    return str(item.get("label") or item.get("source") or "(no outlet)")


def cite(ex: dict[str, Any]) -> str:
    """Outlet, title, date and path of an excerpt, as one escaped line."""
    outlet = md_text(named(ex))
    title = md_text(ex.get("title") or "title unknown")
    date = md_text(ex.get("published") or "date unknown")
    return f"— *{outlet}*, “{title}”, {date}, {md_text(ex['path'])}"


def quote(ex: dict[str, Any]) -> list[str]:
    """An excerpt as a block quote followed by its citation (ends with a blank line)."""
    head = "**Headline:** " if ex.get("in_title") else ""  # the title, not a body sentence
    return [f"> {head}{md_text(ex['text'])}", ">", f"> {cite(ex)}", ""]


def word_diff(diff: list[list[str]]) -> str:
    """A quote diff as words: ~~only in the first~~ and **only in the second**."""
    out: list[str] = []
    for op, word in diff:
        w = md_text(word)
        out.append(w if op == "=" else f"~~{w}~~" if op == "-" else f"**{w}**")
    return " ".join(out).replace("~~ ~~", " ").replace("** **", " ")


def _reports(ev: dict[str, Any], h: str) -> list[str]:
    out = [f"{h} Reports ({len(ev['reports'])})", ""]
    sources = ev.get("independent_sources")
    if sources is not None and sources != len(ev["reports"]):
        n = len(ev["reports"])
        out += [
            f"{n} reports · {sources} independent sources (a copy counts with its original).",
            "",
        ]
    outlet = {r["id"]: named(r) for r in ev["reports"]}
    for n, r in enumerate(ev["reports"], 1):
        url = r.get("url") or ""
        link = f" · [link]({url})" if _SAFE_URL.match(url) else ""
        original = r.get("copy_of")
        copy = f" · *copy of {md_text(outlet.get(original, original))}*" if original else ""
        out.append(
            f"{n}. **{md_text(named(r))}**: "
            f"{md_text(r['title'])} ({md_text(r['published'] or 'date unknown')}), "
            f"{md_text(r['path'])}{link}{copy}"
        )
    return out + [""]


def _support(claim: dict[str, Any]) -> str:
    """'3 of 4 sources', counting independent sources, '(5 reports)' when copies made more."""
    k, m = claim.get("independent_sources", claim["support"]), claim.get("total_sources")
    if m is None:
        m = claim["total"]
    reports = f" ({claim['support']} reports)" if claim["support"] != k else ""
    return f"{k} of {m} sources{reports}"


def _claims(ev: dict[str, Any], h: str) -> list[str]:
    out = [f"{h} Claims shared by several reports ({len(ev['claims'])})", ""]
    if not ev["claims"]:
        out += ["None.", ""]
    for n, claim in enumerate(ev["claims"], 1):
        names = ", ".join(md_text(s) for s in claim["sources"])
        out += [f"{h}# {n}. {_support(claim)}: {names}", ""]
        for ex in claim["excerpts"]:
            out += quote(ex)
    return out


def _conflict(n: int, x: dict[str, Any], h: str) -> list[str]:
    out = [f"{h}# {n}. {md_text(x['type'])}: {md_text(x['explanation'])}", ""]
    for side in ("a", "b"):
        ex = x[side]
        out += [
            f"*{md_text(named(ex))}* "
            f"({md_text(ex.get('published') or 'date unknown')}) says "
            f"“{md_text(ex['span']['text'])}”:",
            "",
        ]
        out += quote(ex)
    if x.get("diff"):
        out += [f"Word diff: {word_diff(x['diff'])}", ""]
    return out


def _conflicts(ev: dict[str, Any], h: str) -> list[str]:
    out = [f"{h} Conflicts ({len(ev['conflicts'])})", ""]
    if not ev["conflicts"]:
        out += ["None.", ""]
    for n, x in enumerate(ev["conflicts"], 1):
        out += _conflict(n, x, h)
    gone = ev.get("dismissed_conflicts") or []
    if gone:
        out += [f"{h} Conflicts you dismissed as false ({len(gone)})", ""]
        for x in gone:
            out.append(
                f"- {md_text(x['type'])}: {md_text(x['explanation'])} "
                f"({md_text(x['a']['path'])} / {md_text(x['b']['path'])})"
            )
        out.append("")
    return out


def _variants(ev: dict[str, Any], h: str) -> list[str]:
    """Names the reports spell differently: each form with the outlets that write it."""
    if not ev.get("variants"):
        return []
    out = [f"{h} Name variants (not conflicts)", ""]
    for variant in ev["variants"]:
        forms = [
            md_text(f["form"]) + (f" ({md_text(', '.join(f['outlets']))})" if f["outlets"] else "")
            for f in variant["forms"]
        ]
        out.append("- " + " / ".join(forms))
    return [*out, ""]


def _unique(ev: dict[str, Any], h: str) -> list[str]:
    out = [f"{h} What only one report says", ""]
    meta = {r["id"]: r for r in ev["reports"]}
    for group in ev["unique"]:
        r = meta[group["article"]]
        out += [f"{h}# {md_text(named(r))}: {md_text(r['title'])}", ""]
        out += [line for ex in group["excerpts"] for line in quote(ex)] or ["Nothing.", ""]
    return out


def _marks(ev: dict[str, Any], h: str) -> list[str]:
    out = [f"{h} Your marked excerpts ({len(ev['marks'])})", ""]
    if not ev["marks"]:
        out += ["None.", ""]
    for n, m in enumerate(ev["marks"], 1):
        label = md_text(m["label"]) if m["label"] else "no label"
        out += [f"{h}# {n}. {label}", ""]
        if m["status"] == "orphaned":
            out += ["*Orphaned: this text is no longer in the report; the saved text follows.*", ""]
        elif m["status"] == "changed":
            out += ["*The report was edited; this is the passage as it reads now.*", ""]
        out += quote(m["excerpt"])
        if m["note"].strip():
            out += [f"**Note:** {md_lines(m['note'])}", ""]
    return out


def event_markdown(ev: dict[str, Any], level: int = 1) -> str:
    """One event's section; its title is a heading of ``level``."""
    h = "#" * (level + 1)
    title = md_text(ev["title"])
    out = ["#" * level + " " + title, ""]
    if ev.get("id"):
        out += [f"Event id: {md_text(ev['id'])}", ""]
    if ev.get("corrected"):
        out += ["*You corrected this event's grouping (a merge, move or split).*", ""]
    elif "claims" in ev:
        out += ["Reports chosen by hand", ""]
    # (no id and no claims: the marks whose reports are gone, which have no reports to list)
    if ev["reports"] or "claims" in ev:
        out += _reports(ev, h)
    if "claims" in ev:
        out += _claims(ev, h) + _conflicts(ev, h) + _variants(ev, h)
        if "facts" in ev:
            outlet = {r["id"]: named(r) for r in ev["reports"]}
            out += figures_markdown(ev["facts"], h, outlet)
        out += _unique(ev, h)
    out += _marks(ev, h)
    return "\n".join(out)


def document_markdown(doc: dict[str, Any]) -> str:
    """The whole export: one event at top level, or several under one title."""
    footer = (
        f"---\n\nExported by newsreader on {md_text(doc['generated'])} "
        f"from {md_text(doc['corpus'])}.\n"
    )
    if doc["scope"] == "event" and len(doc["events"]) == 1:
        return event_markdown(doc["events"][0]) + "\n" + footer
    total = sum(len(ev["marks"]) for ev in doc["events"])
    head = ["# Marked excerpts", "", f"{total} mark(s) in {len(doc['events'])} event(s).", ""]
    body = [event_markdown(ev, 2) for ev in doc["events"]]
    return "\n".join(head + body) + "\n" + footer
