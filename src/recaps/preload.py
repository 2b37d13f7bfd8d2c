"""Content loaded by `recaps build` before it forks one process per language.

The forked builds find the site model here instead of reading every file again. This module
imports nothing from MkDocs, so that the parent process never loads an engine.
"""

from __future__ import annotations

from .content.loader import Site

PRELOADED: dict[str, Site] = {}
