"""What one text states: numbers and what they count, dates, names and their spellings."""

from __future__ import annotations

from index.facts.dates import DateMention, compatible, extract_dates
from index.facts.names import candidate_names, name_key, name_variants, same_name
from index.facts.numbers import Quantity, extract_quantities

__all__ = [
    "DateMention",
    "Quantity",
    "candidate_names",
    "compatible",
    "extract_dates",
    "extract_quantities",
    "name_key",
    "name_variants",
    "same_name",
]
