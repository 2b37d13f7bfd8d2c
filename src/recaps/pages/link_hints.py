"""What a link the build would refuse is said with: the page that was meant, when one is near, or
the form a link takes, and the anchors a page has.

Editors write the address a reader sees (``../partners/atelier-nord/``), the path of the content
file (``../../partners/atelier-nord.fr.md``) or an address from the site's root
(``/partners/atelier-nord/``), where the build wants the path of the page's source relative to
the page the link is on (``../partners/atelier-nord.md``). :func:`meant` reads a link each of
these ways (from the page's file and from its address, as MkDocs' own hints do), then looks for
the one page of that name.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection
from urllib.parse import unquote, urlsplit

from ..content.urls import PARTNERS, url_of
from ..messages import Message, message, plural_message
from .links import relative_link

KNOWN_SHOWN = 5  # anchors listed when a link's is missing: the first few, in page order
_CONTENT_FILE = re.compile(r"\.(?:fr|en)\.md$|\.md$|\.html?$")
_REPOSITORY_FOLDERS = ("sessions/", "docs/")  # a content file's path, where the page's is meant


def no_such_page(link: str, uri: str, pages: Collection[str]) -> Message:
    """A relative ``link`` on the page ``uri`` that leads to no page or file of the site."""
    suggestion = meant(link, uri, pages)
    if suggestion is not None:
        return message("the link '{link}' leads to no page or file of the site: did you mean '{suggestion}'?",
                       link=link, suggestion=suggestion)
    if posixpath.splitext(unquote(urlsplit(link).path))[1] not in ("", ".md"):
        return message("the link '{link}' leads to no file of the site: the site publishes the images and PDF "
                       "files of docs/, linked by their path there relative to this page (docs/images/photo.jpg "
                       "is '{example}' from here)", link=link, example=relative_link(uri, "images/photo.jpg"))
    return message("the link '{link}' leads to no page or file of the site: link to a page by the path of its "
                   "source relative to this page, such as '{example}' for the list of partners",
                   link=link, example=relative_link(uri, PARTNERS))


def absolute_link(link: str, uri: str, pages: Collection[str]) -> Message:
    """A ``link`` from the root of the web server, which the build does not rewrite."""
    suggestion = meant(link, uri, pages)
    if suggestion is not None:
        return message("the link '{link}' starts with '{start}', which does not follow where the site is "
                       "published: write it relative to this page, as '{suggestion}'",
                       link=link, start=link[0], suggestion=suggestion)
    return message("the link '{link}' starts with '{start}', which does not follow where the site is published: "
                   "link to a page by the path of its source relative to this page, such as '{example}' for the "
                   "list of partners", link=link, start=link[0], example=relative_link(uri, PARTNERS))


def anchor_missing(link: str, anchor: str, ids: Collection[str], site: Message | None = None) -> Message:
    """A ``link`` to an ``anchor`` that its page does not have (in ``site`` alone, if given)."""
    known = _known(ids)
    if site is None:
        return message("the link '{link}' leads to the anchor '#{anchor}', which the page does not have "
                       "(its anchors: {known})", link=link, anchor=anchor, known=known)
    return message("the link '{link}' leads to the anchor '#{anchor}', which the page does not have in {site} "
                   "(its anchors there: {known})", link=link, anchor=anchor, site=site, known=known)


def anchor_moved(link: str, anchor: str, suggestion: str) -> Message:
    """A ``link`` to an index that a large site lists over several pages, one of which has its anchor."""
    return message("the link '{link}' leads to the anchor '#{anchor}', which this site lists on a page of its "
                   "own: did you mean '{suggestion}'?", link=link, anchor=anchor, suggestion=suggestion)


def _known(ids: Collection[str]) -> Message | str:
    if not ids:
        return message("none, as it has no headings")
    shown = ", ".join(f"#{anchor}" for anchor in list(ids)[:KNOWN_SHOWN])
    more = len(ids) - KNOWN_SHOWN
    return plural_message("{shown} and {count} more", "{shown} and {count} more", more, shown=shown) if more > 0 else shown


def meant(link: str, uri: str, pages: Collection[str]) -> str | None:
    """The link, relative to the page ``uri``, to the one page of ``pages`` that ``link`` seems to mean."""
    parts = urlsplit(link)
    path = unquote(parts.path)
    bases = [""] if link.startswith(("/", "\\")) else [posixpath.dirname(uri), url_of(uri)]
    for base in bases:
        for guess in _readings(posixpath.join(base, path.lstrip("/\\"))):
            if guess in pages:
                return relative_link(uri, guess, parts.fragment)
    name = _name(path)
    named = [page for page in pages if name and _name(page) == name]
    return relative_link(uri, named[0], parts.fragment) if len(named) == 1 else None


def _readings(joined: str) -> list[str]:
    """The pages a path from the site's root may mean: itself, its page's source, the page of a
    content file (``sessions/x/session-1.fr.md``), the index of a folder."""
    target = posixpath.normpath(joined)
    while target.startswith("../") or target == "..":
        target = target[3:] or "."
    forms = [target] + [target[len(folder):] for folder in _REPOSITORY_FOLDERS if target.startswith(folder)]
    guesses = []
    for form in forms:
        stem = _CONTENT_FILE.sub("", form)
        guesses += [form, f"{stem}.md"] if stem not in (".", "") else [form]
        guesses.append(posixpath.normpath(posixpath.join(stem, "index.md")))
    return guesses


def _name(path: str) -> str:
    """The name a page's path, or a link's, ends with: ``atelier-nord`` for ``partners/atelier-nord.md``,
    ``../atelier-nord.fr.md`` or ``atelier-nord/``; a folder's for its index."""
    stem = _CONTENT_FILE.sub("", path.rstrip("/"))
    parts = stem.split("/")
    if parts[-1] == "index" and len(parts) > 1:
        return parts[-2]
    return "" if parts[-1] in ("index", ".", "..") else parts[-1]
