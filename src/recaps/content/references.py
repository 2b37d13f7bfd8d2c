"""Cross-references, checked once every item is loaded: what one item says of another.

A session's programme, number, host, partners, tags, speakers and next session; a programme's
sponsor; a partner's people and speakers; two partners with one name. An unknown id is reported
with the closest known one; an id of an item or registry that exists but did not load is not
reported again (its own errors are).
"""

from __future__ import annotations

import difflib

from .errors import ErrorReport
from ..messages import Listing, Message, message, plural_message
from .models import LANGUAGES, SOURCE_LANGUAGE, Session
from .reader import RawDocument
from .sitemodel import Item, ProgrammeItem, Site
from .tree import PARTNERS_DIR, PEOPLE_FILE, TAGS_FILE

# Ids of the items and registries that exist but did not load, by kind ("person", "partner",
# "tag"); None where a whole registry did not load: skip every reference to it.
Broken = dict[str, "set[str] | None"]


KNOWN_IDS_SHOWN = 5  # where no known id is close: the first few, in order, and how many more


def _hint(value: str, known: dict) -> Message:
    """The known id closest to ``value``, or else which ids are known, for the editor to pick."""
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    if close:
        return message("did you mean '{id}'?", id=close[0])
    if not known:
        return message("none is listed there yet")
    ids = sorted(known)
    shown = Listing(tuple(message("'{value}'", value=id_) for id_ in ids[:KNOWN_IDS_SHOWN]))
    more = len(ids) - KNOWN_IDS_SHOWN
    if more > 0:
        return plural_message("known ids: {ids} and {count} more", "known ids: {ids} and {count} more", more, ids=shown)
    return message("known ids: {ids}", ids=shown)


class _References:
    """Checks each reference against what the site knows, into one report."""

    def __init__(self, site: Site, report: ErrorReport, broken: Broken) -> None:
        self.site, self.report = site, report
        self.failed_people, self.failed_partners, self.failed_tags = (
            broken.get(kind, set()) for kind in ("person", "partner", "tag")
        )

    def _check(self, doc: RawDocument, location: tuple, field_label: str, value: str, known: dict,
               unknown: Message, broken: set[str] | None) -> None:
        if value in known or broken is None or value in broken:
            return
        self.report.add(doc.path, doc.line_of(location), field_label,
                        unknown.with_fields(id=value, hint=_hint(value, known)))

    def person(self, doc: RawDocument, location: tuple, field_label: str, value: str) -> None:
        self._check(doc, location, field_label, value, self.site.people,
                    message("no person '{id}' in {file}; {hint}", file=PEOPLE_FILE), self.failed_people)

    def partner(self, doc: RawDocument, location: tuple, field_label: str, value: str) -> None:
        self._check(doc, location, field_label, value, self.site.partners,
                    message("no partner '{id}' in {file}; {hint}", file=f"{PARTNERS_DIR}/"), self.failed_partners)

    def tag(self, doc: RawDocument, location: tuple, field_label: str, value: str) -> None:
        self._check(doc, location, field_label, value, self.site.tags,
                    message("no tag '{id}' in {file}; {hint}", file=TAGS_FILE), self.failed_tags)

    def speakers(self, doc: RawDocument, quotes: list) -> None:
        for i, quote in enumerate(quotes):
            self.person(doc, ("quotes", i, "speaker"), f"quotes[{i + 1}].speaker", quote.speaker)


def check_references(site: Site, report: ErrorReport, broken: Broken | None = None) -> None:
    """Report every reference that does not hold; sort each programme's sessions by number."""
    references = _References(site, report, broken or {})
    for programme in site.programmes.values():
        references.person(programme.documents[SOURCE_LANGUAGE], ("sponsor",), "sponsor", programme.source.sponsor)
        numbers: dict[int, Item[Session]] = {}
        for session in programme.sessions:
            _check_session(programme, session, numbers, references, report)
        programme.sessions.sort(key=lambda item: item.source.number)

    _check_partner_names(site, report)
    for partner in site.partners.values():
        doc = partner.documents[SOURCE_LANGUAGE]
        for i, person in enumerate(partner.source.people):
            references.person(doc, ("people", i), f"people[{i + 1}]", person)
        references.speakers(doc, partner.source.quotes)


def _check_session(programme: ProgrammeItem, session: Item[Session], numbers: dict[int, Item[Session]],
                   references: _References, report: ErrorReport) -> None:
    s, sdoc = session.source, session.documents[SOURCE_LANGUAGE]
    if s.programme != programme.id:
        report.add(sdoc.path, sdoc.line_of(("programme",)), "programme",
                   message("'{programme}' does not match the folder it is in ('{folder}')", programme=s.programme,
                           folder=programme.id))
    if f"session-{s.number}" != session.id:
        report.add(sdoc.path, sdoc.line_of(("number",)), "number",
                   message("{number} does not match the file name '{name}'", number=s.number, name=session.id))
    if s.number in numbers:
        report.add(sdoc.path, sdoc.line_of(("number",)), "number",
                   message("session {number} is already recapped in {file}", number=s.number,
                           file=numbers[s.number].paths[SOURCE_LANGUAGE]))
    numbers.setdefault(s.number, session)
    planned = programme.source.sessions_planned
    if s.number > planned:
        report.add(sdoc.path, sdoc.line_of(("number",)), "number",
                   message("{number} is above the programme's {planned} planned sessions", number=s.number,
                           planned=planned))
    if s.published < s.dates.end:
        # A recap tells the whole session: published on its last day at the earliest.
        report.add(sdoc.path, sdoc.line_of(("published",)), "published",
                   message("{published} is before the session ended ({end}): a recap is published on the "
                           "session's last day or later; check both dates", published=s.published, end=s.dates.end))
    references.partner(sdoc, ("host",), "host", s.host)
    _check_session_partners(sdoc, s.partners, references, report)
    for i, tag in enumerate(s.tags):
        references.tag(sdoc, ("tags", i), f"tags[{i + 1}]", tag)
    references.speakers(sdoc, s.quotes)
    _check_next_session(sdoc, s, planned, report)


def _check_session_partners(sdoc: RawDocument, partners: list[str], references: _References,
                            report: ErrorReport) -> None:
    listed: dict[str, int] = {}
    for i, partner in enumerate(partners):
        if partner in listed:
            report.add(sdoc.path, sdoc.line_of(("partners", i)), f"partners[{i + 1}]",
                       message("'{partner}' is listed twice (also {field}): list each partner once", partner=partner,
                               field=f"partners[{listed[partner] + 1}]"))
            continue
        listed[partner] = i
        references.partner(sdoc, ("partners", i), f"partners[{i + 1}]", partner)


def _check_next_session(sdoc: RawDocument, s: Session, planned: int, report: ErrorReport) -> None:
    if s.next_session is None:
        return
    location = ("next_session", "number")
    if s.next_session.number == s.number:
        report.add(sdoc.path, sdoc.line_of(location), "next_session.number",
                   message("a session cannot announce itself as the next session"))
    elif s.next_session.number < s.number:
        report.add(sdoc.path, sdoc.line_of(location), "next_session.number",
                   message("session {next} comes before this one ({number}): the next session has a higher number",
                           next=s.next_session.number, number=s.number))
    elif s.next_session.number > planned:
        report.add(sdoc.path, sdoc.line_of(location), "next_session.number",
                   message("{number} is above the programme's {planned} planned sessions",
                           number=s.next_session.number, planned=planned))


def _check_partner_names(site: Site, report: ErrorReport) -> None:
    """Two partners with one name in a language would be listed alike, and readers could not tell
    them apart (as for the tags' labels). An untranslated partner shows its French name in English."""
    for lang in LANGUAGES:
        seen: dict[str, str] = {}
        for partner in site.partners.values():
            name = partner.get(lang).name
            if name in seen:
                doc = partner.documents[lang if partner.is_translated(lang) else SOURCE_LANGUAGE]
                report.add(doc.path, doc.line_of(("name",)), "name",
                           message("'{name}' is also the name of the partner '{other}': give each partner its own",
                                   name=name, other=seen[name]))
            seen.setdefault(name, partner.id)
