"""Cross-references, checked once every item is loaded: what one item says of another.

A session's programme, number, host, partners, tags, speakers and next session; a programme's
sponsor; a partner's people and speakers; each item's id against its file name; two partners
with one name. An unknown id is reported with the closest known one; an id of an item or
registry that exists but did not load is not reported again (its own errors are).

Every item whose French file reads is checked, whether or not it validated: one that did not
is checked on its content as far as it validated (``partial_validation``), where each value that
did not is None, and no rule runs on a None (that value's error is reported already). So a
misspelt field does not hide an unknown host, and no mistake is reported twice.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .discovery import ItemFiles
from .errors import ErrorReport
from ..messages import Listing, Message, message, plural_message
from .models import LANGUAGES, SOURCE_LANGUAGE, Content, Session
from .reader import RawDocument
from .sitemodel import Site
from .tree import PARTNERS_DIR, PEOPLE_FILE, TAGS_FILE

# Ids of the items and registries that exist but did not load, by kind ("person", "partner",
# "tag"); None where a whole registry did not load: skip every reference to it.
Broken = dict[str, "set[str] | None"]


@dataclass(frozen=True)
class Written:
    """What one item's French file says: its content, or as far as it validated (None for each
    value that did not)."""

    files: ItemFiles
    doc: RawDocument
    content: Content


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

    def _check(self, doc: RawDocument, location: tuple, field_label: str, value: str | None, known: dict,
               unknown: Message, broken: set[str] | None) -> None:
        if value is None or value in known or broken is None or value in broken:
            return  # None: the value did not validate, and its error is reported already
        self.report.add(doc.path, doc.line_of(location), field_label,
                        unknown.with_fields(id=value, hint=_hint(value, {**known, **dict.fromkeys(broken)})))

    def person(self, doc: RawDocument, location: tuple, field_label: str, value: str | None) -> None:
        self._check(doc, location, field_label, value, self.site.people,
                    message("no person '{id}' in {file}; {hint}", file=PEOPLE_FILE), self.failed_people)

    def partner(self, doc: RawDocument, location: tuple, field_label: str, value: str | None) -> None:
        self._check(doc, location, field_label, value, self.site.partners,
                    message("no partner '{id}' in {file}; {hint}", file=f"{PARTNERS_DIR}/"), self.failed_partners)

    def tag(self, doc: RawDocument, location: tuple, field_label: str, value: str | None) -> None:
        self._check(doc, location, field_label, value, self.site.tags,
                    message("no tag '{id}' in {file}; {hint}", file=TAGS_FILE), self.failed_tags)

    def speakers(self, doc: RawDocument, quotes: list) -> None:
        for i, quote in enumerate(quotes or []):
            if quote is not None:
                self.person(doc, ("quotes", i, "speaker"), f"quotes[{i + 1}].speaker", quote.speaker)


def check_references(site: Site, report: ErrorReport, broken: Broken, written: list[Written]) -> None:
    """Report every reference that does not hold, in what each item wrote (``written``, in the
    order of the items: a session number used twice is reported on the later one); sort each
    programme's sessions by number."""
    references = _References(site, report, broken)
    planned = {w.files.id: w.content.sessions_planned for w in written if w.files.kind == "programme"}
    numbers: dict[str, dict[int, str]] = {}  # by programme folder: each number's first session
    for w in written:
        if w.files.kind == "page":
            continue  # a hand-written page has no id, and names no other item
        _check_id(w, report)
        if w.files.kind == "programme":
            references.person(w.doc, ("sponsor",), "sponsor", w.content.sponsor)
        elif w.files.kind == "session":
            folder = w.files.folder
            _check_session(w, planned.get(folder), numbers.setdefault(folder, {}), references, report)
        else:
            _check_partner(w, references)
    for programme in site.programmes.values():
        programme.sessions.sort(key=lambda item: item.source.number)
    _check_partner_names(site, report)


def _check_partner(w: Written, references: _References) -> None:
    for i, person in enumerate(w.content.people or []):
        references.person(w.doc, ("people", i), f"people[{i + 1}]", person)
    references.speakers(w.doc, w.content.quotes)


def _check_id(w: Written, report: ErrorReport) -> None:
    item_id = w.content.id
    if item_id is not None and item_id != w.files.id:
        report.add(w.doc.path, w.doc.line_of(("id",)), "id",
                   message("'{id}' does not match the file name '{name}'", id=item_id, name=w.files.id))


def _check_session(w: Written, planned: int | None, numbers: dict[int, str], references: _References,
                   report: ErrorReport) -> None:
    s, sdoc, folder = w.content, w.doc, w.files.folder
    if s.programme is not None and s.programme != folder:
        report.add(sdoc.path, sdoc.line_of(("programme",)), "programme",
                   message("'{programme}' does not match the folder it is in ('{folder}')", programme=s.programme,
                           folder=folder))
    if s.number is not None:
        _check_number(w, planned, numbers, report)
    _check_published(sdoc, s, report)
    references.partner(sdoc, ("host",), "host", s.host)
    _check_session_partners(sdoc, s.partners or [], references, report)
    for i, tag in enumerate(s.tags or []):
        references.tag(sdoc, ("tags", i), f"tags[{i + 1}]", tag)
    references.speakers(sdoc, s.quotes)
    _check_next_session(sdoc, s, planned, report)


def _check_published(sdoc: RawDocument, s: Session, report: ErrorReport) -> None:
    """A recap tells the whole session: published on its last day at the earliest."""
    end = s.dates.end if s.dates is not None else None
    if s.published is not None and end is not None and s.published < end:
        report.add(sdoc.path, sdoc.line_of(("published",)), "published",
                   message("{published} is before the session ended ({end}): a recap is published on the "
                           "session's last day or later; check both dates", published=s.published, end=end))


def _check_number(w: Written, planned: int | None, numbers: dict[int, str], report: ErrorReport) -> None:
    number, sdoc, line = w.content.number, w.doc, w.doc.line_of(("number",))
    if f"session-{number}" != w.files.id:
        report.add(sdoc.path, line, "number",
                   message("{number} does not match the file name '{name}'", number=number, name=w.files.id))
    if number in numbers:
        report.add(sdoc.path, line, "number",
                   message("session {number} is already recapped in {file}", number=number, file=numbers[number]))
    numbers.setdefault(number, sdoc.path)
    if planned is not None and number > planned:
        report.add(sdoc.path, line, "number",
                   message("{number} is above the programme's {planned} planned sessions", number=number,
                           planned=planned))


def _check_session_partners(sdoc: RawDocument, partners: list[str], references: _References,
                            report: ErrorReport) -> None:
    listed: dict[str, int] = {}
    for i, partner in enumerate(partners):
        if partner is None:
            continue
        if partner in listed:
            report.add(sdoc.path, sdoc.line_of(("partners", i)), f"partners[{i + 1}]",
                       message("'{partner}' is listed twice (also {field}): list each partner once", partner=partner,
                               field=f"partners[{listed[partner] + 1}]"))
            continue
        listed[partner] = i
        references.partner(sdoc, ("partners", i), f"partners[{i + 1}]", partner)


def _check_next_session(sdoc: RawDocument, s: Session, planned: int | None, report: ErrorReport) -> None:
    if s.next_session is None or s.next_session.number is None:
        return
    location, number = ("next_session", "number"), s.next_session.number
    if number == s.number:
        report.add(sdoc.path, sdoc.line_of(location), "next_session.number",
                   message("a session cannot announce itself as the next session"))
    elif s.number is not None and number < s.number:
        report.add(sdoc.path, sdoc.line_of(location), "next_session.number",
                   message("session {next} comes before this one ({number}): the next session has a higher number",
                           next=number, number=s.number))
    elif planned is not None and number > planned:
        report.add(sdoc.path, sdoc.line_of(location), "next_session.number",
                   message("{number} is above the programme's {planned} planned sessions", number=number,
                           planned=planned))


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
