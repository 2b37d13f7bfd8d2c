"""The work folder of a build, and the built site put into place from it.

Each language is built into a work folder next to the site folder (French in fr/, English in
en/). Once both are built, English goes under the French site, which then replaces the site
folder: the old tree is renamed into the work folder, the new one into its place. Whatever stops
a build on the way (an error, a kill) leaves the old site where it was or where the next build
finds it, with the hidden entries it had (a deployment checkout's .git...).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
import tempfile
from pathlib import Path

from .content.models import LANGUAGES, SOURCE_LANGUAGE
from .sitedir import STAMP, STAMP_TEXT, TEMP_PREFIX

MOVED = "moved.json"  # in a work folder: the hidden entries of the site folder it holds
PREVIOUS = "previous"  # in a work folder: the old site, between the two renames and after


def new_work_folder(parent: Path) -> Path:
    """A work folder in ``parent``, named after this process (clean_stale_temp_dirs)."""
    return Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", dir=parent))


def assembled(work: Path) -> Path:
    """The site made of the language builds in ``work``: French at its root, the other languages
    under it, stamped as a site this tool built (recaps.sitedir)."""
    site = work / SOURCE_LANGUAGE
    for lang in LANGUAGES:
        if lang != SOURCE_LANGUAGE:
            os.rename(work / lang, site / lang)
    (site / STAMP).write_text(STAMP_TEXT, encoding="utf-8")
    return site


def swap_into_place(new: Path, target: Path) -> None:
    """Put ``new`` at ``target``; the old tree goes into ``new``'s work folder, removed with it.

    The hidden entries of the old tree (a deployment checkout's .git...), which MkDocs keeps when
    it cleans its site folder, are moved into ``new`` first. ``new`` is in a work folder of its
    own, where they are listed first: whatever fails from then on, discard puts them back.
    """
    if not target.exists():
        os.rename(new, target)
        return
    kept = sorted(name for name in os.listdir(target)
                  if name.startswith(".") and name != STAMP and not os.path.lexists(new / name))
    moved = {"site": str(target), "into": str(new), "entries": kept}
    (new.parent / MOVED).write_text(json.dumps(moved), encoding="utf-8")
    for name in kept:
        os.rename(target / name, new / name)
    _same_access(target, new)
    # Two renames, the old tree kept until the new one is in place; stopped in between, the old
    # one is put back (discard).
    try:
        os.rename(target, new.parent / PREVIOUS)
    except OSError as exc:  # about the site folder, not about the name it was to take
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    os.rename(new, target)


def _same_access(old: Path, new: Path) -> None:
    """Give the new site folder the old one's mode, owner and group (a web root readable by the
    server's group, a setgid bit): the swap replaces the folder itself, not only what it holds."""
    info = os.stat(old)
    with contextlib.suppress(PermissionError):  # only root may give a folder to another owner
        os.chown(new, info.st_uid, info.st_gid)
    os.chmod(new, stat.S_IMODE(info.st_mode))


def discard(work: Path) -> None:
    """Remove a work folder, after putting back into the site folder what was moved out of it.
    Where that fails, the folder is kept, and the next build tries again."""
    try:
        moved = json.loads((work / MOVED).read_text(encoding="utf-8"))
    except FileNotFoundError:
        moved = None  # nothing was moved
    except ValueError:
        moved = None  # cut short while being written: nothing was moved yet
    except OSError:
        return
    if moved is not None:
        try:
            _put_back(work, Path(moved["site"]), Path(moved["into"]), moved["entries"])
        except OSError:
            return
    shutil.rmtree(work, ignore_errors=True)


def _put_back(work: Path, site: Path, held: Path, entries: list[str]) -> None:
    if not os.path.lexists(site) and (work / PREVIOUS).is_dir():
        os.rename(work / PREVIOUS, site)  # stopped between the two renames
    back = [name for name in entries if os.path.lexists(held / name) and not os.path.lexists(site / name)]
    if back:
        site.mkdir(parents=True, exist_ok=True)
    for name in back:
        os.rename(held / name, site / name)


def clean_stale_temp_dirs(folder: Path) -> None:
    """Remove temporary folders left in ``folder`` by builds that were killed (after putting back
    the hidden entries of a site folder that one of them had moved)."""
    for leftover in folder.glob(TEMP_PREFIX + "*"):
        pid = leftover.name[len(TEMP_PREFIX):].split("-")[0]
        if pid.isdigit() and _alive(int(pid)):
            continue
        discard(leftover)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
