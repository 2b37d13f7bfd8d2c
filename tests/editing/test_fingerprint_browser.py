"""The admin page's own scripts inside Decap CMS, in Debian's Chromium. Mostly the
translation-state widget: the version it computes in the browser (admin/fingerprint.js) is
Python's (recaps.content.translation.source_version), on the real content and on generated
inputs, and what it writes in `translation_of` is what `recaps mark-translated` would write for
the French file Decap saves. Then the preview (admin/preview.js), in both languages.

Decap runs its own "test-repo" backend here, which holds the repository's files in the page
(``window.repoFiles``) and writes into them on saving: Decap reads and writes the files as it
does with decap-server or GitHub, without a server. The admin page is the one recaps ships
(src/recaps/editing/admin/), with decap-cms.js from node_modules/, served on 127.0.0.1.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from local_server import serve_directory

from recaps.content.decoding import decode
from recaps.content.front_matter import split_front_matter
from recaps.content.items import read_item_file
from recaps.content.models import Partner, Programme, Session
from recaps.content.marking import with_source_version
from recaps.content.translation import source_version
from recaps.editing.decap_config import config_yaml, decap_config

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
ADMIN = REPO / "src" / "recaps" / "editing" / "admin"
DECAP_DIST = REPO / "node_modules" / "decap-cms" / "dist"
FOLDER = "sessions/parcours-cec-industries"
COLLECTION = "sessions-parcours-cec-industries"


def _session(number: int, front_matter: str, body: str) -> str:
    """A French session file: what Decap requires before it saves, then ``front_matter``."""
    return (
        f"---\nid: session-{number}\nprogramme: parcours-cec-industries\nnumber: {number}\n"
        "dates:\n  start: 2025-01-16\n  end: 2025-01-17\ncity: Lyon\nhost: la-ruche-industrielle\n"
        f"published: 2025-03-16\n{front_matter}---\n{body}"
    )


_TRANSLATED = "author: La rédaction\nquestion: Quoi ?\nsummary: Un résumé.\n"


# French files made to hold what YAML, Decap and JSON each read or write their own way. Each
# English file holds a title and no translation_of (a translation in progress) unless said.
CASES = {
    # Accents, typographic and plain quotes, escapes, emoji, a combining accent, empty lists.
    11: _session(11, (
        'title: "L’été « chaud » — “cité” \'simple\' \\"double\\" \\\\ 😀 e\\u0301"\n'
        "author: 'C''est l''auteur'\n"
        'question: "Tab\\there, espace\\u00a0insécable, zéro\\u200blargeur"\n'
        'summary: "Ligne un\\nLigne deux"\n'
        "notions: []\n"
        "quotes: []\n"
    ), "\nCorps avec émoji 🎉 et « guillemets ».\n"),
    # Nested notions in block scalars, long and folded texts, quotes and a next session whose
    # language-neutral parts the version leaves out; a Markdown body.
    12: _session(12, (
        "title: Un titre simple\n"
        f"{_TRANSLATED}"
        "notions:\n"
        "  - title: Première\n"
        "    text: |\n"
        "      Un texte\n"
        "      sur deux lignes.\n"
        "  - title: >-\n"
        "      Une notion\n"
        "      repliée\n"
        f"    text: \"{'Un très long texte, avec  deux espaces, ' * 6}fin.\"\n"
        "quotes:\n"
        "  - speaker: eric-boel\n"
        "    lang: fr\n"
        "    text: Nous sommes tous industriels\n"
        "  - speaker: eric-duverger\n"
        "    text: Sans langue\n"
        "next_session:\n"
        "  number: 6\n"
        "  dates: {start: 2025-03-20, end: 2025-03-21}\n"
        "  note: Annonce\n"
    ), "\n## Titre\n\n- un\n- deux\n\nLigne finie par des espaces   \n"),
    # Plain scalars that YAML 1.1 (PyYAML) reads as booleans and numbers, and YAML 1.2 (Decap,
    # and recaps' reader: yaml_lines._BOTH_VERSIONS) as text; numbers of both; dates and times,
    # which Decap reads as text and recaps as dates; nulls.
    13: _session(13, (
        "title: yes\n"
        "author: No\n"
        "question: 1:30\n"
        "summary: 2025-1-6 10:00:00\n"
        "notions:\n"
        "  - title: 1_000\n"
        "    text: 0b101\n"
        "  - title: 2025-01-16T10:00:00Z\n"
        "    text: 2025-01-16\n"
        "quotes:\n"
        "  - text: on\n"
        "  - text: 12\n"
        "  - text: 1.5\n"
        "  - text: 0.00001\n"
        "  - text: +0x1F\n"
        "next_session:\n"
        "  title: ~\n"
        "  note: 2025-01-16 10:00:00.5 +01:00\n"
    ), "Corps.\n"),
    # Texts that YAML writes quoted; fields the models do not know, one with a non-ASCII name.
    14: _session(14, (
        'title: "- x"\n'
        'author: "#x"\n'
        'question: "x: y"\n'
        'summary: "@x `y`"\n'
        "notions:\n"
        '  - {title: "[x]", text: "{x}", extra: "en trop"}\n'
        "  - title: \", x\"\n"
        "    text: \"%x !x &x *x |x >x 'x' \\\"x\\\" ? x x #y\"\n"
        'quotes:\n  - text: " espaces autour "\n'
        'next_session: {title: "true", note: "null"}\n'
        'titel: "mal écrit"\n'
        '"é": "clé accentuée"\n'
    ), "Corps.\n"),
    # Windows line endings; a body that starts and ends with spaces Python strips and
    # JavaScript's trim() does not, and the other way round.
    15: _session(15, "title: Fins de ligne\r\nauthor: La rédaction\r\nquestion: Quoi ?\r\nsummary: Un résumé.\r\n", "\u3000\u2003Corps\r\nsuite\u00a0\r\n\ufeff").replace("\n", "\r\n").replace("\r\r\n", "\r\n"),
    # Values Decap reads otherwise than Python (YAML 1.2): 1.0 is 1, 017 is 17, 1e3 is 1000, and
    # writes otherwise than it read (1.0e+20 as 100000000000000000000). Its
    # version differs until Decap writes the file; what matters is the version it then writes.
    16: _session(16, "title: 1.0\nauthor: 017\nquestion: 1e3\nsummary: 1.0e+20\n", "Corps.\n"),
}
_ENGLISH = "---\ntitle: A title\nauthor: The editorial team\nquestion: What?\nsummary: A summary.\n"
ENGLISH = {number: _ENGLISH + "---\n\nBody.\n" for number in CASES}
del ENGLISH[11]  # no translation yet: missing
ENGLISH[12] = _ENGLISH + "translation_of: 000000000000\n---\n\nBody.\n"  # stale
# A version made of digits around an "e", as `recaps mark-translated` writes it: YAML 1.2 would
# read it as a number if it were not quoted.
ENGLISH[14] = with_source_version(_ENGLISH + "---\n\nBody.\n", "5e1234567890")
SAME_ON_OPENING = [11, 12, 13, 14, 15]
REAL = [
    ("programme-parcours-cec-industries", "programme", Programme, f"{FOLDER}/programme"),
    (COLLECTION, "session-5", Session, f"{FOLDER}/session-5"),
    ("partners", "la-ruche-industrielle", Partner, "partners/la-ruche-industrielle"),
    ("partners", "the-week", Partner, "partners/the-week"),
]


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's content, with the generated sessions beside session 5."""
    root = tmp_path_factory.mktemp("content")
    for folder in ("sessions", "partners"):
        shutil.copytree(REPO / folder, root / folder)
    for number, text in CASES.items():
        (root / FOLDER / f"session-{number}.fr.md").write_bytes(text.encode("utf-8"))
        if number in ENGLISH:
            (root / FOLDER / f"session-{number}.en.md").write_bytes(ENGLISH[number].encode("utf-8"))
    return root


def _repo_files(root: Path) -> dict:
    """The files as Decap's test backend holds them: a tree of folders, each file's text; a
    folder below the top one listed under its whole path as well (the backend lists a
    collection's folder by that key, and reads and writes files by the tree)."""
    tree: dict = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        *folders, name = rel.split("/")
        node = tree
        for folder in folders:
            node = node.setdefault(folder, {})
        node[name] = {"path": rel, "content": path.read_bytes().decode("utf-8")}
    return tree


_INIT = """
(() => {
  const tree = %s;
  tree["%s"] = tree.sessions["parcours-cec-industries"];
  window.repoFiles = tree;
})();
"""


@pytest.fixture(scope="module")
def admin_url(content: Path, tmp_path_factory: pytest.TempPathFactory):
    """The admin page, decap-cms.js beside it and the configuration of ``content`` for Decap's
    test backend, served on 127.0.0.1."""
    assert (DECAP_DIST / "decap-cms.js").is_file(), "decap-cms is missing from node_modules: run npm ci (package.json)"
    site = tmp_path_factory.mktemp("served")
    # The site's home page, as the preview reads its style sheets from it.
    (site / "index.html").write_text(
        '<!doctype html><link rel="stylesheet" href="assets/stylesheets/main.0123abcd.min.css">'
        '<link rel="stylesheet" href="assets/recaps.css">', encoding="utf-8")
    admin = site / "admin"
    shutil.copytree(ADMIN, admin)
    for built in DECAP_DIST.glob("*.js"):
        shutil.copy(built, admin / built.name)
    config = decap_config(content, {"name": "test-repo", "login": False})
    (admin / "config.yml").write_text(config_yaml(config), encoding="utf-8")
    with serve_directory(site) as base:
        yield base + "admin/"


@pytest.fixture(scope="module")
def page(browser, content: Path):
    """A page that reaches 127.0.0.1 only, holding the content in Decap's test backend."""
    external: list[str] = []

    def route(route) -> None:
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            external.append(url)
            route.abort("internetdisconnected")

    context = browser.new_context(viewport={"width": 1400, "height": 1000}, service_workers="block")
    context.route("**/*", route)
    context.add_init_script(_INIT % (json.dumps(_repo_files(content)), FOLDER))
    page = context.new_page()
    page.set_default_timeout(60_000)  # Decap is 5 MB of script: slow to start on a busy machine
    yield page
    context.close()
    assert external == []


def _open(page, admin_url: str, collection: str, slug: str) -> dict:
    """The English side's translation state, once the widget has computed the version."""
    if not page.url.startswith(admin_url):
        page.goto(admin_url)
    # Through the collection's list, as an editor goes: Decap keeps the draft of an entry
    # replaced by another in the address bar.
    page.evaluate("hash => { window.location.hash = hash; }", f"#/collections/{collection}")
    page.locator("[data-recaps-translation]").first.wait_for(state="detached")  # the last entry closed
    page.evaluate("hash => { window.location.hash = hash; }", f"#/collections/{collection}/entries/{slug}")
    english = page.locator('[data-recaps-translation][data-source-version]')
    english.wait_for()
    return {
        "state": english.get_attribute("data-recaps-translation"),
        "version": english.get_attribute("data-source-version"),
        "text": english.inner_text(),
    }


@pytest.fixture(scope="module")
def opened(page, admin_url: str) -> dict:
    """What the widget shows for each entry, opened once."""
    shown = {(collection, slug): _open(page, admin_url, collection, slug) for collection, slug, _, _ in REAL}
    for number in CASES:
        shown[COLLECTION, f"session-{number}"] = _open(page, admin_url, COLLECTION, f"session-{number}")
    return shown


def _python_version(root: Path, model, rel: str) -> str:
    document, errors = read_item_file(root, model, rel)
    assert document is not None, errors
    return source_version(model, document)


@pytest.mark.parametrize("collection,slug,model,stem", REAL, ids=[slug for _, slug, _, _ in REAL])
def test_the_real_content_has_the_version_python_computes(opened, content, collection, slug, model, stem) -> None:
    shown = opened[collection, slug]
    assert shown["version"] == _python_version(content, model, f"{stem}.fr.md")
    assert shown["state"] == "complete"  # as `recaps status` says of the real content


@pytest.mark.parametrize("number", SAME_ON_OPENING)
def test_generated_inputs_have_the_version_python_computes(opened, content, number: int) -> None:
    shown = opened[COLLECTION, f"session-{number}"]
    assert shown["version"] == _python_version(content, Session, f"{FOLDER}/session-{number}.fr.md")


def test_each_state_is_shown_in_french(opened) -> None:
    def shown(number: int) -> str:
        return opened[COLLECTION, f"session-{number}"]["text"].splitlines()[0]

    assert (opened[COLLECTION, "session-5"]["text"].splitlines()[0]
            == "Traduction à jour — La traduction correspond au texte français tel qu’il est.")
    assert shown(11) == ("Traduction manquante — Rien n’est encore traduit : le site anglais montre la page "
                         "française sous un avertissement.")
    assert shown(12) == ("Traduction à revoir — Le texte français a changé depuis que la traduction a été "
                         "marquée à jour.")
    assert shown(13) == "Traduction en cours — La traduction est commencée mais n’a jamais été marquée à jour."


def test_a_version_of_digits_around_an_e_reads_back_as_written(opened) -> None:
    # YAML 1.2 reads 5e1234567890 unquoted as a float (infinite); mark-translated quotes it.
    shown = opened[COLLECTION, "session-14"]
    assert shown["state"] == "stale"
    assert "version traduite : 5e1234567890" in shown["text"]


def _written(page, rel: str):
    """The file Decap wrote, as recaps reads it."""
    raw = page.evaluate("rel => rel.split('/').reduce((node, part) => node[part], window.repoFiles).content", rel)
    text, errors = decode(rel, raw.encode("utf-8"))
    assert text is not None, errors
    document, errors = split_front_matter(rel, text)
    assert document is not None, errors
    return document


@pytest.mark.parametrize("number", [12, 13, 15, 16])
def test_marking_up_to_date_writes_the_version_of_the_french_decap_saves(page, admin_url, number: int) -> None:
    shown = _open(page, admin_url, COLLECTION, f"session-{number}")
    page.get_by_role("button", name="Marquer comme à jour").click()
    english = page.locator('[data-recaps-translation="complete"]')
    english.wait_for()
    page.get_by_role("button", name="Publier", exact=True).click()
    page.get_by_text("Publier maintenant").click()
    page.wait_for_function(
        "rel => rel.split('/').reduce((node, part) => node && node[part], window.repoFiles).content.includes('translation_of: ' + %s)"
        % json.dumps(shown["version"]),
        arg=f"{FOLDER}/session-{number}.en.md",
    )
    french = _written(page, f"{FOLDER}/session-{number}.fr.md")
    translation = _written(page, f"{FOLDER}/session-{number}.en.md")
    assert translation.meta["translation_of"] == source_version(Session, french) == shown["version"]
    # Only what is translated: no reference (host...) copied from the French.
    assert list(translation.meta) == ["title", "author", "question", "summary", "translation_of"]


def test_the_preview_shows_the_entry_in_each_language_with_the_sites_style(page, admin_url) -> None:
    _open(page, admin_url, COLLECTION, "session-5")
    page.get_by_role("button", name="Aperçu", exact=True).click()
    preview = page.frame_locator("#preview-pane")
    assert preview.locator("h1").inner_text() == "Embarquer son écosystème"
    assert preview.locator("figcaption").all_inner_texts()[:2] == [
        "Éric Duverger, cofondateur", "Isabelle Kocher de Leyritz, ex-directrice générale d’Engie, cofondatrice",
    ]
    styles = preview.locator('link[rel="stylesheet"]').evaluate_all("links => links.map(link => link.href)")
    assert styles == [admin_url.replace("admin/", "") + path
                      for path in ("assets/stylesheets/main.0123abcd.min.css", "assets/recaps.css")]
    page.locator("text=/^Écrire en FR$/").click()
    page.locator("[role=menuitem]", has_text="EN").click()
    assert preview.locator("h1").inner_text() == "Bringing your ecosystem on board"
    assert preview.locator(".recap-facts dt, .recap-facts dd").all_text_contents()[:4] == [
        "Dates", "16 January 2025 – 17 January 2025", "Place", "Lyon",  # from the French entry
    ]
    assert preview.locator("figcaption").all_inner_texts()[0] == "Éric Duverger, co-founder"
    # Back as the other tests expect it: French on the left, English on the right.
    page.locator("text=/^Écrire en EN$/").click()
    page.locator("[role=menuitem]", has_text="FR").click()
    page.get_by_role("button", name="Édition multilingue", exact=True).click()
    page.locator('[data-recaps-translation][data-source-version]').wait_for()


def test_a_sessions_id_is_written_from_its_number_on_saving(page, admin_url) -> None:
    """admin/ids.js, as Decap calls it before it writes an entry (its preSave event)."""
    page.goto(admin_url)
    page.wait_for_function("() => window.CMS && window.CMS.getEventListeners")
    saved = page.evaluate("""collection => window.CMS.invokeEvent({
        name: "preSave",
        data: { entry: new Map([["collection", collection], ["data", new Map([["number", 7], ["id", "x"]])]]) },
    }).then(entry => entry.get("data").get("id"))""", COLLECTION)
    assert saved == "session-7"
    untouched = page.evaluate("""() => window.CMS.invokeEvent({
        name: "preSave",
        data: { entry: new Map([["collection", "partners"], ["data", new Map([["number", 7], ["id", "x"]])]]) },
    }).then(entry => entry.get("data").get("id"))""")
    assert untouched == "x"
