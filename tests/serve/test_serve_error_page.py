"""`recaps serve` while the site does not build: every page answers with the errors, the open
pages switch to them by themselves, and back to the site once the files are fixed."""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request

import pytest

from processes import get, wait_for

SESSION = "sessions/parcours-cec-industries/session-5.fr.md"
PAGE = "/parcours-cec-industries/session-5/"
BAD_DATE = ("start: 2025-01-16", "start: 2025-02-30")
SCRIPT_TAG = ("tags: [ecosysteme", 'tags: ["<script>window.hacked=1</script>", ecosysteme')

# `recaps serve` runs in a French locale here (served_repo_in_french): the page and its errors are in French.
DATE_ERROR = (
    "sessions/parcours-cec-industries/session-5.fr.md:7 · champ dates.start\n\n"
    "«\u00a02025-02-30\u00a0» n’est pas une vraie date (écrivez-la AAAA-MM-JJ, par exemple 2025-01-16)"
)
TAG_ERROR = (
    "sessions/parcours-cec-industries/session-5.fr.md:13 · champ tags[1]\n\n"
    "«\u00a0<script>window.hacked=1</script>\u00a0» n’est pas un identifiant valide\u00a0: utilisez des lettres "
    "minuscules a-z, des chiffres et des traits d’union, par exemple la-ruche-industrielle"
)
WHAT_TO_DO = "Corrigez le fichier et enregistrez\u00a0: la page se recharge d’elle-même."


def _answer(url: str) -> tuple[int, str, str]:
    """The status, text and Content-Type of ``url``, an error's included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8"), response.headers["Content-Type"]
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read().decode("utf-8"), error.headers["Content-Type"]


@pytest.mark.e2e
def test_a_bad_save_shows_on_the_open_page_and_the_fix_brings_the_page_back(served_repo_in_french,
                                                                           browser_page) -> None:
    root, base, output, process = served_repo_in_french
    wait_for(lambda: get(base + PAGE)[0] == 200, 90, "the first build")
    page = browser_page
    page.goto(base + PAGE)  # the only navigation the test makes: the rest is the page's own reloads
    heading = page.locator("h1")
    assert heading.inner_text() == "Embarquer son écosystème"

    source = root / SESSION
    text = source.read_text(encoding="utf-8")
    saved = time.monotonic()
    source.write_text(text.replace(*BAD_DATE), encoding="utf-8")
    page.wait_for_function("document.querySelector('h1').textContent === 'Le contenu a des erreurs'", timeout=10_000)
    assert time.monotonic() - saved < 10
    assert page.url == base + PAGE
    assert page.title() == "Le contenu a des erreurs · Aperçu"
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("p.todo").inner_text() == WHAT_TO_DO
    assert page.locator("p.count").inner_text() == "1 erreur"
    assert page.locator("li").all_inner_texts() == [DATE_ERROR]

    # A value from the file that holds markup is shown as text, and runs nothing.
    source.write_text(text.replace(*BAD_DATE).replace(*SCRIPT_TAG), encoding="utf-8")
    page.wait_for_function("document.querySelector('p.count').textContent === '2 erreurs'", timeout=10_000)
    assert page.locator("li").all_inner_texts() == [DATE_ERROR, TAG_ERROR]
    assert page.evaluate("typeof window.hacked") == "undefined"
    scripts = page.locator("script")
    assert scripts.count() == 1 and "var livereload = function(epoch, requestId)" in scripts.inner_text()

    source.write_text(text, encoding="utf-8")  # fixed: the page comes back by itself
    page.wait_for_function("document.querySelector('h1').textContent === 'Embarquer son écosystème'", timeout=30_000)
    assert page.url == base + PAGE
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("p.todo").count() == 0
    assert process.poll() is None
    assert not any("Traceback" in line for line in output), "".join(output)


# Every page, of both languages, a page that does not exist yet included (a new recap with an
# error has none): the answer is the error page with status 500, as Hugo's server answers: the
# page asked for cannot be made from the content as it is, and a script or link checker run
# against the preview must not take the error page for it. Assets, the search index and
# MkDocs' reload poll still come from the last build that worked.
PAGES = ("/", PAGE, "/partners/the-week/", "/404.html", "/une-page-a-venir/",
         "/en/", "/en" + PAGE, "/en/partners/la-ruche-industrielle/")
DATE_ITEM = (
    '<li><p class="where"><code>sessions/parcours-cec-industries/session-5.fr.md:7</code> · '
    '<span class="field">champ <code>dates.start</code></span></p>'
    '<p class="message">«\u00a02025-02-30\u00a0» n’est pas une vraie date (écrivez-la AAAA-MM-JJ, par exemple '
    "2025-01-16)</p></li>"
)
SITE_URL_ITEM = (
    '<li><p class="message">mkdocs.yml:5: site_url\u00a0: doit commencer par http:// ou https://, par exemple '
    "https://example.org/</p></li>"
)


def test_every_page_of_both_languages_answers_the_error_page_while_the_site_does_not_build(
        served_repo_in_french) -> None:
    root, base, output, process = served_repo_in_french
    wait_for(lambda: get(base + PAGE)[0] == 200, 90, "the first build")
    status, home, _ = _answer(base + "/")
    stylesheet = "/" + re.search(r'href="(assets/stylesheets/main\.[^"]+\.css)"', home)[1]
    assets = {path: _answer(base + path) for path in (stylesheet, "/search/search_index.json", "/sitemap.xml")}
    assert all(status == 200 for status, _, _ in assets.values())

    source = root / SESSION
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace(*BAD_DATE), encoding="utf-8")
    wait_for(lambda: _answer(base + PAGE)[0] == 500, 30, "the error page")
    for path in PAGES:
        status, body, content_type = _answer(base + path)
        assert (status, content_type) == (500, "text/html; charset=utf-8"), path
        assert "<h1>Le contenu a des erreurs</h1>" in body and DATE_ITEM in body, path
        assert "livereload(" in body, path  # MkDocs' reload script: it comes back by itself
    assert {path: _answer(base + path) for path in assets} == assets
    status, epoch, _ = _answer(base + "/livereload/0/0")
    assert status == 200 and epoch.isdigit()

    source.write_text(text, encoding="utf-8")
    wait_for(lambda: _answer(base + PAGE)[0] == 200, 30, "the page back")
    assert [_answer(base + path)[0] for path in PAGES] == [200, 200, 200, 200, 404, 200, 200, 200]

    # A build that fails on something else than the content's errors: its messages, likewise.
    config = root / "mkdocs.yml"
    settings = config.read_text(encoding="utf-8")
    lines = settings.splitlines(keepends=True)
    config.write_text("".join([*lines[:4], "site_url: ftp://example.org/\n", *lines[4:]]), encoding="utf-8")
    wait_for(lambda: _answer(base + "/en/")[0] == 500, 30, "the error page")
    status, body, _ = _answer(base + "/en/")
    assert "<h1>Le site ne se construit pas</h1>" in body and SITE_URL_ITEM in body
    config.write_text(settings, encoding="utf-8")
    wait_for(lambda: _answer(base + "/en/")[0] == 200, 60, "the site back")
    assert process.poll() is None
    assert not any("Traceback" in line for line in output), "".join(output)
