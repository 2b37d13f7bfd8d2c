"""Hostile text in front matter is shown as text everywhere it is output, never run."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from recaps.build import build_site

SCRIPT = '<script>alert("xss")</script>'
IMG = '"><img src=x onerror=alert(1)>'
JINJA_EXPR = "{{ 7*7 }}"
JINJA_STMT = "{% if true %}T{% endif %}"
PAYLOAD = f"A {SCRIPT} B {IMG} C {JINJA_EXPR} D {JINJA_STMT}"
RAW_MARKERS = ("<script>alert", "<img src=x")  # the tags themselves, unescaped


def _set_front_matter(path: Path, change) -> None:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    data = yaml.safe_load(front)
    change(data)
    path.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body, encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(copy_repo) -> Path:
    root = copy_repo("hostile")

    def session_fr(d):
        d["title"] = d["question"] = d["summary"] = d["author"] = PAYLOAD
        d["notions"][0] = {"title": PAYLOAD, "text": PAYLOAD}
        d["quotes"][0]["text"] = PAYLOAD
        d["next_session"]["note"] = PAYLOAD

    def session_en(d):
        d["title"] = d["summary"] = PAYLOAD
        d["quotes"][0]["text"] = PAYLOAD

    def programme(d):
        d["title"] = d["description"] = PAYLOAD

    def partner(d):
        d["name"] = d["mission"] = PAYLOAD

    programme_dir = root / "sessions/parcours-cec-industries"
    _set_front_matter(programme_dir / "session-5.fr.md", session_fr)
    _set_front_matter(programme_dir / "session-5.en.md", session_en)
    _set_front_matter(programme_dir / "programme.fr.md", programme)
    _set_front_matter(root / "partners/the-week.fr.md", partner)
    people = yaml.safe_load((root / "sessions/people.yml").read_text(encoding="utf-8"))
    people["people"][0]["name"] = PAYLOAD
    people["people"][0]["role"]["fr"] = people["people"][0]["role"]["en"] = PAYLOAD
    (root / "sessions/people.yml").write_text(yaml.safe_dump(people, allow_unicode=True), encoding="utf-8")
    tags = yaml.safe_load((root / "sessions/tags.yml").read_text(encoding="utf-8"))
    tags["tags"][0]["label"] = {"fr": PAYLOAD, "en": PAYLOAD}
    (root / "sessions/tags.yml").write_text(yaml.safe_dump(tags, allow_unicode=True), encoding="utf-8")

    result = build_site(root, root / "site", site_url="https://recaps.example.org/")
    assert result.ok, result.messages or (result.report and result.report.render())
    return root / "site"


def test_no_output_file_carries_the_markup_raw(hostile_site: Path) -> None:
    checked = []
    for path in sorted(hostile_site.rglob("*")):
        if path.suffix not in (".html", ".json", ".xml", ".txt"):
            continue
        text = path.read_text(encoding="utf-8")
        if path.name.endswith(".json"):
            text = text.encode().decode("unicode_escape", errors="ignore")  # \u003c and the like
        for marker in RAW_MARKERS:
            assert marker not in text, f"{path.relative_to(hostile_site)} holds {marker!r}"
        checked.append(path.relative_to(hostile_site).as_posix())
    # Everywhere the texts are output: pages, search indexes, sitemaps, feeds.
    for expected in ("parcours-cec-industries/session-5/index.html", "search/search_index.json",
                     "en/search/search_index.json", "feed.xml", "en/feed.xml", "sitemap.xml", "tags.json"):
        assert expected in checked


def test_the_texts_appear_as_text(hostile_site: Path) -> None:
    page = (hostile_site / "parcours-cec-industries/session-5/index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert html.unescape(title).startswith(PAYLOAD[:10])
    assert SCRIPT in html.unescape(title)
    description = re.search(r'<meta name="description" content="([^"]*)"', page).group(1)
    assert html.unescape(description) == PAYLOAD
    og_title = re.search(r'<meta property="og:title" content="([^"]*)"', page).group(1)
    assert html.unescape(og_title) == PAYLOAD
    # Front matter is never evaluated as a template: the braces are still there.
    assert JINJA_EXPR in html.unescape(page) and JINJA_STMT in html.unescape(page)
    assert "A 49 B" not in html.unescape(page)


@pytest.mark.e2e
@pytest.mark.parametrize("path", [
    "parcours-cec-industries/session-5/", "en/parcours-cec-industries/session-5/", "parcours-cec-industries/",
    "partners/the-week/", "speakers/", "notions/", "tags/", "tags/ecosysteme/", "",
])
def test_nothing_runs_in_the_browser(hostile_site: Path, new_page, serve, path: str) -> None:
    dialogs: list[str] = []
    with serve(hostile_site) as base:
        page = new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        response = page.goto(base + path)
        assert response is not None and response.ok, path
        page.wait_for_load_state("networkidle")
        # The texts are on the page as text, in the body and the navigation.
        assert SCRIPT in page.locator("body").inner_text()
        assert page.locator("img[src=x]").count() == 0
        assert page.evaluate("[...document.scripts].filter(s => s.text.includes('alert(')).length") == 0
    assert dialogs == []
