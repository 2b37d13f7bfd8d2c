"""The navigation each page shows, decided from the site's pages alone: a plain tree of src_uris.

Every page shows the same top items: the home page (then the list of programmes, where the home
page cannot show them all), the indexes of notions, partners, speakers and tags, and the
hand-written pages. The editors' pages (the writing guide and the field reference,
recaps.pages.render.EDITORS_PAGES) are published but are not readers' pages: only they show
themselves, as a section at the end. A page opens its own section where it has one, so that no
page carries every recap of every programme:

- a programme's page or one of its sessions: the programme (its page, then its sessions) as a
  section after the home page and the list of programmes;
- a partner's page, a tag's, or one group of a large site's index (an initial, a year): a
  section in place of that index, holding the index and the page.

MkDocs' objects are made from these trees by recaps.mkdocs.navigation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Union

from . import i18n, render
from .rendered import RenderedPage
from ..content.sitemodel import Site
from ..content.urls import (GROUPED_INDEXES, HOME, NOTIONS, PARTNERS, PROGRAMMES, SPEAKERS, TAGS, programme_uri,
                            session_uri, tag_uri)

# The label of the section an index opens with one of its pages.
INDEX_LABELS = {PARTNERS: "partners", TAGS: "tags", SPEAKERS: "speakers", NOTIONS: "key_notions",
                PROGRAMMES: "programmes"}


@dataclass(frozen=True)
class Section:
    """A section of the navigation: its title as plain text, and its pages by src_uri."""

    label: str
    children: tuple[str, ...]


Item = Union[str, Section]  # a page by its src_uri, or a section


@dataclass(frozen=True)
class SitePages:
    """What the navigation is decided from: the pages of one language's build, by src_uri."""

    lang: str
    pages: frozenset[str]  # every page
    hand_written: frozenset[str] = frozenset()  # those made from docs/
    programmes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # id: its page, then its sessions
    tag_pages: frozenset[str] = frozenset()  # one per tag, listing its recaps
    programme_of: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        listed = [(f"programme {pid}", uri) for pid, uris in self.programmes.items() for uri in uris]
        listed += [("hand_written", uri) for uri in sorted(self.hand_written)]
        listed += [("tag_pages", uri) for uri in sorted(self.tag_pages)]
        for where, uri in listed:
            if uri not in self.pages:
                raise ValueError(f"{where} lists {uri}, which is not a page of the site")
        programme_of = {uri: pid for pid, uris in self.programmes.items() for uri in uris}
        object.__setattr__(self, "programme_of", programme_of)


def site_pages(site: Site, rendered: Iterable[RenderedPage], lang: str) -> SitePages:
    """The site's pages in ``lang``, as the navigation sees them."""
    pages = {page.src_uri: page for page in rendered}
    return SitePages(
        lang=lang,
        pages=frozenset(pages),
        hand_written=frozenset(uri for uri, page in pages.items() if page.source and page.source.startswith("docs/")),
        programmes={
            programme.id: (programme_uri(programme.id),
                           *(session_uri(programme.id, session.source.number) for session in programme.sessions))
            for programme in site.programmes.values()
        },
        tag_pages=frozenset(tag_uri(tag) for tag in site.tags if tag_uri(tag) in pages),
    )


def _programmes_list(pages: SitePages) -> tuple[str, ...]:
    """The home page, and the list of programmes where the home page cannot show them all."""
    top = (HOME, PROGRAMMES) if len(pages.programmes) > render.HOME_PROGRAMMES else (HOME,)
    return tuple(uri for uri in top if uri in pages.pages)


def site_navigation(pages: SitePages) -> tuple[Item, ...]:
    """The top items, which every page shows: the readers' pages."""
    items: list[Item] = list(_programmes_list(pages))
    items += [uri for uri in (NOTIONS, PARTNERS, SPEAKERS, TAGS) if uri in pages.pages]
    items += sorted(pages.hand_written - set(render.EDITORS_PAGES))
    return tuple(items)


def _editors_section(pages: SitePages) -> Section:
    """The editors' pages, as one of them shows them."""
    return Section(i18n.label("guide", pages.lang), tuple(uri for uri in render.EDITORS_PAGES if uri in pages.pages))


def index_of(pages: SitePages, uri: str) -> str | None:
    """The index under which a page opens its section, with itself: a partner's page (or an
    initial's of a large site), a tag's, or a group's of a large site's grouped index."""
    if uri.startswith("partners/") and uri != PARTNERS and uri not in pages.hand_written:
        return PARTNERS
    if uri in pages.tag_pages:
        return TAGS
    return next((index for folder, index in GROUPED_INDEXES.items() if uri.startswith(folder)), None)


def page_navigation(pages: SitePages, current: str) -> tuple[Item, ...]:
    """The navigation ``current`` shows: the top items, with its own section opened where it has one."""
    items = list(site_navigation(pages))
    if current in render.EDITORS_PAGES:
        return (*items, _editors_section(pages))
    programme = pages.programme_of.get(current)
    if programme is not None:
        section = Section(i18n.label("programme", pages.lang), pages.programmes[programme])
        items.insert(len(_programmes_list(pages)), section)
        return tuple(items)
    index = index_of(pages, current)
    if index is not None and index in items:
        items[items.index(index)] = Section(i18n.label(INDEX_LABELS[index], pages.lang), (index, current))
    return tuple(items)
