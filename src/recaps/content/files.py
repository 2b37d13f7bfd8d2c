"""Reading a content file's bytes safely: inside the repository, a regular file, of bounded size.

A file is opened without following a symbolic link out of the repository, without blocking on a
named pipe or a device, and never read past ``MAX_FILE_BYTES``, even if it grows while it is read.
"""

from __future__ import annotations

import functools
import os
import stat
from pathlib import Path

from .errors import ContentError
from ..messages import Number, message

MAX_FILE_BYTES = 2 * 1024 * 1024

# O_NONBLOCK: opening a named pipe must not wait for a writer.
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def read_bytes(root: Path, rel_path: str, limit: int | None = None) -> tuple[bytes | None, list[ContentError]]:
    """The bytes of a regular file inside ``root``, at most ``limit`` of them (MAX_FILE_BYTES)."""
    descriptor, error = _open_inside(root, rel_path)
    if error is not None:
        return None, [error]
    try:
        data, error = _read_regular_file(descriptor, rel_path, MAX_FILE_BYTES if limit is None else limit)
    except OSError as exc:
        data, error = None, _unreadable(rel_path, exc)
    finally:
        os.close(descriptor)
    return data, [] if error is None else [error]


def within(real_root: str, real_path: str) -> bool:
    """Whether ``real_path`` is ``real_root`` or under it (both already resolved)."""
    return os.path.commonpath([real_root, real_path]) == real_root


def forget_real_paths() -> None:
    """Resolve folders again: called at the start of each load, which sees the tree as it is."""
    _realpath.cache_clear()
    _folder_inside.cache_clear()


@functools.lru_cache(maxsize=4096)
def _realpath(path: str) -> str:
    return os.path.realpath(path)


@functools.lru_cache(maxsize=4096)
def _folder_inside(root: str, folder: str) -> bool:
    return within(_realpath(root), _realpath(folder))


def _open_inside(root: Path, rel_path: str) -> tuple[int, ContentError | None]:
    """A descriptor of the file, opened read-only, or why it may not be opened.

    The file's folder is resolved and checked once per load; the file itself is opened without
    following a symbolic link, and only a link is resolved in full (then followed if it stays inside).
    """
    full = os.path.join(root, rel_path)
    if not _folder_inside(str(root), os.path.dirname(full)):
        return -1, _outside(rel_path)
    real_root = _realpath(str(root))
    if not _NOFOLLOW and not within(real_root, os.path.realpath(full)):  # no O_NOFOLLOW (Windows)
        return -1, _outside(rel_path)
    try:
        return os.open(full, _FLAGS | _NOFOLLOW), None
    except OSError as exc:
        if not (_NOFOLLOW and os.path.islink(full)):
            return -1, _unreadable(rel_path, exc)
    if not within(real_root, os.path.realpath(full)):
        return -1, _outside(rel_path)
    try:
        return os.open(full, _FLAGS), None
    except OSError as exc:
        return -1, _unreadable(rel_path, exc)


def _read_regular_file(descriptor: int, rel_path: str, limit: int) -> tuple[bytes | None, ContentError | None]:
    """The whole content of an open regular file within the size limit, or why not."""
    info = os.fstat(descriptor)
    if stat.S_ISDIR(info.st_mode):
        return None, ContentError(rel_path, 0, "", message("is a folder, not a file"))
    if not stat.S_ISREG(info.st_mode):
        return None, ContentError(rel_path, 0, "", message("is not a regular file (a pipe, socket or device): remove it"))
    if info.st_size > limit:
        return None, _too_large(rel_path, info.st_size, limit)
    chunks, size = [], 0
    # First what fstat says and one byte more (a file that grew since is noticed), then on
    # until a read returns nothing: some file systems return less than asked before the end.
    wanted = info.st_size + 1
    while size <= limit:
        chunk = os.read(descriptor, min(wanted, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        wanted = 65536
    if size > limit:  # it grew since fstat
        return None, _too_large(rel_path, size, limit)
    return b"".join(chunks), None


def _too_large(rel_path: str, size: int, limit: int) -> ContentError:
    tenths = -(-size * 10 // 1_048_576)  # rounded up: 2 MB and one byte is 2.1 MB, not 2.0
    return ContentError(rel_path, 0, "", message("is too large ({size} MB; the limit is {limit} MB)",
                                                 size=Number(tenths / 10, decimals=1), limit=Number(limit // 1_048_576)))


def _outside(rel_path: str) -> ContentError:
    return ContentError(rel_path, 0, "", message("is a symbolic link pointing outside the repository"))


def _unreadable(rel_path: str, exc: OSError) -> ContentError:
    return ContentError(rel_path, 0, "", message("cannot be read: {reason}", reason=exc.strerror or exc))
