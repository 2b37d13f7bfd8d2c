"""Golden tests of the Markdown the engine renders for real pages, in both languages.

`RECAPS_REGENERATE=1` rewrites the expected files; review the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from recaps.content.loader import load_or_raise
from recaps.pages.render import render_site, with_front_matter

REPO = Path(__file__).resolve().parents[3]
EXPECTED = Path(__file__).parent / "expected"
PAGES = [
    "index.md",
    "parcours-cec-industries/session-5.md",
    "partners/la-ruche-industrielle.md",
    "parcours-cec-industries/index.md",
    "notions.md",
    "tags.md",
    "tags/ecosysteme.md",
    "speakers.md",
    "about.md",
]
SITE_NAMES = {"fr": "Récits de programmes", "en": "Programme recaps"}  # mkdocs.yml: the home page's headline


@pytest.fixture(scope="module")
def rendered() -> dict[str, dict[str, str]]:
    site = load_or_raise(REPO)
    return {lang: {p.src_uri: with_front_matter(p) for p in render_site(site, lang, SITE_NAMES[lang])} for lang in ("fr", "en")}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_rendered_markdown_matches_golden(rendered, lang: str, page: str) -> None:
    expected_file = EXPECTED / lang / page
    actual = rendered[lang][page]
    if os.environ.get("RECAPS_REGENERATE") == "1" and (
        not expected_file.exists() or expected_file.read_text(encoding="utf-8") != actual
    ):
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(actual, encoding="utf-8")
        pytest.fail(f"{expected_file} rewritten: review the change, then run the tests without RECAPS_REGENERATE")
    assert actual == expected_file.read_text(encoding="utf-8")
