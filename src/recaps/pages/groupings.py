"""How the index pages list their entries: in reading order, and on a large site grouped over
several pages (by initial, by year) so that no page grows with every person, programme or partner.
Pure functions; ``t`` is the label function of the page's language (recaps.pages.i18n.label)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any, Callable

from ..content.loader import ProgrammeItem
from ..content.models import SOURCE_LANGUAGE
from ..content.urls import (
    NOTIONS,
    NOTIONS_FOLDER,
    PARTNERS,
    PARTNERS_FOLDER,
    PROGRAMMES,
    PROGRAMMES_FOLDER,
    SPEAKERS,
    SPEAKERS_FOLDER,
)

# A large site's indexes are grouped over several pages, so that no page grows with every person,
# programme or partner: beyond this many people quoted (partners), the speakers (partners) page
# lists the initials, each with its page; beyond this many programmes, the programmes and notions
# pages list the years.
SPEAKERS_ON_ONE_PAGE = 60
PROGRAMMES_ON_ONE_PAGE = 60
PARTNERS_ON_ONE_PAGE = 60
OTHER_INITIAL = "other"  # names that do not start with a letter a-z, accents removed
UNDATED = "undated"  # programmes without a recapped session yet


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


def count_label(t: Callable[..., str], what: str, n: int) -> str:
    """"1 programme", "3 programmes"... in the language of ``t``."""
    return t(f"{what}_one") if n == 1 else t(f"{what}_count", n=n)


def by_year(entries: list, programmes: int, t: Callable[..., str], count: Callable[[list], str]) -> list[Group] | None:
    """``entries`` (each starting with its programme) by year, newest first; None when the site's
    ``programmes`` fit on one page. ``count(entries)`` says how many a year holds."""
    if programmes <= PROGRAMMES_ON_ONE_PAGE:
        return None
    years: dict[str, list] = {}
    for entry in entries:
        years.setdefault(year_of(entry[0]), []).append(entry)
    order = sorted(years, key=lambda y: (y == UNDATED, -int(y) if y != UNDATED else 0))
    return [Group(y, t("undated") if y == UNDATED else y, years[y], count(years[y])) for y in order]


def by_initial(entries: list, name: Callable[[Any], str], what: str, on_one_page: int,
               t: Callable[..., str]) -> list[Group] | None:
    """``entries`` by the initial of ``name(entry)``, a to z then the others; None when no
    more than ``on_one_page`` of them fit on one page."""
    if len(entries) <= on_one_page:
        return None
    initials: dict[str, list] = {}
    for entry in entries:
        initials.setdefault(initial_of(name(entry)), []).append(entry)
    return [
        Group(i, t("other_initials") if i == OTHER_INITIAL else i.upper(), initials[i],
              count_label(t, what, len(initials[i])))
        for i in sorted(initials, key=lambda i: (i == OTHER_INITIAL, i))
    ]


# Each index's groups, from its entries (recaps.pages.views): None when it fits on one page.

def programme_groups(entries: list, programmes: int, t: Callable[..., str]) -> list[Group] | None:
    return by_year(entries, programmes, t, lambda found: count_label(t, "programme", len(found)))


def notion_groups(entries: list, programmes: int, t: Callable[..., str]) -> list[Group] | None:
    return by_year(entries, programmes, t, lambda found: count_label(t, "notion", sum(len(e[2]) for e in found)))


def partner_groups(entries: list, t: Callable[..., str]) -> list[Group] | None:
    # By the initial of the name in the source language, so that both languages have the same
    # pages whatever a translation calls the organisation.
    return by_initial(entries, lambda entry: entry[0].get(SOURCE_LANGUAGE).name, "partner", PARTNERS_ON_ONE_PAGE, t)


def speaker_groups(entries: list, t: Callable[..., str]) -> list[Group] | None:
    return by_initial(entries, lambda entry: entry[0].name, "person", SPEAKERS_ON_ONE_PAGE, t)
