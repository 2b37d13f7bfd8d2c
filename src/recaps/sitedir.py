"""Where a build may write its site, and what it says when the system refuses a write.

A build replaces its site folder whole (recaps.build swaps a new tree in). So the folder must be
one this tool built (marked by the STAMP file), an empty one or a new one: never the repository,
a folder that contains it, its content folders, its sources or its history, nor a folder of
someone else's files unless ``--force`` is given. Every refusal happens before anything is read
or written.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from .content.models import LANGUAGES, SOURCE_LANGUAGE
from .messages import Message, message

TEMP_PREFIX = ".recaps-build-"  # the work folders, next to the site folder
STAMP = ".recaps-site"
STAMP_TEXT = "This folder is a site built by `recaps build`: the next build replaces it, keeping its hidden entries.\n"

# Never a site folder, nor inside one of these, even with --force.
PROTECTED = ("sessions", "partners", "docs", "overrides", "src", ".git")

# A folder holding only these is as good as empty: a deployment checkout before its first site.
KEPT_AS_EMPTY = frozenset({".git", ".nojekyll"})

DEFAULT = message("choose another --site-dir (the default is site/ in the repository)")


class SiteDirError(Exception):
    """The site folder is refused, or the system refused a write: one line saying what to do
    (``problem``, said in the editor's language)."""

    def __init__(self, problem: Message) -> None:
        super().__init__(str(problem))
        self.problem = problem


def check_site_dir(root: Path, site_dir: Path, force: bool = False) -> Path:
    """The folder the site goes into (``site_dir`` with its links followed), or SiteDirError."""
    root = root.resolve()
    given = Path(os.path.abspath(site_dir))
    try:
        target = given.resolve()
    except (OSError, RuntimeError) as exc:  # a loop of symbolic links
        raise SiteDirError(message("cannot write the site to {folder}: {reason}; {advice}", folder=given,
                                   reason=getattr(exc, "strerror", None) or exc, advice=DEFAULT)) from None
    shown = f"{given} -> {target}" if os.path.islink(given) else str(target)

    reason = _part_of_the_repository(root, target)
    refusal = (reason, DEFAULT) if reason else _not_replaceable(root, target, force)
    if refusal:
        reason, advice = refusal
        raise SiteDirError(message("cannot write the site to {folder}: {reason}; {advice}", folder=shown,
                                   reason=reason, advice=advice))
    return target


def _part_of_the_repository(root: Path, target: Path) -> Message | None:
    """Why a site at ``target`` would replace the repository, its folders or its history, if it would."""
    if target == root:
        return message("it is the repository itself")
    if root.is_relative_to(target):
        return message("it contains the repository ({folder})", folder=root)
    for name in PROTECTED:
        folder = (root / name).resolve()
        if target == folder:
            return message("it is the repository's {name}/ folder", name=name)
        if target.is_relative_to(folder):
            return message("it is inside the repository's {name}/ folder", name=name)
        if folder.is_relative_to(target):  # the folder is a link to a place outside the repository
            return message("it contains the repository's {name}/ folder ({folder})", name=name, folder=folder)
    for history in _git_dirs(root):
        if target == history or target.is_relative_to(history) or history.is_relative_to(target):
            return message("it holds the repository's history ({folder})", folder=history)
    return None


def _not_replaceable(root: Path, target: Path, force: bool) -> tuple[Message, Message] | None:
    """Why what is at ``target`` cannot be replaced by a site, and what to do instead, if so."""
    if not os.path.lexists(target):
        return None
    if not target.is_dir():
        return message("it is a file, not a folder"), message("move it away or choose another --site-dir")
    if os.path.ismount(target):
        return (message("it is a mount point, which a build cannot replace"),
                message("build into a folder inside it (--site-dir {folder}) or choose another --site-dir",
                        folder=target / "site"))
    try:
        foreign = [name for name in os.listdir(target) if name not in KEPT_AS_EMPTY]
    except OSError as exc:
        raise write_error(exc, target) from None
    if not foreign or (target / STAMP).is_file():
        return None
    if target.is_relative_to(root):  # the repository's own files: tests/, scripts/, .venv/...
        return (message("it is a folder of the repository that recaps did not build (no {file} file)", file=STAMP),
                message("choose another --site-dir (the default is site/ in the repository); --force is not taken "
                        "there"))
    if not force:
        return (message("it holds files that recaps did not build (no {file} file), which a build would delete",
                        file=STAMP),
                message("empty it, choose another --site-dir, or pass --force to replace them (hidden entries such as "
                        ".git are kept)"))
    return None


def _git_dirs(root: Path) -> list[Path]:
    """The repository's history where a .git file points to it (a worktree, a clone made with
    --separate-git-dir): the folder it names, and the shared one a worktree's names in turn.
    A .git folder is in PROTECTED already."""
    try:
        first = (root / ".git").read_text(encoding="utf-8").splitlines()[0]
    except (OSError, UnicodeDecodeError, IndexError):  # a folder, or nothing
        return []
    if not first.startswith("gitdir:"):
        return []
    git_dir = (root / first[len("gitdir:"):].strip()).resolve()
    try:
        common = (git_dir / "commondir").read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return [git_dir]
    return [git_dir, (git_dir / common).resolve()]


_NO_SPACE = message("free some space on that disk or choose another --site-dir")
_PERMISSIONS = message("check the permissions and attributes (`lsattr -d`) of that path and its folder, or choose "
                       "another --site-dir")
_ADVICE = {
    errno.ENOSPC: _NO_SPACE,
    errno.EDQUOT: _NO_SPACE,
    errno.EROFS: message("remount it read-write or choose another --site-dir"),
    errno.EACCES: _PERMISSIONS,
    errno.EPERM: _PERMISSIONS,
}


def write_error(exc: OSError, target: Path, work: Path | None = None) -> SiteDirError:
    """One line for a system error while building into ``target``: the path the system named
    (as it would be in the site, not in the work folder ``work`` next to it) and what to do."""
    # A copy or a rename names its source first, its destination second: name what was written.
    names = [Path(os.fsdecode(name)) for name in (exc.filename2, exc.filename) if name is not None]
    ours = [name for name in names if name.is_relative_to(target.parent)]
    path = _as_published((ours or names)[0], target, work) if names else target
    advice = _ADVICE.get(exc.errno, message("check that path or choose another --site-dir"))
    reason = exc.strerror or str(exc)
    if path == target:
        return SiteDirError(message("cannot write the site to {folder}: {reason}; {advice}; the site folder was left "
                                    "as it was", folder=target, reason=reason, advice=advice))
    return SiteDirError(message("cannot write the site to {folder}: {reason} ({path}); {advice}; the site folder was "
                                "left as it was", folder=target, reason=reason, path=path, advice=advice))


def _as_published(path: Path, target: Path, work: Path | None) -> Path:
    """A path in the work folder (``<work>/fr/...``, ``<work>/en/...``) as it is named in the site;
    the work folder itself, or the one that could not be made, as the folder that holds it."""
    if path.parent == target.parent and path.name.startswith(TEMP_PREFIX):
        return target.parent
    if work is None or not path.is_relative_to(work):
        return path
    parts = path.relative_to(work).parts
    if parts and parts[0] == SOURCE_LANGUAGE:
        return target.joinpath(*parts[1:])
    if parts and parts[0] in LANGUAGES:
        return target.joinpath(*parts)
    return target.parent
