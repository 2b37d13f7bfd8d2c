"""The check of the content that `recaps check` runs and the build runs first: whatever would make
the build fail because of the content, reported at its file and line before any page is built.

The content is loaded and checked (recaps.content.loader: every file, its schema, its body, what
links the items); then what only the pages can tell: the links of the bodies, to the site's pages
and their anchors (recaps.pages.link_check).
"""

from __future__ import annotations

from pathlib import Path

from ..content.errors import ErrorReport
from ..content.loader import LoadCache, Site, load_site
from .link_check import check_links


def check_site(root: Path | str, cache: LoadCache | None = None) -> tuple[Site, ErrorReport]:
    """The site model and every error found, as `load_site` gives them, the links' included."""
    site, report = load_site(root, cache=cache)
    report.extend(check_links(site, complete=not report))
    return site, report
