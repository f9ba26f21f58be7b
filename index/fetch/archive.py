"""Entries a newer copy of a feed no longer lists: kept in an archive file beside the feed.

A feed lists its latest entries only. When a fetched copy drops some, the previous copy, reduced
to exactly those entries, is written as ``<feed stem>.gone-<time>.xml`` with a sidecar whose
``ids_as`` names the live feed file, so the kept entries keep their ids (and the user's marks)
and no entry is ever in two files.
"""

from __future__ import annotations

from lxml import etree

from index.ingest.feeds import entry_keys

_ENTRY = frozenset({"item", "entry"})
_CONTAINERS = frozenset({"channel", "feed", "RDF", "rss"})


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def vanished_entries(old: bytes, new: bytes) -> bytes | None:
    """``old`` reduced to the entries ``new`` no longer lists, or None when none vanished, or
    when ``old`` cannot be split safely (not well-formed XML, or its entry elements do not
    match the entries feedparser read: nothing is archived rather than something wrong)."""
    old_keys = entry_keys(old)
    kept = set(entry_keys(new))
    gone = {n for n, key in enumerate(old_keys) if key not in kept}
    if not gone:
        return None
    # No entity expansion, no network, no huge trees: the old copy is untrusted bytes too.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        tree = etree.fromstring(old, parser).getroottree()
    except etree.XMLSyntaxError:
        return None
    entries = [
        node
        for node in tree.getroot().iter()
        if _local(node.tag) in _ENTRY and _local(node.getparent().tag) in _CONTAINERS
    ]
    if len(entries) != len(old_keys):
        return None
    for n, node in enumerate(entries):
        if n not in gone:
            node.getparent().remove(node)
    encoding = tree.docinfo.encoding or "utf-8"
    data: bytes = etree.tostring(tree, xml_declaration=True, encoding=encoding)
    return data
