"""Items loaded before, kept by ``recaps serve`` and reused while their files are unchanged."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from .discovery import ItemFiles
from .items import Loaded, load_item
from .sitemodel import ProgrammeItem

RECENT_SECONDS = 2.0


class LoadCache:
    """Items loaded before, reused while none of their files changed (``recaps serve`` keeps one).

    An item depends on its own files only: the references between items are checked on every
    load. A file counts as unchanged while its size, modification and change times, inode and
    device are the same, and it was not modified in the seconds before it was read; a symbolic
    link is always read again.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple, tuple[tuple, Loaded]] = {}

    @staticmethod
    def _key(files: ItemFiles, bodies: bool) -> tuple:
        return (files.kind, files.id, files.folder, tuple(sorted(files.paths.items())), bodies)

    @staticmethod
    def _signature(root: Path, files: ItemFiles, now: float) -> tuple | None:
        signature = []
        for rel in sorted(files.paths.values()):
            try:
                info = os.lstat(os.path.join(root, rel))
            except OSError:
                return None
            # A file changed in the last seconds is read again next time: on a file system with
            # coarse times, a second edit of the same size within that tick would look unchanged.
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < RECENT_SECONDS:
                return None
            signature.append((rel, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev))
        return tuple(signature)

    def load(self, root: Path, items: list[ItemFiles], bodies: bool) -> list[Loaded]:
        """Each item as loaded before if its files are unchanged, else loaded again."""
        now = time.time()
        signatures = [self._signature(root, files, now) for files in items]
        results: list[Loaded] = []
        for files, signature in zip(items, signatures):
            entry = self._entries.get(self._key(files, bodies))
            unchanged = signature is not None and entry is not None and entry[0] == signature
            results.append(entry[1] if unchanged else load_item(root, files, bodies))
        self._entries = {
            self._key(files, bodies): (signature, result)
            for files, signature, result in zip(items, signatures, results) if signature is not None
        }
        for item, _ in results:
            if isinstance(item, ProgrammeItem):
                item.sessions = []  # filled again by load_site, from this load's sessions
        return results
