"""What each recap's card says in each language, and where each language's build publishes it
(recaps.pages.cards), on the real content plus an untranslated recap."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from recaps.content.loader import load_site
from recaps.pages.cards import card_paths, recap_cards, write_cards
from recaps.pages.social_cards import CardText, card_image

import fixture_images
from repo_copies import SESSION_4_FR, copy_of_repo

SESSION_5 = "parcours-cec-industries/session-5.md"
SESSION_4 = "parcours-cec-industries/session-4.md"
ORGANISATION = "Convention des Entreprises pour le Climat"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("cards") / "repo"
    root.mkdir()
    copy_of_repo(root)
    # Its title as an editor types it, with plain spaces before ':' and inside « ».
    session_4 = SESSION_4_FR.replace('title: "Coopérer entre filières"', 'title: "Coopérer : « faire forêt »"')
    assert session_4 != SESSION_4_FR
    (root / "sessions/parcours-cec-industries/session-4.fr.md").write_text(session_4, encoding="utf-8")
    loaded, report = load_site(root)
    assert not report, report.render()
    return loaded


def test_every_recap_has_its_card_at_the_same_path_in_each_language(site) -> None:
    assert card_paths(site) == {
        SESSION_4: "assets/cards/parcours-cec-industries/session-4.png",
        SESSION_5: "assets/cards/parcours-cec-industries/session-5.png",
    }


def test_each_language_s_card_is_in_its_language(site) -> None:
    french = recap_cards(site, "fr", "Récits de programmes", ORGANISATION)
    assert french[SESSION_5] == ("assets/cards/parcours-cec-industries/session-5.png", CardText(
        kicker="Parcours CEC Industries · Session 5 sur 6",
        title="Embarquer son écosystème",
        facts="16–17 janvier 2025 · Lyon",
        site_name="Récits de programmes",
        organisation=ORGANISATION,
    ), None)
    # With French spacing, as the page's title.
    assert french[SESSION_4][1].title == "Coopérer\u202f: «\u202ffaire forêt\u202f»"
    assert french[SESSION_4][1].facts == "12–13 décembre 2024 · Grenoble"
    english = recap_cards(site, "en", "Programme recaps", ORGANISATION)
    # Session 4 has no English: its English page is the French one, with the French card.
    assert list(english) == [SESSION_5]
    assert english[SESSION_5][1] == CardText(
        kicker="CEC Industries Programme · Session 5 of 6",
        title="Bringing your ecosystem on board",
        facts="16–17 January 2025 · Lyon",
        site_name="Programme recaps",
        organisation=ORGANISATION,
    )


def test_a_partial_rebuild_draws_the_cards_of_the_pages_it_rebuilds_and_those_missing(site, tmp_path: Path) -> None:
    cards = recap_cards(site, "fr", "Récits de programmes", ORGANISATION)
    write_cards(tmp_path, cards)
    four, five = (tmp_path / cards[uri][0] for uri in (SESSION_4, SESSION_5))
    assert five.read_bytes() == card_image(cards[SESSION_5][1])
    assert four.read_bytes() == card_image(cards[SESSION_4][1])
    five.write_bytes(b"as the last build drew it")
    four.write_bytes(b"as the last build drew it")
    write_cards(tmp_path, cards, rebuilt={SESSION_4})
    assert four.read_bytes() == card_image(cards[SESSION_4][1])
    assert five.read_bytes() == b"as the last build drew it"
    shutil.rmtree(tmp_path / "assets")
    write_cards(tmp_path, cards, rebuilt=set())
    assert five.read_bytes() == card_image(cards[SESSION_5][1])


def test_a_recap_with_a_cover_photo_has_its_card_on_the_photo(tmp_path: Path) -> None:
    from PIL import Image

    root = tmp_path / "repo"
    root.mkdir()
    copy_of_repo(root)
    fixture_images.add_pictures(root)  # a cover photo for session 5, with EXIF and GPS data
    loaded, report = load_site(root)
    assert not report, report.render()
    photo = (root / fixture_images.COVER).read_bytes()
    assert card_paths(loaded)[SESSION_5] == "assets/cards/parcours-cec-industries/session-5.jpg"
    for lang in ("fr", "en"):
        cards = recap_cards(loaded, lang, "Récits de programmes", ORGANISATION)
        path, text, on = cards[SESSION_5]
        assert (path, on()) == ("assets/cards/parcours-cec-industries/session-5.jpg", photo)
        write_cards(tmp_path / lang, cards)
        assert (tmp_path / lang / path).read_bytes() == card_image(text, photo)
        with Image.open(tmp_path / lang / path) as card:
            assert (card.format, card.size, dict(card.getexif())) == ("JPEG", (1200, 630), {})


def test_a_preview_keeps_one_card_a_recap_as_its_photo_comes_and_goes(tmp_path: Path) -> None:
    text = CardText("Parcours · Session 5 sur 6", "Titre", "16 janvier 2025 · Lyon", "Récits")
    photo = fixture_images.photo(tmp_path / "photo.jpg", 1300, 1000).read_bytes()
    folder = tmp_path / "site" / "assets/cards/parcours-cec-industries"
    write_cards(tmp_path / "site", {SESSION_5: ("assets/cards/parcours-cec-industries/session-5.png", text, None)})
    assert sorted(p.name for p in folder.iterdir()) == ["session-5.png"]
    write_cards(tmp_path / "site", {SESSION_5: ("assets/cards/parcours-cec-industries/session-5.jpg", text, lambda: photo)},
                rebuilt={SESSION_5})
    assert sorted(p.name for p in folder.iterdir()) == ["session-5.jpg"]
    write_cards(tmp_path / "site", {SESSION_5: ("assets/cards/parcours-cec-industries/session-5.png", text, None)},
                rebuilt={SESSION_5})
    assert sorted(p.name for p in folder.iterdir()) == ["session-5.png"]


def test_a_cover_photo_is_read_only_for_a_card_drawn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A photo may weigh 20 MB: a preview's partial rebuild that draws no card on it reads none."""
    import recaps.pages.cards as cards_module

    loaded = fixture_images.site_with_pictures(tmp_path / "repo")  # a cover photo for session 5
    read: list[str] = []
    real = cards_module.image_bytes
    monkeypatch.setattr(cards_module, "image_bytes", lambda root, image: read.append(image.path) or real(root, image))
    cards = recap_cards(loaded, "fr", "Récits de programmes", ORGANISATION)
    assert read == []
    write_cards(tmp_path / "site", cards)
    assert read == ["sessions/parcours-cec-industries/images/salle.jpg"]
    write_cards(tmp_path / "site", cards, rebuilt={SESSION_4})
    assert read == ["sessions/parcours-cec-industries/images/salle.jpg"]
    write_cards(tmp_path / "site", cards, rebuilt={SESSION_5})
    assert read == ["sessions/parcours-cec-industries/images/salle.jpg"] * 2
