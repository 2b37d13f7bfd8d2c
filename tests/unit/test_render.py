"""The renderer refuses to write a link to a page it does not render."""

from __future__ import annotations

from pathlib import Path

import pytest

from recaps.loader import load_or_raise
from recaps.render import Renderer

REPO = Path(__file__).resolve().parents[2]


def test_every_generated_link_points_to_a_rendered_page() -> None:
    renderer = Renderer(load_or_raise(REPO), "en")
    pages = {page.src_uri for page in renderer.render()}
    assert renderer.targets and renderer.targets <= pages


def test_a_generated_link_to_a_page_that_is_not_rendered_fails() -> None:
    renderer = Renderer(load_or_raise(REPO), "fr")
    renderer.targets.add("nowhere.md")
    with pytest.raises(RuntimeError, match=r"generated links to pages that are not rendered: \['nowhere.md'\]"):
        renderer.render()


def test_relative_paths_are_those_posixpath_gives() -> None:
    import itertools
    import posixpath

    from recaps.render import _relpath

    paths = ["", ".", "a", "a/", "a/b", "a/b/", "a/b/c.md", "x/y", "./a", "a//b", "a/./b", "../a", "a/../b",
             "/abs", "index.md", "parcours/session-1/", "parcours/index.md", "p/q/r/s"]
    for path, start in itertools.product(paths, repeat=2):
        assert _relpath(path or ".", start or ".") == posixpath.relpath(path or ".", start or "."), (path, start)


def test_a_stand_in_carries_this_languages_tags_and_a_repeated_tag_counts_once(copy_repo) -> None:
    import html

    from recaps.loader import load_or_raise
    from recaps.render import render_site

    root = copy_repo("stand-in-tags")
    (root / "sessions/parcours-cec-industries/session-5.en.md").unlink()
    source = root / "sessions/parcours-cec-industries/session-5.fr.md"
    text = source.read_text(encoding="utf-8")
    assert "tags: [ecosysteme, " in text
    source.write_text(text.replace("tags: [ecosysteme, ", "tags: [ecosysteme, ecosysteme, ", 1), encoding="utf-8")
    site = load_or_raise(root)
    pages = {page.src_uri: page for page in render_site(site, "en")}
    stand_in = pages["parcours-cec-industries/session-5.md"]
    assert not stand_in.translated
    english = [html.escape(tag.label.en) for tag in site.tags.values() if tag.id in site.sessions[0].source.tags]
    assert sorted(stand_in.meta["tags"]) == sorted(english) and "Ecosystem" in stand_in.meta["tags"]
    assert "Ecosystem</a> <span class=\"recap-count\">1 recap</span>" in pages["tags.md"].markdown


def _quote_people(tree: Path, names: list[str]):
    """The base tree with ``names`` added to the registry, each quoted once on the partner's page."""
    from recaps.loader import load_or_raise

    with open(tree / "sessions/people.yml", "a", encoding="utf-8") as registry:
        for i, name in enumerate(names):
            registry.write(f'  - id: p{i}\n    name: "{name}"\n    role:\n      fr: "rôle"\n      en: "role"\n')
    partner = tree / "partners/atelier-nord.fr.md"
    quotes = "quotes:\n" + "".join(f'  - speaker: p{i}\n    lang: fr\n    text: "Parole {i}."\n' for i in range(len(names)))
    partner.write_text(partner.read_text(encoding="utf-8").replace("---\n\n", quotes + "---\n\n", 1), encoding="utf-8")
    return load_or_raise(tree)


# The base tree quotes Paul Durand: with 59 more names, 60 people are quoted; then Łukasz (filed
# under L) and a name in Cyrillic (its initial is not a-z).
LATIN = [f"{chr(ord('A') + i % 26)}{'a' * (i // 26)}rlette Nom{i}" for i in range(59)]
NAMES = [*LATIN, "Łukasz Nowak", "Юрий Гагарин"]


def test_sixty_people_quoted_are_listed_on_one_speakers_page(tree: Path) -> None:
    from recaps.render import SPEAKERS_ON_ONE_PAGE, render_site

    assert SPEAKERS_ON_ONE_PAGE == 60
    pages = {page.src_uri: page for page in render_site(_quote_people(tree, NAMES[:59]), "fr")}
    assert [uri for uri in pages if uri.startswith("speakers")] == ["speakers.md"]
    assert pages["speakers.md"].markdown.count("<li id=") == 60
    assert "recap-initials" not in pages["speakers.md"].markdown


@pytest.mark.parametrize("lang,other", [("fr", "Autres"), ("en", "Others")])
def test_the_sixty_first_splits_the_speakers_page_by_initial(tree: Path, lang: str, other: str) -> None:
    # The English partner page is a stale translation without the quotes: who speaks comes from
    # the French, so that both languages have the same speakers' pages.
    import re

    from recaps.render import render_site

    pages = {page.src_uri: page for page in render_site(_quote_people(tree, NAMES), lang)}
    letters = "abcdefghijklmnopqrstuvwxyz"
    assert sorted(uri for uri in pages if uri.startswith("speakers/")) == sorted(
        [f"speakers/{c}.md" for c in letters] + ["speakers/other.md"]
    )
    index = pages["speakers.md"].markdown
    assert "<li id=" not in index
    bar = re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="recap-count">([^<]+)</span></li>', index)
    def people(n: int) -> str:
        if lang == "fr":
            return "1 personne" if n == 1 else f"{n} personnes"
        return "1 person" if n == 1 else f"{n} people"

    # Two names a letter, a third for a to g; Łukasz Nowak with the L, Paul Durand with the P.
    counts = {c: 3 if c in "abcdefglp" else 2 for c in letters}
    assert bar == [(f"{c}/", c.upper(), people(counts[c])) for c in letters] + [("other/", other, people(1))]
    listed = {uri: re.findall(r'<li id="(p\d+|paul-durand)">', page.markdown) for uri, page in pages.items() if uri.startswith("speakers/")}
    assert listed["speakers/other.md"] == ["p60"]
    assert "p59" in listed["speakers/l.md"]
    assert sorted(p for found in listed.values() for p in found) == sorted([f"p{i}" for i in range(61)] + ["paul-durand"])
    assert pages["speakers/other.md"].title == ("Intervenants\u202f: Autres" if lang == "fr" else "Speakers: Others")
