"""Links from bodies to pages, files or anchors the site does not have: what MkDocs' strict mode
would refuse in the build, found by ``recaps check`` first, each at its file line.

mkdocs.yml's ``validation`` has MkDocs warn, and ``strict: true`` turns every warning into a
failed build, for a relative link to a file the site does not have (``not_found``) or to no file
at all (``unrecognized_links``: ``../partners/atelier-nord/``, the address a reader sees), for an
absolute link (``absolute_links``: ``/partners/``, which ignores where the site is published), and
for an anchor its page does not have (``anchors``). All four are errors here, said with the page
that was meant when one is near (``link_hints``). ``omitted_files`` only informs (the plugin puts
every page in the navigation), and the theme's own files are left out: no body links to them.

A page has the same path in both languages, so a link leads to a page in both or in neither; the
anchors differ (a heading's id is made from its words), so a body's anchors are checked in each
language whose site shows that body (a French body also stands in for a missing translation).

The pages of the items and the generated pages that are always there (recaps.content.urls) are
known from the site model; the others (a tag's page, a large site's grouped indexes) and a page's
anchors are known once its pages are rendered (recaps.pages.render), which is done only when a
link needs it (a body's own headings are looked at first), and only for a site that loaded
without errors: rendering needs every item.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from markdown.util import AMP_SUBSTITUTE

from ..content.discovery import ItemFiles, find_items
from ..content.errors import ContentError, ErrorReport
from ..content.findings import MAX_PROBLEMS, Locator
from ..content.front_matter import RawDocument
from ..content.loader import Item, Site
from ..content.markup_limits import limit_problem
from ..content.models import LANGUAGES, SOURCE_LANGUAGE
from ..content.tree import DOCS_DIR, walk
from ..content.urls import (GENERATED, GENERATED_FOLDERS, GROUPED_INDEXES, PARTNERS, PARTNERS_FOLDER, page_uri,
                            partner_uri, programme_uri, session_uri)
from ..messages import Message, message
from .link_hints import absolute_link, anchor_missing, anchor_moved, no_such_page
from .links import relative_link
from .markdown_links import MarkdownLinks, Written
from .page_templates import TemplateError
from .render import render_site

_NOTHING = Written((), ())
_SITES = {"fr": message("the French site"), "en": message("the English site")}


def check_links(site: Site, complete: bool) -> list[ContentError]:
    """Every link of the bodies ``site`` shows that the build would refuse. ``complete``: every
    content file loaded (else what only the pages can tell is left for the next run)."""
    return LinkCheck(site, complete).errors()


class LinkCheck:
    def __init__(self, site: Site, complete: bool) -> None:
        self.site, self.complete = site, complete
        self.reader = MarkdownLinks()
        self.items: dict[str, Item] = dict(_item_pages(site))
        self.files = {rel[len(DOCS_DIR) + 1:] for rel in walk(site.root, DOCS_DIR, ErrorReport())
                      if not rel.endswith(".md")}
        self._written: dict[str, Written] = {}
        self._rendered: dict[str, dict[str, str] | None] = {}  # language -> each page's Markdown
        self._page_ids: dict[tuple[str, str], tuple[str, ...]] = {}
        self._discovered: set[str] | None = None

    def errors(self) -> list[ContentError]:
        errors = []
        for document, uri, langs in self._shown():
            found = []
            locator = None  # made for a body with a problem only: it reads the whole body
            for link in self._links(document):
                problem = self._problem(link, uri, langs)
                if problem is not None:
                    locator = locator or Locator(document.body)
                    line = locator.line_of(f"]({link})", f"]({link} ", f"](<{link}>", f"]: {link}", link)
                    found.append(ContentError(document.path, document.body_line + line, "", problem))
            errors += found[:MAX_PROBLEMS]
        return errors

    def _shown(self) -> list[tuple[RawDocument, str, list[str]]]:
        """Each body the site shows, the page it is on, and the languages whose site shows it."""
        shown: dict[str, tuple[RawDocument, str, list[str]]] = {}
        for uri, item in self.items.items():
            for lang in LANGUAGES:
                document = _document_shown(item, lang)
                shown.setdefault(document.path, (document, uri, []))[2].append(lang)
        return list(shown.values())

    def _links(self, document: RawDocument) -> tuple[str, ...]:
        """The links of a body (Markdown writes none without one of these)."""
        body = document.body
        return self._written_in(document).links if "](" in body or "]:" in body else ()

    def _written_in(self, document: RawDocument) -> Written:
        """The links and anchors of a body, read once (none for a body too slow to convert, which
        the body check reports)."""
        if document.path not in self._written:
            body = document.body
            self._written[document.path] = self._read(body) if limit_problem(body) is None else _NOTHING
        return self._written[document.path]

    def _read(self, text: str) -> Written:
        try:
            return self.reader.read(text)
        except Exception:  # noqa: BLE001 - the body check reports what Markdown cannot convert
            return _NOTHING

    def _problem(self, link: str, uri: str, langs: list[str]) -> Message | None:
        """What is wrong with ``link`` on the page ``uri``, as MkDocs' strict build would find it."""
        try:
            scheme, netloc, path, _, anchor = urlsplit(link)
        except ValueError:
            return None  # not an address: the body check says so
        if scheme or netloc:
            return None  # to another site (the body check has looked at its address)
        if link.startswith(("/", "\\")):
            return absolute_link(link, uri, self._known_pages())
        if AMP_SUBSTITUTE in link:
            return None  # an e-mail address, which Python-Markdown writes as character references
        if not path:
            return self._anchor_problem(link, anchor, uri, uri, langs) if anchor else None
        target = posixpath.normpath(posixpath.join(posixpath.dirname(uri), unquote(path)).lstrip("/"))
        found = self._exists(target)
        if found is False:
            return no_such_page(link, uri, self._known_pages())
        if found and anchor and target not in self.files:
            return self._anchor_problem(link, anchor, target, uri, langs)
        return None

    def _exists(self, target: str) -> bool | None:
        """Whether the site has a page or a file at ``target`` (None: cannot tell this run)."""
        if target in self.items or target in GENERATED or target in self.files:
            return True
        if self.complete:
            rendered = self._rendering(SOURCE_LANGUAGE)  # both languages have the same pages
            return None if rendered is None else target in rendered
        if target.startswith(tuple(f"{folder}/" for folder in (*GENERATED_FOLDERS, "tags"))):
            return None  # made from the content, which has errors
        return target in self._discovered_pages()

    def _anchor_problem(self, link: str, anchor: str, target: str, source: str, langs: list[str]) -> Message | None:
        """What is wrong with a ``link`` on the page ``source`` to an ``anchor`` of ``target``."""
        missing = {lang: ids for lang in langs if (ids := self._anchors_without(anchor, target, lang)) is not None}
        if not missing:
            return None
        lang, ids = next(iter(missing.items()))
        moved = self._group_page_with(anchor, target, lang)
        if moved is not None:
            return anchor_moved(link, anchor, relative_link(source, moved, anchor))
        return anchor_missing(link, anchor, ids, None if len(missing) == len(langs) else _SITES[lang])

    def _anchors_without(self, anchor: str, target: str, lang: str) -> tuple[str, ...] | None:
        """The anchors of ``target`` in ``lang``, if ``anchor`` is not one of them (None: it is, or
        they are not known)."""
        item = self.items.get(target)
        if item is not None and anchor in self._written_in(_document_shown(item, lang)).ids:
            return None  # one of the body's own headings: no need to render the page
        ids = self.page_ids(target, lang)
        return ids if ids is not None and anchor not in ids else None

    def _group_page_with(self, anchor: str, index: str, lang: str) -> str | None:
        """The page of a large site's grouped ``index`` that has ``anchor`` (``speakers/d.md`` for
        ``speakers.md#paul-durand``), if there is one."""
        folders = tuple(folder for folder, grouped in {**GROUPED_INDEXES, PARTNERS_FOLDER: PARTNERS}.items()
                        if grouped == index)
        if not folders:
            return None
        return next((uri for uri in self._rendering(lang) or {}
                     if uri.startswith(folders) and anchor in (self.page_ids(uri, lang) or ())), None)

    def page_ids(self, uri: str, lang: str) -> tuple[str, ...] | None:
        """The anchors of the page ``uri`` in ``lang``, as MkDocs finds them (None: unknown)."""
        if (lang, uri) not in self._page_ids:
            rendered = self._rendering(lang)
            if rendered is None or uri not in rendered:
                return None
            self._page_ids[(lang, uri)] = self._read(rendered[uri]).ids
        return self._page_ids[(lang, uri)]

    def _rendering(self, lang: str) -> dict[str, str] | None:
        """Each page's Markdown in ``lang``, rendered once (None: the site cannot be rendered)."""
        if lang not in self._rendered:
            try:
                pages = render_site(self.site, lang) if self.complete else None
            except TemplateError:  # a template of overrides/recaps/: the build says which
                pages = None
            self._rendered[lang] = None if pages is None else {page.src_uri: page.markdown for page in pages}
        return self._rendered[lang]

    def _known_pages(self) -> set[str]:
        """Every page and file known without rendering more than the links needed."""
        rendered = self._rendered.get(SOURCE_LANGUAGE) or {}
        return {*self.items, *GENERATED, *rendered, *(self._discovered or ()), *self.files}

    def _discovered_pages(self) -> set[str]:
        """The pages of every item found, loaded or not (a site with errors)."""
        if self._discovered is None:
            found = find_items(self.site.root, self.site.tags, ErrorReport())
            self._discovered = {_uri_of(files) for files in found}
        return self._discovered


def _item_pages(site: Site):
    for programme in site.programmes.values():
        yield programme_uri(programme.id), programme
        for session in programme.sessions:
            yield session_uri(programme.id, session.source.number), session
    for partner in site.partners.values():
        yield partner_uri(partner.id), partner
    for key, page in site.pages.items():
        yield page_uri(key), page


def _document_shown(item: Item, lang: str) -> RawDocument:
    """The body a language's site shows for ``item``: its translation's, or the French one."""
    return item.documents[lang] if lang in item.content and lang in item.documents else item.documents[SOURCE_LANGUAGE]


def _uri_of(files: ItemFiles) -> str:
    if files.kind == "programme":
        return programme_uri(files.id)
    if files.kind == "session":
        return f"{files.folder}/{files.id}.md"  # session_uri's form, from the file name
    return partner_uri(files.id) if files.kind == "partner" else page_uri(files.id)
