"""`recaps new` shows where a photo or a logo goes: a commented-out example in each new file,
which, uncommented and filled in, is what `recaps check` accepts."""

from __future__ import annotations

from pathlib import Path

import fixture_images
from click.testing import CliRunner

from recaps.cli import main


def _run(tree: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["-C", str(tree), *args])
    return result.output


def test_a_new_session_shows_the_photo_commented_out(tree: Path) -> None:
    _run(tree, "new", "session", "parcours-demo", "2")
    french = (tree / "sessions/parcours-demo/session-2.fr.md").read_text(encoding="utf-8")
    assert ("# Une photo ? Placez le fichier dans images/, à côté de ce fichier, et retirez les # ci-dessous.\n"
            "# image:  # Photo en tête du récit, s’il y en a une : file, alt, caption, credit.\n"
            "#   file: images/photo.jpg  # Le fichier de la photo, relatif à ce fichier (images/<nom>.jpg) : JPEG, "
            "PNG ou WebP, d’au moins 1200 px de large, d’au plus 20 Mo et 50 mégapixels. Indépendant de la langue.\n"
            "#   alt: \"\"  # Ce que montre la photo, pour qui ne la voit pas (une phrase, pas la légende répétée).\n"
            "#   caption: \"\"  # Légende imprimée sous la photo.\n") in french
    english = (tree / "sessions/parcours-demo/session-2.en.md").read_text(encoding="utf-8")
    assert ("# image:\n#   alt: \"\"  # What the photo shows, for readers who cannot see it (a sentence, not the "
            "caption again).\n#   caption: \"\"  # Caption printed under the photo.\n---\n") in english


def test_the_commented_logo_uncommented_is_accepted(tree: Path) -> None:
    (tree / "partners/atelier-nord.fr.md").unlink()
    (tree / "partners/atelier-nord.en.md").unlink()
    _run(tree, "new", "partner", "atelier-nord")
    path = tree / "partners/atelier-nord.fr.md"
    text = path.read_text(encoding="utf-8")
    for old, new in (('name: ""', 'name: "L’Atelier du Nord"'), ('city: ""', "city: Lille"),
                     ("website: https://", "website: https://atelier-nord.example"), ('mission: ""', 'mission: "Relier."'),
                     ("people: []", "people: [paul-durand]"), ("# logo:", "logo:"), ("#   file:", "  file:"),
                     ('#   alt: ""', '  alt: "L’Atelier du Nord"')):
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    fixture_images.logo(tree / "partners/images/logo.png")
    assert _run(tree, "check").startswith("OK: ")
