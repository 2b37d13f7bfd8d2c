"""Material's search index, fed by recaps.search_sections instead of Material's HTML parser."""

from __future__ import annotations

import json

from material.plugins.search.plugin import SearchIndex

from .search_sections import sections

SEARCH_PLUGIN = "material/search"


class RecapsSearchIndex(SearchIndex):
    """The same entries as Material's index, found faster, and written as UTF-8.

    Material's own parser still reads any page whose HTML the fast one does not cover.
    """

    def add_entry_from_context(self, page) -> None:
        if (page.meta.get("search") or {}).get("exclude"):
            return
        found = sections(page.content)
        if found is None:
            super().add_entry_from_context(page)
            return
        for section in found:
            if not section.is_excluded():
                self.create_entry_for_section(section, page.toc, page.url, page)

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
