"""One image file the content names (a recap's cover photo, a partner's logo, a person's portrait),
checked as the build will read it.

A file's path is relative to the content file that names it, and must stay inside the repository
(read as every content file is, ``files``: no symbolic link out of it, no pipe or device). It must
be a JPEG, PNG or WebP image that Pillow reads whole, wide enough for where it shows
(``LIMITS``), and not absurdly large: at most ``MAX_IMAGE_BYTES`` and ``MAX_PIXELS``. The size is
read from the header before any pixel is decoded, so a "decompression bomb" (a small file that
claims billions of pixels) is refused without being decoded. Imports no MkDocs, nothing of pages.
"""

from __future__ import annotations

import hashlib
import io
import os
import posixpath
import warnings
from dataclasses import dataclass
from pathlib import Path

from .files import read_bytes
from ..messages import Message, Number, message

MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 50_000_000
FORMATS = ("JPEG", "PNG", "WEBP")
_ORIENTATION = 0x0112  # EXIF: values 5 to 8 turn the picture a quarter: width and height swap


@dataclass(frozen=True)
class Limit:
    folder: str  # where such files go, relative to the content file (for the field reference)
    min_width: int  # in pixels, as shown (EXIF orientation applied)


LIMITS = {
    "cover": Limit("images/", 1200),  # the widest it shows is 1600 px (a wide screen at 2x): never upscaled
    "logo": Limit("images/", 200),
    "portrait": Limit("images/", 200),
}


@dataclass(frozen=True)
class ImageFile:
    """An image file that passed the checks: what the build needs to know of it."""

    path: str  # relative to the repository root, with /
    width: int  # as shown: EXIF orientation applied
    height: int
    digest: str  # of the file's bytes: names the build's outputs
    transparent: bool  # has an alpha channel or a transparent colour


def image_path(content_rel: str, file: str) -> str:
    """The repository-relative path of ``file``, written relative to the content file ``content_rel``."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(content_rel), file.strip()))


_checked: dict[tuple, tuple[ImageFile | None, Message | None]] = {}  # by file and stat: serve's reloads


def check_image(root: Path, content_rel: str, file: str, kind: str) -> tuple[ImageFile | None, Message | None]:
    """The image ``file`` (as written in ``content_rel``) and None, or None and what is wrong with it."""
    if file.startswith(("/", "\\")) or "\\" in file or ":" in file:
        return None, message("'{file}' is not a path relative to this file: write it as images/<name>.jpg", file=file)
    rel = image_path(content_rel, file)
    if rel == ".." or rel.startswith("../"):
        return None, message("'{file}' is outside the repository: put the image next to the content, in images/",
                             file=file)
    full = os.path.join(root, rel)
    if not os.path.lexists(full):
        return None, message("no file {path}: put the image there, or correct the path", path=rel)
    key = cache_key(root, rel, kind)
    if key is None or key not in _checked:
        result = _check_file(root, rel, kind)
        if key is None:
            return result
        if len(_checked) > 4096:
            _checked.clear()
        _checked[key] = result
    return _checked[key]


def cache_key(root: Path, rel: str, kind: str) -> tuple | None:
    """What a file's check is remembered by: the file (its device and inode too: the same path may
    be another file, on another disk), its size and time, whether it is a link; None if unreadable."""
    full = os.path.join(root, rel)
    try:
        info = os.stat(full)
        return (str(root), rel, kind, info.st_size, info.st_mtime_ns, info.st_dev, info.st_ino, os.path.islink(full))
    except OSError:
        return None


def _check_file(root: Path, rel: str, kind: str) -> tuple[ImageFile | None, Message | None]:
    data, errors = read_bytes(root, rel, limit=MAX_IMAGE_BYTES)
    if data is None:  # outside through a link, a folder, a pipe, too large: as for every content file
        return None, message("{path} {problem}", path=rel, problem=errors[0].message)
    try:
        width, height, transparent = _read_image(data)
    except _Refused as refused:
        return None, refused.why.with_fields(path=rel)
    if width * height > MAX_PIXELS:
        return None, _too_many_pixels(width, height).with_fields(path=rel)
    minimum = LIMITS[kind].min_width
    if width < minimum:
        return None, message("{path} is {width} px wide; {what} needs at least {minimum} px: use a larger file",
                             path=rel, width=Number(width), minimum=Number(minimum), what=_WHAT[kind])
    return ImageFile(rel, width, height, hashlib.sha256(data).hexdigest()[:16], transparent), None


_WHAT = {
    "cover": message("a cover photo"),
    "logo": message("a logo"),
    "portrait": message("a portrait"),
}


class _Refused(Exception):
    def __init__(self, why: Message) -> None:
        super().__init__()
        self.why = why


def _too_many_pixels(width: int, height: int) -> Message:
    return message("{path} is {width} × {height} pixels, over {limit} megapixels: use a smaller file",
                   width=Number(width), height=Number(height), limit=Number(MAX_PIXELS // 1_000_000))


def _read_image(data: bytes) -> tuple[int, int, bool]:
    """Width and height as shown, and transparency; _Refused if it is not an image read whole."""
    from PIL import Image, UnidentifiedImageError  # here: a content without images never loads Pillow

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # the size is checked below
        try:
            with Image.open(io.BytesIO(data), formats=FORMATS) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:  # from the header: not one pixel decoded
                    raise _Refused(_too_many_pixels(width, height))
                image.verify()
            with Image.open(io.BytesIO(data), formats=FORMATS) as image:
                turned = image.getexif().get(_ORIENTATION) in (5, 6, 7, 8)
                image.load()  # every pixel: a file cut short is found here, not in the build
                transparent = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info
        except Image.DecompressionBombError:  # over Pillow's own limit, twice ours
            raise _Refused(message("{path} claims over {limit} megapixels: use a smaller file",
                                   limit=Number(MAX_PIXELS // 1_000_000))) from None
        except UnidentifiedImageError:
            raise _Refused(message("{path} is not a JPEG, PNG or WebP image")) from None
        except (OSError, SyntaxError, ValueError, EOFError, MemoryError):
            raise _Refused(message("{path} is damaged or cut short: export the image again")) from None
    return (height, width, transparent) if turned else (width, height, transparent)


class ImageChanged(ValueError):
    """A picture's file is no longer what `recaps check` read (replaced, or made a link, since)."""


def image_bytes(root: Path, image: ImageFile) -> bytes:
    """The bytes of a checked picture, read again as safely as the check read them (inside the
    repository, no link out, at most MAX_IMAGE_BYTES) and refused unless they are the bytes it
    checked: what the build decodes is what was checked, never a file put in its place since."""
    data, errors = read_bytes(root, image.path, limit=MAX_IMAGE_BYTES)
    if data is None or hashlib.sha256(data).hexdigest()[:16] != image.digest:
        raise ImageChanged(f"{image.path} changed while the site was built: build again")
    return data

