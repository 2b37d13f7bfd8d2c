"""MkDocs' navigation objects made from the plain trees of recaps.pages.navigation."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..pages.navigation import Item


def mkdocs_navigation(items: Sequence[Item], pages: Mapping[str, Page]) -> Navigation:
    """The Navigation of ``items``, each page's parent set to its section (None at the top).

    MkDocs keeps a page's place in the navigation on the page itself (``Page.parent``, which
    marks the sections of the current page as active): every page's navigation sets it again.
    """
    built: list[Page | Section] = []
    for item in items:
        if isinstance(item, str):
            page = pages[item]
            page.parent = None
            built.append(page)
            continue
        children = [pages[uri] for uri in item.children]
        section = Section(html.escape(item.label), children)
        for child in children:
            child.parent = section
        built.append(section)
    return Navigation(built, [item for item in built if isinstance(item, Page)])
