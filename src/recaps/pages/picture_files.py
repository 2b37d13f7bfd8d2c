"""The image files a build publishes, made locally with Pillow from the repository's files.

Each output (``pictures.variants``) is the file turned as its EXIF orientation says
(``ImageOps.exif_transpose``), in sRGB, resized with Lanczos (never enlarged), then encoded
afresh from its pixels alone: no EXIF, GPS, XMP, ICC profile or text chunk of the original is
carried over. The encoders' settings are fixed, so the same file gives the same bytes in every
build (the build is reproducible). Nothing is fetched. Imports no MkDocs: the plugin calls
``write_pictures`` after each build, which writes only the outputs missing from the site folder
(an output's name changes with its file, so one already there is right: ``recaps serve``'s
rebuilds do not encode again).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import warnings
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from .pictures import OUTPUT_FOLDER, Variant, variants
from ..content.image_checks import image_of, portrait_of
from ..content.image_files import FORMATS, ImageFile, image_bytes
from ..content.loader import Site

# Encoders' settings: fixed, for the same bytes from the same file.
_SAVE = {
    "webp": {"format": "WEBP", "quality": 80, "method": 4},
    "jpg": {"format": "JPEG", "quality": 82, "optimize": True, "progressive": True, "subsampling": "4:2:0"},
    "png": {"format": "PNG", "optimize": True},
}
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def outputs(site: Site) -> dict[str, tuple[ImageFile, Variant]]:
    """Every file the site's pictures need, by its path in the site folder, in order."""
    shown = [(image_of(site, session, "image"), "cover") for session in site.sessions]
    shown += [(image_of(site, partner, "logo"), "logo") for partner in site.partners.values()]
    shown += [(portrait_of(site, person_id), "portrait") for person_id in site.people]
    found = {variant.path: (image, variant) for image, kind in shown if image is not None
             for variant in variants(image, kind)}
    return dict(sorted(found.items()))


_OUTPUT_NAME = re.compile(r"[0-9a-f]{16}-\d+\.(webp|jpg|png)")
_TEMPORARY_SUFFIX = ".tmp"  # an output being written; one left by a killed build is removed by the next


def write_pictures(site: Site, site_dir: Path) -> list[str]:
    """Write into ``site_dir`` each output missing there, and remove those no page shows any more
    (a preview's, after its photo changed); the paths written."""
    needed = outputs(site)
    folder = site_dir / OUTPUT_FOLDER
    if folder.is_dir():  # only the names this module gives: the theme's own images stay
        for old in folder.iterdir():
            name = old.name.removesuffix(_TEMPORARY_SUFFIX)
            if _OUTPUT_NAME.fullmatch(name) and (name != old.name or f"{OUTPUT_FOLDER}/{name}" not in needed):
                old.unlink()
    written = []
    upright: dict[str, Image.Image] = {}  # each file decoded once, for all its widths
    for path, (image, variant) in needed.items():
        target = site_dir / path
        if target.is_file():
            continue
        if image.path not in upright:
            upright = {image.path: upright_pixels(image_bytes(site.root, image), image)}
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_whole(target, encode_pixels(upright[image.path], variant))
        written.append(path)
    return written


def _write_whole(target: Path, data: bytes) -> None:
    """``data`` in ``target``, or nothing there, even if the write is interrupted (a stop, a full disk)."""
    temporary = target.with_name(target.name + _TEMPORARY_SUFFIX)
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):  # the write's own error is the one to report
            temporary.unlink(missing_ok=True)
        raise


def encode(data: bytes, image: ImageFile, variant: Variant) -> bytes:
    """One output's bytes: the file's ``data`` upright, in sRGB, at the variant's size, without metadata."""
    return encode_pixels(upright_pixels(data, image), variant)


def upright_pixels(data: bytes, image: ImageFile) -> Image.Image:
    """The file's pixels (``data``: its bytes, as checked) turned as its EXIF orientation says,
    in sRGB, in RGB or RGBA."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # checked: at most 50 megapixels
        with Image.open(io.BytesIO(data), formats=FORMATS) as opened:
            pixels = _in_srgb(ImageOps.exif_transpose(opened), opened.info.get("icc_profile"))
            return pixels.convert("RGBA" if image.transparent else "RGB")


def encode_pixels(pixels: Image.Image, variant: Variant) -> bytes:
    """One output's bytes from the upright pixels: resized (never enlarged), without metadata."""
    if pixels.size != (variant.width, variant.height):
        pixels = pixels.resize((variant.width, variant.height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    clean = Image.frombytes(pixels.mode, pixels.size, pixels.tobytes())  # the pixels alone: no info, no EXIF
    out = io.BytesIO()
    clean.save(out, **_SAVE[variant.extension])
    return out.getvalue()


def _in_srgb(picture: Image.Image, icc: bytes | None) -> Image.Image:
    """The picture's colours in sRGB, where its profile says they are in another space."""
    if not icc:
        return picture
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if picture.mode not in ("RGB", "RGBA"):
            picture = picture.convert("RGBA" if "A" in picture.mode else "RGB")
        return ImageCms.profileToProfile(picture, profile, _SRGB, outputMode=picture.mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return picture  # a profile Little CMS cannot read: the colours as they are
