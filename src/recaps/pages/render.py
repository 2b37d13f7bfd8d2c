"""Render the site model as Markdown pages for one language, through the page templates.

Every page has the same path in both languages (language-neutral slugs), so that the language
selector can keep the reader on the same page. Links between generated pages are Markdown links
to ``.md`` paths, which MkDocs checks and rewrites.

What a page shows is in recaps.pages.views, index grouping in .groupings, the templates (a site's
overrides first) in .page_templates; this module makes the pages: meta, notice, French stand-ins.
"""

from __future__ import annotations

import dataclasses
import html
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from . import groupings, home, i18n, pictures, views
from .fieldref import field_reference
from .groupings import NOTIONS_INDEX, PARTNERS_INDEX, PROGRAMMES_INDEX, SPEAKERS_INDEX, Group, GroupedIndex
from .groupings import initial_of, sort_key  # noqa: F401  (recaps.pages.render's names, for its users)
from .links import relative_link, relative_url
from ..content.loader import Item, ProgrammeItem, Site
from ..content.models import LANGUAGES, SOURCE_LANGUAGE, Session
from .page_templates import PageTemplates, TemplateError, page_templates
from .rendered import RenderedPage, escaped, listing_arguments
from .rendered import with_front_matter  # noqa: F401  (recaps.pages.render's names, for its users)
from ..content.translation import TranslationState
from ..content.urls import FIELD_REFERENCE, HOME, PROGRAMMES, TAGS, group_uri, page_uri, partner_uri, programme_uri
from ..content.urls import session_uri, url_of

HOME_PROGRAMMES = 6  # programmes with a timeline on the home page; the rest on PROGRAMMES
_NOTICED = (TranslationState.STALE, TranslationState.IN_PROGRESS)  # translations under a notice
EDITORS_PAGES = ("guide.md", FIELD_REFERENCE)  # published for editors, out of readers' navigation and search


@dataclass
class Renderer:
    site: Site
    lang: str
    site_name: str = ""  # the site's name in this language: the home page's headline
    pages: list[RenderedPage] = field(default_factory=list)
    # Pages the generated HTML links to (raw HTML links are not checked by MkDocs), each with the
    # template that links there first: each must be a page of the site, or rendering fails.
    targets: dict[str, str] = field(default_factory=dict)
    templates: PageTemplates | None = field(default=None, repr=False)  # None: the site's (page_templates)
    _appearances: dict[str, list[dict[str, Any]]] | None = field(default=None, repr=False)
    _stand_in: Renderer | None = field(default=None, repr=False)  # renders the French of untranslated items

    def __post_init__(self) -> None:
        if self.templates is None:
            self.templates = page_templates(self.site.root)

    # -- helpers available to templates ------------------------------------------------------

    def t(self, key: str, **values: Any) -> str:
        return i18n.label(key, self.lang, **values)

    def person_role(self, person_id: str) -> str:
        return views.person_role(self.site, self.lang, person_id)

    def _body(self, item: Item) -> Markup:
        """The Markdown body, passed through as written: the loader has checked its raw HTML
        against the allowlist (recaps.content.markup), so autoescaping must not garble `>` quotes or `<br>`."""
        return Markup(item.body(self.lang))

    # -- pages ---------------------------------------------------------------------------------

    def render(self) -> list[RenderedPage]:
        for programme in self.site.programmes.values():
            self._item_page(programme, lambda r, p=programme: r._programme(p))
            for session in programme.sessions:
                self._item_page(session, lambda r, p=programme, s=session: r._session(p, s))
        for partner in self.site.partners.values():
            self._item_page(partner, lambda r, p=partner: r._partner(p))
        for key, page in self.site.pages.items():
            self._item_page(page, lambda r, k=key, p=page: r._hand_written(k, p))
        self._home()
        self._indexes()
        self._tags()
        self._emit(FIELD_REFERENCE, "fields.md.j2", {"title": self.t("field_reference"), "search": {"exclude": True}},
                   reference=field_reference(self.lang))
        missing = sorted(set(self.targets) - {page.src_uri for page in self.pages})
        if missing:  # a template's mistake (a site's, or a bug in recaps'), not the content's
            where = self.templates.where(self.targets[missing[0]])
            raise TemplateError(f"{where}href({missing[0]!r}) links to no page of the site")
        return sorted(self.pages, key=lambda p: p.src_uri)

    def _item_page(self, item: Item, render_page) -> None:
        """An item's page; where it has no translation, its source page stands in.

        The stand-in is the whole French page, labels included, inside an element with
        lang="fr", under a notice in this language; it stays out of this language's search.
        """
        if item.is_translated(self.lang):
            render_page(self)
            return
        if self._stand_in is None:
            self._stand_in = Renderer(self.site, SOURCE_LANGUAGE, targets=self.targets, templates=self.templates)
        render_page(self._stand_in)
        page = self._stand_in.pages.pop()
        original = relative_url(page.src_uri, "../" + url_of(page.src_uri))
        self.pages.append(dataclasses.replace(
            page,
            markdown=self._notice("missing", original)
            + f'<div lang="{SOURCE_LANGUAGE}" markdown>\n\n{page.markdown}\n</div>\n',
            # Tags are language-neutral: the stand-in carries this language's labels, so that
            # they link to this language's tag pages.
            meta={**page.meta, **self._tag_meta(item), "search": {"exclude": True}},
            translated=False,
        ))

    def _emit(self, src_uri: str, template: str, meta: dict[str, Any], item: Item | None = None,
              section: str | None = None, **context: Any) -> None:
        notice = self._stale_notice(src_uri, item)
        editor_body = context.pop("body", None)
        rendered = self._from_template(src_uri, template, editor_body, context)
        if self.lang == "fr":  # the page title and description are French text too
            meta = _french_spacing(meta)
        self.pages.append(RenderedPage(
            src_uri=src_uri,
            markdown=notice + rendered,
            meta=escaped(meta),
            source=item.paths.get(self.lang) if item else None,
            section=section,
            title=meta.get("title", ""),
            languages=tuple(lang for lang in LANGUAGES if item is None or item.is_translated(lang)),
            description=meta.get("description", ""),
            published=meta.get("date"),
        ))

    def _from_template(self, src_uri: str, template: str, body: str | None, context: dict[str, Any]) -> str:
        """``template`` rendered as the page ``src_uri``, with the helpers every page template has."""
        return self.templates.render(
            template,
            r=self, t=self.t, lang=self.lang, uri=src_uri,
            link=lambda to, anchor="": relative_link(src_uri, to, anchor),
            href=lambda to: self._href(src_uri, to, template),
            fmt_range=lambda d: i18n.format_range(d.start, d.end, self.lang),
            fmt_day=lambda d: i18n.format_day(d, self.lang),
            body=body, **context,
        )

    def _stale_notice(self, src_uri: str, item: Item | None) -> str:
        """Above a translation that its source has changed since, or not finished: a notice."""
        if item is None or self.lang == SOURCE_LANGUAGE or item.state not in _NOTICED:
            return ""
        return self._notice(item.state.value, relative_url(src_uri, "../" + url_of(src_uri)), bool(item.stand_ins))

    def _href(self, from_uri: str, to_uri: str, template: str) -> str:
        self.targets.setdefault(to_uri, template)
        return relative_url(from_uri, url_of(to_uri))

    def _notice(self, kind: str, original_url: str, stand_ins: bool = False) -> str:
        """``stand_ins``: the page shows French items its translation lacks."""
        return self.templates.render(
            "notice.md.j2", kind=kind, t=self.t, original_url=original_url, lang=self.lang, stand_ins=stand_ins
        )

    def _programme(self, programme: ProgrammeItem) -> None:
        p = programme.get(self.lang)
        self._emit(
            programme_uri(programme.id), "programme.md.j2",
            {"title": p.title, "description": views.description(p.description)},
            item=programme, section=programme.id, programme=programme, p=p, body=self._body(programme),
            timeline=views.timeline(programme, self.lang),
            sponsor=self.site.people[p.sponsor],
            notion_sessions=views.notion_sessions(programme, self.lang),
            quotes=views.programme_quotes(self.site, self.lang, programme),
        )

    def _session(self, programme: ProgrammeItem, item: Item[Session]) -> None:
        s = item.get(self.lang)
        previous, following = views.neighbours(programme, item)
        self._emit(
            session_uri(programme.id, s.number), "session.md.j2",
            {
                "title": s.title,
                "description": views.description(s.summary),
                "tags": views.tag_labels(self.site, self.lang, s.tags),
                "date": s.published.isoformat(),
                "author": s.author,
            },
            item=item, section=programme.id, programme=programme, p=programme.get(self.lang), s=s,
            body=self._body(item),
            host=self.site.partners[s.host],
            cover=pictures.cover(self.site, self.lang, item),
            featured=views.focus_boxes(self.site, self.lang, s), tag_links=views.tag_links(self.site, self.lang, s.tags),
            notions=views.notions_of(item, self.lang),
            quotes=views.quotes_of(self.site, self.lang, item),
            previous=previous.get(self.lang) if previous else None,
            following=following.get(self.lang) if following else None,
            previous_uri=session_uri(programme.id, previous.source.number) if previous else None,
            following_uri=session_uri(programme.id, following.source.number) if following else None,
            programme_page=programme_uri(programme.id),
            partner_uri=partner_uri,
        )

    def _partner(self, item: Item) -> None:
        partner = item.get(self.lang)
        if self._appearances is None:  # worked out once for all partners
            self._appearances = views.appearances(self.site, self.lang)
        self._emit(
            partner_uri(item.id), "partner.md.j2",
            {"title": partner.name, "description": views.description(partner.mission)},
            item=item, partner=partner, body=self._body(item), logo=pictures.logo(self.site, self.lang, item),
            kind=i18n.PARTNER_KINDS[partner.kind][self.lang],
            people=[self.site.people[pid] for pid in partner.people],
            quotes=views.quotes_of(self.site, self.lang, item),
            appearances=self._appearances.get(item.id, []),
        )

    def _hand_written(self, key: str, item: Item) -> None:
        page = item.get(self.lang)
        meta = {name: value for name, value in (("title", page.title), ("description", page.description)) if value}
        if page_uri(key) in EDITORS_PAGES:
            meta["search"] = {"exclude": True}
        self._emit(page_uri(key), "page.md.j2", meta, item=item, body=self._body(item))

    def _home(self) -> None:
        self._emit(HOME, "home.md.j2", {"title": self.t("home"), "description": self.t("home_intro")},
                   site_name=self.site_name or self.t("home"), programmes_uri=PROGRAMMES,
                   **home.home_view(self.site, self.lang, HOME_PROGRAMMES))

    # -- index pages, grouped on a large site (recaps.pages.groupings) -------------------------------

    def _indexes(self) -> None:
        programmes = [(p, p.get(self.lang)) for p in self.site.programmes.values()]
        count = len(self.site.programmes)
        self._grouped(PROGRAMMES_INDEX, programmes, groupings.programme_groups(programmes, count, self.t))
        notions = views.notion_entries(self.site, self.lang)
        self._grouped(NOTIONS_INDEX, notions, groupings.notion_groups(notions, count, self.t))
        partners = views.partner_entries(self.site, self.lang)
        self._grouped(PARTNERS_INDEX, partners, groupings.partner_groups(partners, self.t))
        speakers = views.speaker_entries(self.site, self.lang)
        self._grouped(SPEAKERS_INDEX, speakers, groupings.speaker_groups(speakers, self.t))

    def _grouped(self, index: GroupedIndex, entries: list, groups: list[Group] | None) -> None:
        """The index page listing ``entries``; with ``groups``, the index lists the groups and
        each group has its page, listing its entries."""
        meta = {"title": self.t(index.title)}
        if index.intro:
            meta["description"] = self.t(index.intro)
        if groups is None:
            self._emit(index.page, index.template, meta, heading=meta["title"], entries=entries, bar=None, current=None)
            return
        bar = [(group.label, group_uri(index.folder, group.key), group.count_label) for group in groups]
        bar_label = self.t(index.bar_label)
        self._emit(index.page, index.template, meta, heading=meta["title"], entries=[], bar=bar, bar_label=bar_label,
                   current=None)
        for group, (_, uri, _) in zip(groups, bar):
            title = self.t(f"{index.title}_group", group=group.label)
            self._emit(uri, index.template, {**meta, "title": title}, heading=title, entries=group.entries, bar=bar,
                       bar_label=bar_label, current=uri)

    def _tag_meta(self, item: Item) -> dict[str, Any]:
        """A page's tags in this language, escaped as ``escaped`` escapes meta."""
        labels = views.tag_labels(self.site, self.lang, getattr(item.source, "tags", None) or [])
        return {"tags": [html.escape(label) for label in labels]} if labels else {}

    def _tags(self) -> None:
        """The tags page lists the tags; each tag's page lists its recaps (Material's listing,
        scoped to that tag): no page lists every recap."""
        tags = views.tags_used(self.site, self.lang)
        self._emit(TAGS, "tags.md.j2", {"title": self.t("tags"), "description": self.t("tags_intro")}, tags=tags)
        for label, uri, _ in tags:
            self._emit(
                # Out of search: the recaps it lists are found themselves.
                uri, "tag.md.j2",
                {"title": label, "description": self.t("tag_intro"), "search": {"exclude": True}},
                label=label, listing=Markup(listing_arguments(html.escape(label))),
            )


def _french_spacing(meta: dict[str, Any]) -> dict[str, Any]:
    return {key: i18n.french_spacing(value) if key in ("title", "description") and isinstance(value, str) else value
            for key, value in meta.items()}


def render_site(site: Site, lang: str, site_name: str = "") -> list[RenderedPage]:
    """Every generated page of the site in ``lang``; ``site_name`` heads the home page."""
    return Renderer(site, lang, site_name).render()


def field_reference_markdown(lang: str) -> str:
    """The field reference alone (also kept in README.md by scripts/update-readme.py)."""
    return page_templates(None).render(
        "fields.md.j2", t=lambda key, **v: i18n.label(key, lang, **v), reference=field_reference(lang)
    )
