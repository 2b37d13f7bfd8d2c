"""Pictures in the built site: a cover photo, a logo and a portrait made by the test
(tests/fixture_images.py, ``pictures_site``), published in responsive sizes with the markup
that keeps the page still while they load, and without any of the originals' metadata."""

from __future__ import annotations

import re
from pathlib import Path

import fixture_images
import pytest
from PIL import Image

from recaps.content.image_files import ImageFile
from recaps.pages import picture_files, pictures

SESSION_PAGE = "parcours-cec-industries/session-5/index.html"
NAME = r"[0-9a-f]{16}"


def _html(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def _one(pattern: str, text: str) -> re.Match:
    found = list(re.finditer(pattern, text, re.S))
    assert len(found) == 1, f"{len(found)} matches of {pattern!r}"
    return found[0]


def test_the_cover_photo_heads_the_recap_as_a_figure(pictures_site: Path) -> None:
    html = _html(pictures_site, SESSION_PAGE)
    figure = _one(r'<figure class="recap-cover">(.*?)</figure>', html).group(1)
    picture = _one(
        r'<picture><source type="image/webp" srcset="([^"]*)" sizes="([^"]*)"><img src="([^"]*)" srcset="([^"]*)" '
        r'sizes="([^"]*)" width="(\d+)" height="(\d+)" alt="([^"]*)"([^>]*)></picture>', figure)
    webp, sizes, src, jpeg, sizes_again, width, height, alt, rest = picture.groups()
    digest = re.match(rf"\.\./\.\./assets/images/({NAME})-480\.webp", webp).group(1)
    images = f"../../assets/images/{digest}"
    assert webp == f"{images}-480.webp 480w, {images}-960.webp 960w, {images}-1600.webp 1600w"
    assert jpeg == f"{images}-480.jpg 480w, {images}-960.jpg 960w, {images}-1600.jpg 1600w"
    assert src == f"{images}-1600.jpg"
    assert sizes == sizes_again == "(min-width: 76.25em) 34.4rem, (min-width: 60em) calc(100vw - 14.5rem), calc(100vw - 1.6rem)"
    assert (width, height) == ("1600", "1067")  # 2400 x 1600, at 1600 px wide
    assert alt == "Une salle de réunion, des chaises en cercle autour d’un tableau."
    assert rest == ' fetchpriority="high"'  # at the top of the page: not lazy
    caption = _one(r"<figcaption>(.*?)</figcaption>", figure).group(1)
    assert caption == ('<span class="recap-cover__caption">Les participants réunis à Lyon.</span> '
                       '<span class="recap-cover__credit">Photo\u202f: équipe de test</span>')
    # Under the header, before the tags.
    assert html.index("recap-facts") < html.index("recap-cover") < html.index("recap-tag-line")


def test_the_english_page_says_the_photo_in_english(pictures_site: Path) -> None:
    html = _html(pictures_site, "en/" + SESSION_PAGE)
    assert 'alt="A meeting room, chairs in a circle around a board."' in html
    assert ('<figcaption><span class="recap-cover__caption">The participants gathered in Lyon.</span> '
            '<span class="recap-cover__credit">Photo: équipe de test</span></figcaption>') in html
    assert re.search(r'<figure class="recap-cover">\n<picture><source type="image/webp" srcset="\.\./\.\./assets/images/', html)
    assert (pictures_site / "en/assets/images").is_dir()


def test_logos_and_portraits_load_lazily(pictures_site: Path) -> None:
    html = _html(pictures_site, SESSION_PAGE)
    logo = _one(r'<picture class="recap-focus__logo">(.*?)</picture>', html).group(1)
    digest = re.search(rf"assets/images/({NAME})-160\.webp", logo).group(1)
    images = f"../../assets/images/{digest}"
    assert logo == (
        f'<source type="image/webp" srcset="{images}-160.webp 160w, {images}-320.webp 320w" sizes="8rem">'
        f'<img src="{images}-320.png" srcset="{images}-160.png 160w, {images}-320.png 320w" sizes="8rem" '
        'width="320" height="160" alt="La Ruche industrielle" loading="lazy" decoding="async">')
    partner = _html(pictures_site, "partners/la-ruche-industrielle/index.html")
    assert partner.count('<picture class="recap-partner-logo">') == 1
    portrait = _one(r'<picture class="recap-portrait">(.*?)</picture>', _html(pictures_site, "speakers/index.html")).group(1)
    assert re.search(r'srcset="[^"]*-64\.jpg 64w, [^"]*-128\.jpg 128w, [^"]*-192\.jpg 192w"', portrait)
    assert 'alt="Portrait de Caroline Félix" loading="lazy" decoding="async"' in portrait
    assert 'alt="Portrait of Caroline Félix"' in _html(pictures_site, "en/speakers/index.html")
    home = _html(pictures_site, "index.html")
    # The latest recap's photo is at the top of the home page: fetched first, as a recap's cover.
    assert _one(r'<picture class="recap-lead__photo">.*?<img src="assets/images/[0-9a-f]{16}-1600\.jpg"[^>]*'
                r'alt="Une salle de réunion, des chaises en cercle autour d’un tableau." fetchpriority="high">', home)


def _outputs(site: Path) -> list[Path]:
    return sorted(p for p in site.glob("**/assets/images/*") if re.match(rf"{NAME}-\d+\.", p.name))


def test_every_output_is_the_size_its_name_says(pictures_site: Path) -> None:
    sizes = {}
    for path in _outputs(pictures_site):
        with Image.open(path) as image:
            width = int(path.stem.rsplit("-", 1)[1])
            assert image.width == width, path.name
            assert image.format == {".webp": "WEBP", ".jpg": "JPEG", ".png": "PNG"}[path.suffix]
            sizes.setdefault(path.parent.parent.parent.name, []).append((image.width, image.height, path.suffix))
    # Per language: the cover (2400 x 1600), the logo (600 x 300, transparent: PNG), the portrait (400 x 500).
    expected = sorted([(480, 320), (960, 640), (1600, 1067), (160, 80), (320, 160), (64, 80), (128, 160), (192, 240)])
    for language, found in sizes.items():
        assert sorted({(w, h) for w, h, _ in found}) == expected, language
        assert sorted(s for w, h, s in found if (w, h) in ((160, 80), (320, 160))) == [".png", ".png", ".webp", ".webp"]
    assert len(sizes) == 2  # the French site and en/


def test_no_metadata_of_the_originals_is_published(pictures_site: Path) -> None:
    root = pictures_site.parent / "repo"
    with Image.open(root / fixture_images.COVER) as original:  # what there was to strip
        assert original.getexif().get_ifd(fixture_images.GPS_IFD)[1] == "N"
        assert original.info["icc_profile"]
    assert b"Fixture Studio" in (root / fixture_images.LOGO).read_bytes()
    outputs = _outputs(pictures_site)
    assert len(outputs) == 32
    for path in outputs:
        data = path.read_bytes()
        for trace in (b"Exif", b"FixtureCam", b"GPS", b"Fixture Studio", b"tEXt", b"iCCP", b"ICC_PROFILE", b"XMP"):
            assert trace not in data, f"{path.name}: {trace!r}"
        with Image.open(path) as image:
            assert len(image.getexif()) == 0, path.name
            assert not {"exif", "icc_profile", "xmp", "Author"} & set(image.info), path.name


def test_widths_never_upscale() -> None:
    assert pictures.widths("cover", 1000) == [480, 960, 1000]
    assert pictures.widths("cover", 2400) == [480, 960, 1600]
    assert pictures.widths("cover", 1600) == [480, 960, 1600]
    assert pictures.widths("cover", 1300) == [480, 960, 1300]
    assert pictures.widths("logo", 200) == [160, 200]
    assert pictures.widths("portrait", 200) == [64, 128, 192]


@pytest.mark.parametrize("orientation, size", [(None, (1300, 1000)), (6, (1000, 1300)), (8, (1000, 1300))])
def test_the_same_file_gives_the_same_bytes_upright(tmp_path: Path, orientation: int | None, size: tuple) -> None:
    """Also at the file's own width (1300 px for a cover, not resized): no EXIF carried over."""
    source = fixture_images.photo(tmp_path / "photo.jpg", 1300, 1000, orientation=orientation)
    image = ImageFile("photo.jpg", *size, digest="0" * 16, transparent=False)
    assert len(pictures.variants(image, "cover")) == 6
    for variant in pictures.variants(image, "cover"):
        first = picture_files.encode(source.read_bytes(), image, variant)
        assert picture_files.encode(source.read_bytes(), image, variant) == first
        assert b"Exif" not in first and b"FixtureCam" not in first and b"ICC_PROFILE" not in first
        out = tmp_path / f"out.{variant.extension}"
        out.write_bytes(first)
        with Image.open(out) as written:
            assert written.size == (variant.width, variant.height)
            assert written.size[0] < written.size[1] if orientation else written.size[0] > written.size[1]


def test_a_second_build_writes_the_same_pictures(pictures_site: Path, tmp_path: Path) -> None:
    from recaps.build import build_site

    again = tmp_path / "again"
    assert build_site(pictures_site.parent / "repo", site_dir=again).ok
    first, second = _outputs(pictures_site), _outputs(again)
    assert [p.relative_to(pictures_site) for p in first] == [p.relative_to(again) for p in second]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_without_its_translation_the_english_page_shows_the_french_photo(pictures_site: Path, tmp_path: Path) -> None:
    import shutil

    from recaps.build import build_site

    root = tmp_path / "repo"
    shutil.copytree(pictures_site.parent / "repo", root)
    (root / f"{fixture_images.SESSION_5}.en.md").unlink()
    site = tmp_path / "site"
    assert build_site(root, site_dir=site).ok
    html = _html(site, "en/" + SESSION_PAGE)
    stand_in = html[html.index('<div lang="fr">'):]
    assert 'alt="Une salle de réunion, des chaises en cercle autour d’un tableau." fetchpriority="high">' in stand_in
    assert '<span class="recap-cover__caption">Les participants réunis à Lyon.</span>' in stand_in


def test_a_caption_the_english_lacks_is_the_french_one_marked_french(pictures_site: Path, tmp_path: Path) -> None:
    """The English translates the photo's alt, not its caption: the English page shows the
    French caption, marked as French, says the translation is not finished, and it is in
    progress: `recaps mark-translated` refuses it, naming the field."""
    import shutil

    from click.testing import CliRunner

    from recaps.build import build_site
    from recaps.cli import main

    root = tmp_path / "repo"
    shutil.copytree(pictures_site.parent / "repo", root)
    english = root / f"{fixture_images.SESSION_5}.en.md"
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace('  caption: "The participants gathered in Lyon."\n', ""), encoding="utf-8")
    site = tmp_path / "site"
    assert build_site(root, site_dir=site).ok
    html = _html(site, "en/" + SESSION_PAGE)
    assert ('<figcaption><span class="recap-cover__caption" lang="fr">Les participants réunis à Lyon.</span> '
            '<span class="recap-cover__credit">Photo: équipe de test</span></figcaption>') in html
    assert 'alt="A meeting room, chairs in a circle around a board."' in html
    assert "This translation is not finished yet; parts of it may still be in French." in html
    refused = CliRunner().invoke(main, ["-C", str(root), "mark-translated", f"{fixture_images.SESSION_5}.en.md"])
    assert refused.exit_code == 1
    line = text.splitlines().index("image:") + 1
    assert f"{fixture_images.SESSION_5}.en.md:{line}: image.caption: the French source has one: translate it too" \
        in refused.output
