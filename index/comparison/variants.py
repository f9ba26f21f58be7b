"""Which reports of a comparison write each spelling of a name (Zelensky / Zelenskyy)."""

from __future__ import annotations

import re
from functools import lru_cache

from index.base.models import Comparison, Variant


@lru_cache(maxsize=1024)
def _form_pattern(form: str) -> re.Pattern[str]:
    # the form as a whole word: "Zelensky" is not found inside "Zelenskyy"
    return re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")


def spelled_in(form: str, text: str) -> bool:
    """Does ``text`` write the name ``form`` exactly, as whole words?"""
    return _form_pattern(form).search(text) is not None


def variant_reports(c: Comparison, variant: Variant) -> dict[str, tuple[str, ...]]:
    """Each form of ``variant`` with the ids of the reports whose text writes it, in the
    comparison's order (a form only a headline uses has none)."""
    return {
        form: tuple(a.id for a in c.articles if spelled_in(form, a.body)) for form in variant.forms
    }
