"""Cached event grouping: same result as group_events, reused only for the exact same corpus."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest

import index.events.cache as events_cache
from index.base.models import Article
from index.events.cache import KEEP, cached_group_events, corpus_key, default_events_dir
from index.events.group import group_events
from index.ingest.loader import load_corpus


def art(aid: str, title: str, body: str, published: str | None = None) -> Article:
    return Article(id=aid, path=aid, title=title, body=body, published=published)


FLOOD_1 = art(
    "flood1.md",
    "River Anvel floods the old town of Corbeck",
    "The river Anvel burst its banks at Corbeck on Thursday and 230 houses were evacuated. "
    "Mayor Ilse Varga said the water reached 4.2 metres, the highest since 1987.",
)
FLOOD_2 = art(
    "flood2.md",
    "Corbeck evacuates 230 houses as Anvel rises",
    "Firefighters moved families from 230 houses in Corbeck as the Anvel rose to 4.2 metres. "
    "Mayor Ilse Varga asked residents to stay away from the river until the weekend.",
)
FLOOD_3 = art(
    "flood3.md",
    "Anvel peaks at 4.2 metres in Corbeck",
    "The Anvel peaked at 4.2 metres in Corbeck overnight, Mayor Ilse Varga said, and the 230 "
    "evacuated households may return on Sunday if the level keeps falling.",
)
STRIKE_1 = art(
    "strike1.md",
    "Tram drivers in Halvik strike for a second day",
    "Tram drivers in Halvik stopped work for a second day on Monday over a pay offer of 3 percent. "
    "Union leader Otto Brenn said 900 drivers joined the strike.",
)
STRIKE_2 = art(
    "strike2.md",
    "Halvik tram strike: 900 drivers out, union says",
    "Otto Brenn of the drivers' union said 900 Halvik tram drivers were on strike and rejected "
    "the city's 3 percent pay offer as too low.",
)
LONE = art(
    "lone.md",
    "Botanic garden opens a glasshouse for cacti",
    "The botanic garden of Pellam opened a new glasshouse holding 400 kinds of cactus, "
    "curator Dana Fior said on Saturday.",
)
CORPUS = [FLOOD_1, FLOOD_2, STRIKE_1, STRIKE_2, LONE]


def _no_grouping(*_args: object) -> list:
    raise AssertionError("the corpus was grouped although the cache should have answered")


def test_first_call_groups_and_second_reads_the_same_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = group_events(CORPUS)
    first = cached_group_events(CORPUS, tmp_path)
    assert first == expected
    # the events, and the terms of the articles for the next grouping (store.py)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([f"{corpus_key(CORPUS)}.json", "terms"])
    monkeypatch.setattr(events_cache, "regroup", _no_grouping)
    # another order of the same articles is the same corpus
    second = cached_group_events(list(reversed(CORPUS)), tmp_path)
    assert second == expected  # same ids, titles, member order and event order


def test_bundled_corpus_round_trips_exactly(tmp_path: Path, corpus_dir: Path) -> None:
    articles, _ = load_corpus(corpus_dir)
    expected = group_events(articles)
    assert cached_group_events(articles, tmp_path) == expected
    assert cached_group_events(articles, tmp_path) == expected


@pytest.mark.parametrize(
    "field, value",
    [
        ("body", FLOOD_2.body + " Schools stay closed."),
        ("title", "Corbeck evacuates houses"),
        ("published", "2024-03-07"),
    ],
)
def test_any_changed_field_is_a_new_key(field: str, value: str) -> None:
    changed = [
        dataclasses.replace(FLOOD_2, **{field: value}) if a is FLOOD_2 else a for a in CORPUS
    ]
    assert corpus_key(changed) != corpus_key(CORPUS)


def test_key_separates_fields_and_none() -> None:
    # the same characters split differently between title and body are different content
    a = [art("x.md", "ab", "c")]
    b = [art("x.md", "a", "bc")]
    assert corpus_key(a) != corpus_key(b)
    assert corpus_key([art("x.md", "t", "b", None)]) != corpus_key([art("x.md", "t", "b", "")])


def test_added_article_joins_its_event_not_the_stale_grouping(tmp_path: Path) -> None:
    before = cached_group_events(CORPUS, tmp_path)
    grown = [*CORPUS, FLOOD_3]
    after = cached_group_events(grown, tmp_path)
    assert after == group_events(grown)
    assert after != before
    flood = next(e for e in after if "flood1.md" in e.article_ids)
    assert "flood3.md" in flood.article_ids
    # the earlier corpus state is still cached and still right
    assert cached_group_events(CORPUS, tmp_path) == before


def test_code_change_invalidates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key = corpus_key(CORPUS)
    monkeypatch.setattr(events_cache, "code_version", lambda: "another-version")
    assert corpus_key(CORPUS) != key


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b'{"format": 1, "key": ',  # cut short by a crash
        b"\xff\xfe not json at all",
        b"[1, 2, 3]",
        b"[" * 100_000,  # nesting deeper than the parser's recursion
    ],
)
def test_corrupt_file_is_recomputed_and_replaced(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / f"{corpus_key(CORPUS)}.json"
    path.write_bytes(content)
    assert cached_group_events(CORPUS, tmp_path) == group_events(CORPUS)
    assert json.loads(path.read_text(encoding="utf-8"))["key"] == corpus_key(CORPUS)


def _tamper(path: Path, edit: object) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)  # type: ignore[operator]
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: d["events"].pop(),  # an article missing
        lambda d: d["events"][0]["articles"].append("lone.md"),  # an article twice
        lambda d: d["events"][0]["articles"].append("ghost.md"),  # an article not in the corpus
        lambda d: d["events"][0].update(title=None),
        lambda d: d["events"][0].update(articles="flood1.md"),
        lambda d: d["events"].append({"id": "ev-x", "title": "t", "articles": []}),
        lambda d: d.update(key="0" * 32),
        lambda d: d.update(format=0),
        lambda d: d.update(events={}),
    ],
)
def test_well_formed_but_wrong_file_is_recomputed(tmp_path: Path, edit: object) -> None:
    cached_group_events(CORPUS, tmp_path)
    path = tmp_path / f"{corpus_key(CORPUS)}.json"
    _tamper(path, edit)
    assert cached_group_events(CORPUS, tmp_path) == group_events(CORPUS)


def test_hand_edited_but_valid_file_is_trusted(tmp_path: Path) -> None:
    # proves the second call really reads the file (a renamed title shows up)
    cached_group_events(CORPUS, tmp_path)
    path = tmp_path / f"{corpus_key(CORPUS)}.json"
    _tamper(path, lambda d: d["events"][0].update(title="renamed"))
    assert cached_group_events(CORPUS, tmp_path)[0].title == "renamed"


def test_unwritable_cache_is_not_fatal(tmp_path: Path) -> None:
    blocker = tmp_path / "events"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    assert cached_group_events(CORPUS, blocker) == group_events(CORPUS)
    assert blocker.read_text(encoding="utf-8").startswith("a file")
    assert [p.name for p in tmp_path.iterdir()] == ["events"]


def test_no_temp_files_left_and_old_states_pruned(tmp_path: Path) -> None:
    for n in range(KEEP + 3):
        corpus = [*CORPUS, art(f"extra{n}.md", "Extra", f"Report number {n} about nothing.")]
        cached_group_events(corpus, tmp_path)
        # distinct mtimes, so "most recently used" is well defined on coarse clocks
        for path in tmp_path.iterdir():
            os.utime(path, (path.stat().st_atime, path.stat().st_mtime - 1))
    names = sorted(p.name for p in tmp_path.iterdir() if p.name != "terms")
    assert len(names) == KEEP
    assert all(name.endswith(".json") and not name.startswith(".") for name in names)
    # one terms store, the last corpus's, and no temporary store left
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == ["terms"]
    newest = [
        *CORPUS,
        art(f"extra{KEEP + 2}.md", "Extra", f"Report number {KEEP + 2} about nothing."),
    ]
    assert f"{corpus_key(newest)}.json" in names


def test_odd_ids_and_titles_round_trip(tmp_path: Path) -> None:
    # non-ASCII ids and titles, astral characters, a control character the title drops
    corpus = [
        art("caf\u00e9/\u00fcber.txt", "Caf\u00e9 \u201cq\u201d \x1b[2J \U0001f600", "Body one."),
        art("b.txt", "", "Body two, nothing in common."),
    ]
    expected = group_events(corpus)
    assert cached_group_events(corpus, tmp_path) == expected
    assert cached_group_events(corpus, tmp_path) == expected


def test_default_folder_follows_the_cache_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSREADER_CACHE_DIR", str(tmp_path / "c"))
    assert default_events_dir() == tmp_path / "c" / "events"
    cached_group_events(CORPUS)
    assert (tmp_path / "c" / "events" / f"{corpus_key(CORPUS)}.json").is_file()


def test_empty_corpus_writes_nothing(tmp_path: Path) -> None:
    assert cached_group_events([], tmp_path) == []
    assert not any(tmp_path.iterdir())


def _write(corpus: Path, articles: list[Article]) -> Path:
    corpus.mkdir()
    for a in articles:
        (corpus / a.id).write_text(f"# {a.title}\n\n{a.body}\n", encoding="utf-8")
    return corpus


def test_cli_events_reads_the_cache_on_the_second_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui_reader.cli import main

    corpus = _write(tmp_path / "corpus", [FLOOD_1, FLOOD_2, FLOOD_3, STRIKE_1, STRIKE_2, LONE])
    argv = [
        "events",
        "--corpus",
        str(corpus),
        "--index-dir",
        str(tmp_path / "ix"),
        "--format",
        "json",
    ]
    assert main(argv) == 0
    first = json.loads(capsys.readouterr().out)
    assert len(list(default_events_dir().glob("*.json"))) == 1
    calls: list[int] = []
    regroup = events_cache.regroup

    def counted(articles: list[Article], *args: object) -> list:
        calls.append(len(articles))
        return regroup(articles, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(events_cache, "regroup", counted)
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out) == first
    assert calls == []
    # a changed report is a new corpus: grouped again, not read from the stale file
    (corpus / "lone.md").write_text("# Cactus house\n\nA new text.\n", encoding="utf-8")
    assert main(argv) == 0
    changed = json.loads(capsys.readouterr().out)
    assert calls == [6]
    assert "Cactus house" in [e["title"] for e in changed["events"]]


async def test_reader_lists_cached_events_on_reopen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui_reader.app import NewsReaderApp

    corpus = _write(tmp_path / "corpus", [FLOOD_1, FLOOD_2, STRIKE_1, STRIKE_2, LONE])

    async def events_of_one_start() -> list:
        app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
        async with app.run_test(size=(120, 36)) as pilot:
            for _ in range(3):
                await app.workers.wait_for_complete()
                await pilot.pause()
            assert app.state.events is not None
            return list(app.state.events)

    first = await events_of_one_start()
    assert len(first) == 3
    monkeypatch.setattr(events_cache, "regroup", _no_grouping)
    assert await events_of_one_start() == first
