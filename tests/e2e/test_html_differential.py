"""Tricky HTML in bodies: either `recaps check` refuses it at its line, or a browser runs nothing.

What decides is what Chromium does with the published page, not what a parser in the checker
thinks: each case of the corpus below is written in a French body, an English body and a
hand-written page of docs/. The refused cases are refused by `recaps check` at their own
file:line; the accepted ones are built into one site, once, whose pages Chromium loads: no
script runs (the payloads set ``document.body.dataset.pwned``), no element has an event-handler
attribute, and no address has a scheme that runs code.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from recaps.build import build_site
from recaps.content.markup import check_body
from recaps.content.reader import split_front_matter

P = "document.body.dataset.pwned=1"  # what every payload runs, if it runs

# Each case is one line: all its errors, when refused, are on that line.
REFUSED = {
    "comment-abrupt": f'Avant <!--><img src=x onerror="{P}">--> après.',
    "comment-abrupt-dash": f'Avant <!---><img src=x onerror="{P}">--> après.',
    "comment-bang": f'Avant <!-- x --!><img src=x onerror="{P}"> --> après.',
    "comment-nested": f'Avant <!--<!--><img src=x onerror="{P}">--> après.',
    "cdata": f'Avant <![CDATA[ x ]]><img src=x onerror="{P}"> ]]> après.',
    "processing-instruction": f'Avant <?x><img src=x onerror="{P}">?> après.',
    "doctype": f'<!DOCTYPE html><img src=x onerror="{P}">',
    "unclosed-comment-then-tag": f'Texte <!-- jamais fermé <img src=x onerror="{P}">',
    "scheme-decimal-reference": f"[m1](&#106;avascript:{P})",
    "scheme-hex-reference": f"[m2](&#x6A;avascript:{P})",
    "scheme-tab-reference": f"[m3](java&Tab;script:{P})",
    "raw-scheme-reference": f'<a href="&#x6A;avascript:{P}">m4</a>',
    "svg-script": f"<svg><script>{P}</script></svg>",
    "svg-onload": f'<svg onload="{P}"></svg>',
    "math-mglyph-style": f'<math><mtext><table><mglyph><style><img src=x onerror="{P}">',
    "noscript": f'<noscript><p title="</noscript><img src=x onerror={P}>">',
    "template": f'<template><img src=x onerror="{P}"></template>',
    "textarea": f'<textarea><img src=x onerror="{P}"></textarea>',
    "title": f'<title><img src=x onerror="{P}"></title>',
    "attr-list-onfocus": f'[a](https://example.org){{: onfocus="{P}" autofocus }}',
    "onpointerenter": f'<em onpointerenter="{P}">survol</em>',
    "onanimationstart": f'<span lang="en" onanimationstart="{P}">x</span>',
    "onfocus-autofocus": f'<a href="https://example.org" onfocus="{P}" autofocus>lien</a>',
}

# Markup a browser reads as harmless: text, a comment, an attribute value, an unclosed tag.
ACCEPTED = {
    "unquoted-value-with-slash": f'<a href=x/onmouseover="{P}">a</a>',
    "slash-after-quoted-value": f'un <a href="https://example.org/"/onmouseover="{P}">a</a>',
    "unquoted-handler": f'<a href="https://example.org" ONFOCUS={P} autofocus>t</a>',
    "unclosed-tag": "Un <em>ouvert",
    "unfinished-tag": f'Un <img src=x onerror="{P}"',
    "well-formed-comment": f'Un <!-- <img src=x onerror="{P}"> --> commentaire.',
    "unclosed-comment": "Texte <!-- jamais fermé",
    "slashes-for-spaces": f'<img/src="x"/onerror="{P}"> <svg/onload="{P}"> <img/src=x/onerror="{P}">',
    "payload-in-attribute": f'<abbr title="<img src=x onerror={P}>">T</abbr>',
    "payload-in-code": f'`<!--><img src=x onerror="{P}">-->`',
    "payload-as-references": f'&lt;img src=x onerror="{P}"&gt; &#60;svg onload="{P}"&#62;',
    "lookalike-bang": f'a <!- b --> c <! d> <img src=x onerror="{P}"',
    # Titles are text, but a script that puts one into a page as HTML (Material's content.tooltips
    # did, on hover and focus) would run them: every kind of title is hovered and focused below.
    "link-title": f'[le site](https://example.org "<img src=x onerror={P}>")',
    "reference-title": f'[la référence][r1]\n\n[r1]: https://example.org "<img src=x onerror={P}>"',
    "abbreviation-definition": f'Le sigle ABC.\n\n*[ABC]: <img src=x onerror={P}>',
    "abbreviation-as-references": f'Le sigle DEF.\n\n*[DEF]: &lt;img src=x onerror={P}&gt;',
}

SESSION = "sessions/parcours-cec-industries/session-5"


def _with_cases(text: str, cases: dict[str, str]) -> tuple[str, dict[str, int]]:
    """``text`` with each case appended in a paragraph of its own, and the line of each."""
    lines = text.rstrip("\n").split("\n")
    where = {}
    for name, case in cases.items():
        lines += ["", f"Cas {name}.", ""]
        where[name] = len(lines) + 1
        lines.append(case)
    return "\n".join(lines) + "\n", where


def _page(name: str, case: str) -> str:
    return f"# Cas {name}\n\n{case}\n"  # the case on line 3


# ---------------------------------------------------------------------------------------------
# Refused: at the case's own line, in French and English bodies and in docs/ pages


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", list(REFUSED))
def test_each_refused_case_is_reported_at_its_line_in_a_real_body(name: str, lang: str) -> None:
    path = f"{SESSION}.{lang}.md"
    text = (Path(__file__).resolve().parents[2] / path).read_text(encoding="utf-8")
    document, problems = split_front_matter(path, text)
    assert document is not None and problems == []
    cased, where = _with_cases(document.body, {name: REFUSED[name]})
    errors = check_body(path, cased, document.body_line)
    assert errors, f"{name} is accepted"
    assert {error.line for error in errors} == {document.body_line + where[name] - 1}, [str(e) for e in errors]


def test_recaps_check_refuses_the_cases_in_bodies_and_pages(copy_repo) -> None:
    root = copy_repo("html-refused")
    expected = set()
    for lang, name in (("fr", "comment-abrupt"), ("en", "scheme-decimal-reference")):
        path = root / f"{SESSION}.{lang}.md"
        text, where = _with_cases(path.read_text(encoding="utf-8"), {name: REFUSED[name]})
        path.write_text(text, encoding="utf-8")
        expected.add(f"{SESSION}.{lang}.md:{where[name]}")
    for number, (name, case) in enumerate(REFUSED.items()):
        for lang in ("fr", "en"):
            (root / f"docs/refused-{number}.{lang}.md").write_text(_page(name, case), encoding="utf-8")
            expected.add(f"docs/refused-{number}.{lang}.md:3")
    run = subprocess.run([sys.executable, "-m", "recaps", "-C", str(root), "check"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stdout + run.stderr
    errors = run.stdout.splitlines()[:-1]
    assert run.stdout.splitlines()[-1] == f"{len(errors)} errors found"
    located = {line.split(": ", 1)[0] for line in errors}
    assert located == expected, run.stdout
    # The case, in full: the image the comment does not hide, and the comment.
    assert (f"{SESSION}.fr.md:{min(int(e.rsplit(':', 1)[1]) for e in expected if e.startswith(SESSION + '.fr'))}: "
            "HTML comment '<!-->' is not allowed: a browser may end it elsewhere than at '-->'; "
            "write comments as <!-- text -->, with no '--' inside") in errors


# ---------------------------------------------------------------------------------------------
# Accepted: built once; nothing runs in Chromium


@pytest.fixture(scope="module")
def accepted_site(copy_repo) -> Path:
    root = copy_repo("html-accepted")
    for lang in ("fr", "en"):
        path = root / f"{SESSION}.{lang}.md"
        path.write_text(_with_cases(path.read_text(encoding="utf-8"), ACCEPTED)[0], encoding="utf-8")
    for number, (name, case) in enumerate(ACCEPTED.items()):
        (root / f"docs/accepted-{number}.fr.md").write_text(_page(name, case), encoding="utf-8")
    result = build_site(root, root / "site", site_url="https://recaps.example.org/")
    assert result.ok, result.messages or (result.report and result.report.render())
    return root / "site"


# Every attribute a browser would run: event handlers, and addresses whose scheme runs code.
_FOUND = """() => {
    const found = [];
    for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
            const name = attribute.name.toLowerCase();
            const value = attribute.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
            if (name.startsWith('on')) found.push(`${element.localName} ${name}`);
            if (/^(javascript|vbscript|data):/.test(value)) found.push(`${element.localName} ${name}=${value}`);
        }
    }
    return {pwned: document.body.dataset.pwned ?? null, found};
}"""

PAGES = [f"{SESSION.removeprefix('sessions/')}/", f"en/{SESSION.removeprefix('sessions/')}/"] + [
    f"accepted-{number}/" for number in range(len(ACCEPTED))
]


@pytest.mark.e2e
def test_the_hook_sees_a_payload_that_runs(new_page) -> None:
    page = new_page()
    page.set_content(f'<body><p>x</p><img src="data:," onerror="{P}"><a onmouseover="x">y</a></body>')
    page.wait_for_function("document.body.dataset.pwned === '1'")
    assert page.evaluate(_FOUND) == {"pwned": "1", "found": ["img src=data:,", "img onerror", "a onmouseover"]}


@pytest.mark.e2e
@pytest.mark.parametrize("path", PAGES)
def test_accepted_cases_run_nothing_in_chromium(accepted_site: Path, new_page, serve, path: str) -> None:
    with serve(accepted_site) as base:
        page = new_page()
        response = page.goto(base + path)
        assert response is not None and response.ok, path
        page.wait_for_load_state("networkidle")
        page.mouse.move(10, 10)
        page.keyboard.press("Tab")
        # Every link, abbreviation and title a reader can reach (a recap's tag chips are hidden: they
        # are listed after its header).
        for element in page.locator("article a:visible, article abbr:visible, article [title]:visible").all():
            element.hover()
            element.focus()
        page.wait_for_timeout(200)
        text = page.locator("article").inner_text()
        names = list(ACCEPTED) if path.startswith(("parcours", "en/")) else [list(ACCEPTED)[int(path.split("-")[1].rstrip("/"))]]
        for name in names:
            assert f"Cas {name}" in text, f"{name} is not on {path}"
        assert page.evaluate(_FOUND) == {"pwned": None, "found": []}
