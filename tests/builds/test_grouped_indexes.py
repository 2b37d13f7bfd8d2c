"""A large site's indexes: the speakers and partners by initial, the programmes and key notions
by year.

The site is the real one with the thresholds lowered and a programme without a recap added
(``grouped_indexes_site`` in tests/conftest.py): the real programme, of 2025, has a year page
of each; the new one is undated.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from test_build_real_site import parse

# Who the real content quotes, by initial (first names, accents removed: "Éric" under E).
EXPECTED = {
    "c": ["caroline-felix", "christophe-martin"],
    "e": ["eric-boel", "eric-duverger"],
    "i": ["isabelle-kocher-de-leyritz"],
}
TITLES = {"fr": ("Intervenants", "Intervenants\u202f: {}"), "en": ("Speakers", "Speakers: {}")}
COUNTS = {"fr": {"c": "2 personnes", "e": "2 personnes", "i": "1 personne"},
          "en": {"c": "2 people", "e": "2 people", "i": "1 person"}}
PREFIX = {"fr": "", "en": "en/"}


def _active_section(page) -> list[tuple[str, str, bool]]:
    """The navigation section open on this page: (href, label, active) for each of its links."""
    sections = [li for li in page.with_class("li", "md-nav__item--section") if "md-nav__item--active" in li.attrs["class"]]
    assert len(sections) == 1
    return [(a.attrs["href"], a.text.strip(), "md-nav__link--active" in a.attrs["class"])
            for a in page.with_class("a", "md-nav__link") if sections[0] in a.ancestors
            and not any("md-nav--secondary" in e.attrs.get("class", "") for e in a.ancestors)]  # not the page's contents


def _people(page) -> list[str]:
    return [li.attrs["id"] for li in page.find("li") if any("recap-speakers" in e.attrs.get("class", "") for e in li.ancestors)]


def _heading(path: Path) -> str:
    headings = re.findall(r"<h1[^>]*>(.*?)</h1>", path.read_text(encoding="utf-8"))
    assert len(headings) == 1, headings
    return headings[0]


def _bar(page) -> list[tuple[str, str, str | None, str]]:
    """The bar linking the groups: (href, label, aria-current, count) for each group."""
    bars = page.with_class("nav", "recap-groups")
    assert len(bars) == 1
    found = []
    for li in page.find("li"):
        if bars[0] in li.ancestors:
            link = next(a for a in page.find("a") if li in a.ancestors)
            count = li.text[len(link.text):].strip()
            found.append((link.attrs["href"], link.text, link.attrs.get("aria-current"), count))
    return found


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_speakers_page_lists_the_initials_and_no_one(grouped_indexes_site: Path, lang: str) -> None:
    path = grouped_indexes_site / PREFIX[lang] / "speakers/index.html"
    page = parse(path)
    assert _heading(path) == TITLES[lang][0]
    assert _bar(page) == [(f"{i}/", i.upper(), None, COUNTS[lang][i]) for i in EXPECTED]
    assert _people(page) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("initial", sorted(EXPECTED))
def test_each_initial_page_lists_its_people(grouped_indexes_site: Path, lang: str, initial: str) -> None:
    path = grouped_indexes_site / PREFIX[lang] / "speakers" / initial / "index.html"
    page = parse(path)
    index_title, title = TITLES[lang]
    assert _heading(path) == title.format(initial.upper())
    assert _people(page) == EXPECTED[initial]
    assert _bar(page) == [
        ("./" if i == initial else f"../{i}/", i.upper(), "page" if i == initial else None, COUNTS[lang][i])
        for i in EXPECTED
    ]
    # In the navigation: a speakers section holding the speakers page, then this page, active.
    assert _active_section(page) == [("../", index_title, False), ("./", title.format(initial.upper()), True)]


GROUP_PAGES = ["speakers/", *(f"speakers/{i}/" for i in EXPECTED), "programmes/", "programmes/2025/",
               "programmes/undated/", "notions/", "notions/2025/", "partners/", "partners/initials/l/",
               "partners/initials/t/"]


def test_every_person_on_one_initial_page_and_every_link_resolves(grouped_indexes_site: Path) -> None:
    checked = 0
    for lang in ("fr", "en"):
        listed = []
        for group_page in GROUP_PAGES:
            rel = f"{PREFIX[lang]}{group_page}index.html"
            page = parse(grouped_indexes_site / rel)
            listed += _people(page)
            for a in page.find("a"):
                href = a.attrs.get("href", "")
                parts = urlsplit(href)
                if parts.scheme or not parts.path:
                    continue
                target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path)))
                file = grouped_indexes_site / target
                file = file / "index.html" if file.is_dir() else file
                assert file.is_file(), f"{rel}: {href}"
                checked += 1
                if parts.fragment:
                    assert parts.fragment in {e.attrs.get("id") for e in parse(file).elements}, f"{rel}: {href}"
        assert sorted(listed) == sorted(p for people in EXPECTED.values() for p in people)
    assert checked >= 200  # every link of twelve pages a language, the navigation included


YEAR_TITLES = {"fr": {"programmes/": ("Programmes", "Programmes\u202f: 2025"),
                      "notions/": ("Notions clés", "Notions clés\u202f: 2025")},
               "en": {"programmes/": ("Programmes", "Programmes: 2025"), "notions/": ("Key notions", "Key notions: 2025")}}
YEAR_COUNTS = {"programmes/": {"fr": "1 programme", "en": "1 programme"},
               "notions/": {"fr": "3 notions", "en": "3 notions"}}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("index", ["programmes/", "notions/"])
def test_the_programmes_and_notions_by_year(grouped_indexes_site: Path, lang: str, index: str) -> None:
    index_title, year_title = YEAR_TITLES[lang][index]
    path = grouped_indexes_site / PREFIX[lang] / index / "index.html"
    page = parse(path)
    assert _heading(path) == index_title
    # The programme without a recap has no notions: it is undated in the programmes only.
    undated = [("undated", "Sans date" if lang == "fr" else "Undated", "1 programme")] if index == "programmes/" else []
    groups = [("2025", "2025", YEAR_COUNTS[index][lang]), *undated]
    assert _bar(page) == [(f"{key}/", label, None, count) for key, label, count in groups]
    programme_links = [a for a in page.find("a") if a.attrs.get("href", "").endswith(("parcours-cec-industries/", "#notions"))]
    assert programme_links == []  # the index lists the years only
    path = grouped_indexes_site / PREFIX[lang] / index / "2025/index.html"
    page = parse(path)
    assert _heading(path) == year_title
    assert _bar(page) == [("./" if key == "2025" else f"../{key}/", label, "page" if key == "2025" else None, count)
                          for key, label, count in groups]
    hrefs = [a.attrs["href"] for a in page.find("a") if a.attrs.get("href", "").startswith("../../parcours-")]
    # The programme; on the notions page, also the recap each of its three notions is from.
    notions = ["../../parcours-cec-industries/session-5/#key-notions"] * 3 if index == "notions/" else []
    assert hrefs == ["../../parcours-cec-industries/" + ("#notions" if index == "notions/" else ""), *notions]
    if index == "programmes/":
        path = grouped_indexes_site / PREFIX[lang] / index / "undated/index.html"
        assert _heading(path) == year_title.replace("2025", undated[0][1])
        hrefs = [a.attrs["href"] for a in parse(path).find("a") if a.attrs.get("href", "").startswith("../../parcours-")]
        assert hrefs == ["../../parcours-a-venir/"]


def _top_navigation(page) -> list[str]:
    """The first label of each top-level entry of the primary navigation."""
    items = [li for li in page.with_class("li", "md-nav__item")
             if not any("md-nav__item" in e.attrs.get("class", "").split() for e in li.ancestors)]
    return [li.text.strip().split("\n")[0].strip() for li in items]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_where_the_home_page_cannot_show_every_programme_their_list_is_in_the_navigation(
    grouped_indexes_site: Path, lang: str
) -> None:
    home, programmes, programme = {"fr": ("Accueil", "Programmes", "Programme"),
                                   "en": ("Home", "Programmes", "Programme")}[lang]
    session = parse(grouped_indexes_site / PREFIX[lang] / "parcours-cec-industries/session-5/index.html")
    assert _top_navigation(session)[:3] == [home, programmes, programme]
    page = parse(grouped_indexes_site / PREFIX[lang] / "programmes/2025/index.html")
    assert _top_navigation(page)[:2] == [home, programmes]
    assert _active_section(page) == [("../", programmes, False), ("./", YEAR_TITLES[lang]["programmes/"][1], True)]


def test_the_real_site_keeps_its_one_programme_on_the_home_page(built_site: Path) -> None:
    session = parse(built_site / "parcours-cec-industries/session-5/index.html")
    assert _top_navigation(session)[:3] == ["Accueil", "Programme", "Notions clés"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_year_of_notions_is_in_the_notions_section_of_the_navigation(grouped_indexes_site: Path, lang: str) -> None:
    page = parse(grouped_indexes_site / PREFIX[lang] / "notions/2025/index.html")
    index_title, year_title = YEAR_TITLES[lang]["notions/"]
    assert _active_section(page) == [("../", index_title, False), ("./", year_title, True)]


def test_the_real_site_keeps_one_speakers_page(built_site: Path) -> None:
    assert not (built_site / "speakers/c").exists() and not (built_site / "en/speakers/c").exists()
    page = parse(built_site / "speakers/index.html")
    assert sorted(_people(page)) == sorted(p for people in EXPECTED.values() for p in people)
    assert page.with_class("nav", "recap-groups") == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_people_are_searchable_and_the_initials_bar_is_not(grouped_indexes_site: Path, lang: str) -> None:
    import json

    index = json.loads((grouped_indexes_site / PREFIX[lang] / "search/search_index.json").read_text(encoding="utf-8"))
    entries = [d for d in index["docs"] if d["location"].startswith("speakers/")]
    texts = " ".join(d["text"] for d in entries)
    assert "Caroline Félix" in texts and "Isabelle Kocher de Leyritz" in texts
    assert COUNTS[lang]["c"] not in texts and COUNTS[lang]["i"] not in texts


@pytest.mark.parametrize("grouped", [False, True], ids=["one-page", "by-year"])
def test_a_stale_translation_without_notions_or_quotes_still_builds(copy_repo, monkeypatch, grouped: bool) -> None:
    """The English of session 5 lost its notions and quotes, and the French changed since: its
    pages show the French ones (marked as French), every anchor the indexes link to is there
    (the build fails on a dead anchor), and both languages keep the same pages."""
    from recaps.pages import groupings
    from recaps.build import build_site

    if grouped:
        monkeypatch.setattr(groupings, "PROGRAMMES_ON_ONE_PAGE", 0)
        monkeypatch.setattr(groupings, "SPEAKERS_ON_ONE_PAGE", 2)
    root = copy_repo("stale-without-notions")
    english = root / "sessions/parcours-cec-industries/session-5.en.md"
    text = english.read_text(encoding="utf-8")
    without = re.sub(r"^(notions|quotes):\n(?:[ -].*\n)*", "", text, flags=re.M)
    assert "notions:" not in without and "quotes:" not in without and "next_session:" in without
    english.write_text(without, encoding="utf-8")
    french = english.with_name("session-5.fr.md")
    french.write_text(french.read_text(encoding="utf-8") + "\nUne phrase ajoutée depuis.\n", encoding="utf-8")
    site = root.parent / ("site-grouped" if grouped else "site")
    result = build_site(root, site, parallel=False)
    assert result.ok, result.messages or result.report.render()
    french_pages = {p.relative_to(site).as_posix() for p in site.rglob("index.html") if not p.is_relative_to(site / "en")}
    english_pages = {p.relative_to(site / "en").as_posix() for p in (site / "en").rglob("index.html")}
    assert french_pages == english_pages
    notions = "notions/2025/index.html" if grouped else "notions/index.html"
    assert "parcours-cec-industries/#notions" in (site / notions).read_text(encoding="utf-8")
    assert "parcours-cec-industries/#notions" in (site / "en" / notions).read_text(encoding="utf-8")
    # Every anchor the speakers pages link to is there.
    checked = 0
    for page_file in site.rglob("index.html"):
        rel = page_file.relative_to(site).as_posix()
        if "speakers/" not in rel:
            continue
        for a in parse(page_file).find("a"):
            parts = urlsplit(a.attrs.get("href", ""))
            if parts.fragment and not parts.scheme:
                target = site / posixpath.normpath(posixpath.join(posixpath.dirname(rel), parts.path)) / "index.html"
                assert parts.fragment in {e.attrs.get("id") for e in parse(target).elements}, f"{rel}: {a.attrs['href']}"
                checked += 1
    assert checked >= 4


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_partners_by_initial(grouped_indexes_site: Path, lang: str) -> None:
    index_title, title = {"fr": ("Partenaires", "Partenaires\u202f: {}"), "en": ("Partners", "Partners: {}")}[lang]
    one = "1 partenaire" if lang == "fr" else "1 partner"
    path = grouped_indexes_site / PREFIX[lang] / "partners/index.html"
    assert _heading(path) == index_title
    page = parse(path)
    assert _bar(page) == [("initials/l/", "L", None, one), ("initials/t/", "T", None, one)]
    for initial, partner in (("l", "la-ruche-industrielle"), ("t", "the-week")):
        path = grouped_indexes_site / PREFIX[lang] / f"partners/initials/{initial}/index.html"
        assert _heading(path) == title.format(initial.upper())
        page = parse(path)
        in_article = [a for a in page.find("a") if any(e.tag == "article" for e in a.ancestors)]
        assert [a.attrs["href"] for a in in_article if a.attrs["href"].startswith("../../")] == [f"../../{partner}/"]
        # In the navigation: the partners section, with the partners page and this one, active.
        assert _active_section(page) == [("../../", index_title, False), ("./", title.format(initial.upper()), True)]


def test_a_hand_written_page_among_the_partners_is_in_the_navigation_once(copy_repo, tmp_path: Path) -> None:
    from recaps.build import build_site

    root = copy_repo("hand-written-partners-page")
    (root / "docs/partners").mkdir()
    (root / "docs/partners/charte.fr.md").write_text('---\ntitle: "Notre charte"\n---\n\nLa charte.\n', encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(root, site)
    assert result.ok, result.messages or result.report.render()
    html = (site / "partners/charte/index.html").read_text(encoding="utf-8")
    page = parse(site / "partners/charte/index.html")
    assert [a.text.strip() for a in page.with_class("a", "md-nav__link--active")] == ["Notre charte"]
    assert html.count('id="__toc"') == 1
