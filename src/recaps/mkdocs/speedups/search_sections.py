"""A page's HTML divided into the sections that Material's search indexes, at a fraction of the cost.

Material's search plugin feeds every page to an `html.parser.HTMLParser` subclass: a fifth of a
large build. This module gives the same sections, with the same quirks, from a regular
expression that splits the well-formed HTML Python-Markdown writes into tags and text. Anything
outside that subset (scripts, styles, declarations, processing instructions, an attribute value
without quotes, a stray `</`) makes `sections()` return None, and the caller uses Material's
parser for that page; on a Python whose html.parser reads the probes of
recaps.mkdocs.speedups.search_index otherwise, it uses Material's parser for every page. The
equivalence is tested against Material's parser on every real page, edge cases and randomised
HTML (tests/unit/test_search_sections.py); the whole index of a 1,000-recap corpus came out the same.

Material's parser compares elements by tag name only, so the "elements" it keeps in sets and
lists behave as tag names, and that is how they are kept here (counted, not searched).
"""

from __future__ import annotations

import re
from html import escape, unescape

HEADINGS = frozenset(f"h{n}" for n in range(1, 7))
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
KEPT = frozenset(("p", "code", "pre", "li", "ol", "ul", "sub", "sup"))
ALWAYS_SKIPPED = ("object", "script", "style")

_TOKEN = re.compile(
    r"([^<]+)"  # 1: text
    r"|<([a-zA-Z][-a-zA-Z0-9:]*)(?=[\t\n\r\f />])"  # 2: start tag name, ended as html.parser ends it
    r"((?:\s+[^\s/>\"'=<]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'))?)*)"  # 3: attributes, quoted
    r"\s*(/?)>"  # 4: self-closing
    r"|</([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>"  # 5: end tag name
    r"|(<!--.*?--\s*>)"  # 6: a comment, closed as html.parser closes it
    r"|(<(?=[^a-zA-Z/!?]))"  # 7: a lone "<", which is text
    r"|(<)",  # 8: anything else
    re.DOTALL,
)
_ATTRIBUTE = re.compile(r"([^\s/>\"'=<]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'))?")
_UNSUPPORTED_START = re.compile(r"<(?:script|style)[\s/>]", re.IGNORECASE)


class Section:
    """A heading and the text up to the next one, as Material's `Section`."""

    __slots__ = ("tag", "excluded", "depth", "title", "text", "id")

    def __init__(self, tag: str, excluded: bool = False, depth: float = 0) -> None:
        self.tag = tag
        self.excluded = excluded
        self.depth = depth
        self.title: list[str] = []
        self.text: list[str] = []
        self.id: str | None = None

    def is_excluded(self) -> bool:
        return self.excluded

    def __repr__(self) -> str:
        return f"{self.tag}#{self.id}" if self.id else self.tag


def _attributes(source: str) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for match in _ATTRIBUTE.finditer(source):
        name, double, single = match.groups()
        value = double if double is not None else single
        found[name.lower()] = unescape(value) if value else value
    return found


class _Sections:
    """Material's `search.plugin.Parser` handlers, over tag names kept as counts."""

    def __init__(self) -> None:
        self.data: list[Section] = []
        self.section: Section | None = None
        self.context: list[str] = []
        self.counts: dict[str, int] = {}
        self.skip: set[str] = set(ALWAYS_SKIPPED)
        self.skipped = 0  # elements in the context whose tag is in skip
        self.headerlinks: list[bool] = []  # per context element: an <a class="headerlink">
        self.in_headerlink = 0

    def _preface(self) -> Section:
        if self.section is None:
            self.section = Section("hx")
            self.data.append(self.section)
        return self.section

    def start(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag in VOID:
            return
        counts = self.counts
        self.context.append(tag)
        counts[tag] = counts.get(tag, 0) + 1
        if tag in self.skip:
            self.skipped += 1
        headerlink = tag == "a" and attrs.get("class") == "headerlink"
        self.headerlinks.append(headerlink)
        self.in_headerlink += headerlink
        if tag in HEADINGS and "id" in attrs:
            depth = len(self.context)
            if tag != "h1" and not self.data:
                self.data.append(Section("hx", False, depth))
            self.section = Section(tag, "data-search-exclude" in attrs, depth)
            if self.data:
                self.section.id = attrs["id"]
            self.data.append(self.section)
        section = self._preface()
        if "data-search-exclude" in attrs or attrs.get("class", 0) == "linenodiv":
            if tag not in self.skip:
                self.skip.add(tag)
                self.skipped += counts[tag]
            return
        if tag in KEPT and not self.skipped:
            (section.title if counts.get(section.tag) else section.text).append(f"<{tag}>")

    def end(self, tag: str) -> None:
        context = self.context
        if not context or context[-1] != tag:
            return
        if self.section.depth > len(context):
            for section in reversed(self.data):
                if section.depth <= len(context):
                    self.section.depth = float("inf")
                    self.section = section
                    break
        context.pop()
        self.in_headerlink -= self.headerlinks.pop()
        counts = self.counts
        counts[tag] -= 1
        if tag in self.skip:
            self.skipped -= 1
            if tag not in ALWAYS_SKIPPED:
                self.skip.remove(tag)
                self.skipped -= counts[tag]
            return
        if tag in KEPT and not self.skipped:
            section = self.section
            data = section.title if counts.get(section.tag) else section.text
            index = data.index(f"<{tag}>")  # a ValueError where Material's parser raises one too
            for i in range(index + 1, len(data)):
                if not data[i].isspace():
                    index = len(data)
                    break
            if len(data) > index:
                del data[index:]
            else:
                data.append(f"</{tag}>")

    def text(self, data: str) -> None:
        if self.skipped:
            return
        counts = self.counts
        if not counts.get("pre"):
            data = " " if data.isspace() else data.replace("\n", " ")
        section = self.section or self._preface()
        if counts.get(section.tag):
            if not self.in_headerlink:
                section.title.append(escape(data, quote=False))
        elif data.isspace():
            text = section.text
            if not text or not text[-1].isspace() or counts.get("pre"):
                text.append(data)
        else:
            section.text.append(escape(data, quote=False))


def sections(html: str) -> list[Section] | None:
    """The search sections of a page's HTML, or None where only Material's parser will do."""
    if _UNSUPPORTED_START.search(html):
        return None
    try:
        return _divided(html)
    except ValueError:  # Material's parser fails on this HTML: let it fail as it would have
        return None


def _divided(html: str) -> list[Section] | None:
    parser = _Sections()
    start, end, text = parser.start, parser.end, parser.text
    for match in _TOKEN.finditer(html):
        data, name, attributes, closing, end_name, comment, lone, other = match.groups()
        if data is not None:
            text(unescape(data))
        elif name is not None:
            tag = name.lower()
            start(tag, _attributes(attributes) if attributes else {})
            if closing:
                end(tag)
        elif end_name is not None:
            end(end_name.lower())
        elif lone is not None:
            text("<")
        elif other is not None:
            return None
    return parser.data
