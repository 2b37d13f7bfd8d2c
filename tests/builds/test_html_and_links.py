"""The built HTML is valid (Nu Html Checker) and every internal link and anchor resolves."""

from __future__ import annotations

import json
import posixpath
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SITES = {"real": "built_site", "grouped": "grouped_indexes_site", "pictures": "pictures_site"}


def _is_material_checkbox_autocomplete(message: dict) -> bool:
    # Material puts autocomplete="off" on the checkboxes behind its drawer, search and TOC toggles
    # so that browsers (Firefox) do not restore them checked on "back": removing it would reopen
    # the drawer after navigating back. It is the only exception allowed.
    return message["message"].startswith("Attribute “autocomplete” is only allowed when the input type is") \
        and 'type="checkbox"' in message.get("extract", "")


@pytest.mark.parametrize("which", ["real", "grouped", "pictures"])
def test_every_page_passes_the_nu_html_checker(request, which: str) -> None:
    """The real site, the real site with a large site's grouped indexes and navigation, and with pictures."""
    built_site = request.getfixturevalue(SITES[which])
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(built_site)],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages if not _is_material_checkbox_autocomplete(m)
    ]
    assert errors == []
    assert result.returncode == (1 if messages else 0), result.stderr[-2000:]
    # The checker read every page: each has Material's checkboxes, so each gets that one message.
    checked = {m["url"].rsplit("/site/", 1)[-1] for m in messages if _is_material_checkbox_autocomplete(m)}
    pages = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    assert checked == pages, "the exception is still needed?"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        for name in ("href", "src"):
            if a.get(name) and tag in ("a", "link", "script", "img", "source", "iframe"):
                self.targets.append(a[name])
        if a.get("srcset") and tag in ("img", "source"):  # "url 480w, url 960w"
            self.targets += [candidate.split()[0] for candidate in a["srcset"].split(",")]


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("which", ["real", "grouped", "pictures"])
def test_every_internal_link_and_anchor_resolves(request, which: str) -> None:
    built_site = request.getfixturevalue(SITES[which])
    pages = {p.relative_to(built_site).as_posix(): p for p in built_site.rglob("*.html")}
    parsed = {rel: _parse(path) for rel, path in pages.items()}
    broken = []
    checked = 0
    for rel, links in parsed.items():
        base = posixpath.dirname(rel)
        for target in links.targets:
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or target.startswith(("mailto:", "javascript:")):
                continue
            path = unquote(parts.path)
            resolved = posixpath.normpath(posixpath.join(base, path)) if path else rel
            if rel == "404.html" or rel == "en/404.html":
                continue  # Material's 404 page uses root-absolute links by design
            file = built_site / resolved
            if file.is_dir() or path.endswith("/") or not path:
                file = file / "index.html" if file.is_dir() or path.endswith("/") else file
            if not file.exists():
                broken.append(f"{rel}: {target} (no {file.relative_to(built_site)})")
                continue
            checked += 1
            if parts.fragment and file.suffix == ".html":
                target_rel = file.relative_to(built_site).as_posix()
                ids = parsed[target_rel].ids if target_rel in parsed else _parse(file).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{rel}: {target} (no id {parts.fragment!r})")
    assert broken == []
    assert checked > 500
