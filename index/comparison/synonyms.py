"""The linking's table of news synonyms, kinds of action and country words: words and phrases
folded to one concept each ("envoy" is "ambassador", "pulled out" is "withdraw", "Moscow" is
Russia) before passages are compared. Its link figures are calibrated on it (bench/links_dev.py)."""

from __future__ import annotations

__all__ = ["COUNTRY_ADJECTIVES", "KINDS", "KIND_WORDS", "SYNONYM_GROUPS"]

# A small table of news synonyms (words and phrases) folded to one concept each. General news
# vocabulary only: it must help any event, not one story.
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("troop", "force", "soldier", "serviceman", "servicemen", "personnel", "infantrymen", "men"),
    ("ambassador", "envoy", "emissary"),
    ("summon", "called in", "call in", "calls in", "calling in"),
    ("withdraw", "withdrawal", "pull out", "pulled out", "get out", "take out", "retreat"),
    (
        "legal",
        "lawful",
        "in line with international law",
        "in accordance with international law",
        "within the framework of international law",
        "under international law",
    ),
    ("urge", "ask", "request", "demand", "call for", "called for", "calling for", "calls for"),
    ("immediate", "immediately", "right away", "at once", "without delay"),
    ("deny", "reject", "dismiss", "refute"),
    (
        "refuse",
        "decline",
        "would not say",
        "wouldn t say",
        "declined to say",
        "did not say",
        "didn t say",
        "declined to comment",
        "would not comment",
    ),
    ("condemn", "denounce", "decry"),
    ("send", "sent", "dispatch", "ship", "deploy", "deployment"),
    ("confirm", "verify", "corroborate"),
    ("security", "safety"),
    ("cooperation", "working together", "collaboration", "partnership"),
    ("aim", "aimed at", "directed against", "directed at", "targeted at", "targeting"),
    ("arrest", "detain", "taken into custody", "apprehend"),
    ("violate", "violation", "breach", "against"),
    ("intelligence", "spy"),
    ("agency", "service"),
    ("usa", "white house"),  # like "the Kremlin": the seat stands for the government
    ("war", "conflict"),
    ("fight", "combat", "battle"),
    ("consult", "talk", "talked"),
    ("help", "support", "assist", "aid"),
    ("serious", "grave", "major", "significant"),
    ("respond", "react", "reaction", "response"),
    ("country", "nation", "state"),
    ("joint", "jointly", "together"),
    ("means", "way"),
    ("act", "action"),
    ("resolution", "decision"),
    ("kill", "dead", "die"),
    ("meet", "met", "meeting"),
    ("speak", "spoke", "spoken", "phone", "phoned", "telephone", "phone call", "telephone call"),
)
# Kinds of action: different verbs that report one kind of event between the same parties ("X
# summoned Y" and "X met with Y" report one meeting). A shared kind is shared content for
# shares_content, but is not a concept: scores are unchanged. Values are concepts (synonym heads
# or stems); "told" is a stopword, so its kind is found on the words before stopwords are cut.
KINDS: dict[str, str] = {
    "meet": "contact",
    "summon": "contact",
    "consult": "contact",
    "speak": "contact",
}
KIND_WORDS = {"told": "contact", "tell": "contact", "tells": "contact"}  # stopwords
COUNTRY_ADJECTIVES = {
    "russian": "russia",
    "korean": "korea",
    "ukrainian": "ukraine",
    "american": "usa",
    "chinese": "china",
    "japanese": "japan",
    "british": "britain",
    "french": "france",
    "german": "germany",
    "israeli": "israel",
    "iranian": "iran",
    "n": "north",
    "s": "south",
    # A capital stands for its government in news copy ("Moscow said", "talks with Washington").
    "moscow": "russia",
    "kremlin": "russia",
    "washington": "usa",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "beijing": "china",
    "tokyo": "japan",
    "london": "britain",
    "paris": "france",
    "berlin": "germany",
    "tehran": "iran",
    "pyongyang": "korea",
}
