"""Render the site model as Markdown pages for one language: pure functions, Jinja2 templates.

Every page has the same path in both languages (language-neutral slugs), so that the language
selector can keep the reader on the same page. Links between generated pages are Markdown links
to ``.md`` paths, which MkDocs checks and rewrites.
"""

from __future__ import annotations

import dataclasses
import html
import posixpath
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable

import yaml
from markupsafe import Markup

from . import i18n
from .blocks import block_spans
from .fieldref import field_reference
from .loader import Item, ProgrammeItem, Site
from .models import LANGUAGES, SOURCE_LANGUAGE, Session
from .page_templates import PageTemplates, TemplateError, page_templates
from .translation import TranslationState
from .urls import (
    FIELD_REFERENCE,
    HOME,
    NOTIONS,
    NOTIONS_FOLDER,
    PARTNERS,
    PARTNERS_FOLDER,
    PROGRAMMES,
    PROGRAMMES_FOLDER,
    SPEAKERS,
    SPEAKERS_FOLDER,
    TAGS,
    group_uri,
    page_uri,
    partner_uri,
    programme_uri,
    session_uri,
    tag_uri,
    url_of,
)

HOME_PROGRAMMES = 6  # programmes with a timeline on the home page; the rest on PROGRAMMES
# A large site's indexes are grouped over several pages, so that no page grows with every person,
# programme or partner: beyond this many people quoted (partners), the speakers (partners) page
# lists the initials, each with its page; beyond this many programmes, the programmes and notions
# pages list the years.
SPEAKERS_ON_ONE_PAGE = 60
PROGRAMMES_ON_ONE_PAGE = 60
PARTNERS_ON_ONE_PAGE = 60
OTHER_INITIAL = "other"  # names that do not start with a letter a-z, accents removed
UNDATED = "undated"  # programmes without a recapped session yet


@dataclass(frozen=True)
class RenderedPage:
    src_uri: str
    markdown: str
    meta: dict[str, Any] = field(default_factory=dict)  # HTML-escaped: MkDocs writes it unescaped
    source: str | None = None  # the content file it is made from, for messages
    translated: bool = True  # False: the French content stands in for a missing translation
    section: str | None = None  # the programme a page belongs to, for its navigation
    title: str = ""
    languages: tuple[str, ...] = LANGUAGES  # languages this page really exists in
    description: str = ""
    published: str | None = None  # ISO date of a recap's publication
    blocks: tuple[tuple[int, int], ...] = ()  # where `markdown` has the templates' raw HTML blocks


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for site-relative paths, without its two calls to the working folder
    (a fifth of rendering a large site)."""
    path_parts = [part for part in posixpath.normpath(path).split("/") if part not in ("", ".")]
    start_parts = [part for part in posixpath.normpath(start).split("/") if part not in ("", ".")]
    if ".." in path_parts or ".." in start_parts or path.startswith("/") or start.startswith("/"):
        return posixpath.relpath(path, start)
    common = 0
    for a, b in zip(path_parts, start_parts):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(start_parts) - common) + path_parts[common:]
    return "/".join(parts) if parts else "."


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
    return target if target != "./" else "./"


# Latin letters that Unicode does not decompose into a letter and an accent, filed as readers
# look for them: "Łukasz" with the L, "Øystein" with the O, "Œuvre" with the O.
_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŀ": "l", "æ": "ae", "œ": "oe", "þ": "th"}
)


def sort_key(name: str) -> tuple[str, str]:
    """Alphabetical order as readers expect it: "Éric" with the E, not after "Z"."""
    plain = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return folded.translate(_LETTERS_WITHOUT_DECOMPOSITION), name


def initial_of(name: str) -> str:
    """The group (speakers, partners) a name is listed in: its first letter without accent, or "other"."""
    first = sort_key(name)[0][:1]
    return first if "a" <= first <= "z" else OTHER_INITIAL


def year_of(programme: ProgrammeItem) -> str:
    """The programmes and notions page a programme is listed on: the year of its first session."""
    starts = [session.source.dates.start for session in programme.sessions]
    return str(min(starts).year) if starts else UNDATED


@dataclass(frozen=True)
class Group:
    """One page of a large site's index: its key in the URL, its label, its entries, and the
    text saying how many there are, in the bar that links the pages."""

    key: str
    label: str
    entries: list
    count_label: str


@dataclass(frozen=True)
class GroupedIndex:
    """An index page that a large site splits into groups, one page each in ``folder``.

    ``title``, ``intro`` and ``bar_label`` are label keys; ``title`` + "_group" titles a group's
    page. The template gets the entries as ``entries``, and the groups' ``bar``."""

    page: str
    folder: str
    template: str
    title: str
    intro: str | None
    bar_label: str


SPEAKERS_INDEX = GroupedIndex(SPEAKERS, SPEAKERS_FOLDER, "speakers.md.j2", "speakers", "speakers_intro",
                              "speakers_initials")
PARTNERS_INDEX = GroupedIndex(PARTNERS, PARTNERS_FOLDER, "partners.md.j2", "partners", "partners_intro",
                              "partners_initials")
PROGRAMMES_INDEX = GroupedIndex(PROGRAMMES, PROGRAMMES_FOLDER, "programmes.md.j2", "programmes", None, "years")
NOTIONS_INDEX = GroupedIndex(NOTIONS, NOTIONS_FOLDER, "notions.md.j2", "key_notions", "notions_intro", "years")


# Stands for an editor's body while a template renders (no template tests the body's value).
_BODY_MARK = Markup("\x00recaps-body\x00")


def _escaped(meta: dict[str, Any]) -> dict[str, Any]:
    """Page meta with its texts HTML-escaped: MkDocs and Material write them into HTML unescaped."""
    def escape_value(value: Any) -> Any:
        if isinstance(value, str):
            return html.escape(value)
        if isinstance(value, list):
            return [escape_value(v) for v in value]
        return value

    return {key: escape_value(value) for key, value in meta.items() if value}


def _listing_arguments(tag: str) -> str:
    """Material's listing options for one tag, as YAML inside an HTML comment: every character
    but letters, digits and spaces written as an escape, so that no label can end the comment."""
    escaped = "".join(
        c if c.isascii() and (c.isalnum() or c == " ") else f"\\U{ord(c):08x}" for c in tag
    )
    return '{ include: ["' + escaped + '"] }'


def with_front_matter(page: "RenderedPage") -> str:
    """The page as one Markdown file, its meta as YAML front matter (for golden files, previews)."""
    front = yaml.safe_dump(page.meta, allow_unicode=True, sort_keys=True, width=10_000)
    return "---\n" + front + "---\n\n" + page.markdown


@dataclass
class Renderer:
    site: Site
    lang: str
    pages: list[RenderedPage] = field(default_factory=list)
    # Pages the generated HTML links to (raw HTML links are not checked by MkDocs), each with the
    # template that links there first: each must be a page of the site, or rendering fails.
    targets: dict[str, str] = field(default_factory=dict)
    _partner_sessions: dict[str, list[dict[str, Any]]] | None = field(default=None, repr=False)
    templates: PageTemplates | None = field(default=None, repr=False)  # None: the site's (page_templates)

    def __post_init__(self) -> None:
        if self.templates is None:
            self.templates = page_templates(self.site.root)

    # -- helpers available to templates ------------------------------------------------------

    def t(self, key: str, **values: Any) -> str:
        return i18n.label(key, self.lang, **values)

    def _body(self, item: Item) -> Markup:
        """The Markdown body, passed through as written: the loader has checked its raw HTML
        against the allowlist (recaps.markup), so autoescaping must not garble `>` quotes or `<br>`."""
        return Markup(item.body(self.lang))

    def person_role(self, person_id: str) -> str:
        person = self.site.people[person_id]
        parts = [person.role.get(self.lang)]
        if person.organisation:
            parts.append(person.organisation.get(self.lang))
        return ", ".join(parts)

    def quote_view(self, item: Item, index: int) -> dict[str, Any]:
        """A quote as shown in this language: its text, and the original if it was translated."""
        quote = item.get(self.lang).quotes[index]
        original_item = item.content.get(quote.lang)
        original = original_item.quotes[index].text if original_item else None
        translated = quote.lang != self.lang and item.is_translated(self.lang) and original is not None
        return {
            "speaker": self.site.people[quote.speaker],
            "role": self.person_role(quote.speaker),
            "text": quote.text,
            "lang": quote.lang if not item.is_translated(self.lang) else self.lang,
            "translated": translated,
            "original": original,
            "original_lang": quote.lang,
            # Shown in the source language on a page of this language: kept out of its search.
            "stand_in": not item.is_translated(self.lang),
        }

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
        self._programmes()
        self._notions()
        self._partners()
        self._speakers()
        self._tags()
        self._field_reference()
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
        source = Renderer(self.site, SOURCE_LANGUAGE, targets=self.targets, templates=self.templates)
        render_page(source)
        page = source.pages.pop()
        original = relative_url(page.src_uri, "../" + url_of(page.src_uri))
        self.pages.append(dataclasses.replace(
            page,
            markdown=self._notice("missing", original)
            + f'<div lang="{SOURCE_LANGUAGE}" markdown>\n\n{page.markdown}\n</div>\n',
            # Tags are language-neutral: the stand-in carries this language's labels, so that
            # they link to this language's tag pages.
            meta={**page.meta, **self._tag_meta(item), "search": {"exclude": True}},
            translated=False,
            blocks=(),
        ))

    def _emit(
        self,
        src_uri: str,
        template: str,
        meta: dict[str, Any],
        item: Item | None = None,
        section: str | None = None,
        **context: Any,
    ) -> None:
        if self.lang == "fr":  # the page title and description are French text too
            meta = {k: i18n.french_spacing(v) if k in ("title", "description") and isinstance(v, str) else v
                    for k, v in meta.items()}
        notice = ""
        if item is not None and self.lang != SOURCE_LANGUAGE and item.state is TranslationState.STALE:
            notice = self._notice("stale", relative_url(src_uri, "../" + url_of(src_uri)))
        # The editor's body goes in after the blocks are found: only the templates' own count.
        editor_body = context.pop("body", None)
        body = self.templates.render(
            template,
            r=self, t=self.t, lang=self.lang, uri=src_uri,
            link=lambda to, anchor="": relative_link(src_uri, to, anchor),
            href=lambda to: self._href(src_uri, to, template),
            fmt_range=lambda d: i18n.format_range(d.start, d.end, self.lang),
            fmt_day=lambda d: i18n.format_day(d, self.lang),
            body=_BODY_MARK if editor_body is not None else None, **context,
        )
        spans = [(start + len(notice), end + len(notice)) for start, end in block_spans(body)]
        if editor_body is not None and _BODY_MARK in body:
            at = body.find(_BODY_MARK) + len(notice)
            shift = len(editor_body) - len(_BODY_MARK)
            spans = [(s, e) if e <= at else (s + shift, e + shift) for s, e in spans]
            body = body.replace(_BODY_MARK, editor_body, 1)
        self.pages.append(
            RenderedPage(
                src_uri=src_uri,
                markdown=notice + body,
                meta=_escaped(meta),
                source=item.paths.get(self.lang) if item else None,
                section=section,
                title=meta.get("title", ""),
                languages=tuple(lang for lang in LANGUAGES if item is None or item.is_translated(lang)),
                description=meta.get("description", ""),
                published=meta.get("date"),
                blocks=tuple(spans),
            )
        )

    def _href(self, from_uri: str, to_uri: str, template: str) -> str:
        self.targets.setdefault(to_uri, template)
        return relative_url(from_uri, url_of(to_uri))

    def _notice(self, kind: str, original_url: str) -> str:
        return self.templates.render(
            "notice.md.j2", kind=kind, t=self.t, original_url=original_url, lang=self.lang
        )

    def _description(self, text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= 300 else text[:299].rsplit(" ", 1)[0] + "…"

    def _programme(self, programme: ProgrammeItem) -> None:
        p = programme.get(self.lang)
        self._emit(
            programme_uri(programme.id),
            "programme.md.j2",
            {"title": p.title, "description": self._description(p.description)},
            item=programme,
            section=programme.id,
            programme=programme,
            p=p,
            body=self._body(programme),
            timeline=self.timeline(programme),
            sponsor=self.site.people[p.sponsor],
            notion_sessions=self._notion_sessions(programme),
            quotes=self._programme_quotes(programme),
        )

    def _notion_sessions(self, programme: ProgrammeItem) -> list[tuple[Session, str, bool]]:
        """A programme's recaps that have notions: (session, page, shown in French)."""
        return [
            (s.get(self.lang), session_uri(programme.id, s.source.number), not s.is_translated(self.lang))
            for s in programme.sessions if s.get(self.lang).notions
        ]

    def _programme_quotes(self, programme: ProgrammeItem) -> list[dict[str, Any]]:
        quotes = []
        for session in programme.sessions:
            s = session.get(self.lang)
            for i in range(len(s.quotes)):
                quotes.append({**self.quote_view(session, i),
                               "where": f"{self.t('session_n', n=s.number)} · {s.title}",
                               "where_uri": session_uri(programme.id, s.number)})
        return quotes

    def timeline(self, programme: ProgrammeItem) -> list[dict[str, Any]]:
        recapped = {s.source.number: s for s in programme.sessions}
        announced: dict[int, Any] = {}
        for session in programme.sessions:
            nxt = session.get(self.lang).next_session
            if nxt is not None and nxt.number not in recapped:
                announced[nxt.number] = nxt
        rows = []
        for number in range(1, programme.source.sessions_planned + 1):
            session = recapped.get(number)
            rows.append(
                {
                    "number": number,
                    "session": session.get(self.lang) if session else None,
                    "uri": session_uri(programme.id, number) if session else None,
                    "announced": announced.get(number),
                }
            )
        return rows

    def _session(self, programme: ProgrammeItem, item: Item[Session]) -> None:
        s = item.get(self.lang)
        sessions = programme.sessions
        index = sessions.index(item)
        previous = sessions[index - 1] if index > 0 else None
        following = sessions[index + 1] if index + 1 < len(sessions) else None
        tag_labels = self._tag_labels(s.tags)
        self._emit(
            session_uri(programme.id, s.number),
            "session.md.j2",
            {
                "title": s.title,
                "description": self._description(s.summary),
                "tags": tag_labels,
                "date": s.published.isoformat(),
                "author": s.author,
            },
            item=item,
            section=programme.id,
            programme=programme,
            p=programme.get(self.lang),
            s=s,
            body=self._body(item),
            host=self.site.partners[s.host],
            featured=[self.site.partners[pid] for pid in s.partners],
            quotes=[self.quote_view(item, i) for i in range(len(s.quotes))],
            previous=previous.get(self.lang) if previous else None,
            following=following.get(self.lang) if following else None,
            previous_uri=session_uri(programme.id, previous.source.number) if previous else None,
            following_uri=session_uri(programme.id, following.source.number) if following else None,
            programme_page=programme_uri(programme.id),
            partner_uri=partner_uri,
        )

    def _partner(self, item: Item) -> None:
        partner = item.get(self.lang)
        appearances = self._appearances().get(item.id, [])
        self._emit(
            partner_uri(item.id),
            "partner.md.j2",
            {"title": partner.name, "description": self._description(partner.mission)},
            item=item,
            partner=partner,
            body=self._body(item),
            kind=i18n.PARTNER_KINDS[partner.kind][self.lang],
            people=[self.site.people[pid] for pid in partner.people],
            quotes=[self.quote_view(item, i) for i in range(len(partner.quotes))],
            appearances=appearances,
        )

    def _appearances(self) -> dict[str, list[dict[str, Any]]]:
        """Each partner's sessions, with its roles there (worked out once for all partners)."""
        if self._partner_sessions is None:
            self._partner_sessions = {}
            for programme in self.site.programmes.values():
                for session in programme.sessions:
                    s = session.get(self.lang)
                    for partner_id in dict.fromkeys([s.host, *s.partners]):
                        roles = []
                        if s.host == partner_id:
                            roles.append(self.t("hosted"))
                        if partner_id in s.partners:
                            roles.append(self.t("featured"))
                        self._partner_sessions.setdefault(partner_id, []).append(
                            {"uri": session_uri(programme.id, s.number), "session": s,
                             "programme": programme.get(self.lang), "roles": roles}
                        )
        return self._partner_sessions

    def _hand_written(self, key: str, item: Item) -> None:
        page = item.get(self.lang)
        meta: dict[str, Any] = {}
        if page.title:
            meta["title"] = page.title
        if page.description:
            meta["description"] = page.description
        self._emit(page_uri(key), "page.md.j2", meta, item=item, body=self._body(item))

    def _home(self) -> None:
        programmes = sorted(
            self.site.programmes.values(),
            key=lambda p: (max((s.source.dates.start for s in p.sessions), default=None) is None,
                           [-s.source.dates.start.toordinal() for s in p.sessions[-1:]], p.id),
        )
        shown = programmes[:HOME_PROGRAMMES]
        self._emit(
            HOME, "home.md.j2", {"title": self.t("home"), "description": self.t("home_intro")},
            programmes=[(p, p.get(self.lang), self.timeline(p)) for p in shown],
            more=len(programmes) > len(shown), programmes_uri=PROGRAMMES,
        )

    def _by_year(self, entries: list, count: Callable[[list], str]) -> list[Group] | None:
        """``entries`` (each starting with its programme) by year, newest first; None when they
        fit on one page. ``count(entries)`` says how many a year holds."""
        if len(self.site.programmes) <= PROGRAMMES_ON_ONE_PAGE:
            return None
        years: dict[str, list] = {}
        for entry in entries:
            years.setdefault(year_of(entry[0]), []).append(entry)
        order = sorted(years, key=lambda y: (y == UNDATED, -int(y) if y != UNDATED else 0))
        return [Group(y, self.t("undated") if y == UNDATED else y, years[y], count(years[y])) for y in order]

    def _programmes(self) -> None:
        programmes = [(p, p.get(self.lang)) for p in self.site.programmes.values()]
        groups = self._by_year(programmes, lambda found: self._count("programme", len(found)))
        self._grouped(PROGRAMMES_INDEX, programmes, groups)

    def _notions(self) -> None:
        # Grouped by programme: the notions themselves are on each programme's page, so that
        # this page grows with the number of programmes, not with the number of recaps.
        # Which programmes are listed is read from the source, so that both languages have the
        # same pages (a stale translation may lack notions); the counts are this language's.
        entries = [
            (programme, programme.get(self.lang), sum(len(s.get(self.lang).notions) for s in programme.sessions))
            for programme in self.site.programmes.values()
            if any(s.get(SOURCE_LANGUAGE).notions for s in programme.sessions)
        ]
        groups = self._by_year(entries, lambda found: self._count("notion", sum(entry[2] for entry in found)))
        self._grouped(NOTIONS_INDEX, entries, groups)

    def _count(self, what: str, n: int) -> str:
        return self.t(f"{what}_one") if n == 1 else self.t(f"{what}_count", n=n)

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

    def _partners(self) -> None:
        partners = sorted(self.site.partners.values(), key=lambda p: sort_key(p.get(self.lang).name))
        entries = [(p, p.get(self.lang), i18n.PARTNER_KINDS[p.source.kind][self.lang]) for p in partners]
        # By the initial of the name in the source language, so that both languages have the
        # same pages whatever a translation calls the organisation.
        groups = self._by_initial(entries, lambda entry: entry[0].get(SOURCE_LANGUAGE).name, "partner",
                                  PARTNERS_ON_ONE_PAGE)
        self._grouped(PARTNERS_INDEX, entries, groups)

    def _by_initial(self, entries: list, name: Callable[[Any], str], what: str, on_one_page: int) -> list[Group] | None:
        """``entries`` by the initial of ``name(entry)``, a to z then the others; None when no
        more than ``on_one_page`` of them fit on one page."""
        if len(entries) <= on_one_page:
            return None
        initials: dict[str, list] = {}
        for entry in entries:
            initials.setdefault(initial_of(name(entry)), []).append(entry)
        return [
            Group(i, self.t("other_initials") if i == OTHER_INITIAL else i.upper(), initials[i],
                  self._count(what, len(initials[i])))
            for i in sorted(initials, key=lambda i: (i == OTHER_INITIAL, i))
        ]

    def _speakers(self) -> None:
        # Who is quoted, and where: their words are on the programme and partner pages, so that
        # this page grows with the number of people, not with the number of quotes. Who speaks
        # is a language-neutral fact, read from the source: a stale translation may lack quotes,
        # and both languages must have the same speakers' pages for the language switch.
        places: dict[str, dict[str, tuple[str, str, int]]] = {}

        def quoted(speaker: str, uri: str, anchor: str, name: str) -> None:
            where = places.setdefault(speaker, {})
            count = where[uri][2] + 1 if uri in where else 1
            where[uri] = (anchor, name, count)

        for programme in self.site.programmes.values():
            title = programme.get(self.lang).title
            # A stale translation may have no quotes left: no anchor to a section it lacks.
            anchor = "quotes" if any(s.get(self.lang).quotes for s in programme.sessions) else ""
            for session in programme.sessions:
                for quote in session.get(SOURCE_LANGUAGE).quotes:
                    quoted(quote.speaker, programme_uri(programme.id), anchor, title)
        for partner in self.site.partners.values():
            name = partner.get(self.lang).name
            for quote in partner.get(SOURCE_LANGUAGE).quotes:
                quoted(quote.speaker, partner_uri(partner.id), "", name)
        people = sorted(places, key=lambda pid: sort_key(self.site.people[pid].name))
        entries = [
            (self.site.people[pid], self.person_role(pid),
             [{"uri": uri, "anchor": anchor, "name": name, "count": count}
              for uri, (anchor, name, count) in places[pid].items()])
            for pid in people
        ]
        groups = self._by_initial(entries, lambda entry: entry[0].name, "person", SPEAKERS_ON_ONE_PAGE)
        self._grouped(SPEAKERS_INDEX, entries, groups)

    def _tag_labels(self, tag_ids: list[str]) -> list[str]:
        return [self.site.tags[t].label.get(self.lang) for t in dict.fromkeys(tag_ids) if t in self.site.tags]

    def _tag_meta(self, item: Item) -> dict[str, Any]:
        """A page's tags in this language, escaped as ``_escaped`` escapes meta."""
        labels = self._tag_labels(getattr(item.source, "tags", None) or [])
        return {"tags": [html.escape(label) for label in labels]} if labels else {}

    def _tags(self) -> None:
        """The tags page lists the tags; each tag's page lists its recaps (Material's listing,
        scoped to that tag): no page lists every recap."""
        counts: dict[str, int] = {}
        for session in self.site.sessions:
            for tag_id in dict.fromkeys(session.source.tags):  # a tag written twice counts once
                if tag_id in self.site.tags:
                    counts[tag_id] = counts.get(tag_id, 0) + 1
        tags = sorted(
            ((tag, tag.label.get(self.lang)) for tag in self.site.tags.values() if tag.id in counts),
            key=lambda pair: sort_key(pair[1]),
        )
        self._emit(
            TAGS, "tags.md.j2", {"title": self.t("tags"), "description": self.t("tags_intro")},
            tags=[(label, tag_uri(tag.id), counts[tag.id]) for tag, label in tags],
        )
        for tag, label in tags:
            self._emit(
                # Out of search: the recaps it lists are found themselves.
                tag_uri(tag.id), "tag.md.j2",
                {"title": label, "description": self.t("tag_intro"), "search": {"exclude": True}},
                label=label, listing=Markup(_listing_arguments(html.escape(label))),
            )

    def _field_reference(self) -> None:
        self._emit(
            FIELD_REFERENCE, "fields.md.j2", {"title": self.t("field_reference")},
            reference=field_reference(self.lang),
        )


def render_site(site: Site, lang: str) -> list[RenderedPage]:
    """Every generated page of the site in ``lang``."""
    return Renderer(site, lang).render()


def field_reference_markdown(lang: str) -> str:
    """The field reference alone (also kept in README.md by scripts/update-readme.py)."""
    return page_templates(None).render(
        "fields.md.j2", t=lambda key, **v: i18n.label(key, lang, **v), reference=field_reference(lang)
    )
