"""The page `recaps serve` answers while the site does not build (recaps.pages.error_page)."""

from __future__ import annotations

import re

from recaps.content.errors import ContentError
from recaps.pages.error_page import error_page

SESSION = "sessions/p/session-1.fr.md"


def _body(page: str) -> str:
    return page[page.index("<body>"):]


def test_each_error_with_its_file_line_and_field_sorted_as_check_prints_them() -> None:
    page = error_page([
        ContentError("sessions/p/session-2.fr.md", 0, "", "the front matter is never closed"),
        ContentError(SESSION, 9, "tags[0]", "no tag 'inovation'"),
        ContentError(SESSION, 4, "dates.start", "'2025-02-30' is not a real date"),
        ContentError(SESSION, 4, "dates.start", "'2025-02-30' is not a real date"),  # once only
    ])
    assert page.startswith('<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
                           '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                           "<title>Le contenu a des erreurs · Aperçu</title>\n<style>")
    assert _body(page) == (
        "<body>\n<main>\n"
        '<p class="preview">Aperçu · recaps serve</p>\n<h1>Le contenu a des erreurs</h1>\n'
        '<p class="todo">Corrigez le fichier et enregistrez\u00a0: la page se recharge d’elle-même.</p>\n'
        '<p class="count">3 erreurs</p>\n<ol>\n'
        '<li><p class="where"><code>sessions/p/session-1.fr.md:4</code> · <span class="field">champ '
        "<code>dates.start</code></span></p><p class=\"message\">'2025-02-30' is not a real date</p></li>\n"
        '<li><p class="where"><code>sessions/p/session-1.fr.md:9</code> · <span class="field">champ '
        "<code>tags[0]</code></span></p><p class=\"message\">no tag 'inovation'</p></li>\n"
        '<li><p class="where"><code>sessions/p/session-2.fr.md</code></p>'
        '<p class="message">the front matter is never closed</p></li>\n'
        "</ol>\n</main>\n</body>\n</html>\n"
    )


def test_in_english() -> None:
    page = error_page([ContentError(SESSION, 4, "number", "must be a whole number")], lang="en")
    assert '<html lang="en">' in page and "<title>The content has errors · Preview</title>" in page
    assert _body(page) == (
        "<body>\n<main>\n"
        '<p class="preview">Preview · recaps serve</p>\n<h1>The content has errors</h1>\n'
        '<p class="todo">Fix the file and save: the page reloads by itself.</p>\n'
        '<p class="count">1 error</p>\n<ol>\n'
        '<li><p class="where"><code>sessions/p/session-1.fr.md:4</code> · <span class="field">field '
        '<code>number</code></span></p><p class="message">must be a whole number</p></li>\n'
        "</ol>\n</main>\n</body>\n</html>\n"
    )


def test_what_editors_wrote_is_shown_as_text() -> None:
    page = error_page([ContentError("sessions/<b>p</b>/session-1.fr.md", 3, "<i>field</i>",
                                    "no person '<script>alert(1)</script>' & no '\u202eevil'")])
    assert (
        '<li><p class="where"><code>sessions/&lt;b&gt;p&lt;/b&gt;/session-1.fr.md:3</code> · '
        '<span class="field">champ <code>&lt;i&gt;field&lt;/i&gt;</code></span></p>'
        "<p class=\"message\">no person '&lt;script&gt;alert(1)&lt;/script&gt;' &amp; no '\\u202eevil'</p></li>\n"
    ) in page
    assert "<script" not in page and "<b>" not in page and "<i>" not in page


def test_a_build_that_fails_otherwise_shows_its_messages() -> None:
    page = error_page(messages=["mkdocs.yml:5: site_url: must start with http:// or https://",
                                "[en] Doc file 'a.md' contains a link '<b>.md'"])
    assert "<title>Le site ne se construit pas · Aperçu</title>" in page
    assert _body(page) == (
        "<body>\n<main>\n"
        '<p class="preview">Aperçu · recaps serve</p>\n<h1>Le site ne se construit pas</h1>\n'
        '<p class="todo">Corrigez le fichier et enregistrez\u00a0: la page se recharge d’elle-même.</p>\n'
        "<ol>\n"
        '<li><p class="message">mkdocs.yml:5: site_url: must start with http:// or https://</p></li>\n'
        "<li><p class=\"message\">[en] Doc file 'a.md' contains a link '&lt;b&gt;.md'</p></li>\n"
        "</ol>\n</main>\n</body>\n</html>\n"
    )


def test_at_most_fifty_errors_a_file_then_how_many_more() -> None:
    errors = [ContentError(SESSION, line, "tags", f"error {line:02}") for line in range(1, 53)]
    page = error_page([*errors, ContentError("sessions/p/session-2.fr.md", 1, "title", "must not be empty")])
    items = re.findall(r"<li>.*</li>", page)
    assert len(items) == 52 and '<p class="count">53 erreurs</p>' in page
    assert items[49].endswith('<p class="message">error 50</p></li>')
    assert items[50] == ('<li><p class="where"><code>sessions/p/session-1.fr.md</code></p>'
                         '<p class="message more">… et 2 autres erreurs dans ce fichier</p></li>')
    assert items[51].startswith('<li><p class="where"><code>sessions/p/session-2.fr.md:1</code>')
    one_more = error_page([ContentError(SESSION, line, "", "e") for line in range(1, 52)], lang="en")
    assert '<p class="message more">… and 1 more error in this file</p>' in one_more


def test_the_page_fetches_nothing() -> None:
    page = error_page([ContentError(SESSION, 4, "number", "must be a whole number")])
    assert not re.search(r"<script|<link|src=|href=|url\(|@import", page)
