"""A picture's alt is text wherever its markup lands, a Markdown paragraph included (a partner's
logo once did): a link or an attribute list written in it cannot close the attribute or add one.
Checked as a browser reads the pages (html5lib, an HTML5-conformant parser)."""

from __future__ import annotations

from pathlib import Path

import html5lib

import fixture_images
from recaps.build import build_site
from repo_copies import copy_of_repo

LOGO_ALT = 'Logo [x](onload=alert(document.domain)//) {: onclick=alert(1) } "q" <b>'
COVER_ALT = 'Salle [x](onload=alert(1)//) *em* `c` "q"'


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_hostile_alt_stays_the_alt_on_every_page(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    copy_of_repo(root)
    fixture_images.add_pictures(root)
    _replace(root / "partners/la-ruche-industrielle.fr.md", 'alt: "La Ruche industrielle"', f"alt: '{LOGO_ALT}'")
    _replace(root / "sessions/parcours-cec-industries/session-5.fr.md",
             'alt: "Une salle de réunion, des chaises en cercle autour d’un tableau."', f"alt: '{COVER_ALT}'")
    site = tmp_path / "site"
    result = build_site(root, site)
    assert result.ok, result.report.render()

    handlers, alts = [], {}
    for page in sorted(p for p in site.glob("**/*.html") if not p.relative_to(site).parts[0] == "en"):
        tree = html5lib.parse(page.read_text(encoding="utf-8"), namespaceHTMLElements=False)
        for element in tree.iter():
            handlers += [(page.relative_to(site).as_posix(), name) for name in element.attrib if name.startswith("on")]
            if element.tag == "img" and element.get("alt", "").startswith(("Logo", "Salle")):
                alts.setdefault(page.relative_to(site).as_posix(), []).append(element.get("alt"))
    assert handlers == []
    assert alts == {
        "index.html": [COVER_ALT],
        "parcours-cec-industries/session-5/index.html": [COVER_ALT, LOGO_ALT],
        "partners/la-ruche-industrielle/index.html": [LOGO_ALT],
    }
