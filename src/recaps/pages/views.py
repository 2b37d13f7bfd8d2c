"""What the page templates show, worked out from the site model for one language: pure functions.

Each returns plain values (items, dicts, tuples) that a template lays out; none renders text
but the labels it names. Which index entries exist is read from the source language, so that
both languages have the same pages. A translation shows every notion and quote of its source:
those it lacks, in French (recaps.content.pairing).
"""

from __future__ import annotations

from typing import Any

from . import i18n, pictures
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


def shown_in(item: Item, lang: str) -> str:
    """The language ``item``'s text is shown in on a page of ``lang``: its own, or the French
    source standing in for a missing translation (marked with lang="fr" in the page)."""
    return lang if item.is_translated(lang) else SOURCE_LANGUAGE


def quote_view(site: Site, lang: str, item: Item, index: int) -> dict[str, Any]:
    """A quote as shown in this language: its text, its speaker's name, role and organisation,
    and the original wording if it was translated.

    Where this language's translation lacks the quote (or the whole item), its text is the
    French source's, marked as French and kept out of this language's search."""
    quote = item.get(lang).quotes[index]
    language = item.text_language(lang, "quotes", index)
    original = _quote_text(item, quote.lang, index)
    person = site.people[quote.speaker]
    return {
        "speaker": person,
        "portrait": pictures.portrait(site, lang, person),
        "role": person.role.get(lang),
        "organisation": person.organisation.get(lang) if person.organisation else None,
        "text": quote.text,
        "lang": language,
        "translated": quote.lang != language and original is not None,
        # French wording keeps its French spacing on a page of another language too.
        "original": i18n.french_spacing(original) if original and quote.lang == "fr" else original,
        "original_lang": quote.lang,
        # Shown in the source language on a page of this language: kept out of its search.
        "stand_in": language != lang,
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
    """A row per planned session, in one of four states: ``recapped`` (with its page),
    ``announced`` (the next session a recap announces), ``past`` (before a recapped session: it
    took place, its recap is not published) or ``future`` (after the last recapped session)."""
    recapped = {s.source.number: s for s in programme.sessions}
    last = max(recapped, default=0)
    announced: dict[int, tuple[Any, Item]] = {}
    for session in programme.sessions:
        nxt = session.get(lang).next_session
        if nxt is not None and nxt.number > last:
            announced[nxt.number] = (nxt, session)
    rows = []
    for number in range(1, programme.source.sessions_planned + 1):
        row: dict[str, Any] = {"number": number, "session": None, "uri": None, "announced": None, "lang": lang}
        if number in recapped:
            item = recapped[number]
            row.update(state="recapped", session=item.get(lang), uri=session_uri(programme.id, number),
                       lang=shown_in(item, lang))
        elif number in announced:
            nxt, by = announced[number]
            row.update(state="announced", announced=nxt, lang=shown_in(by, lang))
        else:
            row["state"] = "past" if number < last else "future"
        rows.append(row)
    return rows


def notion_sessions(programme: ProgrammeItem, lang: str) -> list[tuple[Session, str, bool, list[dict[str, Any]]]]:
    """A programme's recaps that have notions: (session, page, shown in French, its notions)."""
    return [
        (s.get(lang), session_uri(programme.id, s.source.number), not s.is_translated(lang), notions_of(s, lang))
        for s in programme.sessions if s.get(lang).notions
    ]


def programme_quotes(site: Site, lang: str, programme: ProgrammeItem) -> list[dict[str, Any]]:
    """The quotes of a programme's recaps, by recap: the recap (its text, page, whether it is
    shown in French) and its quotes."""
    return [
        {"session": session.get(lang), "uri": session_uri(programme.id, session.source.number),
         "stand_in": not session.is_translated(lang), "quotes": quotes_of(site, lang, session)}
        for session in programme.sessions if session.get(lang).quotes
    ]


def focus_boxes(site: Site, lang: str, session: Session) -> list[dict[str, Any]]:
    """The partners a recap features, each as its sidebar shows it."""
    boxes = []
    for partner_id in session.partners:
        item = site.partners[partner_id]
        partner = item.get(lang)
        boxes.append({"id": partner_id, "name": partner.name, "kind": i18n.PARTNER_KINDS[partner.kind][lang],
                      "city": partner.city, "mission": partner.mission, "website": partner.website,
                      "uri": partner_uri(partner_id), "lang": shown_in(item, lang),
                      "logo": pictures.logo(site, lang, item)})
    return boxes


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


def notion_entries(site: Site, lang: str) -> list[tuple]:
    """(programme, its text, its notions) for each programme with notions, the notions in
    reading order, each with its text and the recap it is from. Grouped by programme, so that a
    large site's notions index splits by the programmes' years (recaps.pages.groupings)."""
    entries = []
    for programme in site.programmes.values():
        if not any(s.get(SOURCE_LANGUAGE).notions for s in programme.sessions):
            continue
        notions = [
            {"title": notion.title, "text": notion.text, "session": session.get(lang),
             "uri": session_uri(programme.id, session.source.number), "lang": shown_in(session, lang)}
            for session in programme.sessions for notion in session.get(lang).notions
        ]
        notions.sort(key=lambda notion: sort_key(notion["title"]))
        entries.append((programme, programme.get(lang), notions))
    return entries


def partner_entries(site: Site, lang: str) -> list[tuple]:
    """(partner, its text, its kind's label) for each partner, in reading order."""
    partners = sorted(site.partners.values(), key=lambda p: sort_key(p.get(lang).name))
    return [(p, p.get(lang), i18n.PARTNER_KINDS[p.source.kind][lang]) for p in partners]


def speaker_entries(site: Site, lang: str) -> list[tuple]:
    """(person, role, where they are quoted, portrait or None) for each person quoted, in reading order.

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
          for uri, (anchor, name, count) in places[pid].items()], pictures.portrait(site, lang, site.people[pid]))
        for pid in people
    ]


def tag_labels(site: Site, lang: str, tag_ids: list[str]) -> list[str]:
    """The labels of a page's tags, each once."""
    return [site.tags[t].label.get(lang) for t in dict.fromkeys(tag_ids) if t in site.tags]


def tag_links(site: Site, lang: str, tag_ids: list[str]) -> list[tuple[str, str]]:
    """(label, page) of each of a recap's tags, once, in reading order."""
    tags = [site.tags[t] for t in dict.fromkeys(tag_ids) if t in site.tags]
    return sorted(((tag.label.get(lang), tag_uri(tag.id)) for tag in tags), key=lambda pair: sort_key(pair[0]))


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
