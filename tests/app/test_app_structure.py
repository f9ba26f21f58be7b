"""The app's house rules, read from the source: no import cycle, screens never import the app,
the command line never imports Textual, and nothing reaches into the App for state."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import REPO

PACKAGE = REPO / "tui_reader"


def _module(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function, relative ones resolved;
    ``from package import module`` counts as importing the module (of ``modules``) only."""
    package = _module(path) if path.name == "__init__.py" else _module(path).rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                name = ".".join([*base, *([node.module] if node.module else [])])
            else:
                name = node.module or ""
            submodules = {f"{name}.{alias.name}" for alias in node.names} & modules
            found.update(submodules or {name})
    return found


def _graph() -> dict[str, set[str]]:
    files = {_module(p): p for p in PACKAGE.rglob("*.py")}
    names = set(files)
    return {name: (_imports(path, names) & names) - {name} for name, path in files.items()}


def test_no_import_cycle_in_the_app() -> None:
    graph = _graph()
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            raise AssertionError("import cycle: " + " -> ".join([*path[path.index(name) :], name]))
        if name in done:
            return
        for other in sorted(graph[name]):
            visit(other, [*path, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])


def test_only_the_app_and_the_launcher_import_the_app_module() -> None:
    importers = {name for name, deps in _graph().items() if "tui_reader.app" in deps}
    assert importers <= {"tui_reader.cli.run"}, importers


def test_the_command_line_imports_no_textual() -> None:
    for path in (PACKAGE / "cli").rglob("*.py"):
        textual = {m for m in _imports(path) if m.split(".")[0] == "textual"}
        assert not textual, (path.name, textual)


ALLOWED_APP_USES = {
    "push_screen",
    "pop_screen",
    "screen",
    "size",
    "notify",
    "copy_to_clipboard",  # Textual's own clipboard (OSC 52): y and Y
    "run_action",
    "post_message",
    "exit",
    "action_change_theme",
    "COMMAND_PALETTE_BINDING",  # Textual's key for its palette: the footer shows it (KeyFooter)
    "app_focus",  # whether the terminal has focus: Textual's Footer builds only then (KeyFooter)
}


def test_nothing_reaches_into_the_app_for_state() -> None:
    """Screens, widgets and helpers read the AppState they were given; ``self.app`` is only for
    what Textual's App does (screens, notifications, actions)."""
    for path in PACKAGE.rglob("*.py"):
        if path.name == "app.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "app"
            ):
                assert node.attr in ALLOWED_APP_USES, f"{path.name}: .app.{node.attr}"
