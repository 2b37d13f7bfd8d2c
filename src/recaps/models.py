"""The content schema: pydantic models of programmes, sessions, partners, people and tags.

These models are also the source of the field reference page (see ``fieldref.py``): every field's
``description`` is written for editors.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LANGUAGES = ("fr", "en")
SOURCE_LANGUAGE = "fr"


def _scalar_to_text(value: Any) -> Any:
    # YAML reads `title: 2025` as a number and `city: 2025-01-01` as a date; editors mean text.
    if isinstance(value, (int, float, datetime.date)) and not isinstance(value, bool):
        return str(value)
    return value


def _check_url(value: str) -> str:
    if not re.match(r"^(https?://[^\s/$.?#][^\s]*|mailto:[^\s@]+@[^\s@]+)$", value, re.IGNORECASE):
        raise ValueError(f"'{value}' is not a web address: use http://, https:// or mailto:")
    return value


Text = Annotated[str, BeforeValidator(_scalar_to_text), StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Url = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_check_url)]
Language = Literal["fr", "en"]
Number = Annotated[int, Field(ge=1, le=999)]


class Content(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)


class LocalizedText(Content):
    """A text given in both languages."""

    fr: Text = Field(description="French text.")
    en: Text = Field(description="English text.")

    def get(self, lang: str) -> str:
        return getattr(self, lang)


class DateRange(Content):
    start: datetime.date = Field(description="First day, YYYY-MM-DD.")
    end: datetime.date = Field(description="Last day, YYYY-MM-DD (the same as start for one day).")

    @model_validator(mode="after")
    def _ends_after_start(self) -> "DateRange":
        if self.end < self.start:
            raise ValueError(f"the range ends ({self.end}) before it starts ({self.start})")
        return self


class Notion(Content):
    title: Text = Field(description="The notion in a few words.")
    text: Text = Field(description="What it means, in two or three sentences.")


class Quote(Content):
    speaker: Id = Field(description="Id of the speaker in sessions/people.yml. Language-neutral.")
    text: Text = Field(description="The words, verbatim in the original language; in the other language, their translation.")
    lang: Language = Field("fr", description="Language the words were said in: fr or en. Language-neutral.")


class NextSession(Content):
    number: Number = Field(description="Number of the announced session. Language-neutral.")
    title: Text | None = Field(None, description="Its theme, if announced.")
    dates: DateRange | None = Field(None, description="Its dates, if announced. Language-neutral.")
    note: Text | None = Field(None, description="A line announcing it.")


class Translatable(Content):
    translation_of: str | None = Field(
        None,
        description="English file only: the version of the French source it translates. "
        "Written by `recaps mark-translated`; do not edit by hand.",
    )


class Programme(Translatable):
    id: Id = Field(description="Identifier, the name of the programme's folder. Language-neutral.")
    title: Text = Field(description="Name of the programme.")
    organiser: Text = Field(description="Organisation running the programme.")
    sponsor: Id = Field(description="Id of the programme's sponsor in sessions/people.yml. Language-neutral.")
    sessions_planned: Number = Field(description="Number of sessions planned. Language-neutral.")
    description: Text = Field(description="One or two sentences presenting the programme.")


class Session(Translatable):
    id: Id = Field(description="Identifier, the file name without language: session-<number>. Language-neutral.")
    programme: Id = Field(description="Id of the programme (its folder). Language-neutral.")
    number: Number = Field(description="Number of the session in the programme. Language-neutral.")
    title: Text = Field(description="Theme of the session.")
    dates: DateRange = Field(description="Dates of the session. Language-neutral.")
    city: Text = Field(description="City where it took place. Language-neutral.")
    host: Id = Field(description="Id of the partner that hosted it (partners/<id>.fr.md). Language-neutral.")
    author: Text = Field(description="Author of the recap, e.g. La rédaction.")
    published: datetime.date = Field(description="Publication date of the recap, YYYY-MM-DD. Language-neutral.")
    tags: list[Id] = Field(default_factory=list, description="Tag ids from sessions/tags.yml. Language-neutral.")
    question: Text = Field(description="The session's guiding question.")
    summary: Text = Field(description="One or two sentences: what the session was about (used in lists, feeds and link previews).")
    notions: list[Notion] = Field(default_factory=list, description="The key notions the session leaves, each a title and a text.")
    quotes: list[Quote] = Field(default_factory=list, description="Speakers' words: speaker, text and original language.")
    partners: list[Id] = Field(default_factory=list, description="Ids of partners featured in focus boxes. Language-neutral.")
    next_session: NextSession | None = Field(None, description="The session announced next, if any.")


PartnerKind = Literal[
    "association", "non-profit-project", "company", "school", "institution", "public-body", "network"
]


class Partner(Translatable):
    id: Id = Field(description="Identifier, the file name without language. Language-neutral.")
    name: Text = Field(description="Name of the organisation.")
    kind: PartnerKind = Field(description="One of: association, non-profit-project, company, school, institution, public-body, network. Language-neutral.")
    city: Text | None = Field(None, description="City, if known. Language-neutral.")
    website: Url = Field(description="Web address, http(s):// or mailto:. Language-neutral.")
    mission: Text = Field(description="Its mission in one sentence.")
    people: list[Id] = Field(default_factory=list, description="Ids of its people in sessions/people.yml. Language-neutral.")
    quotes: list[Quote] = Field(default_factory=list, description="Words of its people, as for sessions.")


class Page(Translatable):
    """A hand-written page in docs/: front matter is optional."""

    title: Text | None = Field(None, description="Page title, if not the first heading.")
    description: Text | None = Field(None, description="Summary for search engines and link previews.")


class Person(Content):
    id: Id = Field(description="Identifier used by quotes and partners.")
    name: Text = Field(description="Full name, as written in both languages.")
    role: LocalizedText = Field(description="Role, in fr and en.")
    organisation: LocalizedText | None = Field(None, description="Organisation, in fr and en.")


class PeopleRegistry(Content):
    people: list[Person] = Field(description="Everyone quoted or named.")


class Tag(Content):
    id: Id = Field(description="Identifier used in a session's tags.")
    label: LocalizedText = Field(description="Label shown to readers, in fr and en.")


class TagRegistry(Content):
    tags: list[Tag] = Field(description="Every tag sessions may use.")


# What does not depend on language: written in the French file, optional in the English one
# (where, if given, it must agree). "*" stands for every item of a list.
NEUTRAL_FIELDS: dict[type[Content], tuple[str, ...]] = {
    Programme: ("id", "sponsor", "sessions_planned"),
    Session: (
        "id", "programme", "number", "dates", "city", "host", "published", "tags", "partners",
        "quotes.*.speaker", "quotes.*.lang", "next_session.number", "next_session.dates",
    ),
    Partner: ("id", "kind", "city", "website", "people", "quotes.*.speaker", "quotes.*.lang"),
    Page: (),
}

# Lists whose items are translated one by one: the translation must have as many.
PARALLEL_LISTS: dict[type[Content], tuple[str, ...]] = {
    Programme: (),
    Session: ("notions", "quotes"),
    Partner: ("quotes",),
    Page: (),
}
