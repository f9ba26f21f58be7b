"""Word prefixes (``evacuat*``) matched against a stemmed index: the typed text, not its stem."""

from __future__ import annotations

from typing import Any

from whoosh import query as wq
from whoosh.qparser import plugins, syntax
from whoosh.support.charset import accent_map

from index.engine.schema import DEFAULT_FIELDS, text_analyzer

# Endings tried after a typed prefix: "evacuat" + "ion" is indexed as "evacu", which no prefix of
# "evacuat" reaches. Inflections and the commonest derivations.
_COMPLETIONS = (
    "e",
    "s",
    "es",
    "ed",
    "ing",
    "ion",
    "ions",
    "y",
    "ies",
    "ied",
    "al",
    "ally",
    "ic",
    "ical",
    "ity",
    "ive",
    "ness",
    "ment",
    "ments",
    "er",
    "ers",
    "or",
    "ors",
    "ation",
    "ations",
    "ly",
    "ism",
    "ist",
    "ists",
    "able",
    "ance",
    "ence",
    "ant",
    "ent",
    "ful",
    "ous",
    "ize",
    "ise",
)
# A completion's stem shorter than this would match unrelated words ("a", "or").
_MIN_STEM = 3


def stem_prefixes(typed: str) -> tuple[str, list[str]]:
    """The prefix and the exact stems a typed word prefix stands for in a stemmed field.

    The prefix is the typed text, lower-cased and accent-folded like the index. The stems are
    those of the text and of the text + common endings that the prefix does not reach, when
    the text begins with them (``hospitals`` -> ``hospit``, ``evacuat`` + ``ion`` ->
    ``evacu``). The stem is never used as a prefix: ``mus*`` would find "mud" through "mu". A
    stemmed index cannot tell words of one stem apart, so ``organiz*`` also finds "organ"
    (the stem of "organization").
    """
    prefix = typed.lower().translate(accent_map)
    analyzer = text_analyzer()
    stems: set[str] = set()
    for ending in ("",) + _COMPLETIONS:
        tokens = [token.text for token in analyzer(prefix + ending)]
        if len(tokens) != 1:
            continue
        stem = tokens[0]
        if not stem.startswith(prefix) and len(stem) >= _MIN_STEM and prefix.startswith(stem):
            stems.add(stem)
    return prefix, sorted(stems)


class TypedPrefixNode(plugins.PrefixPlugin.PrefixNode):  # type: ignore[misc]
    """A prefix node whose query on a stemmed field starts from the typed text."""

    def query(self, parser: Any) -> wq.Query:
        fieldname = self.fieldname or parser.fieldname
        if fieldname not in DEFAULT_FIELDS:
            return super().query(parser)  # id:, path:, source: are not stemmed
        prefix, stems = stem_prefixes(self.text)
        parts: list[wq.Query] = [wq.Prefix(fieldname, prefix, boost=self.boost)]
        parts += [wq.Term(fieldname, stem, boost=self.boost) for stem in stems]
        q = parts[0] if len(parts) == 1 else wq.Or(parts)
        return syntax.attach(q, self)


class TypedPrefixPlugin(plugins.Plugin):  # type: ignore[misc]
    """Turns the wildcard plugin's prefix nodes into TypedPrefixNode (after it, before the
    multifield plugin copies nodes per field)."""

    def filters(self, parser: Any) -> list[tuple[Any, int]]:
        return [(self._retype, 60)]

    def _retype(self, parser: Any, group: Any) -> Any:
        for index, node in enumerate(group):
            if type(node) is plugins.PrefixPlugin.PrefixNode:
                typed = TypedPrefixNode(node.text)
                typed.startchar, typed.endchar = node.startchar, node.endchar
                group[index] = typed
            elif isinstance(node, syntax.GroupNode):
                self._retype(parser, node)
        return group
