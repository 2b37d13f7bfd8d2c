"""The build's speed-ups, which the plugin calls by these names: without them every page would
be the same byte for byte, only slower to make (the search index aside: see the end).

What each buys on the 1,000-recap corpus of scripts/bench.py (2,700 pages; CPU seconds on a
shared two-core machine): a whole build of both languages takes 31 s with both, 39 s without
the first, 35 s without the second, 43 s without either; on one language's 1,350 pages (the
best of three runs):

- ``hide_blocks`` / ``restore_blocks`` (recaps.mkdocs.speedups.blocks): the templates' raw HTML
  blocks skip Python-Markdown, which would parse them only to copy them as they are:
  converting the pages takes 5.9 s instead of 8.1 s.
- ``use_recaps_search_index`` (recaps.mkdocs.speedups.search_index, .search_sections): the
  search index's sections found by a tokenizing regular expression instead of Material's
  ``html.parser`` subclass: 1.0 s instead of 2.7 s. It also writes the index as UTF-8 in one go
  (Material's, with every accent as a \\u escape, is a sixth larger).

The same index class also changes what the index holds, on either parser's path, which is no
speed-up: labels set apart from their values (.search_text) and accent-free twins of the fields
(.search_folding), so that a query without accents finds the accented words.
"""

from .blocks import anchor_ids, editor_bodies, hide_blocks, restore_blocks
from .search_index import use_recaps_search_index

__all__ = ["anchor_ids", "editor_bodies", "hide_blocks", "restore_blocks", "use_recaps_search_index"]
