"""Partial rebuilds (recaps serve): the same site as a full build, or a full build when needed."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

from recaps.build import build_site, update_site
from recaps.pages.incremental import MANIFEST

SESSION = "sessions/parcours-cec-industries/session-5.fr.md"


def _differences(a: Path, b: Path) -> list[str]:
    found = []
    compared = filecmp.dircmp(a, b)
    found += [str(a / n) for n in compared.diff_files + compared.left_only + compared.right_only]
    for name in compared.common_dirs:
        found += _differences(a / name, b / name)
    return found


def test_a_body_edit_rebuilds_a_preview_equal_to_a_full_build(copy_repo, tmp_path: Path) -> None:
    root = copy_repo("partial")
    preview = tmp_path / "preview"
    assert build_site(root, preview, serving=True).ok
    before = (preview / "index.html").stat().st_mtime_ns
    source = root / SESSION
    source.write_text(source.read_text(encoding="utf-8").replace("\n\n", "\n\nUne phrase de plus.\n\n", 1), encoding="utf-8")

    result = update_site(root, preview)
    assert result is not None and result.ok, result
    assert (preview / "index.html").stat().st_mtime_ns == before  # the home page was not rebuilt
    assert "Une phrase de plus." in (preview / "parcours-cec-industries/session-5/index.html").read_text(encoding="utf-8")

    full = tmp_path / "full"
    assert build_site(root, full, serving=True).ok
    assert _differences(preview, full) == []


def test_a_recap_s_new_place_redraws_its_card_in_a_preview_equal_to_a_full_build(copy_repo, tmp_path: Path) -> None:
    root = copy_repo("partial-card")
    preview = tmp_path / "preview"
    assert build_site(root, preview, serving=True).ok
    cards = [preview / prefix / "assets/cards/parcours-cec-industries/session-5.png" for prefix in ("", "en/")]
    before = [card.read_bytes() for card in cards]
    source = root / SESSION
    text = source.read_text(encoding="utf-8")
    assert "\ncity: Lyon\n" in text
    source.write_text(text.replace("\ncity: Lyon\n", "\ncity: Villeurbanne\n"), encoding="utf-8")

    result = update_site(root, preview)
    assert result is not None and result.ok, result  # a partial rebuild: the page's text changed
    assert [card.read_bytes() for card in cards] != before
    assert all(card.read_bytes() != old for card, old in zip(cards, before))  # both languages' cards
    full = tmp_path / "full"
    assert build_site(root, full, serving=True).ok
    assert _differences(preview, full) == []


def test_a_description_edit_alone_rebuilds_the_page(copy_repo, tmp_path: Path) -> None:
    # Only the front matter's description changes: the page's Markdown is the same, its meta not.
    root = copy_repo("partial-meta")
    preview = tmp_path / "preview"
    assert build_site(root, preview, serving=True).ok
    guide = preview / "guide/index.html"
    assert '<meta name="description" content="Écrire, vérifier et traduire le récit d’une session.">' in guide.read_text(encoding="utf-8")
    source = root / "docs/guide.fr.md"
    text = source.read_text(encoding="utf-8")
    edited = text.replace("description: Écrire, vérifier et traduire le récit d’une session.",
                          "description: Écrire et vérifier un récit.", 1)
    assert edited != text
    source.write_text(edited, encoding="utf-8")

    result = update_site(root, preview)
    assert result is not None and result.ok, result
    page = guide.read_text(encoding="utf-8")
    assert '<meta name="description" content="Écrire et vérifier un récit.">' in page
    assert "Écrire, vérifier et traduire le récit d’une session." not in page
    full = tmp_path / "full"
    assert build_site(root, full, serving=True).ok
    assert _differences(preview, full) == []


def test_a_new_title_or_a_new_page_needs_a_full_build(copy_repo, tmp_path: Path) -> None:
    root = copy_repo("full-needed")
    preview = tmp_path / "preview"
    assert build_site(root, preview, serving=True).ok
    source = root / SESSION
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace('title: "Embarquer son écosystème"', 'title: "Embarquer tout son écosystème"'), encoding="utf-8")
    assert update_site(root, preview) is None  # the title shows in other pages' navigation
    assert not (preview / MANIFEST).exists()  # and the preview now waits for that full build

    assert build_site(root, preview, serving=True).ok
    source.write_text(text, encoding="utf-8")
    (root / "docs" / "extra.fr.md").write_text("# En plus\n", encoding="utf-8")
    assert update_site(root, preview) is None


def test_a_content_error_is_reported_and_the_preview_kept_for_the_fix(copy_repo, tmp_path: Path) -> None:
    root = copy_repo("partial-error")
    preview = tmp_path / "preview"
    assert build_site(root, preview, serving=True).ok
    page = preview / "parcours-cec-industries" / "session-5" / "index.html"
    before = page.read_bytes()
    source = root / SESSION
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("number: 5", "number: five"), encoding="utf-8")
    result = update_site(root, preview)
    assert result is not None and not result.ok and result.report
    assert page.read_bytes() == before  # the last good preview stays
    # Fixed: the preview, untouched by the failed load, is updated in part again.
    source.write_text(text.replace("Embarquer son écosystème", "Embarquer son écosystème", 1), encoding="utf-8")
    fixed = update_site(root, preview)
    assert fixed is not None and fixed.ok


def test_a_build_for_publishing_writes_no_manifest(built_site: Path) -> None:
    assert not list(built_site.rglob(MANIFEST))
    assert json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_a_speaker_renamed_to_another_initial_rebuilds_a_preview_equal_to_a_full_build(
    copy_repo, tmp_path: Path, monkeypatch
) -> None:
    from recaps.pages import groupings

    monkeypatch.setattr(groupings, "SPEAKERS_ON_ONE_PAGE", 2)  # the speakers by initial (5 people quoted)
    root = copy_repo("speaker-moves")
    preview = tmp_path / "preview"
    assert build_site(root, preview, serving=True).ok
    assert (preview / "speakers/c/index.html").exists() and not (preview / "speakers/z/index.html").exists()
    registry = root / "sessions/people.yml"
    text = registry.read_text(encoding="utf-8")
    # From C to E, where there are people already: the same pages, other contents.
    registry.write_text(text.replace("name: Caroline Félix", "name: Élodie Félix"), encoding="utf-8")
    result = update_site(root, preview)
    assert result is not None and result.ok, result
    assert "Élodie Félix" in (preview / "speakers/e/index.html").read_text(encoding="utf-8")
    full = tmp_path / "full"
    assert build_site(root, full, serving=True).ok
    assert _differences(preview, full) == []
    # To Z, a new initial: a new page, so a full build.
    registry.write_text(text.replace("name: Caroline Félix", "name: Zoé Félix"), encoding="utf-8")
    assert update_site(root, preview) is None


def test_a_new_cover_photo_file_rebuilds_a_preview_equal_to_a_full_build(copy_repo, tmp_path: Path) -> None:
    # The recap's file is unchanged, its photo's file replaced: the pages showing it get the new
    # outputs' names, the old outputs go.
    import fixture_images

    root = copy_repo("partial-photo")
    fixture_images.add_pictures(root)
    preview = tmp_path / "preview"
    assert build_site(root, preview, serving=True).ok
    old = sorted(p.name for p in (preview / "assets/images").glob("*-1600.*"))
    assert len(old) == 2
    fixture_images.photo(root / fixture_images.COVER, 2000, 1500)

    result = update_site(root, preview)
    assert result is not None and result.ok, result  # a partial rebuild
    new = sorted(p.name for p in (preview / "assets/images").glob("*-1600.*"))
    assert len(new) == 2 and not set(new) & set(old)
    page = (preview / "parcours-cec-industries/session-5/index.html").read_text(encoding="utf-8")
    assert f"assets/images/{new[0]}" in page and 'width="1600" height="1200"' in page
    full = tmp_path / "full"
    assert build_site(root, full, serving=True).ok
    assert _differences(preview, full) == []
