"""Acts denied or hedged in one report and stated plainly in another, wherever they stand.

"never checked into the clinic" in paragraph six and "had checked into the clinic" in a lede do
not align as sentences, so the pairwise negation and certainty checks never saw them together.
Here every passage with a negated or hedged verb is paired with the passages of other reports
that use the same verb, and each pair is judged by the same tests as an aligned sentence pair
(index/conflicts/certainty.py: same verb, same subject, two content words in common).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from index.base.models import Article, Conflict, Passage, Span
from index.conflicts.certainty import (
    certainty_conflicts,
    marked_verbs,
    negation_conflicts,
    verb_group,
)
from index.conflicts.objects import same_object
from index.text.lexicon import stem

_WORD = re.compile(r"[a-z][a-z'-]+")
# A verb in more passages than this is too common to pair by (a list, a generated text): the
# work stays near linear whatever the event.
_MOST = 60


def polarity_pair_conflicts(
    articles: Sequence[Article], by_article: Mapping[str, Sequence[Passage]]
) -> list[tuple[Passage, Passage, Conflict]]:
    """Negation and certainty conflicts between passages of different reports."""
    passages = [p for a in articles for p in by_article.get(a.id, ())]
    by_verb: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(passages):
        for w in {stem(m.group()) for m in _WORD.finditer(p.text)}:
            by_verb[w].append(i)
    out: list[tuple[Passage, Passage, Conflict]] = []
    done: set[frozenset[str]] = set()
    for p in passages:
        for verb in marked_verbs(p.text):
            ids = {j for v in verb_group(verb) for j in by_verb.get(v, ())}
            if len(ids) > _MOST:
                continue
            for j in sorted(ids):
                q = passages[j]
                key = frozenset((p.id, q.id))
                if q.article_id == p.article_id or key in done:
                    continue
                found = negation_conflicts(p.text, q.text) or certainty_conflicts(p.text, q.text)
                if found and same_object(p.text, found[0].a, q.text, found[0].b):
                    done.add(key)
                    c = found[0]
                    a_side, b_side = _to_body(p, c.a), _to_body(q, c.b)
                    out.append((p, q, Conflict(c.type, a_side, b_side, c.explanation)))
    return out


def _to_body(p: Passage, span: Span) -> Span:
    """A span local to a passage's text, moved to the body's offsets."""
    return Span(p.start + span.start, p.start + span.end, span.text)
