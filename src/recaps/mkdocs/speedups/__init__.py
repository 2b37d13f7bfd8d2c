"""The build's speed-ups, which the plugin calls by these names: without them every page would
be the same byte for byte, only slower to make.

What each buys, in CPU seconds, on the 1,000-recap corpus of scripts/bench.py (the French build:
1,350 pages, about 21 s of CPU in all):

- ``hide_blocks`` / ``restore_blocks`` (recaps.mkdocs.speedups.blocks): the templates' raw HTML
  blocks skip Python-Markdown, which would parse them only to copy them as they are:
  converting the pages takes 8.6 s instead of 12.3 s (3.7 s, a sixth of the build).
- ``use_recaps_search_index`` (recaps.mkdocs.speedups.search_index, .search_sections): the
  search index's sections found by a tokenizing regular expression instead of Material's
  ``html.parser`` subclass: 1.4 s instead of 3.8 s (2.4 s, a ninth of the build). It also
  writes the index as UTF-8 in one go (Material's, with every accent as a \\u escape, is a
  sixth larger).
"""

from .blocks import anchor_ids, editor_bodies, hide_blocks, restore_blocks
from .search_index import use_recaps_search_index

__all__ = ["anchor_ids", "editor_bodies", "hide_blocks", "restore_blocks", "use_recaps_search_index"]
