"""Writing reports: never over an existing file without --force, never through a symlink."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from index.export.api import ExportError, write_atomic
from index.marks.store import DB_NAME, AnnotationStore
from tui_reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("my own notes", encoding="utf-8")
    with pytest.raises(ExportError, match="already exists"):
        write_atomic(target, "new report")
    assert target.read_text(encoding="utf-8") == "my own notes"
    write_atomic(target, "new report", force=True)
    assert target.read_text(encoding="utf-8") == "new report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]  # no temp file left


def test_refuses_a_planted_symlink_even_with_force(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(victim)
    dangling = tmp_path / "dangling.html"
    dangling.symlink_to(tmp_path / "nowhere")
    for target in (link, dangling):
        for force in (False, True):
            with pytest.raises(ExportError, match="symlink"):
                write_atomic(target, "<p>report</p>", force=force)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not (tmp_path / "nowhere").exists()


def test_new_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    target = write_atomic(tmp_path / "r.json", "{}")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no such folder"):
        write_atomic(tmp_path / "nope" / "r.md", "x")


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("export-index")


def _event_id(capsys: pytest.CaptureFixture[str], corpus: Path, index_dir: Path) -> str:
    code, out, _ = run(
        capsys, "events", "--corpus", str(corpus), "--index-dir", str(index_dir), "--format", "json"
    )
    assert code == 0
    return str(json.loads(out)["events"][0]["id"])


def test_cli_export_event_to_file_and_refuse_overwrite(
    corpus_dir: Path, index_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = _event_id(capsys, corpus_dir, index_dir)
    target = tmp_path / "out.html"
    base = [
        "export",
        "--corpus",
        str(corpus_dir),
        "--index-dir",
        str(index_dir),
        "--data-dir",
        str(tmp_path / "data"),
        "--event",
        event,
        "--format",
        "html",
        "-o",
        str(target),
    ]
    code, out, err = run(capsys, *base)
    assert code == 0 and out == "" and str(target) in err
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<h2>Conflicts (" in page
    target.write_text("keep me", encoding="utf-8")
    code, _, err = run(capsys, *base)
    assert code == 2 and "already exists" in err and "--force" in err
    assert len(err.strip().splitlines()) == 1
    assert target.read_text(encoding="utf-8") == "keep me"
    code, _, _ = run(capsys, *base, "--force")
    assert code == 0 and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_export_marked_json_on_stdout(
    corpus_dir: Path, index_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    article_id = "korea-russia-envoy/dnipro-dispatch.md"
    assert (corpus_dir / article_id).is_file()
    with AnnotationStore(data / DB_NAME) as store:
        store.add(corpus_dir, article_id, 0, 0, "no such text in the report", label="disputed")
    code, out, _ = run(
        capsys,
        "export",
        "--corpus",
        str(corpus_dir),
        "--index-dir",
        str(index_dir),
        "--data-dir",
        str(data),
        "--marked",
        "--format",
        "json",
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["scope"] == "marked"
    marks = [m for ev in doc["events"] for m in ev["marks"]]
    assert [(m["label"], m["status"]) for m in marks] == [("disputed", "orphaned")]
    assert marks[0]["excerpt"]["article"] == article_id
    (section,) = [ev for ev in doc["events"] if ev["marks"]]
    assert section["id"] and article_id in [r["id"] for r in section["reports"]]


def test_cli_export_usage_errors(
    corpus_dir: Path, index_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--corpus", str(corpus_dir), "--format", "md"])  # no --event/--marked
    capsys.readouterr()
    code, _, err = run(
        capsys,
        "export",
        "--corpus",
        str(corpus_dir),
        "--index-dir",
        str(index_dir),
        "--data-dir",
        str(tmp_path),
        "--event",
        "ev-nope",
    )
    assert code == 2 and "no event with id 'ev-nope'" in err


def test_data_dir_flag_for_the_app_and_export() -> None:
    from tui_reader.cli import app_parser, command_parser

    assert app_parser().parse_args(["--data-dir", "/tmp/marks"]).data_dir == Path("/tmp/marks")
    args = command_parser().parse_args(["export", "--marked", "--data-dir", "d", "-o", "r.md"])
    assert (args.data_dir, args.output, args.format, args.force) == (
        Path("d"),
        Path("r.md"),
        "md",
        False,
    )
