"""The real site, built by ``recaps.build.build_site``: what lands in site/ and site/en/.

The repository's own content is built once per session (``built_site`` in tests/conftest.py);
variants of it (a missing and a stale translation, a broken link, a content error) are built
from copies, once per module.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from recaps.build import BuildResult, build_site

# Every page, by its URL path under a language's root (French at /, English at /en/).
PAGES = [
    "",
    "programmes/",
    "notions/",
    "partners/",
    "partners/la-ruche-industrielle/",
    "partners/the-week/",
    "speakers/",
    "tags/",
    "tags/cooperation/",
    "guide/",
    "guide/fields/",
    "about/",
    "parcours-cec-industries/",
    "parcours-cec-industries/session-5/",
]
LANG_PREFIX = {"fr": "", "en": "en/"}
HOST = "site.test"
BASE = f"http://{HOST}/"
SESSION = "parcours-cec-industries/session-5/"
NNBSP = "\u202f"


# -- reading built pages ------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
CODE_TAGS = {"code", "pre", "kbd", "samp"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""  # its text, for the elements whose text is kept (code, a, p, li...)
    ancestors: list["Element"] = field(default_factory=list, repr=False)


@dataclass
class Text:
    text: str
    lang: str  # the nearest lang="" around it
    in_code: bool
    in_script: bool


@dataclass
class ParsedPage:
    html_lang: str | None = None
    elements: list[Element] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)  # <style> contents and style="" attributes

    def find(self, tag: str, **attrs: str) -> list[Element]:
        return [
            e for e in self.elements
            if e.tag == tag and all(e.attrs.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def with_class(self, tag: str, cls: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag and cls in e.attrs.get("class", "").split()]

    def text(self, *, code: bool | None = None) -> str:
        """The page's visible text (scripts left out); ``code=False``: outside code only."""
        return "".join(
            t.text for t in self.texts if not t.in_script and (code is None or t.in_code == code)
        )


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self.stack: list[tuple[str, dict[str, str], Element]] = []

    def _lang(self) -> str:
        for _, attrs, _ in reversed(self.stack):
            if "lang" in attrs:
                return attrs["lang"]
        return ""

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        element = Element(tag, attributes, ancestors=[e for _, _, e in self.stack])
        self.page.elements.append(element)
        if tag == "html":
            self.page.html_lang = attributes.get("lang")
        if "style" in attributes:
            self.page.styles.append(attributes["style"])
        if tag not in VOID:
            self.stack.append((tag, attributes, element))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        tags = [t for t, _, _ in self.stack]
        in_script = bool({"script", "style", "template"} & set(tags))
        if "style" in tags:
            self.page.styles.append(data)
        self.page.texts.append(Text(data, self._lang(), bool(CODE_TAGS & set(tags)), in_script))
        for _, _, element in self.stack:
            if element.tag in ("code", "a", "p", "div", "li", "blockquote", "strong", "dd"):
                element.text += data


def parse(path: Path) -> ParsedPage:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


def page_file(site: Path, lang: str, page: str) -> Path:
    return site / LANG_PREFIX[lang] / page / "index.html"


def page_url(lang: str, page: str) -> str:
    return BASE + LANG_PREFIX[lang] + page


def resolve(lang: str, page: str, href: str) -> str:
    """An href as the browser would follow it from the page, with its #fragment dropped."""
    return urljoin(page_url(lang, page), href).split("#")[0]


def alternates(parsed: ParsedPage) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for link in parsed.find("link", rel="alternate"):
        if "hreflang" in link.attrs:
            found.setdefault(link.attrs["hreflang"], []).append(link.attrs["href"])
    return found


def selector_links(parsed: ParsedPage) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for link in parsed.with_class("a", "md-select__link"):
        if "hreflang" in link.attrs:
            found.setdefault(link.attrs["hreflang"], []).append(link.attrs["href"])
    return found


def built_pages(site: Path, lang: str) -> list[str]:
    """The URL paths of the pages built for ``lang`` (not the other language's folder)."""
    root = site / LANG_PREFIX[lang]
    pages = []
    for index in root.rglob("index.html"):
        relative = index.parent.relative_to(root).as_posix()
        if lang == "fr" and relative.split("/")[0] in {l.rstrip("/") for l in LANG_PREFIX.values() if l}:
            continue
        pages.append("" if relative == "." else relative + "/")
    return sorted(pages)


def search_index(site: Path, lang: str) -> dict:
    return json.loads((site / LANG_PREFIX[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))


# -- the real site ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_is_built_in_both_languages(built_site: Path, lang: str, page: str) -> None:
    assert page_file(built_site, lang, page).is_file()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_html_lang_on_every_page(built_site: Path, lang: str) -> None:
    pages = built_pages(built_site, lang)
    assert set(PAGES) <= set(pages)
    for page in pages:
        assert parse(page_file(built_site, lang, page)).html_lang == lang, page
    assert parse(built_site / LANG_PREFIX[lang] / "404.html").html_lang == lang


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_hreflang_link_in_any_head(built_site: Path, lang: str) -> None:
    # Material's script would fetch a sitemap.xml next to each (a 404): the sitemaps carry them
    # (tests/publish/test_sharing.py).
    for page in built_pages(built_site, lang):
        assert alternates(parse(page_file(built_site, lang, page))) == {}, page


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_language_selector_points_at_the_same_page(built_site: Path, lang: str) -> None:
    for page in built_pages(built_site, lang):
        parsed = parse(page_file(built_site, lang, page))
        found = selector_links(parsed)
        assert set(found) == {"fr", "en"}, page
        for other in ("fr", "en"):
            (href,) = found[other]
            assert resolve(lang, page, href) == page_url(other, page), (page, other, href)
        current = [a for a in parsed.with_class("a", "md-select__link") if a.attrs.get("aria-current") == "true"]
        assert [a.attrs["hreflang"] for a in current] == [lang], page


# Words of each language's search index, and of the other language's, which it must not hold.
SEARCH_TEXTS = {
    "fr": (["vulnérabilité", "Accepter la vulnérabilité"], ["Accepting vulnerability", "Bringing your ecosystem on board"]),
    "en": (["vulnerability", "Accepting vulnerability"], ["Accepter la vulnérabilité", "Embarquer son écosystème"]),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_search_index_holds_only_its_language_pages(built_site: Path, lang: str) -> None:
    index = search_index(built_site, lang)
    assert index["config"]["lang"] == [lang]
    locations = {doc["location"] for doc in index["docs"]}
    assert not [loc for loc in locations if loc.startswith("en/")]  # the English one: relative to en/ already
    # Excluded: the tag pages, and the editors' pages (the guide and the field reference).
    assert {loc.split("#")[0] for loc in locations} == set(PAGES) - {"tags/cooperation/", "guide/", "guide/fields/"}
    text = json.dumps(index, ensure_ascii=False)
    present, absent = SEARCH_TEXTS[lang]
    assert [t for t in present if t not in text] == []
    assert [t for t in absent if t in text] == []


RAW_MARKDOWN = re.compile(r"\]\([^)\s]*\.md(#[^)]*)?\)|\*\*\w|\w\*\*")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_markdown_left_unconverted(built_site: Path, lang: str) -> None:
    """Raw HTML blocks in the templates carry ``markdown``; none may reach the page as text."""
    for page in built_pages(built_site, lang):
        html = page_file(built_site, lang, page).read_text(encoding="utf-8")
        assert not re.search(r"<[^>]+\smarkdown(=|\s|>)", html), page
        text = parse(page_file(built_site, lang, page)).text(code=False)
        assert not RAW_MARKDOWN.search(text), (page, RAW_MARKDOWN.findall(text))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", ["", "parcours-cec-industries/"])
def test_timeline_links_to_the_recapped_session(built_site: Path, lang: str, page: str) -> None:
    parsed = parse(page_file(built_site, lang, page))
    (item,) = parsed.with_class("li", "recap-timeline__item--recapped")
    links = [a for a in parsed.find("a") if any(e is item for e in a.ancestors)]
    assert [resolve(lang, page, a.attrs["href"]) for a in links] == [page_url(lang, SESSION)]
    assert item.text.startswith("Session 5 · ")


# Resources a page loads: these must come from the site itself.
RESOURCE_ATTRS = {
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE)
THIRD_PARTY_NAMES = ("fonts.googleapis", "fonts.gstatic", "googletagmanager", "google-analytics", "cdn.")


def _third_party(base: str, ref: str) -> bool:
    ref = ref.strip()
    if not ref or ref.startswith(("data:", "#")):
        return False
    target = urlsplit(urljoin(base, ref))
    return target.scheme not in ("http", "https") or target.netloc != HOST


def _css_refs(css: str) -> list[str]:
    return [m.group(2) or m.group(4) for m in CSS_URL.finditer(css)]


def test_pages_load_nothing_from_third_parties(built_site: Path) -> None:
    checked = 0
    for html_file in sorted(built_site.rglob("*.html")):
        url = BASE + html_file.relative_to(built_site).as_posix()
        parsed = parse(html_file)
        refs = []
        for element in parsed.elements:
            for attr in RESOURCE_ATTRS.get(element.tag, ()):
                value = element.attrs.get(attr)
                if value:
                    refs += [part.split()[0] for part in value.split(",")] if attr == "srcset" else [value]
        for css in parsed.styles:
            refs += _css_refs(css)
        assert refs, html_file
        offending = [ref for ref in refs if _third_party(url, ref)]
        assert not offending, (html_file, offending)
        checked += 1
    assert checked >= 2 * len(PAGES)


def test_stylesheets_load_nothing_from_third_parties(built_site: Path) -> None:
    stylesheets = sorted(built_site.rglob("*.css"))
    assert any(css.name == "recaps.css" for css in stylesheets)
    for css in stylesheets:
        url = BASE + css.relative_to(built_site).as_posix()
        offending = [ref for ref in _css_refs(css.read_text(encoding="utf-8")) if _third_party(url, ref)]
        assert not offending, (css, offending)


def test_no_third_party_host_named_in_html_or_css(built_site: Path) -> None:
    files = [*built_site.rglob("*.html"), *built_site.rglob("*.css")]
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not [name for name in THIRD_PARTY_NAMES if name in text], path


def test_french_typography_on_the_french_session_page(built_site: Path) -> None:
    text = parse(page_file(built_site, "fr", SESSION)).text(code=False)
    assert f"Comment faire écosystème{NNBSP}?" in text
    # A quote: one narrow no-break space inside each guillemet, not two spaces.
    assert f"«{NNBSP}Comment faire forêt{NNBSP}?{NNBSP}»" in text
    assert f"«{NNBSP}coopération à durée infinie{NNBSP}»" in text
    assert f"dernière étape du parcours{NNBSP}: le moment" in text


@pytest.mark.parametrize("page", PAGES)
def test_guillemets_spaced_once_on_french_pages(built_site: Path, page: str) -> None:
    text = parse(page_file(built_site, "fr", page)).text(code=False)
    assert not re.search(f"«(?!{NNBSP}\\S)", text), re.findall(r".{0,10}«.{0,10}", text)
    assert not re.search(f"(?<!\\S{NNBSP})»", text), re.findall(r".{0,10}».{0,10}", text)


def test_english_pages_keep_english_spacing(built_site: Path) -> None:
    text = parse(page_file(built_site, "en", SESSION)).text(code=False)
    assert "How do we build an ecosystem?" in text
    assert "The sixth and final stage of the programme: the moment" in text
    # French spacing only in the original wording of the quotes, which is French.
    assert text.count(f"original wording: «{NNBSP}") == 4
    assert NNBSP not in re.sub(f"«{NNBSP}[^»]*{NNBSP}»", "", text)


def test_french_typography_stops_at_code(built_site: Path) -> None:
    parsed = parse(page_file(built_site, "fr", "guide/"))
    codes = [e.text for e in parsed.find("code")]
    assert "recaps check" in codes
    assert not [c for c in codes if NNBSP in c]
    # The text right after the code element is French text again.
    html = page_file(built_site, "fr", "guide/").read_text(encoding="utf-8")
    assert f"<code>recaps check</code>{NNBSP}:" in html
    fields = [e.text for e in parse(page_file(built_site, "fr", "guide/fields/")).find("code")]
    assert fields and not [c for c in fields if NNBSP in c]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_sitemap(built_site: Path, lang: str) -> None:
    sitemap = built_site / LANG_PREFIX[lang] / "sitemap.xml"
    assert sitemap.is_file()
    root = ET.parse(sitemap).getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    # Without a site URL there is no absolute address to list (tests/publish/test_sharing.py
    # checks the sitemaps of a build with one).
    assert list(root) == []


# -- a missing and a stale translation ----------------------------------------------------------

MISSING = "partners/the-week/"
STALE = "partners/la-ruche-industrielle/"
CODE_SAMPLE = "a ? b : « c » ; d !"


@pytest.fixture(scope="module")
def translations_site(copy_repo) -> Path:
    """The English of The Week deleted; the French of La Ruche changed without re-marking."""
    root = copy_repo("translations")
    (root / "partners" / "the-week.en.md").unlink()
    # French text in code is left as written, however French typography would space it.
    week = root / "partners" / "the-week.fr.md"
    week.write_text(
        week.read_text(encoding="utf-8")
        + f"\nExemple : `{CODE_SAMPLE}`\n\n```\n{CODE_SAMPLE}\n```\n",
        encoding="utf-8",
    )
    ruche = root / "partners" / "la-ruche-industrielle.fr.md"
    text = ruche.read_text(encoding="utf-8")
    changed = text.replace("Association loi de 1901,", "Association loi de 1901 née à Lyon,", 1)
    assert changed != text
    ruche.write_text(changed, encoding="utf-8")
    site = root.parent / "site"
    result = build_site(root, site_dir=site)
    assert result.ok, result.messages or result.report.render()
    return site


def test_missing_translation_page_shows_the_french_with_an_english_notice(translations_site: Path) -> None:
    path = page_file(translations_site, "en", MISSING)
    assert path.is_file()
    parsed = parse(path)
    assert parsed.html_lang == "en"
    (notice,) = parsed.with_class("div", "recap-notice")
    assert "This page has not been translated into English yet" in notice.text
    original = [a for a in parsed.find("a") if "Read the French original" in a.text]
    assert len(original) == 1
    assert resolve("en", MISSING, original[0].attrs["href"]) == page_url("fr", MISSING)
    french = [t for t in parsed.texts if "projet à but non lucratif porté par un groupe" in t.text]
    assert french and all(t.lang == "fr" for t in french)
    notice_texts = [t for t in parsed.texts if "has not been translated" in t.text]
    assert notice_texts and all(t.lang == "en" for t in notice_texts)
    # The stand-in is the French page whole: its labels are French too, never English marked fr.
    kinds = [t for t in parsed.texts if t.text.strip() in ("Projet à but non lucratif", "Non-profit project")]
    assert [(t.text.strip(), t.lang) for t in kinds] == [("Projet à but non lucratif", "fr")]


def test_missing_translation_is_left_out_of_the_english_search(translations_site: Path) -> None:
    english = {doc["location"].split("#")[0] for doc in search_index(translations_site, "en")["docs"]}
    french = {doc["location"].split("#")[0] for doc in search_index(translations_site, "fr")["docs"]}
    assert MISSING not in english
    assert MISSING in french
    assert STALE in english


def test_stale_translation_shows_a_notice_linking_to_the_french(translations_site: Path) -> None:
    parsed = parse(page_file(translations_site, "en", STALE))
    (notice,) = parsed.with_class("div", "recap-notice")
    assert "Translation may be out of date" in notice.text
    assert "The French original has changed since this page was translated." in notice.text
    original = [a for a in parsed.find("a") if "Read the French original" in a.text]
    assert len(original) == 1
    assert resolve("en", STALE, original[0].attrs["href"]) == page_url("fr", STALE)
    # The English translation is still shown, as English.
    english = [t for t in parsed.texts if "La Ruche industrielle brings together" in t.text]
    assert english and all(t.lang == "en" for t in english)
    assert not [t for t in parsed.texts if t.lang == "fr" and "fédère" in t.text]
    # The French page itself has no notice; the up-to-date English pages neither.
    assert not parse(page_file(translations_site, "fr", STALE)).with_class("div", "recap-notice")
    assert not parse(page_file(translations_site, "en", SESSION)).with_class("div", "recap-notice")


def test_french_typography_leaves_code_as_written(translations_site: Path) -> None:
    parsed = parse(page_file(translations_site, "fr", MISSING))
    codes = [e.text.strip() for e in parsed.find("code")]
    assert codes.count(CODE_SAMPLE) == 2  # the inline code and the code block
    assert f"Exemple{NNBSP}:" in parsed.text(code=False)


# -- builds that fail leave the previous site alone ---------------------------------------------

SESSION_FILES = {
    "fr": "sessions/parcours-cec-industries/session-5.fr.md",
    "en": "sessions/parcours-cec-industries/session-5.en.md",
}


def _previous_site(root: Path) -> tuple[Path, dict[str, bytes]]:
    site = root.parent / "site"
    (site / "assets").mkdir(parents=True)
    files = {"index.html": b"<p>previous site</p>", "marker.txt": b"built yesterday", "assets/x.css": b"p{}",
             ".recaps-site": b"built by recaps"}  # a site built before: recaps replaces no other
    for name, content in files.items():
        (site / name).write_bytes(content)
    return site, files


def _contents(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _leftovers(root: Path) -> list[Path]:
    return [p for p in root.parent.iterdir() if p.name not in {"repo", "site"}]


@pytest.fixture(scope="module")
def broken_link_build(copy_repo) -> tuple[BuildResult, Path, dict[str, bytes], Path]:
    root = copy_repo("broken-link")
    for lang, relative in SESSION_FILES.items():
        path = root / relative
        path.write_text(path.read_text(encoding="utf-8") + "\nVoir [x](nowhere.md).\n", encoding="utf-8")
    site, before = _previous_site(root)
    return build_site(root, site_dir=site), site, before, root


def test_broken_link_fails_the_build(broken_link_build) -> None:
    result, _, _, _ = broken_link_build
    assert result.ok is False
    assert result.report is not None  # found by the content check (site_check), before MkDocs


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_broken_link_message_names_the_content_file(broken_link_build, lang: str) -> None:
    result, _, _, _ = broken_link_build
    lines = result.report.lines()
    assert any(line.startswith(f"{SESSION_FILES[lang]}:")
               and "the link 'nowhere.md' leads to no page or file of the site" in line for line in lines), lines


def test_broken_link_leaves_the_previous_site_untouched(broken_link_build) -> None:
    _, site, before, root = broken_link_build
    assert _contents(site) == before
    assert _leftovers(root) == []  # no temporary build folder left behind


@pytest.fixture(scope="module", params=["en", "fr"])
def one_language_broken_build(copy_repo, request) -> tuple[str, BuildResult, Path, dict[str, bytes], Path]:
    """Only one language's build fails: the other alone succeeds, which must not be enough."""
    lang = request.param
    root = copy_repo(f"broken-{lang}-only")
    path = root / SESSION_FILES[lang]
    path.write_text(path.read_text(encoding="utf-8") + "\nSee [x](nowhere.md).\n", encoding="utf-8")
    site, before = _previous_site(root)
    return lang, build_site(root, site_dir=site), site, before, root


def test_one_language_failing_leaves_the_previous_site_untouched(one_language_broken_build) -> None:
    lang, result, site, before, root = one_language_broken_build
    assert result.ok is False and result.report is not None  # the content check stops it first
    assert [line.split(": ", 1)[0].rsplit(":", 1)[0] for line in result.report.lines()] == [
        f"sessions/parcours-cec-industries/session-5.{lang}.md"
    ]
    assert _contents(site) == before
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == [
        ".recaps-site", "assets", "assets/x.css", "index.html", "marker.txt"
    ]
    assert _leftovers(root) == []


@pytest.fixture(scope="module")
def content_error_build(copy_repo) -> tuple[BuildResult, Path, dict[str, bytes], Path]:
    root = copy_repo("content-error")
    path = root / SESSION_FILES["fr"]
    text = path.read_text(encoding="utf-8")
    broken = text.replace("start: 2025-01-16", "start: 2025-13-45", 1)
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    site, before = _previous_site(root)
    return build_site(root, site_dir=site), site, before, root


def test_content_error_is_reported_and_nothing_built(content_error_build) -> None:
    result, site, before, root = content_error_build
    assert result.ok is False
    assert result.report is not None
    errors = [e for e in result.report.errors if e.path == SESSION_FILES["fr"]]
    assert [(e.field, e.line) for e in errors] == [("dates.start", 7)]
    assert "2025-13-45" in str(errors[0].message)
    assert _contents(site) == before
    assert _leftovers(root) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_pages_carry_no_template_indentation_but_code_keeps_its_own(built_site: Path, lang: str) -> None:
    html = (built_site / LANG_PREFIX[lang] / "guide" / "index.html").read_text(encoding="utf-8")
    outside = re.sub(r"<(pre|code|script|style|textarea)\b.*?</\1>", "<kept/>", html, flags=re.S)
    assert not re.search(r"\n[ \t]+", outside)
    assert "\n\n" not in outside
    assert "<code>" in html and "<kept/>" in outside  # the guide's code is there, and kept whole


def test_the_theme_source_maps_are_left_out(built_site: Path) -> None:
    assert (built_site / "assets" / "javascripts").is_dir()
    assert not list(built_site.rglob("*.map"))


def test_only_the_search_languages_of_the_site_are_shipped(built_site: Path) -> None:
    lunr = sorted(p.name for p in (built_site / "assets" / "javascripts" / "lunr").rglob("*.js"))
    assert lunr == ["lunr.fr.min.js", "lunr.multi.min.js", "lunr.stemmer.support.min.js"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_search_index_is_written_as_utf8_not_escapes(built_site: Path, lang: str) -> None:
    raw = (built_site / LANG_PREFIX[lang] / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\\u00e9" not in raw and "é" in raw
    assert json.loads(raw)["config"]["lang"] == [lang]


# The session's six tags, in the order readers look for them: "Écosystème" with the E, not after "V".
TAG_ORDER = {
    "fr": ["Coopération", "Écosystème", "Gouvernance", "Industrie", "Leadership", "Vulnérabilité"],
    "en": ["Cooperation", "Ecosystem", "Governance", "Industry", "Leadership", "Vulnerability"],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_tags_are_in_reading_order_and_link_to_their_tag_page(built_site: Path, lang: str) -> None:
    page = (built_site / LANG_PREFIX[lang] / SESSION / "index.html").read_text(encoding="utf-8")
    assert "md-tag" not in page  # no Material chips (tags: false): the tag line after the header
    links = re.findall(r'<a class="recap-tag" href="([^"]+)">([^<]+)</a>', page)
    names = [html.unescape(name) for _, name in links]
    assert names == TAG_ORDER[lang]
    for href, _ in links:
        target = (built_site / LANG_PREFIX[lang] / SESSION / href).resolve() / "index.html"
        assert target.parent.parent.name == "tags" and target.is_file(), href
        assert 'href="../../parcours-cec-industries/session-5/"' in target.read_text(encoding="utf-8"), href
    index = (built_site / LANG_PREFIX[lang] / "tags" / "index.html").read_text(encoding="utf-8")
    assert "md-tag" not in index  # the tags page lists the tags, not every tagged page
