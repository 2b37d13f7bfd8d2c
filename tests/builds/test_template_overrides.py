"""A site's own page templates: ``overrides/recaps/<name>.md.j2`` replaces recaps' ``<name>.md.j2``
(recaps.pages.page_templates), in real builds of a small site and in ``render_site``, which the build
calls (recaps.mkdocs.plugin) with the loaded site, whose root holds ``overrides/``."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from recaps.content.loader import load_or_raise
from recaps.mkdocs.speedups import hide_blocks
from recaps.pages.page_templates import TemplateError
from recaps.pages.render import render_site

REPO = Path(__file__).resolve().parents[2]
BASE_TREE = REPO / "tests" / "golden" / "check" / "_base"
SESSION = "parcours-demo/session-1.md"
SESSION_FILE = "sessions/parcours-demo/session-1.fr.md"
# Wraps recaps' own template, reached as "recaps/<name>", with a visible marker.
NOTICE = (
    '<div class="admonition info recap-notice" role="note">\n'
    '<p class="admonition-title">Translation in progress</p>\n'
    '<p>This translation is not finished yet; parts of it may still be in French. '
    '<a href="../../../parcours-demo/session-1/" hreflang="fr">Read the French original</a></p>\n'
    "</div>\n\n"
)
WRAPPING = '<p class="site-marker">{{ t("session_n", n=s.number) }}</p>\n\n{% include "recaps/session.md.j2" %}'


def small_repo(root: Path, templates: dict[str, str] | None = None) -> Path:
    """The golden tests' minimal content with the real configuration, theme, assets, and
    ``templates`` written in overrides/recaps/."""
    shutil.copytree(BASE_TREE, root)
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copytree(REPO / "docs" / "assets", root / "docs" / "assets")
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for name, text in (templates or {}).items():
        path = root / "overrides" / "recaps" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "recaps", "-C", str(root), "build"],
                          capture_output=True, text=True, timeout=300)


def pages(root: Path, lang: str) -> dict:
    return {page.src_uri: page for page in render_site(load_or_raise(root), lang)}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_override_replaces_recaps_template_and_nothing_else(tmp_path: Path, lang: str) -> None:
    before = pages(small_repo(tmp_path / "plain"), lang)
    after = pages(small_repo(tmp_path / "overridden", {"session.md.j2": WRAPPING}), lang)
    # The English is a translation in progress (never marked): its notice stays above the site's template.
    start = before[SESSION].markdown.index("# " + before[SESSION].title)
    assert before[SESSION].markdown[:start] == {"fr": "", "en": NOTICE}[lang]
    expected = before[SESSION].markdown[:start] + '<p class="site-marker">Session 1</p>\n\n' \
        + before[SESSION].markdown[start:]
    assert after[SESSION].markdown == expected
    assert after[SESSION].meta == before[SESSION].meta
    assert sorted(after) == sorted(before)
    assert [uri for uri in after if after[uri].markdown != before[uri].markdown] == [SESSION]


def test_an_override_of_a_partial_is_what_recaps_templates_import(tmp_path: Path) -> None:
    macros = (REPO / "src/recaps/pages/templates/_macros.md.j2").read_text(encoding="utf-8")
    changed = macros.replace('<figure class="recap-quote"', '<figure class="recap-quote site-quote"', 1)
    assert changed != macros
    site = small_repo(tmp_path / "repo", {"_macros.md.j2": changed})
    session = pages(site, "fr")[SESSION].markdown
    assert '<figure class="recap-quote site-quote">' in session
    assert '<figure class="recap-quote">' not in session


def test_an_override_is_escaped_and_never_compiles_the_content(tmp_path: Path) -> None:
    site = small_repo(tmp_path / "repo", {"session.md.j2": "<p>{{ s.title }} · {{ s.city }}</p>\n\n{{ body }}\n"})
    recap = site / SESSION_FILE
    text = recap.read_text(encoding="utf-8")
    recap.write_text(text.replace("city: Lille", 'city: "Lille <i> & {{ 7 * 7 }}"')
                     .replace("Le récit de la session.", "Le récit {{ 7 * 7 }} {% if true %}de{% endif %} la session."),
                     encoding="utf-8")
    assert pages(site, "fr")[SESSION].markdown == (
        "<p>Se rencontrer · Lille &lt;i&gt; &amp; {{ 7 * 7 }}</p>\n\n"
        "\nLe récit {{ 7 * 7 }} {% if true %}de{% endif %} la session.\n\n"
    )


@pytest.mark.parametrize(
    ("templates", "message"),
    [
        ({"session.md.j2": "# {{ s.title }}\n\n{% if s.city %}\n{{ s.nope }}\n{% endif %}\n"},
         "overrides/recaps/session.md.j2:4: page template: 'recaps.content.models.Session object' has no attribute 'nope'"),
        ({"session.md.j2": "# {{ s.title }}\n\n{% include 'nope.md.j2' %}\n"},
         "overrides/recaps/session.md.j2:3: page template: no template named 'nope.md.j2'"),
        ({"session.md.j2": "# {{ s.title }}\n\n{{ 1 // 0 }}\n"},
         "overrides/recaps/session.md.j2:3: page template: ZeroDivisionError: integer division or modulo by zero"),
        ({"session.md.j2": '<a href="{{ href("nowhere.md") }}">?</a>\n'},
         "overrides/recaps/session.md.j2: page template: href('nowhere.md') links to no page of the site"),
        ({"_macros.md.j2": "{% macro quote_block(q) %}\n{{ q.text }\n{% endmacro %}\n"},
         "overrides/recaps/_macros.md.j2:2: page template: unexpected '}'"),
        ({"session.md.j2": '{% include "parts/kicker.md" %}\n', "parts/kicker.md": "\n\n{{ s.nope }}\n"},
         "overrides/recaps/parts/kicker.md:3: page template: 'recaps.content.models.Session object' has no attribute 'nope'"),
        ({"session.md.j2": '{% extends "session.md.j2" %}\n'},
         "overrides/recaps/session.md.j2:1: page template: includes or extends itself; "
         "recaps' own template is 'recaps/session.md.j2'"),
    ],
    ids=["undefined", "missing-include", "python-error", "dead-link", "partial-syntax", "own-include", "itself"],
)
def test_a_broken_override_is_named_with_its_line(tmp_path: Path, templates: dict[str, str], message: str) -> None:
    site = load_or_raise(small_repo(tmp_path / "repo", templates))
    for lang in ("fr", "en"):
        with pytest.raises(TemplateError) as error:
            render_site(site, lang)
        assert str(error.value) == message


def test_a_real_build_uses_the_override_and_does_not_publish_it(tmp_path: Path) -> None:
    root = small_repo(tmp_path / "repo", {"session.md.j2": WRAPPING, "notes.txt": "not for the site\n"})
    result = build(root)
    assert (result.returncode, result.stderr) == (0, ""), result.stdout + result.stderr
    site = root / "site"
    for prefix, title in (("", '<h1 id="se-rencontrer">Se rencontrer</h1>'), ("en/", '<h1 id="meeting">Meeting</h1>')):
        html = (site / prefix / "parcours-demo/session-1/index.html").read_text(encoding="utf-8")
        assert html.count('<p class="site-marker">') == 1
        assert '<p class="site-marker">Session 1</p>\n' + title in html
    published = [p.relative_to(site).as_posix() for p in site.rglob("*")]
    assert [p for p in published if "recaps/" in p or p.endswith((".j2", "notes.txt"))] == []


def test_a_real_build_with_a_syntax_error_in_an_override_says_where_in_one_line(tmp_path: Path) -> None:
    root = small_repo(tmp_path / "repo", {"session.md.j2": "# {{ s.title }}\n\n{% if s.city }\n{% endif %}\n"})
    result = build(root)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == (
        "[fr] overrides/recaps/session.md.j2:3: page template: unexpected '}'\n"
        "[en] overrides/recaps/session.md.j2:3: page template: unexpected '}'\n"
        "Build failed; the previous site was left as it was.\n"
    )


def test_an_override_may_show_the_body_twice(tmp_path: Path) -> None:
    template = '<div class="a">\n{{ s.city }}\n</div>\n\n<div>\n{{ body }}</div>\n\n{{ body }}\n\n<p>{{ s.city }}</p>\n'
    session = pages(small_repo(tmp_path / "repo", {"session.md.j2": template}), "fr")[SESSION]
    body = "\nLe récit de la session.\n"
    assert session.markdown == f'<div class="a">\nLille\n</div>\n\n<div>\n{body}</div>\n\n{body}\n\n<p>Lille</p>\n'
    # The template's own blocks skip Python-Markdown (recaps.mkdocs.speedups), not a block around the body.
    assert hide_blocks(session.markdown, body)[1] == ['<div class="a">\nLille\n</div>', "<p>Lille</p>"]


def test_an_override_s_element_with_markdown_inside_is_converted_as_python_markdown_writes_it(tmp_path: Path) -> None:
    # Its blocks are md_in_html's to write (recaps.mkdocs.speedups.blocks hides none from there on).
    template = ('<div class="x" markdown>\n\n<dl class="y">\n<div><dt>{{ t("place") }}</dt><dd>{{ s.city }}</dd></div>\n'
                "</dl>\n\n</div>\n\n{{ body }}\n")
    root = small_repo(tmp_path / "repo", {"session.md.j2": template})
    result = build(root)
    assert (result.returncode, result.stderr) == (0, ""), result.stdout + result.stderr
    html = (root / "site/parcours-demo/session-1/index.html").read_text(encoding="utf-8")
    assert '<div class="x">\n<dl class="y">\n<div>\n<dt>Lieu</dt>\n<dd>Lille</dd>\n</div>\n</dl>\n</div>' in html
