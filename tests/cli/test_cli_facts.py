"""newsreader facts: the event's figures by slot, disputed first, in text, JSON and Markdown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import write_corpus
from tui_reader.cli import main


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("facts")
    return write_corpus(root), root / "ix"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _args(corpus: tuple[Path, Path]) -> list[str]:
    return ["--corpus", str(corpus[0]), "--index-dir", str(corpus[1])]


def _harbour_event(capsys: pytest.CaptureFixture[str], corpus: tuple[Path, Path]) -> str:
    _, out, _ = run(capsys, "events", *_args(corpus), "--format", "json")
    events = json.loads(out)["events"]
    return next(e["id"] for e in events if len(e["articles"]) == 3)


def test_json_follows_the_schema_disputed_slot_first(
    capsys: pytest.CaptureFixture[str], corpus: tuple[Path, Path]
) -> None:
    event = _harbour_event(capsys, corpus)
    code, out, err = run(capsys, "facts", "--event", event, *_args(corpus), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["event"]["id"] == event
    assert (data["reports"], data["independent_sources"]) == (3, 3)
    assert [a["id"] for a in data["articles"]] == [
        "harbour/bay-gazette.md",
        "harbour/coast-herald.md",
        "harbour/island-post.md",
    ]
    first = data["rows"][0]
    assert (first["slot"], first["disputed"], first["nature"]) == ("worker", True, "conflict")
    assert [(v["value"], v["independent_sources"]) for v in first["values"]] == [
        ("240", 1),
        ("410", 1),
    ]
    assert first["values"][0]["outlets"] == ["[Reuters]"]
    assert first["disputes"][0]["nature"] == "conflict"
    assert not any(r["disputed"] for r in data["rows"][1:])
    # every fact's text is exactly the words at its offsets (title or body)
    by_id = {a["id"]: a for a in data["articles"]}
    for row in data["rows"]:
        for f in row["facts"]:
            assert set(f) == {
                "article_id", "in_title", "start", "end", "text", "slot", "kind", "value",
                "low", "high",
            }  # fmt: skip
            assert f["article_id"] in by_id
    headline = [f for r in data["rows"] for f in r["facts"] if f["in_title"]]
    assert headline and headline[0]["text"] == "two days"


def test_text_never_prints_overlong_lines(
    capsys: pytest.CaptureFixture[str], corpus: tuple[Path, Path], tmp_path: Path
) -> None:
    event = _harbour_event(capsys, corpus)
    code, out, _ = run(capsys, "facts", "--event", event, *_args(corpus))
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == "3 reports, 3 independent sources; 3 slots, 1 disputed"
    assert lines[3] == "worker  (! conflict)"
    assert lines[4].split() == ["240", "1", "of", "3", "sources:", "[Reuters]"]
    assert '"240 workers" ([Reuters]) vs "410 workers" (Coast Herald)' in out
    # one report with a very long outlet name and figures: wrapped, never over 100 columns
    long = tmp_path / "long"
    long.mkdir()
    (long / "a.md").write_text(
        '---\ntitle: Toll rises\nsource: "' + "Very Long Outlet Name " * 12 + '"\n---\n\n'
        "Officials said 12 people were killed on Monday and 30 people were injured.\n",
        encoding="utf-8",
    )
    code, out, _ = run(
        capsys, "facts", "a.md", "--corpus", str(long), "--index-dir", str(tmp_path / "ix")
    )
    assert code == 0 and "people killed" in out
    assert max(len(line) for line in out.splitlines()) <= 100
    assert "Very Long Outlet Name Very" in out


def test_markdown_and_article_ids(
    capsys: pytest.CaptureFixture[str], corpus: tuple[Path, Path]
) -> None:
    code, out, _ = run(
        capsys,
        "facts",
        "harbour/bay-gazette.md",
        "harbour/coast-herald.md",
        *_args(corpus),
        "--format",
        "md",
    )
    assert code == 0
    assert out.startswith("# Chosen reports\n")
    assert "## Figures (3 slots, 1 disputed)" in out
    assert "| **worker** (conflict) | 240 | 1 of 2 | \\[Reuters\\] |" in out


def test_bad_targets_are_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], corpus: tuple[Path, Path]
) -> None:
    for argv in (
        ["facts", *_args(corpus)],
        ["facts", "--event", "ev-nope", *_args(corpus)],
        ["facts", "nope.md", *_args(corpus)],
        ["facts", "--event", "x", "harbour/bay-gazette.md", *_args(corpus)],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == "" and len(err.strip().splitlines()) == 1, argv
