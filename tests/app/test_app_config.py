"""Pilot: the config file's theme and key bindings apply, the palette's theme is saved back, an
unknown action is one notice, and the export dialog starts in the configured folder and format."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from tests.helpers import write_corpus
from tests.pilot import open_first_event, wait_until
from tui_reader.app import NewsReaderApp
from tui_reader.config import load_config
from tui_reader.dialogs.export import ExportDialog


def configured(tmp_path: Path, text: str) -> NewsReaderApp:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    corpus = write_corpus(tmp_path)
    return NewsReaderApp(corpus, index_dir=tmp_path / "ix", config=load_config(path))


async def test_theme_and_keys_from_the_config_and_the_theme_saved(tmp_path: Path) -> None:
    app = configured(tmp_path, 'theme = "nord"\n\n[keys]\nnext-conflict = "z"\nnope = "q"\n')
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_first_event(app, pilot)
        assert app.theme == "nord"
        said = " ".join(n.message for n in app._notifications)
        assert "no action 'nope'" in said, said
        await pilot.press("z")  # next conflict, re-bound
        await wait_until(pilot, lambda: screen.current_view() is not None, "a current passage")
        view = screen.current_view()
        assert view is not None and view.kind == "conflict"
        app.theme = "gruvbox"  # as the palette's "Change theme" does
        await pilot.pause()
        assert load_config(tmp_path / "config.toml").theme == "gruvbox"
        assert 'next-conflict = "z"' in (tmp_path / "config.toml").read_text(encoding="utf-8")
        app.state.marks.close()


async def test_export_starts_in_the_configured_folder_and_format(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    app = configured(tmp_path, f'[export]\nfolder = "{folder}"\nformat = "html"\n')
    async with app.run_test(size=(150, 40)) as pilot:
        await open_first_event(app, pilot)
        await pilot.press("c", "m", "e")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportDialog), "the dialog")
        path = Path(app.screen.query_one("#export-path", Input).value)
        assert path.parent == folder and path.suffix == ".html"
        assert app.screen.query_one(Select).value == "html"
        app.state.marks.close()


async def test_the_palette_says_where_the_config_file_is(tmp_path: Path) -> None:
    from tests.pilot import run_palette_command, settle

    app = configured(tmp_path, 'theme = "nord"\n')
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await run_palette_command(app, pilot, "Config file")
        said = " ".join(n.message for n in app._notifications)
        assert str(tmp_path / "config.toml") in said and "newsreader config --edit" in said


async def _export_dialog_folder(app: NewsReaderApp, target: Path | None = None) -> Path:
    """Open the first event, press e; export to ``target`` when given. The dialog's folder."""
    async with app.run_test(size=(150, 40)) as pilot:
        screen = await open_first_event(app, pilot)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportDialog), "the dialog")
        path = app.screen.query_one("#export-path", Input)
        proposed = Path(path.value).parent
        if target is not None:
            path.value = str(target)
            await pilot.press("enter")
            await wait_until(pilot, lambda: app.screen is screen, "the dialog closed")
            await wait_until(pilot, target.exists, "the export written")
            await wait_until(pilot, lambda: app.state.export_dir == target.parent, "remembered")
        app.state.marks.close()
    return proposed


async def test_the_last_export_folder_is_remembered_across_sessions(tmp_path: Path) -> None:
    from tui_reader.session import state_path

    corpus = write_corpus(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    first = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    assert await _export_dialog_folder(first, out / "brief.md") != out
    # kept in the data dir, not in a config file the user did not write
    assert str(out) in state_path().read_text(encoding="utf-8")
    assert not (tmp_path / "config.toml").exists()
    again = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    assert await _export_dialog_folder(again) == out
    # a folder set in the config file still wins on a fresh start (README: Configuration)
    chosen = tmp_path / "exports"
    chosen.mkdir()
    (tmp_path / "config.toml").write_text(f'[export]\nfolder = "{chosen}"\n', encoding="utf-8")
    config = load_config(tmp_path / "config.toml")
    fresh = NewsReaderApp(corpus, index_dir=tmp_path / "ix", config=config)
    assert await _export_dialog_folder(fresh) == chosen
