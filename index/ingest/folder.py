"""Find the article files of a corpus folder, in a stable order, without following symlink loops."""

from __future__ import annotations

import os
import re
from pathlib import Path

from index.ingest.filetypes import saved_page_assets, unsupported
from index.ingest.longpath import Entry, list_folder, real_path, stat_path

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


# Symbolic links are followed only inside the corpus folder unless this is set (the
# command line's --follow-links sets it): a link to /etc/passwd is not an article.
FOLLOW_ENV = "NEWSREADER_FOLLOW_LINKS"
LINK_OUTSIDE = "symbolic link to outside the corpus, not followed"
LINKED_FOLDER = "symbolic link to a folder, not followed"
REPEATED_FOLDER = "symbolic link to a folder already read, not followed"


def follow_links() -> bool:
    """True when ``NEWSREADER_FOLLOW_LINKS`` asks for links to be followed wherever they lead."""
    return os.environ.get(FOLLOW_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip("/") + "/")


def walk(root: Path, follow: bool | None = None) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Candidate files under ``root`` sorted by relative POSIX path, and what was left out, each
    with a one-line reason. Never raises: a folder that cannot be listed is one reason.

    Hidden files and folders (name starting with ".") and documentation files (README.md,
    LICENSE.txt, see ``is_doc_file``) are skipped. A symbolic link to a file is read when it
    leads inside ``root``; a link to a folder is not followed (the folder's files, inside the
    corpus, are found where they are). With ``follow`` (default: ``follow_links()``) every link
    is followed, each folder read once (real ones first), so a link loop cannot trap the walk.
    Paths of any length work (listed through folder descriptors past PATH_MAX). Every other
    entry with an article extension is a candidate, even a fifo or a broken symlink:
    ``load_file`` says why not.
    """
    follow = follow_links() if follow is None else follow
    real_root = real_path(root) or os.path.abspath(root)
    found: list[Path] = []
    errors: list[tuple[Path, str]] = []
    entered: set[tuple[int, int]] = set()  # folders already walked, when links are followed
    # An explicit stack, not os.walk: os.walk recurses once per level, and a corpus nested
    # 1000 folders deep raised RecursionError. Folders are visited in os.walk's order.
    stack = [root]
    linked: list[Path] = []  # folders reached through a link: walked after the real ones
    while stack or linked:
        base = stack.pop() if stack else linked.pop(0)
        try:
            if follow and not _first_visit(base, entered):
                errors.append((base, REPEATED_FOLDER))
                continue
            entries = list_folder(base)
        except OSError as error:
            errors.append((base, f"cannot read folder: {error.strerror or error}"))
            continue
        subfolders: list[Path] = []
        files = [e.name for e in entries if not e.is_dir]
        # Folders first, then files, each in listing order (as os.walk reported them).
        for entry in sorted(entries, key=lambda e: not e.is_dir):
            name, path = entry.name, base / entry.name
            if name.startswith(".") or (not entry.is_dir and is_doc_file(name)):
                continue
            reason = _left_out(entry, path, files, follow, real_root)
            if reason is not None:  # named in every summary, never silently left out
                errors.append((path, reason))
            elif entry.is_dir:
                (linked if entry.is_link else subfolders).append(path)
            else:
                # Fifos, sockets, broken or looping symlinks are kept: loading them gives the
                # reason ("not a regular file", "broken symbolic link") without ever blocking.
                found.append(path)
        stack.extend(reversed(subfolders))
    found.sort(key=lambda p: relative_id(root, p))
    return found, errors


def _first_visit(folder: Path, entered: set[tuple[int, int]]) -> bool:
    st = stat_path(folder)
    key = (st.st_dev, st.st_ino)
    if key in entered:
        return False
    entered.add(key)
    return True


def _left_out(entry: Entry, path: Path, files: list[str], follow: bool, root: str) -> str | None:
    """Why an entry of a listed folder is left out, in one line, or None when it is used."""
    what = "folder" if entry.is_dir else "file"
    reason = None if entry.is_dir else unsupported(entry.name)
    problem = _name_problem(entry.name)
    if reason is None and problem:
        # an id must be storable, printable text; report it, never index a mangled name
        reason = f"{what} {problem}"
    if reason is not None:
        return reason
    if entry.is_dir and saved_page_assets(entry.name, files):  # one line, not one per image
        return "files of a saved web page (scripts, images), not read"
    if not entry.is_link or follow:
        return None
    if entry.is_dir:
        return LINKED_FOLDER
    # A broken or looping link is kept: loading it names the problem.
    target = real_path(path)
    return LINK_OUTSIDE if target is not None and not _inside(target, root) else None


def discover(root: Path) -> list[Path]:
    """Every candidate article file under ``root``, recursively, sorted by relative POSIX path."""
    return walk(root)[0]
