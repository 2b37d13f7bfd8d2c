"""Partial rebuilds of a preview (``recaps serve``): which pages go through the build, and what
the last build wrote that a partial rebuild puts back.

A partial rebuild is MkDocs' dirty build of the pages whose input changed (recaps.pages.incremental
decides which, from the manifest a preview's build leaves in its folder). MkDocs then writes a
search index of those pages alone, and the tags export and the tag listings from those pages
alone: the rest of the index, and those files as the last full build wrote them, are put back
(a change of tags or titles is a full build, so they are still right). Imports no MkDocs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..build_options import FullBuildNeeded
from ..pages.incremental import MANIFEST, changed_pages

SEARCH_INDEX = "search/search_index.json"
TAGS_EXPORT = "tags.json"


def pages_to_rebuild(site_dir: Path, fingerprints: dict[str, dict[str, Any]], listing_pages: set[str]) -> set[str]:
    """The pages of the preview in ``site_dir`` whose input changed since it was built, and the tag
    pages; FullBuildNeeded when a partial rebuild cannot show the change."""
    manifest = site_dir / MANIFEST
    before = json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else {}
    changed = changed_pages(before, fingerprints)
    if changed is None:
        raise FullBuildNeeded
    # The tags plugin links each page's tags only when it has seen the listings, on the tag pages:
    # they go through the build, and their previous HTML is put back after.
    return changed | listing_pages


def write_manifest(site_dir: Path, fingerprints: dict[str, dict[str, Any]]) -> None:
    """What each page of this preview was built from, for the next partial rebuild."""
    (site_dir / MANIFEST).write_text(json.dumps(fingerprints), encoding="utf-8")


def last_built(site_dir: Path, names: Iterable[str]) -> dict[str, bytes]:
    """The files ``names`` (paths in ``site_dir``) as the last build wrote them, where it did."""
    return {name: (site_dir / name).read_bytes() for name in names if (site_dir / name).is_file()}


def put_back(site_dir: Path, previous: dict[str, bytes], rebuilt: set[str]) -> None:
    """After a partial rebuild: the files of ``previous`` written back, the search index merged
    (the previous one, with the entries of the pages at the URLs ``rebuilt`` replaced)."""
    index = site_dir / SEARCH_INDEX
    if index.is_file() and SEARCH_INDEX in previous:
        data = json.loads(index.read_bytes())
        data["docs"] = merged_index(json.loads(previous[SEARCH_INDEX])["docs"], data["docs"], rebuilt)
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    for name, content in previous.items():
        if name != SEARCH_INDEX:
            (site_dir / name).write_bytes(content)


def merged_index(previous: list[dict], new: list[dict], rebuilt: set[str]) -> list[dict]:
    """The previous search entries, with those of the rebuilt pages replaced in place."""
    def page_of(entry: dict) -> str:
        return entry["location"].split("#")[0]

    fresh: dict[str, list[dict]] = {}
    for entry in new:
        page = page_of(entry)
        if page in rebuilt:
            fresh.setdefault(page, []).append(entry)
    merged = []
    for entry in previous:
        page = page_of(entry)
        if page not in rebuilt:
            merged.append(entry)
        elif page in fresh:
            merged.extend(fresh.pop(page))
    for entries in fresh.values():  # pages that had no entries before
        merged.extend(entries)
    return merged
