"""Where every page of the site is published: the one list of generated and reserved paths.

Pages are identified by their source path in the MkDocs docs tree (``src_uri``, e.g.
``partners/the-week.md``); with ``use_directory_urls`` each is published at a folder URL
(``partners/the-week/``). Two sources with the same URL would overwrite each other, so the loader
checks every content item against the generated pages here and against each other, and the
renderer takes its paths from here too.
"""

from __future__ import annotations

import ipaddress
import re
import urllib.parse

from .models import LANGUAGES, SOURCE_LANGUAGE
from .characters import BIDI_CONTROLS, bidi_message, control_message
from ..messages import Message, message

HOME = "index.md"
PROGRAMMES = "programmes.md"
NOTIONS = "notions.md"
PARTNERS = "partners/index.md"
SPEAKERS = "speakers.md"
TAGS = "tags.md"
FIELD_REFERENCE = "guide/fields.md"

# Pages the renderer generates, whatever the content: src_uri -> what it is, for messages.
GENERATED: dict[str, Message] = {
    HOME: message("the home page"),
    PROGRAMMES: message("the list of programmes"),
    NOTIONS: message("the key notions page"),
    PARTNERS: message("the list of partners"),
    SPEAKERS: message("the speakers page"),
    TAGS: message("the tags page"),
    FIELD_REFERENCE: message("the field reference"),
}

# First folders of the French site that no page may use: each other language is built into one.
LANGUAGE_FOLDERS: dict[str, Message] = {
    lang: message("the English site") if lang == "en" else message("the site in '{lang}'", lang=lang)
    for lang in LANGUAGES
    if lang != SOURCE_LANGUAGE
}

# Folders whose pages the renderer makes from the content (which ones depends on it): no
# hand-written page may be published there.
SPEAKERS_FOLDER = "speakers/"
PROGRAMMES_FOLDER = "programmes/"
NOTIONS_FOLDER = "notions/"
PARTNERS_FOLDER = "partners/initials/"  # not partners/<letter>/: a partner's id may be one letter
GENERATED_FOLDERS: dict[str, Message] = {
    SPEAKERS_FOLDER.rstrip("/"): message("the speakers pages"),
    PROGRAMMES_FOLDER.rstrip("/"): message("the programmes pages"),
    NOTIONS_FOLDER.rstrip("/"): message("the key notions pages"),
    PARTNERS_FOLDER.rstrip("/"): message("the partners pages by initial"),
}
# Those whose own address is a generated page (/speakers/): a hand-written page there is
# reported by the address check, as for any generated page.
FOLDERS_WITH_INDEX_PAGE = {SPEAKERS_FOLDER.rstrip("/"), PROGRAMMES_FOLDER.rstrip("/"), NOTIONS_FOLDER.rstrip("/")}
# The index whose groups each of these folders holds, on a large site (the partners' groups are
# under partners/, in the navigation as a partner's page is).
GROUPED_INDEXES: dict[str, str] = {SPEAKERS_FOLDER: SPEAKERS, PROGRAMMES_FOLDER: PROGRAMMES, NOTIONS_FOLDER: NOTIONS}

# Names a programme folder may not take (its pages are published under <programme>/): folders of
# generated pages, of the theme's files and of the other languages.
RESERVED_FOLDERS: dict[str, Message] = {
    "partners": message("the partner pages"),
    "guide": message("the writing guide"),
    "assets": message("the style sheets and images"),
    "search": message("the search index"),
    "tags": message("the tag pages"),
    **{folder: what for folder, what in GENERATED_FOLDERS.items() if "/" not in folder},
    **LANGUAGE_FOLDERS,
}


def programme_uri(programme_id: str) -> str:
    return f"{programme_id}/index.md"


def session_uri(programme_id: str, number: int) -> str:
    return f"{programme_id}/session-{number}.md"


def partner_uri(partner_id: str) -> str:
    return f"partners/{partner_id}.md"


def tag_uri(tag_id: str) -> str:
    """A tag's page: the recaps with that tag (the tags page itself lists the tags)."""
    return f"tags/{tag_id}.md"


def group_uri(folder: str, group: str) -> str:
    """One group of a large site's index: ``speakers/e.md`` (an initial), ``programmes/2025.md``."""
    return f"{folder}{group}.md"


def page_uri(key: str) -> str:
    """A hand-written page: ``docs/<key>.<lang>.md``."""
    return f"{key}.md"


def url_of(src_uri: str) -> str:
    """The directory URL MkDocs gives a page (use_directory_urls), relative to the site root."""
    if src_uri == "index.md" or src_uri.endswith("/index.md"):
        return src_uri[: -len("index.md")]
    return src_uri[: -len(".md")] + "/"


# The site's public address (site_url in mkdocs.yml, or `recaps build --site-url`) is written into
# every page (canonical and og: links, the 404 page's links), the feeds and the sitemaps, as it
# is: it must be an http(s) address that cannot end an HTML attribute or a tag there.
_REFUSED_IN_ADDRESS = {'"': message("a double quote"), "<": "'<'", ">": "'>'", "\\": message("a backslash"),
                       "`": message("a backquote")}
_HOST_NAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$")
_BAD_HOST = message("has an invalid host name: use letters a-z, digits, hyphens and dots (an international name in "
                    "its xn-- form), or an IP address")
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# What a path keeps as it is (RFC 3986's unreserved characters and sub-delimiters, ':', '@', '/',
# and the '%' of an escape already written); anything else is written %XX, in UTF-8.
_PATH_SAFE = "/:@!$()*+,;=-._~%"  # not '&', which a page would read as the start of an entity


def site_address(value: str) -> str:
    """``value`` as the site's public address, percent-encoded where it must be, or ValueError.

    Accepted: http:// or https://, a host name (ASCII: xn-- for an international one) or an IP
    address, maybe a port, maybe a path. Refused: credentials, a query or fragment, and the
    characters that would end an attribute or a tag of a page. A space or a non-ASCII letter of
    the path becomes %20, %C3%A9...; a trailing slash is kept.
    """
    address = value.strip()
    if not address:
        raise ValueError(message("is empty: give the site's public address, such as https://example.org/"))
    problem = _character_problem(address)
    if problem:
        raise ValueError(problem)
    try:
        parts = urllib.parse.urlsplit(address)
    except ValueError:  # brackets around something that is not an IPv6 address
        raise ValueError(_BAD_HOST) from None
    problem = _form_problem(address, parts) or _host_problem(parts)
    if problem:
        raise ValueError(problem)
    path = urllib.parse.quote(_LONE_PERCENT.sub("%25", parts.path), safe=_PATH_SAFE)
    return urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, "", ""))


def _character_problem(address: str) -> Message | None:
    """The first character of ``address`` that a page cannot hold in an address, said."""
    for character in address:
        code = ord(character)
        if code < 0x20 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029):
            return control_message(code)
        if code in BIDI_CONTROLS:
            return bidi_message(code)
        if character in _REFUSED_IN_ADDRESS:
            return message("contains {character}, which a web address cannot hold: remove it",
                           character=_REFUSED_IN_ADDRESS[character])
    return None


def _form_problem(address: str, parts: urllib.parse.SplitResult) -> Message | None:
    """What is wrong with the scheme, credentials, query or fragment of ``address``, if anything."""
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not address.lower().startswith(scheme + "://"):
        return message("must start with http:// or https://, such as https://example.org/")
    if "@" in parts.netloc:
        return message("must not hold a user name or password (the part before '@'): remove it")
    if parts.query or parts.fragment or address.endswith(("?", "#")):
        return message("must not have a query ('?') or a fragment ('#'): give the address of the site's home page")
    return None


def _host_problem(parts: urllib.parse.SplitResult) -> Message | None:
    """What is wrong with the host name or the port, if anything."""
    host = parts.hostname or ""
    if not host:
        return message("has no host name: write it as https://example.org/")
    if not (_HOST_NAME.match(host) or _ip_address(host, bracketed=parts.netloc.startswith("["))):
        return _BAD_HOST
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0 or parts.netloc.endswith(":"):
        return message("has an invalid port: write a number from 1 to 65535 after the ':'")
    return None


def _ip_address(host: str, bracketed: bool) -> bool:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return bracketed == (address.version == 6)
