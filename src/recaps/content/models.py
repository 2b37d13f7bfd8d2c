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

from .characters import bidi_control, control_message
from .image_files import LIMITS
from ..messages import message

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LANGUAGES = ("fr", "en")
SOURCE_LANGUAGE = "fr"


def _scalar_to_text(value: Any) -> Any:
    # YAML reads `title: 2025` as a number and `city: 2025-01-01` as a date; editors mean text.
    if isinstance(value, (int, float, datetime.date)) and not isinstance(value, bool):
        return str(value)
    return value


def _shown(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _check_url(value: str) -> str:
    if not re.match(r"^(https?://[^\s/$.?#][^\s]*|mailto:[^\s@]+@[^\s@]+)$", value, re.IGNORECASE):
        raise ValueError(message("'{value}' is not a web address: use http://, https:// or mailto:", value=_shown(value)))
    return value


# C0 controls but tab and line feed, DEL, C1 controls, line and paragraph separators: invisible,
# and never meant. YAML escapes ("\e", "\0", "\L") write them where the file itself may not.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _no_control_characters(value: str) -> str:
    if value.isprintable():  # the usual text: Python counts every character refused below as not printable
        return value
    match = _CONTROL.search(value)
    if match:
        raise ValueError(control_message(ord(match.group())))
    bidi = bidi_control(value)  # YAML's "\u202E" writes one where the file itself may not
    if bidi:
        raise ValueError(bidi)
    return value


def _text(max_length: int) -> Any:
    """Text written by editors: numbers and dates read as text, trimmed, not empty, bounded."""
    # The constraints come before the BeforeValidator so that pydantic-core applies them itself; a
    # BeforeValidator still runs first, whatever its place.
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length),
        BeforeValidator(_scalar_to_text),
        AfterValidator(_no_control_characters),
    ]


MAX_SHORT_TEXT = 300  # titles, names, cities: one line
MAX_LONG_TEXT = 2_000  # summaries, descriptions, notions' texts: a paragraph
MAX_QUOTE_TEXT = 5_000  # speakers' words

Text = _text(MAX_SHORT_TEXT)
LongText = _text(MAX_LONG_TEXT)
QuoteText = _text(MAX_QUOTE_TEXT)
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=100)]
Url = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=2_000), AfterValidator(_no_control_characters),
    AfterValidator(_check_url),
]
Language = Literal["fr", "en"]
def _not_a_boolean(value: Any) -> Any:
    # YAML reads `yes`, `on` and `true` as booleans, which pydantic would take for 1.
    if isinstance(value, bool):
        raise ValueError(message("must be a whole number, not {value}", value="true" if value else "false"))
    return value


Number = Annotated[int, BeforeValidator(_not_a_boolean), Field(ge=1, le=999)]


class Content(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)


class LocalizedText(Content):
    """A text given in both languages."""

    fr: Text = Field(description="French text.", json_schema_extra={"fr": "Texte en français."})
    en: Text = Field(description="English text.", json_schema_extra={"fr": "Texte en anglais."})

    def get(self, lang: str) -> str:
        return getattr(self, lang)


class DateRange(Content):
    start: datetime.date = Field(description="First day, YYYY-MM-DD.", json_schema_extra={"fr": "Premier jour, AAAA-MM-JJ."})
    end: datetime.date = Field(description="Last day, YYYY-MM-DD (the same as start for one day).", json_schema_extra={"fr": "Dernier jour, AAAA-MM-JJ (le même que start pour un seul jour)."})

    @model_validator(mode="after")
    def _ends_after_start(self) -> "DateRange":
        if self.end < self.start:
            raise ValueError(message("the range ends ({end}) before it starts ({start})", end=self.end, start=self.start))
        return self


class Notion(Content):
    title: Text = Field(description="The notion in a few words.", json_schema_extra={"fr": "La notion en quelques mots."})
    text: LongText = Field(description="What it means, in two or three sentences.", json_schema_extra={"fr": "Ce qu’elle veut dire, en deux ou trois phrases."})


class Quote(Content):
    speaker: Id = Field(description="Id of the speaker in sessions/people.yml. Language-neutral.", json_schema_extra={"fr": "Id de la personne dans sessions/people.yml. Indépendant de la langue."})
    text: QuoteText = Field(description="The words, verbatim in the original language; in the other language, their translation.", json_schema_extra={"fr": "Les paroles, mot pour mot dans la langue d’origine ; dans l’autre langue, leur traduction."})
    lang: Language = Field("fr", description="Language the words were said in: fr or en. Language-neutral.", json_schema_extra={"fr": "Langue dans laquelle les paroles ont été dites : fr ou en. Indépendant de la langue."})


class NextSession(Content):
    number: Number = Field(description="Number of the announced session. Language-neutral.", json_schema_extra={"fr": "Numéro de la session annoncée. Indépendant de la langue."})
    title: Text | None = Field(None, description="Its theme, if announced.", json_schema_extra={"fr": "Son thème, s’il est annoncé."})
    dates: DateRange | None = Field(None, description="Its dates, if announced. Language-neutral.", json_schema_extra={"fr": "Ses dates, si elles sont annoncées. Indépendant de la langue."})
    note: LongText | None = Field(None, description="A line announcing it.", json_schema_extra={"fr": "Une phrase qui l’annonce."})


def _file_description(kind: str, what: str, quoi: str) -> dict[str, Any]:
    limit = LIMITS[kind]
    return {
        "description": f"The {what}’s file, relative to this file ({limit.folder}<name>.jpg): JPEG, PNG or WebP, "
        f"at least {limit.min_width} px wide, at most 20 MB and 50 megapixels. Language-neutral.",
        "json_schema_extra": {"fr": f"Le fichier {quoi}, relatif à ce fichier ({limit.folder}<nom>.jpg) : JPEG, PNG "
                              f"ou WebP, d’au moins {limit.min_width} px de large, d’au plus 20 Mo et 50 mégapixels. "
                              "Indépendant de la langue."},
    }


class CoverImage(Content):
    file: Text = Field(**_file_description("cover", "photo", "de la photo"))
    alt: Text = Field(description="What the photo shows, for readers who cannot see it (a sentence, not the caption again).", json_schema_extra={"fr": "Ce que montre la photo, pour qui ne la voit pas (une phrase, pas la légende répétée)."})
    caption: LongText | None = Field(None, description="Caption printed under the photo.", json_schema_extra={"fr": "Légende imprimée sous la photo."})
    credit: Text | None = Field(None, description="Who took the photo: their name, or the agency’s, shown under it after Photo:. Language-neutral.", json_schema_extra={"fr": "Qui a pris la photo : son nom, ou celui de l’agence, affiché dessous après Photo :. Indépendant de la langue."})


class Logo(Content):
    file: Text = Field(**_file_description("logo", "logo", "du logo"))
    alt: Text = Field(description="The logo in words, usually the organisation’s name.", json_schema_extra={"fr": "Le logo en mots, d’ordinaire le nom de l’organisation."})


class Portrait(Content):
    """A person's photo; its text for readers who cannot see it is made from the name."""

    file: Text = Field(**_file_description("portrait", "portrait", "du portrait"))


class Translatable(Content):
    translation_of: Annotated[str, StringConstraints(max_length=100)] | None = Field(
        None,
        description="English file only: the version of the French source it translates. "
        "Written by `recaps mark-translated`; do not edit by hand.",
        json_schema_extra={"fr": "Fichier anglais seulement : la version de la source française qu’il traduit. Écrit par `recaps mark-translated` ; ne pas modifier à la main."})


class Programme(Translatable):
    id: Id = Field(description="Identifier, the name of the programme’s folder. Language-neutral.", json_schema_extra={"fr": "Identifiant, le nom du dossier du programme. Indépendant de la langue."})
    title: Text = Field(description="Name of the programme.", json_schema_extra={"fr": "Nom du programme."})
    organiser: Text = Field(description="Organisation running the programme.", json_schema_extra={"fr": "Organisation qui mène le programme."})
    sponsor: Id = Field(description="Id of the programme’s sponsor in sessions/people.yml. Language-neutral.", json_schema_extra={"fr": "Id du parrain du programme dans sessions/people.yml. Indépendant de la langue."})
    sessions_planned: Number = Field(description="Number of sessions planned. Language-neutral.", json_schema_extra={"fr": "Nombre de sessions prévues. Indépendant de la langue."})
    description: LongText = Field(description="One or two sentences presenting the programme.", json_schema_extra={"fr": "Une ou deux phrases qui présentent le programme."})


class Session(Translatable):
    id: Id = Field(description="Identifier, the file name without language: session-<number>. Language-neutral.", json_schema_extra={"fr": "Identifiant, le nom du fichier sans la langue : session-<numéro>. Indépendant de la langue."})
    programme: Id = Field(description="Id of the programme (its folder). Language-neutral.", json_schema_extra={"fr": "Id du programme (son dossier). Indépendant de la langue."})
    number: Number = Field(description="Number of the session in the programme. Language-neutral.", json_schema_extra={"fr": "Numéro de la session dans le programme. Indépendant de la langue."})
    title: Text = Field(description="Theme of the session.", json_schema_extra={"fr": "Thème de la session."})
    dates: DateRange = Field(description="Dates of the session. Language-neutral.", json_schema_extra={"fr": "Dates de la session. Indépendant de la langue."})
    city: Text = Field(description="City where it took place. Language-neutral.", json_schema_extra={"fr": "Ville où elle a eu lieu. Indépendant de la langue."})
    host: Id = Field(description="Id of the partner that hosted it (partners/<id>.fr.md). Language-neutral.", json_schema_extra={"fr": "Id du partenaire qui l’a accueillie (partners/<id>.fr.md). Indépendant de la langue."})
    author: Text = Field(description="Author of the recap, e.g. La rédaction.", json_schema_extra={"fr": "Auteur du récit, par exemple La rédaction."})
    published: datetime.date = Field(description="Publication date of the recap, YYYY-MM-DD. Language-neutral.", json_schema_extra={"fr": "Date de publication du récit, AAAA-MM-JJ. Indépendant de la langue."})
    tags: list[Id] = Field(default_factory=list, description="Tag ids from sessions/tags.yml. Language-neutral.", json_schema_extra={"fr": "Ids d’étiquettes de sessions/tags.yml. Indépendant de la langue."})
    question: LongText = Field(description="The session’s guiding question.", json_schema_extra={"fr": "La question qui guide la session."})
    summary: LongText = Field(description="One or two sentences: what the session was about (used in lists, feeds and link previews).", json_schema_extra={"fr": "Une ou deux phrases : le sujet de la session (listes, flux, aperçus de liens)."})
    notions: list[Notion] = Field(default_factory=list, description="The key notions the session leaves, each a title and a text.", json_schema_extra={"fr": "Les notions clés que laisse la session, chacune un titre et un texte."})
    quotes: list[Quote] = Field(default_factory=list, description="Speakers’ words: speaker, text and original language.", json_schema_extra={"fr": "Paroles d’intervenants : speaker, text et langue d’origine."})
    partners: list[Id] = Field(default_factory=list, description="Ids of partners featured in focus boxes. Language-neutral.", json_schema_extra={"fr": "Ids des partenaires présentés dans des encadrés. Indépendant de la langue."})
    next_session: NextSession | None = Field(None, description="The session announced next, if any.", json_schema_extra={"fr": "La session annoncée ensuite, s’il y en a une."})
    image: CoverImage | None = Field(None, description="Cover photo at the top of the recap, if any: file, alt, caption, credit.", json_schema_extra={"fr": "Photo en tête du récit, s’il y en a une : file, alt, caption, credit."})


PartnerKind = Literal[
    "association", "non-profit-project", "company", "school", "institution", "public-body", "network"
]


class Partner(Translatable):
    id: Id = Field(description="Identifier, the file name without language. Language-neutral.", json_schema_extra={"fr": "Identifiant, le nom du fichier sans la langue. Indépendant de la langue."})
    name: Text = Field(description="Name of the organisation.", json_schema_extra={"fr": "Nom de l’organisation."})
    kind: PartnerKind = Field(description="One of: association, non-profit-project, company, school, institution, public-body, network. Language-neutral.", json_schema_extra={"fr": "L’un de : association, non-profit-project, company, school, institution, public-body, network. Indépendant de la langue."})
    city: Text | None = Field(None, description="City, if known. Language-neutral.", json_schema_extra={"fr": "Ville, si elle est connue. Indépendant de la langue."})
    website: Url = Field(description="Web address, http(s):// or mailto:. Language-neutral.", json_schema_extra={"fr": "Adresse web, http(s):// ou mailto:. Indépendant de la langue."})
    mission: LongText = Field(description="Its mission in one sentence.", json_schema_extra={"fr": "Sa mission en une phrase."})
    people: list[Id] = Field(default_factory=list, description="Ids of its people in sessions/people.yml. Language-neutral.", json_schema_extra={"fr": "Ids de ses personnes dans sessions/people.yml. Indépendant de la langue."})
    quotes: list[Quote] = Field(default_factory=list, description="Words of its people, as for sessions.", json_schema_extra={"fr": "Paroles de ses personnes, comme pour les sessions."})
    logo: Logo | None = Field(None, description="The organisation’s logo, if any: file and alt.", json_schema_extra={"fr": "Le logo de l’organisation, s’il y en a un : file et alt."})


class Page(Translatable):
    """A hand-written page in docs/: front matter is optional."""

    title: Text | None = Field(None, description="Page title, if not the first heading.", json_schema_extra={"fr": "Titre de la page, s’il diffère du premier titre."})
    description: LongText | None = Field(None, description="Summary for search engines and link previews.", json_schema_extra={"fr": "Résumé pour les moteurs de recherche et les aperçus de liens."})


class Person(Content):
    id: Id = Field(description="Identifier used by quotes and partners.", json_schema_extra={"fr": "Identifiant utilisé par les citations et les partenaires."})
    name: Text = Field(description="Full name, as written in both languages.", json_schema_extra={"fr": "Nom complet, tel qu’il s’écrit dans les deux langues."})
    role: LocalizedText = Field(description="Role, in fr and en.", json_schema_extra={"fr": "Fonction, en fr et en."})
    organisation: LocalizedText | None = Field(None, description="Organisation, in fr and en.", json_schema_extra={"fr": "Organisation, en fr et en."})
    portrait: Portrait | None = Field(None, description="A photo of the person, if any, shown small beside their words; its text for readers who cannot see it is made from the name.", json_schema_extra={"fr": "Une photo de la personne, s’il y en a une, montrée en petit à côté de ses paroles ; son texte pour qui ne la voit pas est fait du nom."})


class PeopleRegistry(Content):
    people: list[Person] = Field(description="Everyone quoted or named.", json_schema_extra={"fr": "Toutes les personnes citées ou nommées."})


def _not_the_tags_page(value: str) -> str:
    if value == "index":  # tags/index/ would be the tags page's own address
        raise ValueError(message("'index' is the address of the tags page itself: choose another id"))
    return value


TagId = Annotated[Id, AfterValidator(_not_the_tags_page)]


class Tag(Content):
    id: TagId = Field(description="Identifier used in a session’s tags.", json_schema_extra={"fr": "Identifiant utilisé dans les tags d’une session."})
    label: LocalizedText = Field(description="Label shown to readers, in fr and en.", json_schema_extra={"fr": "Libellé affiché aux lecteurs, en fr et en."})


class TagRegistry(Content):
    tags: list[Tag] = Field(description="Every tag sessions may use.", json_schema_extra={"fr": "Toutes les étiquettes que les sessions peuvent utiliser."})


# What does not depend on language: written in the French file, optional in the English one
# (where, if given, it must agree). "*" stands for every item of a list.
NEUTRAL_FIELDS: dict[type[Content], tuple[str, ...]] = {
    Programme: ("id", "sponsor", "sessions_planned"),
    Session: (
        "id", "programme", "number", "dates", "city", "host", "published", "tags", "partners",
        "quotes.*.speaker", "quotes.*.lang", "next_session.number", "next_session.dates", "image.file", "image.credit",
    ),
    Partner: ("id", "kind", "city", "website", "people", "quotes.*.speaker", "quotes.*.lang", "logo.file"),
    Page: (),
}

# Parts with a text to translate: where the source has one, the translation must translate it (an
# English file without `image:` lacks its `image.alt`), rather than show the photo without it.
TRANSLATED_PARTS: dict[type[Content], tuple[str, ...]] = {Session: ("image",), Partner: ("logo",)}
# Their optional texts: where the source has one and the translation does not, the source's stands
# in, marked as French, and the translation is not complete (recaps.content.pairing).
TRANSLATED_PART_TEXTS: dict[type[Content], tuple[str, ...]] = {Session: ("image.caption",)}

# Lists whose items are translated one by one: the translation must have as many.
PARALLEL_LISTS: dict[type[Content], tuple[str, ...]] = {
    Programme: (),
    Session: ("notions", "quotes"),
    Partner: ("quotes",),
    Page: (),
}
