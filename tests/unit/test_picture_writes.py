"""A picture is in the site whole or not at all (recaps.pages.picture_files): an interrupted
write leaves no temporary file, and one left by a build that was killed goes with the next."""

from __future__ import annotations

from pathlib import Path

import pytest

import fixture_images
from recaps.pages import picture_files


@pytest.fixture
def loaded(tmp_path: Path):
    return fixture_images.site_with_pictures(tmp_path / "repo")


def _names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


@pytest.mark.parametrize("stop", [KeyboardInterrupt(), OSError(28, "No space left on device")])
def test_an_interrupted_write_leaves_no_temporary_file(loaded, tmp_path: Path, monkeypatch, stop) -> None:
    real_write = Path.write_bytes

    def half_written(path: Path, data: bytes) -> int:
        real_write(path, data[:100])
        raise stop

    monkeypatch.setattr(Path, "write_bytes", half_written)
    with pytest.raises(type(stop)):
        picture_files.write_pictures(loaded, tmp_path / "site")
    monkeypatch.undo()
    assert _names(tmp_path / "site" / picture_files.OUTPUT_FOLDER) == []


def test_a_temporary_file_a_killed_build_left_goes_with_the_next(loaded, tmp_path: Path) -> None:
    site = tmp_path / "site"
    written = picture_files.write_pictures(loaded, site)
    folder = site / picture_files.OUTPUT_FOLDER
    before = _names(folder)
    assert len(before) == len(written) == 16  # cover 3 widths, logo 2, portrait 3; WebP and JPEG or PNG each
    (folder / "0123456789abcdef-480.webp.tmp").write_bytes(b"half a picture")
    (folder / "notes.tmp").write_bytes(b"not ours")
    assert picture_files.write_pictures(loaded, site) == []
    assert _names(folder) == sorted([*before, "notes.tmp"])
    # What a build killed while writing a needed output leaves: the output missing, its .tmp there.
    whole = (site / written[0]).read_bytes()
    (site / written[0]).rename(site / (written[0] + ".tmp"))
    assert picture_files.write_pictures(loaded, site) == [written[0]]
    assert (site / written[0]).read_bytes() == whole
    assert _names(folder) == sorted([*before, "notes.tmp"])
