"""What `recaps build` hands the MkDocs plugin for one language build, and what the plugin can
answer besides a page.

Outside recaps.mkdocs on purpose: a ProperDocs build drops the recaps.mkdocs modules to import
them again over ProperDocs (recaps.language_build), and FullBuildNeeded must stay the class that
recaps.build catches. Imports no MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .content.loader import Site


@dataclass(frozen=True)
class BuildOptions:
    """One language build, as recaps.build asks for it."""

    lang: str
    site: Site | None
    """The site model recaps.build loaded; None: the plugin loads it (plain `mkdocs build`)."""
    serving: bool = False
    """A preview, which `recaps serve` may later update with partial rebuilds."""
    partial: bool = False
    """Rebuild only the pages whose input changed, into the preview's folder."""


class FullBuildNeeded(Exception):
    """A partial rebuild cannot show this change (a page added or gone, a title, tags or
    languages changed, no manifest of the last build): every page must be built."""
