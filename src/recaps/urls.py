"""Where every page of the site is published: the one list of generated and reserved paths.

Pages are identified by their source path in the MkDocs docs tree (``src_uri``, e.g.
``partners/the-week.md``); with ``use_directory_urls`` each is published at a folder URL
(``partners/the-week/``). Two sources with the same URL would overwrite each other, so the loader
checks every content item against the generated pages here and against each other, and the
renderer takes its paths from here too.
"""

from __future__ import annotations

from .models import LANGUAGES, SOURCE_LANGUAGE

HOME = "index.md"
PROGRAMMES = "programmes.md"
NOTIONS = "notions.md"
PARTNERS = "partners/index.md"
SPEAKERS = "speakers.md"
TAGS = "tags.md"
FIELD_REFERENCE = "guide/fields.md"

# Pages the renderer generates, whatever the content: src_uri -> what it is, for messages.
GENERATED: dict[str, str] = {
    HOME: "the home page",
    PROGRAMMES: "the list of programmes",
    NOTIONS: "the key notions page",
    PARTNERS: "the list of partners",
    SPEAKERS: "the speakers page",
    TAGS: "the tags page",
    FIELD_REFERENCE: "the field reference",
}

# First folders of the French site that no page may use: each other language is built into one.
LANGUAGE_FOLDERS: dict[str, str] = {
    lang: "the English site" if lang == "en" else f"the site in '{lang}'"
    for lang in LANGUAGES
    if lang != SOURCE_LANGUAGE
}

# Folders whose pages the renderer makes from the content (which ones depends on it): no
# hand-written page may be published there.
SPEAKERS_FOLDER = "speakers/"
PROGRAMMES_FOLDER = "programmes/"
NOTIONS_FOLDER = "notions/"
PARTNERS_FOLDER = "partners/initials/"  # not partners/<letter>/: a partner's id may be one letter
GENERATED_FOLDERS: dict[str, str] = {
    SPEAKERS_FOLDER.rstrip("/"): "the speakers pages",
    PROGRAMMES_FOLDER.rstrip("/"): "the programmes pages",
    NOTIONS_FOLDER.rstrip("/"): "the key notions pages",
    PARTNERS_FOLDER.rstrip("/"): "the partners pages by initial",
}
# Those whose own address is a generated page (/speakers/): a hand-written page there is
# reported by the address check, as for any generated page.
FOLDERS_WITH_INDEX_PAGE = {SPEAKERS_FOLDER.rstrip("/"), PROGRAMMES_FOLDER.rstrip("/"), NOTIONS_FOLDER.rstrip("/")}
# The index whose groups each of these folders holds, on a large site (the partners' groups are
# under partners/, in the navigation as a partner's page is).
GROUPED_INDEXES: dict[str, str] = {SPEAKERS_FOLDER: SPEAKERS, PROGRAMMES_FOLDER: PROGRAMMES, NOTIONS_FOLDER: NOTIONS}

# Names a programme folder may not take (its pages are published under <programme>/): folders of
# generated pages, of the theme's files and of the other languages.
RESERVED_FOLDERS: dict[str, str] = {
    "partners": "the partner pages",
    "guide": "the writing guide",
    "assets": "the style sheets and images",
    "search": "the search index",
    "tags": "the tag pages",
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
