"""The links and anchors of Markdown as MkDocs reads them when it builds a page.

MkDocs (``mkdocs.structure.pages``) checks the address of every ``<a href>`` and ``<img src>``
that Python-Markdown makes, once the tree is complete (raw HTML it passes through unchecked),
and a link's anchor against the ids of the page it leads to: the ``id`` of every element
(headings get theirs from toc's slugify, the default, which mkdocs.yml keeps), the ``name`` of
every ``<a>``, and the ids in the page's raw HTML. :class:`MarkdownLinks` converts Markdown with
the site's extensions (recaps.content.conversion) and collects the same.
"""

from __future__ import annotations

from dataclasses import dataclass

import markdown
from markdown import htmlparser
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from ..content.conversion import EXTENSIONS


@dataclass(frozen=True)
class Written:
    """What a text links to, in the order written, and the anchors it has (the tree's in order)."""

    links: tuple[str, ...]
    ids: tuple[str, ...]


class MarkdownLinks:
    """A converter as the build's, kept for every text of one check (making one costs more
    than converting a recap)."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=list(EXTENSIONS))
        self._tree = _TreeLinks(self._md)
        self._raw = _RawHtmlIds(self._md)
        # Where MkDocs reads them: the tree last of all (after the unescaping, also at 0), the raw
        # HTML just before Python-Markdown stores it away (html_block, 20).
        self._md.treeprocessors.register(self._tree, "recaps_links", 0)
        self._md.preprocessors.register(self._raw, "recaps_raw_ids", 21)

    def read(self, text: str) -> Written:
        """The links and anchors of ``text``; raises whatever Python-Markdown raises."""
        self._md.reset()
        self._tree.links, self._tree.ids, self._raw.ids = [], [], []
        self._md.convert(text)
        return Written(tuple(self._tree.links), tuple(dict.fromkeys([*self._tree.ids, *self._raw.ids])))


class _TreeLinks(Treeprocessor):
    links: list[str]
    ids: list[str]

    def run(self, root) -> None:
        for element in root.iter():
            anchor = element.get("id")
            if anchor:
                self.ids.append(anchor)
            if element.tag == "a":
                if element.get("name"):
                    self.ids.append(element.get("name"))
                self.links.append(element.get("href", ""))
            elif element.tag == "img":
                self.links.append(element.get("src", ""))


class _RawHtmlIds(Preprocessor):
    ids: list[str]

    def run(self, lines: list[str]) -> list[str]:
        parser = _IdParser()
        parser.feed("\n".join(lines))
        parser.close()
        self.ids = parser.ids
        return lines


class _IdParser(htmlparser.htmlparser.HTMLParser):  # Python-Markdown's copy of html.parser, as MkDocs'
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        for name, value in attrs:
            if value and (name == "id" or (name == "name" and tag == "a")):
                self.ids.append(value)
