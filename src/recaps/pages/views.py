"""What the page templates show, worked out from the site model for one language: pure functions.

Each returns plain values (items, dicts, tuples) that a template lays out; none renders text
but the labels it names. Which index entries exist is read from the source language, so that
both languages have the same pages. A translation shows every notion and quote of its source:
those it lacks, in French (recaps.content.pairing).
"""

from __future__ import annotations

from typing import Any

from . import i18n
from .groupings import sort_key
from ..content.loader import Item, ProgrammeItem, Site
from ..content.models import SOURCE_LANGUAGE, Session
from ..content.urls import partner_uri, programme_uri, session_uri, tag_uri


def description(text: str) -> str:
    """A page's description: the text on one line, cut at a word within 300 characters."""
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:299].rsplit(" ", 1)[0] + "…"


def person_role(site: Site, lang: str, person_id: str) -> str:
    person = site.people[person_id]
    parts = [person.role.get(lang)]
    if person.organisation:
        parts.append(person.organisation.get(lang))
    return ", ".join(parts)


def quote_view(site: Site, lang: str, item: Item, index: int) -> dict[str, Any]:
    """A quote as shown in this language: its text, and the original if it was translated.

    Where this language's translation lacks the quote (or the whole item), its text is the
    French source's, marked as French and kept out of this language's search."""
    quote = item.get(lang).quotes[index]
    shown_in = item.text_language(lang, "quotes", index)
    original = _quote_text(item, quote.lang, index)
    return {
        "speaker": site.people[quote.speaker],
        "role": person_role(site, lang, quote.speaker),
        "text": quote.text,
        "lang": shown_in,
        "translated": quote.lang != shown_in and original is not None,
        "original": original,
        "original_lang": quote.lang,
        # Shown in the source language on a page of this language: kept out of its search.
        "stand_in": shown_in != lang,
    }


def _quote_text(item: Item, lang: str, index: int) -> str | None:
    """The quote's words in ``lang``, where the item has them in that language."""
    if lang not in item.content or item.text_language(lang, "quotes", index) != lang:
        return None
    return item.content[lang].quotes[index].text


def notions_of(item: Item, lang: str) -> list[dict[str, Any]]:
    """A recap's notions as shown in this language; one its translation lacks is the French
    source's, marked as French (``lang``) and kept out of this language's search."""
    return [
        {"title": notion.title, "text": notion.text,
         "lang": SOURCE_LANGUAGE if item.stands_in(lang, "notions", index) else None}
        for index, notion in enumerate(item.get(lang).notions)
    ]


def quotes_of(site: Site, lang: str, item: Item) -> list[dict[str, Any]]:
    return [quote_view(site, lang, item, i) for i in range(len(item.get(lang).quotes))]


def timeline(programme: ProgrammeItem, lang: str) -> list[dict[str, Any]]:
    """A row per planned session: recapped (with its page), announced by the one before, or neither."""
    recapped = {s.source.number: s for s in programme.sessions}
    announced: dict[int, Any] = {}
    for session in programme.sessions:
        nxt = session.get(lang).next_session
        if nxt is not None and nxt.number not in recapped:
            announced[nxt.number] = nxt
    return [
        {
            "number": number,
            "session": recapped[number].get(lang) if number in recapped else None,
            "uri": session_uri(programme.id, number) if number in recapped else None,
            "announced": announced.get(number),
        }
        for number in range(1, programme.source.sessions_planned + 1)
    ]


def notion_sessions(programme: ProgrammeItem, lang: str) -> list[tuple[Session, str, bool, list[dict[str, Any]]]]:
    """A programme's recaps that have notions: (session, page, shown in French, its notions)."""
    return [
        (s.get(lang), session_uri(programme.id, s.source.number), not s.is_translated(lang), notions_of(s, lang))
        for s in programme.sessions if s.get(lang).notions
    ]


def programme_quotes(site: Site, lang: str, programme: ProgrammeItem) -> list[dict[str, Any]]:
    """Every quote of a programme's recaps, each with the recap it is from."""
    quotes = []
    for session in programme.sessions:
        s = session.get(lang)
        for i in range(len(s.quotes)):
            quotes.append({**quote_view(site, lang, session, i),
                           "where": f"{i18n.label('session_n', lang, n=s.number)} · {s.title}",
                           "where_uri": session_uri(programme.id, s.number)})
    return quotes


def neighbours(programme: ProgrammeItem, item: Item[Session]) -> tuple[Item | None, Item | None]:
    """The recaps before and after ``item`` in its programme."""
    sessions = programme.sessions
    index = sessions.index(item)
    return (sessions[index - 1] if index > 0 else None,
            sessions[index + 1] if index + 1 < len(sessions) else None)


def appearances(site: Site, lang: str) -> dict[str, list[dict[str, Any]]]:
    """Each partner's sessions, with its roles there (for all partners at once)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for programme in site.programmes.values():
        for session in programme.sessions:
            s = session.get(lang)
            for partner_id in dict.fromkeys([s.host, *s.partners]):
                roles = []
                if s.host == partner_id:
                    roles.append(i18n.label("hosted", lang))
                if partner_id in s.partners:
                    roles.append(i18n.label("featured", lang))
                found.setdefault(partner_id, []).append(
                    {"uri": session_uri(programme.id, s.number), "session": s,
                     "programme": programme.get(lang), "roles": roles}
                )
    return found


def home_programmes(site: Site) -> list[ProgrammeItem]:
    """The programmes, latest recapped session first, those without one last."""
    return sorted(
        site.programmes.values(),
        key=lambda p: (max((s.source.dates.start for s in p.sessions), default=None) is None,
                       [-s.source.dates.start.toordinal() for s in p.sessions[-1:]], p.id),
    )


def notion_entries(site: Site, lang: str) -> list[tuple]:
    """(programme, its text, how many notions) for each programme with notions. Grouped by
    programme: the notions themselves are on each programme's page, so that the notions page
    grows with the number of programmes, not with the number of recaps."""
    return [
        (programme, programme.get(lang), sum(len(s.get(lang).notions) for s in programme.sessions))
        for programme in site.programmes.values()
        if any(s.get(SOURCE_LANGUAGE).notions for s in programme.sessions)
    ]


def partner_entries(site: Site, lang: str) -> list[tuple]:
    """(partner, its text, its kind's label) for each partner, in reading order."""
    partners = sorted(site.partners.values(), key=lambda p: sort_key(p.get(lang).name))
    return [(p, p.get(lang), i18n.PARTNER_KINDS[p.source.kind][lang]) for p in partners]


def speaker_entries(site: Site, lang: str) -> list[tuple]:
    """(person, role, where they are quoted) for each person quoted, in reading order.

    Who is quoted, and where: their words are on the programme and partner pages, so that the
    speakers' page grows with the number of people, not with the number of quotes. Who speaks
    is a language-neutral fact, read from the source.
    """
    places: dict[str, dict[str, tuple[str, str, int]]] = {}

    def quoted(speaker: str, uri: str, anchor: str, name: str) -> None:
        where = places.setdefault(speaker, {})
        count = where[uri][2] + 1 if uri in where else 1
        where[uri] = (anchor, name, count)

    for programme in site.programmes.values():
        title = programme.get(lang).title
        # A stale translation may have no quotes left: no anchor to a section it lacks.
        anchor = "quotes" if any(s.get(lang).quotes for s in programme.sessions) else ""
        for session in programme.sessions:
            for quote in session.get(SOURCE_LANGUAGE).quotes:
                quoted(quote.speaker, programme_uri(programme.id), anchor, title)
    for partner in site.partners.values():
        name = partner.get(lang).name
        for quote in partner.get(SOURCE_LANGUAGE).quotes:
            quoted(quote.speaker, partner_uri(partner.id), "", name)
    people = sorted(places, key=lambda pid: sort_key(site.people[pid].name))
    return [
        (site.people[pid], person_role(site, lang, pid),
         [{"uri": uri, "anchor": anchor, "name": name, "count": count}
          for uri, (anchor, name, count) in places[pid].items()])
        for pid in people
    ]


def tag_labels(site: Site, lang: str, tag_ids: list[str]) -> list[str]:
    """The labels of a page's tags, each once."""
    return [site.tags[t].label.get(lang) for t in dict.fromkeys(tag_ids) if t in site.tags]


def tags_used(site: Site, lang: str) -> list[tuple[str, str, int]]:
    """(label, page, how many recaps) for each tag a recap has, in reading order."""
    counts: dict[str, int] = {}
    for session in site.sessions:
        for tag_id in dict.fromkeys(session.source.tags):  # a tag written twice counts once
            if tag_id in site.tags:
                counts[tag_id] = counts.get(tag_id, 0) + 1
    tags = sorted(
        ((tag, tag.label.get(lang)) for tag in site.tags.values() if tag.id in counts),
        key=lambda pair: sort_key(pair[1]),
    )
    return [(label, tag_uri(tag.id), counts[tag.id]) for tag, label in tags]
