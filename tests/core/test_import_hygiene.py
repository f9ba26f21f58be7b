"""The core never imports the UI toolkit: importing every index module loads no textual or rich."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.helpers import REPO


def test_index_imports_no_textual_or_rich() -> None:
    # Every module of every subpackage, found by walking the tree (a new package is covered).
    modules = sorted(
        ".".join(p.relative_to(REPO / "index").with_suffix("").parts).removesuffix(".__init__")
        for p in (REPO / "index").rglob("*.py")
    )
    modules = [m for m in modules if m != "__init__"]
    assert modules, "index/ has no modules"
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module('index.' + name if name else 'index')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", f"index/ pulled in: {out.stdout.strip()}"


def _deep_index_imports(path: Path) -> list[str]:
    """``file:line module`` of each import of a module below ``index`` (not ``from index``)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        found += [
            f"{path.relative_to(REPO)}:{node.lineno} {name}"
            for name in names
            if name.startswith("index.")
        ]
    return found


def test_app_and_bench_use_only_the_top_level_api() -> None:
    """tui_reader/ and bench/ import ``from index import ...`` only (import-linter's protected
    contract covers tui_reader; bench/ is scripts, not a package, so it is walked here)."""
    files = sorted((REPO / "tui_reader").rglob("*.py")) + sorted((REPO / "bench").rglob("*.py"))
    assert len(files) > 10
    deep = [hit for path in files for hit in _deep_index_imports(path)]
    assert deep == [], "import these through `from index import ...`:\n" + "\n".join(deep)
