"""Find the article files of a corpus folder, in a stable order, without following symlink loops."""

from __future__ import annotations

import os
import re
from pathlib import Path

from index.ingest.filetypes import saved_page_assets, unsupported

_NAME_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Documentation that travels with a corpus (README.md, LICENSE.txt, COPYING-CC.TXT) is not news.
_DOC_NAMES = ("readme", "license", "licence", "copying", "changelog", "authors", "contributing")


def is_doc_file(name: str) -> bool:
    """README/LICENSE/COPYING-style names: the exact word, or an all-capitals name starting
    with it ("LICENSEDATA.TXT"), so an article called "license-fees.txt" still loads."""
    stem = os.path.splitext(name)[0]
    folded = stem.casefold()
    if folded in _DOC_NAMES:
        return True
    return stem.isupper() and folded.startswith(_DOC_NAMES)


def printable(text: str) -> str:
    """A path string safe to print and store: undecodable bytes (surrogates) and control
    characters (a file name may carry an escape sequence) become U+FFFD."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _NAME_CONTROLS.sub("\ufffd", text)


def _name_problem(name: str) -> str | None:
    """Why a file or folder name cannot become part of an article id, or None."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # a name with bytes that are not UTF-8 (surrogate-escaped)
        return "name is not valid UTF-8"
    if _NAME_CONTROLS.search(name):
        # An id is printed by every command and screen: an escape sequence in it would reach
        # the terminal wherever one output forgot to clean it.
        return "name has control characters"
    return None


def relative_id(root: Path, path: Path) -> str:
    """``path`` relative to ``root`` as a POSIX path: the id every article and skip is keyed by."""
    try:
        rel = path.relative_to(root)
    except ValueError:
        rel = Path(os.path.relpath(path, root))
    return rel.as_posix()


def walk(root: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Candidate files under ``root`` sorted by relative POSIX path, and folders that failed.

    Hidden files and folders (name starting with ".") and documentation files (README.md,
    LICENSE.txt, see ``is_doc_file``) are skipped. Symlinked folders are never
    entered, so a symlink loop cannot trap the walk; they are reported.
    Every other entry with an article extension is a candidate, even a fifo or a broken symlink:
    ``load_file`` turns it into a one-line reason.
    """
    found: list[Path] = []
    errors: list[tuple[Path, str]] = []
    # An explicit stack, not os.walk: os.walk recurses once per level, and a corpus nested
    # 1000 folders deep raised RecursionError. Folders are visited in os.walk's order.
    stack = [root]
    while stack:
        base = stack.pop()
        listed = _list_folder(base)
        if isinstance(listed, str):
            errors.append((base, listed))
            continue
        dirnames, filenames = listed
        subfolders = []
        for d in dirnames:
            if d.startswith("."):
                continue
            problem = _name_problem(d)
            if problem:
                errors.append((base / d, f"folder {problem}"))
            elif (base / d).is_symlink():  # listed as a folder but, rightly, never entered
                errors.append((base / d, "symbolic link to a folder, not followed"))
            elif saved_page_assets(d, filenames):  # one line, not one per script and image
                errors.append((base / d, "files of a saved web page (scripts, images), not read"))
            else:
                subfolders.append(base / d)
        stack.extend(reversed(subfolders))
        for name in filenames:
            if name.startswith(".") or is_doc_file(name):
                continue
            path = base / name
            reason = unsupported(name)
            if reason is not None:  # named in every summary, never silently left out
                errors.append((path, reason))
                continue
            problem = _name_problem(name)
            if problem:
                # an id must be storable, printable text; report it, never index a mangled name
                errors.append((path, f"file {problem}"))
                continue
            # Fifos, sockets, broken or looping symlinks are kept: loading them gives the reason
            # ("not a regular file", "broken symbolic link") without ever blocking on a read.
            found.append(path)
    found.sort(key=lambda p: relative_id(root, p))
    return found, errors


def _list_folder(folder: Path) -> tuple[list[str], list[str]] | str:
    """(folder names, other names) as os.walk splits them, or why the folder cannot be read."""
    dirnames: list[str] = []
    filenames: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    is_dir = entry.is_dir()  # follows symlinks, as os.walk does
                except OSError:
                    is_dir = False
                (dirnames if is_dir else filenames).append(entry.name)
    except OSError as error:
        return f"cannot read folder: {error.strerror or error}"
    return dirnames, filenames


def discover(root: Path) -> list[Path]:
    """Every candidate article file under ``root``, recursively, sorted by relative POSIX path."""
    return walk(root)[0]
