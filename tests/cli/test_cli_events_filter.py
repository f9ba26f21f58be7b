"""CLI: `newsreader events` sorts and filters as the reader does (--sort, --outlet, --since,
--until, --has-conflict, --filter); a bad filter is one line, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import write_corpus
from tui_reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(tmp_path: Path) -> list[str]:
    folder = write_corpus(tmp_path)
    return ["--corpus", str(folder), "--index-dir", str(tmp_path / "ix"), "--format", "json"]


def titles(out: str) -> list[str]:
    return [e["title"] for e in json.loads(out)["events"]]


def test_filters(corpus: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "events", *corpus, "--outlet", "coast herald")
    assert code == 0 and len(titles(out)) == 1 and titles(out)[0].startswith("Ferry strike")
    _, out, _ = run(capsys, "events", *corpus, "--since", "2025-04-01")
    assert titles(out) == ["Orchid growers crowd the spring garden show"]
    _, out, _ = run(capsys, "events", *corpus, "--until", "2025-03-31")
    assert [t[:5] for t in titles(out)] == ["Ferry"]
    _, out, _ = run(capsys, "events", *corpus, "--filter", "orchid outlet:valley")
    assert len(titles(out)) == 1
    _, out, _ = run(capsys, "events", *corpus, "--outlet", "nobody")
    assert titles(out) == []


def test_conflicts_are_counted_to_filter_and_sort(
    corpus: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "events", *corpus, "--has-conflict", "number")
    events = json.loads(out)["events"]
    assert code == 0 and len(events) == 1
    assert events[0]["conflicts"]["number"] >= 1  # 240 against 410 workers
    _, out, _ = run(capsys, "events", *corpus, "--sort", "title")
    assert titles(out) == sorted(titles(out), key=str.casefold)
    _, out, _ = run(capsys, "events", *corpus, "--sort", "conflicts")
    events = json.loads(out)["events"]
    assert events[0]["conflicts"]["number"] >= 1 and events[1]["conflicts"] == {}
    _, text, _ = run(capsys, "events", *corpus[:-2], "--has-conflict", "any", "--format", "text")
    assert "(3 reports," in text and "conflict" in text and "number" in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--since", "soon"], "not a date"),
        (["--filter", "conflict:colour"], "no conflict type 'colour'"),
        (["--filter", "weather:rain"], "unknown field 'weather'"),
    ],
)
def test_bad_filter_is_one_line_exit_2(
    corpus: list[str], capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "events", *corpus, *argv)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
