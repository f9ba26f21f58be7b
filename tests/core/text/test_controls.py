"""Untrusted text made inert: escape sequences, controls, Markdown specials; offsets kept."""

from __future__ import annotations

from index.text.controls import neutralize_controls, strip_controls
from index.text.markdown_escape import escape_markdown


def test_strip_controls_removes_csi_osc_and_bare_escape() -> None:
    raw = "red \x1b[31mtext\x1b[0m done\x1b]0;title\x07 and \x1b]52;c;aGVsbG8=\x1b\\ok\x1b"
    assert strip_controls(raw, normalise=True) == "red text done and ok"


def test_strip_controls_removes_osc8_hyperlink_but_keeps_its_text() -> None:
    raw = "see \x1b]8;;http://evil.example\x1b\\the link\x1b]8;;\x1b\\ now"
    assert strip_controls(raw, normalise=True) == "see the link now"


def test_strip_controls_removes_c0_c1_and_bidi_keeps_newline_tab_becomes_space() -> None:
    raw = "a\x00b\x07c\x9cd\u202eE\tf\ng\x7fh\x9b1mi"
    assert strip_controls(raw, normalise=True) == "abcdE f\ngh1mi"


def test_c1_controls_from_mojibake_do_not_swallow_words() -> None:
    # "it\u2019s" read as Latin-1 then re-encoded: U+0080/U+0099 are controls, the words stay
    assert strip_controls("it\u00e2\u0080\u0099s a \u009dquote and more words") == (
        "it\u00e2s a quote and more words"
    )


def test_strip_controls_normalises_newlines() -> None:
    assert strip_controls("one\r\ntwo\rthree\u2028four", normalise=True) == "one\ntwo\nthree\nfour"


def test_strip_controls_keeps_tabs_and_newlines_unless_normalising() -> None:
    raw = "a\tb\r\nc\x1b[1md\u202e"
    assert strip_controls(raw) == "a\tb\ncd"  # CR is a control; LF stays
    assert strip_controls(raw, normalise=True) == "a b\ncd"


def test_strip_controls_returns_clean_text_itself() -> None:
    text = "A clean line.\n\tIndented."
    assert strip_controls(text) is text


def test_neutralize_controls_keeps_every_offset() -> None:
    text = "pier \x1b[31mred\u202e b\x00\n"
    safe = neutralize_controls(text)
    assert len(safe) == len(text) and "\x1b" not in safe and "\u202e" not in safe
    assert safe.index("red") == text.index("red") and safe.endswith("\ufffd\n")


def test_escape_markdown_is_one_inert_line() -> None:
    assert escape_markdown("*bold* [x](y)\n<b>\x1b[2J") == "\\*bold\\* \\[x\\](y) \\<b\\>"
