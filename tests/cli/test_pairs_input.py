"""compare --pairs on input that is not UTF-8 JSON lines: one line, exit 2, never a block."""

from __future__ import annotations

import io
import json
import os
import random
import sys
from pathlib import Path

import pytest

from tui_reader.cli import main

GOOD = {"id": 1, "a": "The ferry left at noon.", "b": "The ferry left at noon."}


def pairs(capsys: pytest.CaptureFixture[str], path: Path | str) -> tuple[int, list[str], list[str]]:
    code = main(["compare", "--pairs", str(path), "--format", "jsonl"])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfe" + json.dumps(GOOD).encode("utf-16-le"),  # UnicodeDecodeError traceback before
        b"\xfe\xff" + json.dumps(GOOD).encode("utf-16-be"),
        bytes(random.Random(7).randrange(256) for _ in range(5000)),
        b"\x00" * 200 + b"\n" + b"\x00" * 200,
        json.dumps(GOOD).encode("latin-1") + b"\n" + '{"a": "caf\xe9"}\n'.encode("latin-1"),
    ],
    ids=["utf16le", "utf16be", "random", "nuls", "latin1"],
)
def test_a_file_that_is_not_utf8_json_lines_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes
) -> None:
    path = tmp_path / "pairs.jsonl"
    path.write_bytes(data)
    code, out, err = pairs(capsys, path)
    assert code == 2
    assert len(err) == 1 and err[0].startswith(f"newsreader: error: {path}")
    assert "Traceback" not in err[0]
    assert len(out) <= 1  # at most the good line before the bad one


def test_a_fifo_is_refused_not_waited_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pairs.jsonl"
    os.mkfifo(fifo)  # no writer: opening it for reading blocked forever before
    code, out, err = pairs(capsys, fifo)
    assert (code, out) == (2, [])
    assert err == [
        f"newsreader: error: {fifo} is not a regular file (give a file, or - for standard input)"
    ]


def test_a_folder_and_a_missing_file_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = pairs(capsys, tmp_path)
    assert code == 2 and len(err) == 1 and "not a regular file" in err[0]
    code, _, err = pairs(capsys, tmp_path / "nope.jsonl")
    assert code == 2 and len(err) == 1 and "No such file" in err[0]


def test_bad_lines_are_named_and_the_rest_answered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "pairs.jsonl"
    lines = [
        b"\xef\xbb\xbf" + json.dumps(GOOD).encode(),  # a UTF-8 BOM is fine
        b"[" * 100_000,  # RecursionError traceback before
        b"1" * 5000,  # too many digits for an int
        b'{"id": 4, "a": "lone \\ud800 surrogate", "b": "x"}',  # UnicodeEncodeError on print
        b'{"id": 5, "a": "' + b"x" * (1024 * 1024 + 10) + b'", "b": "y"}',
        json.dumps({**GOOD, "id": 6}).encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    code, out, err = pairs(capsys, path)
    assert code == 2
    assert [json.loads(line)["id"] for line in out] == [1, 4, 6]
    assert [e.split(":")[3] for e in err] == ["2", "3", "5"]
    assert "nested too deeply" in err[0] and "longer than 1 MB" in err[2]


def test_dash_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(GOOD) + "\n")
    with path.open("rb") as handle:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(handle))
        code, out, err = pairs(capsys, "-")
    assert (code, err) == (0, [])
    assert json.loads(out[0])["relation"] == "shared"
