"""The words of titles: ranks, military grades, honorifics, company officers, the domains a
title belongs to, and its head word ("Deputy Foreign Minister": rank deputy, domain foreign,
head minister). One table, read by index/conflicts/roles.py."""

from __future__ import annotations

__all__ = [
    "DOMAIN",
    "HEAD",
    "HONORIFIC",
    "MILITARY",
    "OFFICERS",
    "QUALIFIER",
    "RANK",
    "STAFF",
    "TIME",
]

# "vice" and "deputy" translate one word (Korean/Russian titles): normalised to "deputy".
RANK = {
    "first": "first",
    "deputy": "deputy",
    "vice": "deputy",
    "acting": "acting",
    "senior": "senior",
    "assistant": "assistant",
    "under": "under",
    "presiding": "presiding",
    "associate": "associate",
}
# Ranks that specialise a job without changing it ("Presiding Judge" is a judge).
QUALIFIER = frozenset({"presiding", "senior", "chief"})
# "former president" and "president" name one person at two times: not compared.
TIME = frozenset({"former", "ex", "then", "outgoing", "incoming", "late"})
# Military ranks before a name ("spokesman Commander Nirad Sinha"): a rank of its own, compared
# only with another rank ("Commander" is not "Commodore"; "Colonel" may shorten "Lt. Colonel").
MILITARY = {
    "commander": "commander",
    "cmdr": "commander",
    "cdr": "commander",
    "commodore": "commodore",
    "captain": "captain",
    "capt": "captain",
    "colonel": "colonel",
    "col": "colonel",
    "lieutenant": "lieutenant",
    "lt": "lieutenant",
    "admiral": "admiral",
    "adm": "admiral",
    "major": "major",
    "maj": "major",
    "sergeant": "sergeant",
    "sgt": "sergeant",
    "brigadier": "brigadier",
    "brig": "brigadier",
    "corporal": "corporal",
    "cpl": "corporal",
}
# Forms of address that say nothing about a job ("General" is left here too: "Attorney General",
# "General Manager" and "Secretary-General" are no military ranks).
HONORIFIC = frozenset({"general", "gen", "private", "dr", "mr", "mrs", "ms", "sir", "dame", "rev"})
# The officers of a company, by their usual initials: "CEO" and "COO" are two jobs.
OFFICERS = frozenset({"ceo", "coo", "cfo", "cto", "cio", "cmo"})
DOMAIN = {
    w: w
    for w in (
        "foreign defense interior finance economy economic trade justice health education energy"
        " unification culture transport agriculture prime home labor labour environment"
        " security intelligence industry"
    ).split()
}
DOMAIN.update({"defence": "defense", "labour": "labor"})
# Head word -> (family, gender). Gender None: neutral ("spokesperson") never conflicts.
HEAD = {
    "spokesman": ("spokes", "m"),
    "spokeswoman": ("spokes", "f"),
    "spokesperson": ("spokes", None),
    "chairman": ("chair", "m"),
    "chairwoman": ("chair", "f"),
    "chairperson": ("chair", None),
    "chair": ("chair", None),
    "congressman": ("congress", "m"),
    "congresswoman": ("congress", "f"),
    "businessman": ("business", "m"),
    "businesswoman": ("business", "f"),
}
for _w in (
    "minister secretary ambassador envoy president director governor mayor senator"
    " chief head leader adviser advisor aide premier chancellor"
    " representative lawmaker official spokesperson prosecutor judge officer"
).split():
    HEAD.setdefault(_w, (_w.replace("advisor", "adviser"), None))

STAFF = frozenset({"spokes", "aide", "adviser", "officer", "official", "representative"})
