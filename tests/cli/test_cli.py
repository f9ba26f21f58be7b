"""The command line: help for every command, exit codes, one-line errors and the JSON shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui_reader.cli import COMMANDS, main


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli-index")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_command_has_help(command: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--help"] if command is None else [command, "--help"]
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: newsreader")
    # every option documents itself
    for line in out.splitlines():
        if line.strip().startswith("--") and "--help" not in line:
            assert len(line.split(None, 2)) >= 2, f"undocumented option: {line!r}"


def test_missing_folder_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope"
    for argv in (["index", str(missing)], ["search", "troops", "--corpus", str(missing)]):
        code, out, err = run(capsys, *argv)
        assert code == 2
        assert out == ""
        assert len(err.strip().splitlines()) == 1
        assert str(missing) in err


def test_missing_folder_for_the_app(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(tmp_path / "absent"))
    assert code == 2
    assert "absent" in err and len(err.strip().splitlines()) == 1


def test_index_prints_summary_then_skips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "one.txt").write_text("Harbour reopens\n\nThe harbour reopened on Monday.\n")
    (corpus / "broken.json").write_text("{not json")
    code, out, _ = run(capsys, "index", str(corpus), "--index-dir", str(tmp_path / "ix"))
    assert code == 0
    lines = out.strip().splitlines()
    assert "added 1" in lines[0]
    assert any(line.startswith("skipped broken.json") for line in lines[1:])
    code, out, _ = run(capsys, "index", str(corpus), "--index-dir", str(tmp_path / "ix"))
    assert "added 0" in out and "unchanged 1" in out


def test_search_json_shape(index_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "search", "troops", "--index-dir", str(index_dir), "--format", "json"
    )
    assert code == 0
    payload = json.loads(out)
    assert set(payload) == {"query", "total", "hits"}
    assert payload["query"] == "troops" and payload["total"] >= len(payload["hits"]) > 0
    for hit in payload["hits"]:
        assert set(hit) == {
            "id",
            "path",
            "title",
            "source",
            "published",
            "score",
            "snippet",
            "matches",
        }
        assert isinstance(hit["score"], float)
        assert all(isinstance(pair, list) and len(pair) == 2 for pair in hit["matches"])


def test_search_text_emphasises_matches(
    index_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "search", "ambassador", "--index-dir", str(index_dir))
    assert code == 0
    assert "**ambassador" in out.lower()


def test_search_text_says_when_the_total_is_a_lower_bound(
    index_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from index.engine import counts as search_count
    from index.engine import words as word_search

    code, out, _ = run(capsys, "search", "troops OR ministry", "--index-dir", str(index_dir))
    exact = int(out.split(" articles match")[0])
    assert code == 0 and exact > 3
    # force Whoosh's path and a count bound below the real total: the total is then a bound
    monkeypatch.setattr(word_search, "POSTINGS_BUDGET", 0)
    monkeypatch.setattr(search_count, "COUNT_BOUND", 2)
    code, out, _ = run(capsys, "search", "troops OR ministry", "--index-dir", str(index_dir))
    head = out.split(" articles match")[0]
    assert code == 0 and head.endswith("+") and 2 <= int(head[:-1]) <= exact


@pytest.mark.parametrize("query", ['"unclosed phrase', "(troops", "title:", "AND"])
def test_malformed_query_is_one_line_exit_2(
    query: str, index_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "search", query, "--index-dir", str(index_dir))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and "query" in err


def test_unreadable_index_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    code, _, err = run(capsys, "search", "troops", "--index-dir", str(blocker / "ix"))
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_events_json_shape(index_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "events", "--index-dir", str(index_dir), "--format", "json")
    assert code == 0
    payload = json.loads(out)
    assert set(payload) == {"events"}
    seen: list[str] = []
    for event in payload["events"]:
        assert set(event) == {"id", "title", "corrected", "articles"}
        assert event["corrected"] is False  # no correction made
        for article in event["articles"]:
            assert set(article) == {"id", "path", "title", "source", "published"}
            seen.append(article["id"])
    assert len(seen) == len(set(seen)) >= 16  # every article in exactly one event


def test_events_apply_your_corrections_unless_told_not_to(
    index_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from index import AnnotationStore, Correction, bundled_corpus

    common = ["--index-dir", str(index_dir), "--data-dir", str(tmp_path), "--format", "json"]
    _, out, _ = run(capsys, "events", *common)
    machine = json.loads(out)["events"]
    first, second = machine[0], machine[1]
    moved = first["articles"][0]["id"]
    with AnnotationStore.open(tmp_path) as store:
        store.add_correction(
            bundled_corpus(), Correction("move", (moved,), second["articles"][0]["id"])
        )
        store.add_correction(bundled_corpus(), Correction("split", ("gone.md",)))  # stale
    code, out, err = run(capsys, "events", *common)
    assert code == 0 and "1 correction(s) skipped" in err
    events = json.loads(out)["events"]
    (joined,) = [e for e in events if moved in {a["id"] for a in e["articles"]}]
    assert joined["corrected"] is True
    assert {a["id"] for a in second["articles"]} | {moved} == {a["id"] for a in joined["articles"]}
    assert sum(e["corrected"] for e in events) == 2  # the event it left, the one it joined
    code, out, _ = run(capsys, "events", *common, "--no-corrections")
    assert code == 0 and json.loads(out)["events"] == machine
    code, out, _ = run(capsys, "events", *common[:4])
    assert "corrected)" in out


def test_export_compare_and_facts_follow_your_corrections(
    index_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from index import AnnotationStore, Correction, bundled_corpus

    common = ["--index-dir", str(index_dir), "--data-dir", str(tmp_path)]
    _, out, _ = run(capsys, "events", *common, "--format", "json")
    first, second = json.loads(out)["events"][:2]
    with AnnotationStore.open(tmp_path) as store:
        merge = Correction("merge", (first["articles"][0]["id"],), second["articles"][0]["id"])
        store.add_correction(bundled_corpus(), merge)
    _, out, _ = run(capsys, "events", *common, "--format", "json")
    (merged,) = [e for e in json.loads(out)["events"] if e["corrected"]]
    code, out, _ = run(capsys, "export", "--event", merged["id"], *common, "--format", "json")
    (ev,) = json.loads(out)["events"]
    assert code == 0 and ev["corrected"] is True and ev["id"] == merged["id"]
    assert len(ev["reports"]) == len(first["articles"]) + len(second["articles"])
    code, out, _ = run(capsys, "export", "--event", merged["id"], *common)
    assert code == 0 and "You corrected this event's grouping" in out
    for command in ("compare", "facts"):
        code, out, _ = run(capsys, command, "--event", merged["id"], *common, "--format", "json")
        assert code == 0, command
    # the machine's own grouping: the merged event is not there, the first one is, uncorrected
    code, _, err = run(capsys, "export", "--event", merged["id"], *common, "--no-corrections")
    assert code == 2 and "no event with id" in err
    code, out, _ = run(
        capsys, "export", "--event", first["id"], *common, "--no-corrections", "--format", "json"
    )
    assert code == 0 and json.loads(out)["events"][0]["corrected"] is False


def test_compare_event_json_shape(index_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "events", "--index-dir", str(index_dir), "--format", "json")
    event = json.loads(out)["events"][0]
    code, out, _ = run(
        capsys, "compare", "--event", event["id"], "--index-dir", str(index_dir), "--format", "json"
    )
    assert code == 0
    payload = json.loads(out)
    assert set(payload) >= {"event", "articles", "passages", "links", "claims", "variants"}
    assert payload["event"]["id"] == event["id"]
    passages = {p["id"]: p for p in payload["passages"]}
    for link in payload["links"]:
        assert link["a"] in passages and link["b"] in passages
        assert link["kind"] == ("conflict" if link["conflicts"] else "shared")
        assert 0.0 <= link["score"] <= 1.0


def test_compare_needs_a_target(index_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "compare", "--index-dir", str(index_dir))
    assert code == 2 and "--event" in err
    code, _, err = run(capsys, "compare", "--event", "ev-nope", "--index-dir", str(index_dir))
    assert code == 2 and "ev-nope" in err


def test_compare_pairs_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pairs = tmp_path / "pairs.jsonl"
    lines = [
        {
            "id": 1,
            "a": "Officials said 10,000 troops crossed the border on Monday.",
            "b": "Officials said 11,000 troops crossed the border on Monday.",
        },
        {
            "id": "x",
            "a": "The harbour reopened after the storm.",
            "b": "Wheat prices fell sharply in Chicago trading.",
        },
    ]
    pairs.write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n")
    code, out, err = run(capsys, "compare", "--pairs", str(pairs), "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == [1, "x"]
    assert rows[0]["relation"] == "conflict"
    assert rows[0]["conflicts"][0]["type"] == "number"
    assert rows[1]["relation"] == "unrelated"
    assert code == 2 and ":3:" in err  # the bad line is named, the others still answered


def test_bundled_corpus_is_the_default() -> None:
    # the default corpus is the repo's corpus/ in a development install
    from index.base.locations import bundled_corpus

    assert (bundled_corpus() / "README.md").is_file()


@pytest.mark.parametrize(
    "argv",
    [
        ["--no-such-option"],
        ["one", "two"],
        ["search"],
        ["search", "x", "--limit", "many"],
        ["events", "--format", "yaml"],
        ["export", "--event", "e1", "--marked"],
        ["compare", "--bogus"],
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Argparse prints its usage before the error; newsreader says one line, like its others."""
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("newsreader") and ": error: " in lines[0]
    assert "--help" in lines[0]  # where to read the usage that is no longer printed


def test_every_command_has_a_handler() -> None:
    from tui_reader.cli.handlers import HANDLERS

    assert set(HANDLERS) == set(COMMANDS)


def test_headless_commands_never_load_textual(tmp_path: Path) -> None:
    """The app module is imported only when the app is launched."""
    import subprocess
    import sys

    from tests.helpers import REPO, write_corpus

    corpus = write_corpus(tmp_path)
    code = (
        "import sys\n"
        "from tui_reader.cli import main\n"
        f"assert main(['events', '--corpus', {str(corpus)!r}, '--index-dir', "
        f"{str(tmp_path / 'ix')!r}]) == 0\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'tui_reader'}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "['tui_reader']"


def test_events_text_cuts_a_long_title_and_json_keeps_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    title = "Ferry strike at Lindqvist harbour " + "drags on through another long week " * 4
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text(
        f'---\ntitle: "{title.strip()}"\n---\n\nDock workers walked off the job on Tuesday.\n',
        encoding="utf-8",
    )
    common = ["events", "--corpus", str(corpus), "--index-dir", str(tmp_path / "ix")]
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, *common)
    assert code == 0
    head = out.splitlines()[0]
    assert len(head) <= 80 and "\u2026" in head and head.endswith("(1 report)")
    _, out, _ = run(capsys, *common, "--format", "json")
    assert json.loads(out)["events"][0]["title"] == title.strip()


def test_search_filter_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.helpers import GAZETTE, write_corpus

    common = ["--corpus", str(write_corpus(tmp_path)), "--index-dir", str(tmp_path / "ix")]
    code, out, _ = run(capsys, "search", "conflict:number", "union", *common, "--format", "json")
    assert code == 0
    payload = json.loads(out)
    assert {h["id"] for h in payload["hits"]} == {GAZETTE, "harbour/coast-herald.md"}
    assert payload["query"] == "conflict:number union"
    code, out, _ = run(capsys, "search", 'only:"island post"', *common)
    assert code == 0 and "1 article matches" in out and "island-post.md" in out
    code, out, err = run(capsys, "search", "conflict:rumour", *common)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "no conflict type" in err
