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
