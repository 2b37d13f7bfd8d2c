"""Which pages an edit changes, for ``recaps serve``'s partial rebuilds.

A page's HTML is made from its own Markdown and meta, the languages it exists in, and the
navigation and tags listing, which show other pages' titles and tags. So a page is rebuilt
when its own input changed; and when any page appeared, went, or changed its title, tags or
languages, everything is rebuilt (``changed_pages`` answers None). Site-wide files (mkdocs.yml,
overrides/, docs/ assets) are watched by ``recaps serve`` itself and also mean a full build.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .render import RenderedPage

MANIFEST = ".recaps-pages.json"  # in a preview's language folder: what each page was built from


def fingerprints(pages: Iterable["RenderedPage"]) -> dict[str, dict[str, Any]]:
    result = {}
    for page in pages:
        meta = json.dumps(page.meta, sort_keys=True, ensure_ascii=False, default=str)
        digest = hashlib.blake2b(digest_size=16)
        for part in (page.markdown, meta, *page.languages):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        result[page.src_uri] = {
            "digest": digest.hexdigest(),
            "shown_elsewhere": [page.title, page.meta.get("tags") or [], list(page.languages), page.section],
        }
    return result


def changed_pages(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> set[str] | None:
    """The pages to rebuild, or None when every page must be."""
    if before.keys() != after.keys():
        return None
    if any(before[uri]["shown_elsewhere"] != after[uri]["shown_elsewhere"] for uri in after):
        return None
    return {uri for uri in after if before[uri]["digest"] != after[uri]["digest"]}
