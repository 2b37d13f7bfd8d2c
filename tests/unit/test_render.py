"""The renderer refuses to write a link to a page it does not render."""

from __future__ import annotations

from pathlib import Path

import pytest

from recaps.content.loader import load_or_raise
from recaps.pages.page_templates import TemplateError
from recaps.pages.render import Renderer

REPO = Path(__file__).resolve().parents[2]


def test_every_generated_link_points_to_a_rendered_page() -> None:
    renderer = Renderer(load_or_raise(REPO), "en")
    pages = {page.src_uri for page in renderer.render()}
    assert renderer.targets and renderer.targets.keys() <= pages


def test_a_generated_link_to_a_page_that_is_not_rendered_fails() -> None:
    renderer = Renderer(load_or_raise(REPO), "fr")
    renderer.targets["nowhere.md"] = "session.md.j2"
    with pytest.raises(TemplateError) as error:
        renderer.render()
    assert str(error.value) == "recaps' own session.md.j2: page template: href('nowhere.md') links to no page of the site"


def test_relative_paths_are_those_posixpath_gives() -> None:
    import itertools
    import posixpath

    from recaps.pages.links import _relpath

    paths = ["", ".", "a", "a/", "a/b", "a/b/", "a/b/c.md", "x/y", "./a", "a//b", "a/./b", "../a", "a/../b",
             "/abs", "index.md", "parcours/session-1/", "parcours/index.md", "p/q/r/s"]
    for path, start in itertools.product(paths, repeat=2):
        assert _relpath(path or ".", start or ".") == posixpath.relpath(path or ".", start or "."), (path, start)


def test_a_stand_in_carries_this_languages_tags_and_a_repeated_tag_counts_once(copy_repo) -> None:
    import html

    from recaps.content.loader import load_or_raise
    from recaps.pages.render import render_site

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
    from recaps.content.loader import load_or_raise

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
    from recaps.pages.groupings import SPEAKERS_ON_ONE_PAGE
    from recaps.pages.render import render_site

    assert SPEAKERS_ON_ONE_PAGE == 60
    pages = {page.src_uri: page for page in render_site(_quote_people(tree, NAMES[:59]), "fr")}
    assert [uri for uri in pages if uri.startswith("speakers")] == ["speakers.md"]
    assert pages["speakers.md"].markdown.count("<li id=") == 60
    assert "recap-groups" not in pages["speakers.md"].markdown


@pytest.mark.parametrize("lang,other", [("fr", "Autres"), ("en", "Others")])
def test_the_sixty_first_splits_the_speakers_page_by_initial(tree: Path, lang: str, other: str) -> None:
    # The English partner page is a stale translation without the quotes: who speaks comes from
    # the French, so that both languages have the same speakers' pages.
    import re

    from recaps.pages.render import render_site

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


def _programmes(tree: Path, years: list[int | None]):
    """The base tree (parcours-demo: one recap of 2025, with one notion) plus a programme a year
    given, each with one French recap (one notion) in that year, or none for None."""
    from recaps.content.loader import load_or_raise

    demo = tree / "sessions/parcours-demo"
    programme = (demo / "programme.fr.md").read_text(encoding="utf-8")
    session = (demo / "session-1.fr.md").read_text(encoding="utf-8")
    for i, year in enumerate(years):
        folder = tree / f"sessions/parcours-{i:03d}"
        folder.mkdir()
        (folder / "programme.fr.md").write_text(
            programme.replace("id: parcours-demo", f"id: parcours-{i:03d}").replace("Parcours démo", f"Parcours {i:03d}"),
            encoding="utf-8",
        )
        if year is not None:
            (folder / "session-1.fr.md").write_text(
                session.replace("programme: parcours-demo", f"programme: parcours-{i:03d}").replace("2025-", f"{year}-"),
                encoding="utf-8",
            )
    return load_or_raise(tree)


def test_sixty_programmes_are_listed_on_one_page(tree: Path) -> None:
    from recaps.pages.groupings import PROGRAMMES_ON_ONE_PAGE
    from recaps.pages.render import render_site

    assert PROGRAMMES_ON_ONE_PAGE == 60
    pages = {page.src_uri: page for page in render_site(_programmes(tree, [2024] * 59), "fr")}
    assert [uri for uri in pages if uri.startswith(("programmes", "notions"))] == ["notions.md", "programmes.md"]
    assert pages["programmes.md"].markdown.count("\n- [") == 60
    assert pages["notions.md"].markdown.count("\n## [") == 60  # one section a programme


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_sixty_first_programme_splits_the_programmes_and_notions_by_year(tree: Path, lang: str) -> None:
    import re

    from recaps.pages.render import render_site

    # 2025: parcours-demo; 2023: 40 programmes, 2024: 19; one without a recap yet.
    site = _programmes(tree, [2023] * 40 + [2024] * 19 + [None])
    pages = {page.src_uri: page for page in render_site(site, lang)}
    assert sorted(uri for uri in pages if uri.startswith(("programmes/", "notions/"))) == [
        "notions/2023.md", "notions/2024.md", "notions/2025.md",
        "programmes/2023.md", "programmes/2024.md", "programmes/2025.md", "programmes/undated.md",
    ]
    bar = re.compile(r'<li><a href="([^"]+)"(?: aria-current="page")?>(?:<strong>)?([^<]+)(?:</strong>)?</a> <span class="recap-count">([^<]+)</span></li>')
    undated = "Sans date" if lang == "fr" else "Undated"
    assert bar.findall(pages["programmes.md"].markdown) == [
        ("2025/", "2025", "1 programme"), ("2024/", "2024", "19 programmes"), ("2023/", "2023", "40 programmes"),
        ("undated/", undated, "1 programme"),
    ]
    assert "\n- [" not in pages["programmes.md"].markdown and "\n- [" not in pages["notions.md"].markdown
    assert pages["programmes/2024.md"].markdown.count("\n- [") == 19
    assert re.findall(r"\]\(\.\./(parcours-[a-z0-9]+)/", pages["programmes/undated.md"].markdown) == ["parcours-059"]
    assert bar.findall(pages["notions/2023.md"].markdown) == [
        ("../2025/", "2025", "1 notion"), ("../2024/", "2024", "19 notions"), ("./", "2023", "40 notions"),
    ]
    assert pages["notions/2023.md"].markdown.count("\n## [") == 40
    assert pages["notions/2023.md"].title == ("Notions clés\u202f: 2023" if lang == "fr" else "Key notions: 2023")
    assert pages["programmes/undated.md"].title == f"Programmes{chr(0x202f) if lang == 'fr' else ''}: {undated}"


@pytest.mark.parametrize("years", [[], [2023] * 60], ids=["one-page", "by-year"])
def test_a_translation_without_its_notions_shows_the_french_ones_on_the_same_pages(tree: Path, years: list) -> None:
    """parcours-demo's English recap has no notions (the French gained them since, say): its
    pages show the French notion, marked as French, the English notions index lists it, and both
    languages have the same pages."""
    import re

    from recaps.pages.render import render_site

    english = tree / "sessions/parcours-demo/session-1.en.md"
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace('notions:\n  - title: "Listening"\n    text: "Taking time to listen."\n', ""), encoding="utf-8")
    site = _programmes(tree, years)
    pages = {lang: {page.src_uri: page for page in render_site(site, lang)} for lang in ("fr", "en")}
    assert sorted(pages["fr"]) == sorted(pages["en"])
    notions = "notions/2025.md" if years else "notions.md"
    assert re.findall(r"\]\(([^)]*parcours-demo[^)]*)\)", pages["fr"][notions].markdown) == ["parcours-demo/index.md#notions" if not years else "../parcours-demo/index.md#notions"]
    assert re.findall(r"\]\(([^)]*parcours-demo[^)]*)\)", pages["en"][notions].markdown) == ["parcours-demo/index.md#notions" if not years else "../parcours-demo/index.md#notions"]
    if years:  # the year, in English too, with the notion shown in French until translated
        assert '<strong>2025</strong></a> <span class="recap-count">1 notion</span>' in pages["en"][notions].markdown
    recap = pages["en"]["parcours-demo/session-1.md"].markdown
    assert '<li class="recap-notion" lang="fr" data-search-exclude>\n<p class="recap-notion__title">Écouter</p>' in recap
    assert '<li lang="fr"><strong><a href="session-1/#key-notions">Écouter</a></strong>' in pages["en"]["parcours-demo/index.md"].markdown
    # The programmes list, in French, spaces its colons as French does.
    programmes = "programmes/2025.md" if years else "programmes.md"
    link = "(../parcours-demo/index.md)" if years else "(parcours-demo/index.md)"
    assert f"{link} : Un parcours" in pages["fr"][programmes].markdown


def _partners(tree: Path, names: list[str], english: dict[str, str] | None = None):
    """The base tree (L’Atelier du Nord) plus a partner for each name, French only, except those
    given an English name in ``english``."""
    from recaps.content.loader import load_or_raise

    base = (tree / "partners/atelier-nord.fr.md").read_text(encoding="utf-8")
    for i, name in enumerate(names):
        text = base.replace("id: atelier-nord", f"id: partenaire-{i:03d}").replace("L’Atelier du Nord", name)
        (tree / f"partners/partenaire-{i:03d}.fr.md").write_text(text, encoding="utf-8")
        if english and name in english:
            (tree / f"partners/partenaire-{i:03d}.en.md").write_text(
                f'---\nname: "{english[name]}"\nmission: "A mission."\n---\n\nA partner.\n', encoding="utf-8"
            )
    return load_or_raise(tree)


def test_sixty_partners_are_listed_on_one_page(tree: Path) -> None:
    from recaps.pages.groupings import PARTNERS_ON_ONE_PAGE
    from recaps.pages.render import render_site

    assert PARTNERS_ON_ONE_PAGE == 60
    pages = {page.src_uri: page for page in render_site(_partners(tree, [f"Partenaire {i}" for i in range(59)]), "fr")}
    assert [uri for uri in pages if uri.startswith("partners/initials/")] == []
    assert pages["partners/index.md"].markdown.count("\n- **[") == 60


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_sixty_first_partner_splits_the_partners_by_initial(tree: Path, lang: str) -> None:
    import re

    from recaps.pages.render import render_site

    # With L’Atelier du Nord: 61 partners, B to Z... and "Zèbre", called "Alpha" in English,
    # stays under Z in both languages so that both have the same pages.
    names = [f"{chr(ord('B') + i % 24)}{i:02d} Partenaire" for i in range(59)] + ["Zèbre", "3 Ponts"]
    pages = {page.src_uri: page for page in render_site(_partners(tree, names, {"Zèbre": "Alpha"}), lang)}
    letters = [chr(ord("b") + i) for i in range(24)]  # b to y
    assert sorted(uri for uri in pages if uri.startswith("partners/initials/")) == sorted(
        [f"partners/initials/{c}.md" for c in letters] + ["partners/initials/z.md", "partners/initials/other.md"]
    )
    index = pages["partners/index.md"].markdown
    assert "\n- **[" not in index
    hrefs = re.findall(r'<li><a href="([^"]+)">', index)
    assert hrefs == [f"initials/{c}/" for c in letters] + ["initials/z/", "initials/other/"]
    z = pages["partners/initials/z.md"].markdown
    assert re.findall(r"\]\(\.\./(partenaire-\d+)\.md\)", z) == ["partenaire-059"]
    assert ("Alpha" if lang == "en" else "Zèbre") in z
    assert re.findall(r"\]\(\.\./(partenaire-\d+)\.md\)", pages["partners/initials/other.md"].markdown) == ["partenaire-060"]
    assert "atelier-nord" in pages["partners/initials/l.md"].markdown
    assert pages["partners/initials/l.md"].title == ("Partenaires\u202f: L" if lang == "fr" else "Partners: L")


def test_the_initial_of_a_name() -> None:
    from recaps.pages.render import initial_of

    names = ("Éric Boël", "caroline", "Ørsted", "Œuvre", "Łukasz", "Đorđe", "Þór", "İlkay", "3M", "Юрий", "Ügur", "")
    assert [initial_of(name) for name in names] == ["e", "c", "o", "o", "l", "d", "t", "i", "other", "other", "u", "other"]


def test_a_quote_the_translation_lacks_is_the_french_one_marked_as_french(tree: Path) -> None:
    """The French gained a quote said in English after translation: the English page shows the
    French words, marked as French and out of search; neither page takes the French words for
    the English original."""
    from recaps.content.loader import load_site
    from recaps.pages import views

    french = tree / "sessions/parcours-demo/session-1.fr.md"
    french.write_text(french.read_text(encoding="utf-8").replace(
        "partners:", '  - speaker: anne-martin\n    lang: en\n    text: "Allons-y ensemble."\npartners:'), encoding="utf-8")
    site, report = load_site(tree)
    assert report.errors == []
    session = site.programmes["parcours-demo"].sessions[0]
    shown = {lang: views.quotes_of(site, lang, session) for lang in ("fr", "en")}
    assert [(q["text"], q["lang"], q["translated"], q["original"], q["stand_in"]) for q in shown["en"]] == [
        ("Let us start together.", "en", True, "Commençons ensemble.", False),
        ("Allons-y ensemble.", "fr", False, None, True),
    ]
    assert [(q["text"], q["lang"], q["translated"], q["original"], q["stand_in"]) for q in shown["fr"]] == [
        ("Commençons ensemble.", "fr", False, "Commençons ensemble.", False),  # said in French
        ("Allons-y ensemble.", "fr", False, None, False),  # said in English: no English words yet
    ]
    assert views.notions_of(session, "en") == [{"title": "Listening", "text": "Taking time to listen.", "lang": None}]
