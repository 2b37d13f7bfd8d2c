"""Material's search index, fed by recaps.mkdocs.speedups.search_sections instead of Material's HTML
parser, and written as UTF-8 in one go; its text reads better than Material's (labels apart from
values: recaps.mkdocs.speedups.search_text) and it finds words typed without their accents
(recaps.mkdocs.speedups.search_folding), whichever parser read the page."""

from __future__ import annotations

import functools
import json

from material.plugins.search.plugin import Parser, SearchIndex

from . import search_folding, search_sections, search_text

SEARCH_PLUGIN = "material/search"

# HTML whose reading changed in CPython's html.parser over time (comments, tag names ended by
# other spaces than ASCII ones, entities): recaps.mkdocs.speedups.search_sections copies Python
# 3.11's reading.
PROBES = (
    '<h1 id="t">Title</h1><p>a<!-- b --!> c --> d</p>',
    "<p>a<!-->b</p><p>c<!--->d</p><p>e-->f</p>",
    '<p>x<!-- y -- >z</p><h2 id="s">S</h2><p>&amp; &lt; &eacute;&#x2019;&nbsp;</p>',
    '<p\n id="x">a</p><p\tid="y">b</p><br/><p/>c',
    '<div data-search-exclude><p>hidden</p></div><pre>  kept\n  as is</pre>',
)


def _divided_by(parser_data) -> list[tuple]:
    return [(s.tag if hasattr(s, "tag") else s.el.tag, s.is_excluded(), s.depth, s.title, s.text, s.id)
            for s in parser_data]


@functools.cache
def tokenizer_agrees() -> bool:
    """Whether this Python's html.parser reads the probes as recaps.mkdocs.speedups.search_sections
    does; if not, every page is left to Material's parser."""
    for html in PROBES:
        parser = Parser()
        parser.feed(html)
        parser.close()
        found = search_sections.sections(html)
        if found is not None and _divided_by(found) != _divided_by(parser.data):
            return False
    return True


def _material_sections(html: str) -> list:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return parser.data


class RecapsSearchIndex(SearchIndex):
    """Material's entries, found faster, with labels apart from values and accent-free twins,
    written as UTF-8.

    Material's own parser still reads any page whose HTML the fast one does not cover.
    """

    def __init__(self, **config) -> None:
        super().__init__(**{**config, "fields": search_folding.twin_fields(config["fields"])})

    def add_entry_from_context(self, page) -> None:
        if (page.meta.get("search") or {}).get("exclude"):
            return
        html = search_text.readable(page.content, self.config["lang"][0])
        found = search_sections.sections(html) if tokenizer_agrees() else None
        for section in _material_sections(html) if found is None else found:
            if not section.is_excluded():
                self.create_entry_for_section(section, page.toc, page.url, page)

    def create_entry_for_section(self, section, toc, url, page) -> None:
        super().create_entry_for_section(section, toc, url, page)
        entry = self.entries[-1]
        entry.update(search_folding.twins(entry, self.config["separator"]))

    def generate_search_index(self, prev) -> str:
        if prev:  # MkDocs' own `serve --dirty`, which merges with the previous index
            return super().generate_search_index(prev)
        config = {key: self.config[key] for key in ("lang", "separator", "pipeline", "fields")}
        # As UTF-8: with every accent as a \u escape, the index is a sixth larger.
        data = {"config": config, "docs": self.entries}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)


def use_recaps_search_index(plugins) -> None:
    """Swap Material's search index for ours, once the search plugin has read its config."""
    search = plugins.get(SEARCH_PLUGIN)
    if search is not None and isinstance(getattr(search, "search_index", None), SearchIndex):
        search.search_index = RecapsSearchIndex(**search.config)
