"""Source inference: only what a text says about its own origin counts; cited outlets never do."""

from __future__ import annotations

import pytest

from index.ingest.sources import infer_source

BODY = "The mayor opened the new bridge on Tuesday.\n\nTraffic was light in the morning.\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wire tag closing the last real paragraph, trailing furniture ignored
        (BODY + "Officials said more bridges would follow. (Yonhap)\n", "Yonhap"),
        (
            BODY + "Officials said more bridges would follow. (Yonhap)\n\nAdvertisement\nShare\n",
            "Yonhap",
        ),
        (BODY + "Officials said more bridges would follow.\u201d (AP)", "AP"),
        (BODY + "More bridges will follow. (Yonhap)\n\njdoe@example.org\n(END)", "Yonhap"),
        # "originally appeared on" names the outlet, with or without a headline after it
        (BODY + "This article originally appeared on Metro Daily: Bridge opens\n", "Metro Daily"),
        (BODY + "This story first appeared in The Harbour Times.", "The Harbour Times"),
        # byline near the top
        ("Bridge opens\nJane Roe, CITY WIRE\n\n" + BODY, "CITY WIRE"),
        ("Bridge opens\nBy Jane Roe and Max Poe, The Valley News\n\n" + BODY, "The Valley News"),
        # lone outlet line at the top confirmed by the byline
        ("CITY WIRE\nBridge opens\nJane Roe, CITY WIRE\n" + BODY, "CITY WIRE"),
        # wire dateline
        ("SPRINGFIELD (AP) \u2014 " + BODY, "AP"),
        ("SPRINGFIELD, Oct 21 (Reuters) - " + BODY, "Reuters"),
        ("SPRINGFIELD, Oct. 21 (Yonhap) -- " + BODY, "Yonhap"),
        ("SPRINGFIELD, Ill. (AP) \u2014 " + BODY, "AP"),
        ("SPRINGFIELD, South Korea (AP) \u2014 " + BODY, "AP"),
    ],
)
def test_own_origin_is_the_source(text: str, expected: str) -> None:
    assert infer_source(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        "",
        # cited, not the origin
        "City Wire reported the information.\n" + BODY,
        BODY + "The figure was first reported by Reuters.",
        BODY + "The toll rose, according to Reuters.",
        BODY + "Contributing: Reuters",
        BODY + "(Reporting by Jane Roe; Editing by Max Poe)",
        # a plain dateline is a place
        "SPRINGFIELD - " + BODY,
        "SPRINGFIELD, Ill. - " + BODY,
        # a parenthesis in an ordinary first sentence is not a wire dateline
        "The agency (NIS) - as it is known - said so.\n" + BODY,
        # an acronym inside the sentence, and photo credits, are not wire tags
        BODY + "The agency spoke to the National Intelligence Service (NIS)",
        BODY + "A crowd gathered near the bridge. (File photo)",
        BODY + "Officials said so. (END)",
        BODY + "Officials said so. (Agencies)",
        # a wire tag that does not close the story
        "Officials said more bridges would follow. (Yonhap)\n\n" + BODY,
        # a name line without an outlet is not a byline with a source
        "Bridge opens\nJane Roe\n" + BODY,
        # an ordinary sentence with a comma near the top
        "Bridge opens\nThe mayor spoke, and the crowd cheered.\n" + BODY,
    ],
)
def test_no_own_origin_gives_none(text: str) -> None:
    assert infer_source(text) is None


def test_origin_line_beats_contributing_credit() -> None:
    text = BODY + "Contributing: Reuters\n\nThis article originally appeared on Metro Daily"
    assert infer_source(text) == "Metro Daily"


def test_control_sequences_do_not_leak_into_the_source() -> None:
    assert infer_source(BODY + "It ended. (Yon\x1b[31mhap)") == "Yonhap"
