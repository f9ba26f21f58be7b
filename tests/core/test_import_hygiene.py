"""The core never imports the UI toolkit: importing every index module loads no textual or rich."""

from __future__ import annotations

import subprocess
import sys

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
