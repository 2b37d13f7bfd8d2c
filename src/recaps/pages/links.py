"""Links between generated pages, relative to the page they are on (pure)."""

from __future__ import annotations

import posixpath

from ..content.urls import url_of


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for site-relative paths, without its two calls to the working folder
    (a fifth of rendering a large site)."""
    path_parts, start_parts = _parts(path), _parts(start)
    if ".." in path_parts or ".." in start_parts or path.startswith("/") or start.startswith("/"):
        return posixpath.relpath(path, start)
    common = 0
    for a, b in zip(path_parts, start_parts):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(start_parts) - common) + path_parts[common:]
    return "/".join(parts) if parts else "."


def _parts(path: str) -> list[str]:
    return [part for part in posixpath.normpath(path).split("/") if part not in ("", ".")]


def relative_link(from_uri: str, to_uri: str, anchor: str = "") -> str:
    """A Markdown link target from one page's source to another's."""
    target = _relpath(to_uri, posixpath.dirname(from_uri) or ".")
    return target + (f"#{anchor}" if anchor else "")


def relative_url(from_uri: str, to_url: str) -> str:
    """A browser URL (for raw HTML) from a page to a site-root-relative URL."""
    base = url_of(from_uri)
    target = _relpath(to_url or ".", base or ".")
    if to_url.endswith("/") or to_url == "":
        target = target.rstrip("/") + "/"
    return target
