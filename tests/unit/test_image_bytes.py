"""What the build decodes of a picture is the file `recaps check` checked: one replaced since, or
made a link out of the repository, is refused (recaps.content.image_files.image_bytes), never
decoded by whatever Pillow opens."""

from __future__ import annotations

from pathlib import Path

import pytest

import fixture_images
from recaps.content.image_files import ImageChanged
from recaps.pages.cards import recap_cards
from recaps.pages.picture_files import write_pictures

SESSION_5 = "parcours-cec-industries"


@pytest.fixture
def loaded(tmp_path: Path):
    return fixture_images.site_with_pictures(tmp_path / "repo")


def _card_photo(site) -> bytes:
    """The bytes session 5's link preview card is drawn on."""
    path, text, photo = recap_cards(site, "fr", "Récits")["parcours-cec-industries/session-5.md"]
    return photo()


def test_the_checked_photo_is_what_the_build_reads(loaded) -> None:
    assert _card_photo(loaded) == (loaded.root / fixture_images.COVER).read_bytes()


@pytest.mark.parametrize("how", ["replaced", "a link out"])
def test_a_photo_changed_after_the_check_is_refused(loaded, tmp_path: Path, how: str) -> None:
    cover = loaded.root / fixture_images.COVER
    outside = fixture_images.photo(tmp_path / "outside.jpg", 2000, 1200, orientation=6)
    cover.unlink()
    if how == "replaced":
        cover.write_bytes(outside.read_bytes())
    else:
        cover.symlink_to(outside)
    message = "sessions/parcours-cec-industries/images/salle.jpg changed while the site was built: build again"
    with pytest.raises(ImageChanged) as caught:
        write_pictures(loaded, tmp_path / "site")
    assert str(caught.value) == message
    with pytest.raises(ImageChanged) as caught:
        _card_photo(loaded)
    assert str(caught.value) == message



def test_a_file_on_another_device_is_checked_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same path, size, time and inode on another disk (a volume mounted over) is another file."""
    import os

    from recaps.content import image_files

    fixture_images.photo(tmp_path / "sessions" / "p" / "images" / "salle.jpg", 1300, 1000)
    checks: list[str] = []
    real_check = image_files._check_file
    monkeypatch.setattr(image_files, "_check_file", lambda root, rel, kind: checks.append(rel) or real_check(root, rel, kind))
    for _ in range(2):
        image, problem = image_files.check_image(tmp_path, "sessions/p/session-1.fr.md", "images/salle.jpg", "cover")
        assert problem is None and image.path == "sessions/p/images/salle.jpg"
    assert checks == ["sessions/p/images/salle.jpg"]
    real_stat = os.stat

    class OnAnotherDevice:
        def __init__(self, info: os.stat_result) -> None:
            self.info = info
            self.st_dev = info.st_dev + 1

        def __getattr__(self, name: str):
            return getattr(self.info, name)

    def on_another_device(path, *args, **kwargs):
        return OnAnotherDevice(real_stat(path, *args, **kwargs))

    monkeypatch.setattr(image_files.os, "stat", on_another_device)
    image_files.check_image(tmp_path, "sessions/p/session-1.fr.md", "images/salle.jpg", "cover")
    assert checks == ["sessions/p/images/salle.jpg"] * 2
