"""Image files the tests make at run time with Pillow (the real content has no photo, and no test
commits one): photos with EXIF and GPS data, logos with transparency, and hostile files.

Importable from every test module, as ``checkcases`` is.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F


def _canvas(width: int, height: int, mode: str = "RGB") -> Image.Image:
    """A picture with some structure (bands and a disc), so that encoders have something to do."""
    image = Image.new(mode, (width, height), (40, 90, 140, 255)[: len(mode)] if mode != "L" else 90)
    draw = ImageDraw.Draw(image)
    for x in range(0, width, max(1, width // 12)):
        draw.rectangle([x, 0, x + max(1, width // 24), height], fill=(200, 170, 60, 255)[: len(mode)])
    draw.ellipse([width // 4, height // 4, width * 3 // 4, height * 3 // 4], fill=(230, 230, 220, 255)[: len(mode)])
    return image


def photo(path: Path, width: int = 2000, height: int = 1200, orientation: int | None = None) -> Path:
    """A JPEG with EXIF (the camera's make, GPS coordinates (Lyon) and, if given, an orientation)
    and an ICC colour profile (Little CMS's sRGB)."""
    from PIL import ImageCms

    exif = Image.Exif()
    exif[MAKE] = "FixtureCam"
    exif[GPS_IFD] = {1: "N", 2: (45.0, 45.0, 50.0), 3: "E", 4: (4.0, 50.0, 30.0)}
    if orientation is not None:
        exif[ORIENTATION] = orientation
    path.parent.mkdir(parents=True, exist_ok=True)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    _canvas(width, height).save(path, "JPEG", quality=90, exif=exif.tobytes(), icc_profile=icc)
    return path


def logo(path: Path, width: int = 600, height: int = 300, transparent: bool = True) -> Path:
    """A PNG logo, with an alpha channel if ``transparent``, a text chunk and an ICC profile that
    must not be published."""
    from PIL import ImageCms
    from PIL.PngImagePlugin import PngInfo

    image = _canvas(width, height, "RGBA" if transparent else "RGB")
    if transparent:
        ImageDraw.Draw(image).rectangle([0, 0, width // 5, height], fill=(0, 0, 0, 0))
    info = PngInfo()
    info.add_text("Author", "Fixture Studio, 12 rue Secrète")
    path.parent.mkdir(parents=True, exist_ok=True)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(path, "PNG", pnginfo=info, icc_profile=icc)
    return path


def png_header(path: Path, width: int, height: int) -> Path:
    """A PNG of a few bytes whose header claims ``width`` x ``height`` pixels (a decompression bomb)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def cut_short(path: Path, width: int = 1600, height: int = 1000) -> Path:
    """A JPEG whose second half is missing."""
    photo(path, width, height)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def gif(path: Path, width: int = 1600, height: int = 1000) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    _canvas(width, height).convert("P").save(path, "GIF")
    return path


SESSION_5 = "sessions/parcours-cec-industries/session-5"
COVER = "sessions/parcours-cec-industries/images/salle.jpg"
LOGO = "partners/images/la-ruche.png"
PORTRAIT = "sessions/images/caroline-felix.jpg"


def _insert(path: Path, before: str, text: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert before in content, f"{path}: no {before!r}"
    path.write_text(content.replace(before, text + before, 1), encoding="utf-8")


def add_pictures(root: Path) -> None:
    """A copy of the real content, given pictures no real file has: a cover photo for session 5
    (2400 x 1600, EXIF with GPS), a logo with transparency for La Ruche industrielle, a portrait
    of Caroline Félix; the English translates their texts, and is marked up to date again."""
    from click.testing import CliRunner

    from recaps.cli import main

    photo(root / COVER, 2400, 1600)
    logo(root / LOGO, 600, 300)
    photo(root / PORTRAIT, 400, 500)
    _insert(root / f"{SESSION_5}.fr.md", "next_session:", (
        "image:\n  file: images/salle.jpg\n  alt: \"Une salle de réunion, des chaises en cercle autour d’un tableau.\"\n"
        "  caption: \"Les participants réunis à Lyon.\"\n  credit: \"équipe de test\"\n"))
    _insert(root / f"{SESSION_5}.en.md", "next_session:", (
        "image:\n  alt: \"A meeting room, chairs in a circle around a board.\"\n"
        "  caption: \"The participants gathered in Lyon.\"\n"))
    _insert(root / "partners/la-ruche-industrielle.fr.md", "people:", (
        "logo:\n  file: images/la-ruche.png\n  alt: \"La Ruche industrielle\"\n"))
    _insert(root / "partners/la-ruche-industrielle.en.md", "quotes:", "logo:\n  alt: \"La Ruche industrielle\"\n")
    people = root / "sessions/people.yml"
    text = people.read_text(encoding="utf-8")
    start = text.index("  - id: caroline-felix\n")
    people.write_text(text[:start] + "  - id: caroline-felix\n    portrait:\n      file: images/caroline-felix.jpg\n"
                      + text[start + len("  - id: caroline-felix\n"):], encoding="utf-8")
    for english in (f"{SESSION_5}.en.md", "partners/la-ruche-industrielle.en.md"):
        result = CliRunner().invoke(main, ["-C", str(root), "mark-translated", english])
        assert result.exit_code == 0, result.output


def site_with_pictures(root: Path):
    """The real content with those pictures (add_pictures), copied into ``root`` and loaded; it must pass."""
    from recaps.content.loader import load_site
    from repo_copies import copy_of_repo

    root.mkdir()
    copy_of_repo(root)
    add_pictures(root)
    site, report = load_site(root)
    assert not report, report.render()
    return site
