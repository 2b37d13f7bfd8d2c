"""The content tree: its folders and files, the names never read, and walking it safely.

Layout::

    sessions/people.yml                     people registry
    sessions/tags.yml                       tag registry
    sessions/<programme>/programme.<lang>.md
    sessions/<programme>/session-<n>.<lang>.md
    partners/<id>.<lang>.md
    docs/<name>.<lang>.md                   hand-written pages (front matter optional)
    sessions/images/, sessions/<programme>/images/, partners/images/
                                            image files the content names (not walked: each file
                                            is checked where it is named, image_checks)
"""

from __future__ import annotations

import fnmatch
import os
import re
from pathlib import Path

from .errors import ErrorReport
from .files import within
from ..messages import Message, Number, message

SESSIONS_DIR = "sessions"
PARTNERS_DIR = "partners"
DOCS_DIR = "docs"
PEOPLE_FILE = "sessions/people.yml"
TAGS_FILE = "sessions/tags.yml"
IMAGES_DIR = "images"  # in sessions/, a programme's folder and partners/: images, not content
MAX_FOLDER_DEPTH = 8  # below sessions/, partners/ or docs/
# Names never read nor published, in sessions/, partners/ and docs/ alike (recaps.mkdocs.plugin
# keeps them out of MkDocs' files too): hidden files (among them Emacs' locks .#x, Vim's swap
# files .x.swp, macOS' .DS_Store), and what editors and file managers leave beside the files:
# backups (x~, x.bak, and x.orig from patch and merge tools), Emacs' autosaves (#x#), swap files named without a dot, Windows' folder
# caches. Compared in lower case (X.BAK, Thumbs.db).
IGNORED_NAMES = (".*", "*~", "#*#", "*.swp", "*.swo", "*.bak", "*.orig", "thumbs.db", "desktop.ini")
_IGNORED = re.compile("|".join(fnmatch.translate(pattern) for pattern in IGNORED_NAMES))


def is_ignored(name: str) -> bool:
    """A file or folder name of IGNORED_NAMES."""
    return _IGNORED.match(name.lower()) is not None


def _inside(real_root: str, path: str) -> bool:
    return within(real_root, os.path.realpath(path))


def walk(root: Path, top: str, report: ErrorReport, images: bool = False) -> list[str]:
    """Every file under ``top``, relative to ``root``, sorted; the names of IGNORED_NAMES skipped
    (``images``: the folders named IMAGES_DIR too, holding the image files).

    Symbolic links are not followed out of the repository, nor into folders; folders named like
    Markdown files and folders nested too deep are reported rather than read. Files that are
    not regular files (pipes, devices) are listed: reading them reports what they are.
    """
    base = os.path.join(root, top)
    real_root = os.path.realpath(root)
    if os.path.islink(base) and not _inside(real_root, base):
        report.add(top, 0, "", message("is a symbolic link pointing outside the repository"))
        return []
    if not os.path.isdir(base):
        if os.path.lexists(base):
            report.add(top, 0, "", message("should be a folder"))
        return []
    found = []
    pending = [(top, 0)]
    while pending:
        folder, depth = pending.pop()
        for entry in _readable_children(root, folder, report):
            if is_ignored(entry.name):
                continue
            if images and entry.name == IMAGES_DIR and depth < 2:
                if not entry.is_symlink():  # never read out of the repository, not even its names
                    _report_texts_among_images(root, f"{folder}/{entry.name}", report)
                continue
            rel = f"{folder}/{entry.name}"
            problem, is_folder = _look_at(entry, os.path.join(root, rel), real_root, depth)
            if problem:
                report.add(rel, 0, "", problem)
            elif is_folder:
                pending.append((rel, depth + 1))
            else:
                found.append(rel)
    return sorted(found)


_AMONG_IMAGES = message("is not read: a folder named images holds the content's image files, not its texts; move "
                        "the file out of it, or rename the folder")


def _report_texts_among_images(root: Path, folder: str, report: ErrorReport) -> None:
    """An images folder is not walked; a Markdown file in it (a programme's folder named
    images, say) would be left out without a word: each is reported."""
    try:
        entries = _children(root, folder)
    except OSError:  # a folder that does not read: its images are reported where they are named
        return
    for entry in entries:
        if entry.name.endswith(".md") and not is_ignored(entry.name):
            report.add(f"{folder}/{entry.name}", 0, "", _AMONG_IMAGES)


def _children(root: Path, folder: str) -> list[os.DirEntry]:
    """The entries of ``folder``, by name (OSError if it cannot be read)."""
    with os.scandir(os.path.join(root, folder)) as entries:
        return sorted(entries, key=lambda entry: entry.name)


def _readable_children(root: Path, folder: str, report: ErrorReport) -> list[os.DirEntry]:
    """The entries of ``folder``, by name; none, reported, if it cannot be read."""
    try:
        return _children(root, folder)
    except OSError as exc:
        report.add(folder, 0, "", message("cannot be read: {reason}", reason=exc.strerror or exc))
        return []


def _look_at(entry: os.DirEntry, full: str, real_root: str, depth: int) -> tuple[Message | None, bool]:
    """What to report instead of reading ``entry`` (None: nothing), and whether it is a folder
    to walk into (else a file to read)."""
    try:
        is_link, is_dir = entry.is_symlink(), entry.is_dir(follow_symlinks=False)
    except OSError as exc:
        return message("cannot be read: {reason}", reason=exc.strerror or exc), False
    if is_link:
        if not _inside(real_root, full):
            return message("is a symbolic link pointing outside the repository"), False
        if os.path.isdir(full):
            return message("is a symbolic link to a folder, which is not followed: move the files here"), False
        return None, False
    if not is_dir:
        return None, False
    if entry.name.endswith(".md"):
        return message("is a folder, not a Markdown file: rename or remove it"), True
    if depth + 1 > MAX_FOLDER_DEPTH:
        return message("is nested more than {count} folders deep: not read", count=Number(MAX_FOLDER_DEPTH)), True
    return None, True
