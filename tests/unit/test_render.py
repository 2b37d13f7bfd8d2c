"""The renderer refuses to write a link to a page it does not render."""

from __future__ import annotations

from pathlib import Path

import pytest

from recaps.loader import load_or_raise
from recaps.render import Renderer

REPO = Path(__file__).resolve().parents[2]


def test_every_generated_link_points_to_a_rendered_page() -> None:
    renderer = Renderer(load_or_raise(REPO), "en")
    pages = {page.src_uri for page in renderer.render()}
    assert renderer.targets and renderer.targets <= pages


def test_a_generated_link_to_a_page_that_is_not_rendered_fails() -> None:
    renderer = Renderer(load_or_raise(REPO), "fr")
    renderer.targets.add("nowhere.md")
    with pytest.raises(RuntimeError, match=r"generated links to pages that are not rendered: \['nowhere.md'\]"):
        renderer.render()


def test_relative_paths_are_those_posixpath_gives() -> None:
    import itertools
    import posixpath

    from recaps.render import _relpath

    paths = ["", ".", "a", "a/", "a/b", "a/b/", "a/b/c.md", "x/y", "./a", "a//b", "a/./b", "../a", "a/../b",
             "/abs", "index.md", "parcours/session-1/", "parcours/index.md", "p/q/r/s"]
    for path, start in itertools.product(paths, repeat=2):
        assert _relpath(path or ".", start or ".") == posixpath.relpath(path or ".", start or "."), (path, start)


def test_a_stand_in_carries_this_languages_tags_and_a_repeated_tag_counts_once(copy_repo) -> None:
    import html

    from recaps.loader import load_or_raise
    from recaps.render import render_site

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
