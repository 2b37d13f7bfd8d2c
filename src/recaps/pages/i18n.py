"""Our few interface labels, dates written the local way (Babel), and French typography."""

from __future__ import annotations

import datetime
import re

from babel.dates import format_date

LOCALES = {"fr": "fr_FR", "en": "en_GB"}
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}

LABELS: dict[str, dict[str, str]] = {
    "home": {"fr": "Accueil", "en": "Home"},
    "programme": {"fr": "Programme", "en": "Programme"},
    "programmes": {"fr": "Programmes", "en": "Programmes"},
    "session_n_of": {"fr": "Session {n} sur {total}", "en": "Session {n} of {total}"},
    "session_n": {"fr": "Session {n}", "en": "Session {n}"},
    "dates": {"fr": "Dates", "en": "Dates"},
    "place": {"fr": "Lieu", "en": "Place"},
    "hosted_by": {"fr": "Accueillie par", "en": "Hosted by"},
    "by": {"fr": "Par {author}", "en": "By {author}"},
    "published_on": {"fr": "publié le {date}", "en": "published on {date}"},
    "question": {"fr": "La question de la session", "en": "The session’s question"},
    "what_we_learned": {"fr": "Ce que nous avons appris", "en": "What we learned"},
    "key_notions": {"fr": "Notions clés", "en": "Key notions"},
    "quotes": {"fr": "Paroles d’intervenants", "en": "Speakers’ words"},
    "read_partner": {"fr": "Découvrir {name}", "en": "About {name}"},
    "previous_session": {"fr": "Session précédente", "en": "Previous session"},
    "next_session": {"fr": "Session suivante", "en": "Next session"},
    "announced_next": {"fr": "Prochaine session", "en": "Next session"},
    "upcoming": {"fr": "à venir", "en": "to come"},
    "no_recap_yet": {"fr": "pas encore de récit", "en": "no recap yet"},
    "latest_recap": {"fr": "Le dernier récit", "en": "The latest recap"},
    "read_recap": {"fr": "Lire le récit", "en": "Read the recap"},
    "in_focus": {"fr": "Partenaires à la une", "en": "Partners in focus"},
    "about": {"fr": "À propos", "en": "About"},
    "feeds": {"fr": "Fils Atom", "en": "Atom feeds"},
    "recapped": {"fr": "Récit disponible", "en": "Recap available"},
    "timeline": {"fr": "Les sessions", "en": "The sessions"},
    "organiser": {"fr": "Organisé par", "en": "Organised by"},
    "sponsor": {"fr": "Parrain", "en": "Sponsor"},
    "partners": {"fr": "Partenaires", "en": "Partners"},
    "partner_sessions": {"fr": "Sessions", "en": "Sessions"},
    "hosted": {"fr": "a accueilli", "en": "hosted"},
    "featured": {"fr": "mis en avant", "en": "featured"},
    "website": {"fr": "Site web", "en": "Website"},
    "city": {"fr": "Ville", "en": "City"},
    "kind": {"fr": "Type", "en": "Kind"},
    "people": {"fr": "Personnes", "en": "People"},
    "speakers": {"fr": "Intervenants", "en": "Speakers"},
    "tags": {"fr": "Étiquettes", "en": "Tags"},
    "guide": {"fr": "Guide de rédaction", "en": "Writing guide"},
    "field_reference": {"fr": "Référence des champs", "en": "Field reference"},
    "translated_from_fr": {"fr": "Traduit du français", "en": "Translated from French"},
    "translated_from_en": {"fr": "Traduit de l’anglais", "en": "Translated from English"},
    "original": {"fr": "texte original :", "en": "original wording:"},
    "missing_title": {"fr": "Pas encore traduit", "en": "Not yet translated"},
    "missing_text": {
        "fr": "Cette page n’est pas encore traduite en français.",
        "en": "This page has not been translated into English yet. Below is the French original.",
    },
    "stale_title": {"fr": "Traduction à revoir", "en": "Translation may be out of date"},
    "stale_text": {
        "fr": "La version originale a changé depuis cette traduction.",
        "en": "The French original has changed since this page was translated.",
    },
    "stand_ins_text": {
        "fr": "Les parties pas encore traduites sont en anglais.",
        "en": "Parts not translated yet are shown in French.",
    },
    "in_progress_title": {"fr": "Traduction en cours", "en": "Translation in progress"},
    "in_progress_text": {
        "fr": "Cette traduction n’est pas encore terminée ; une partie peut être encore en anglais.",
        "en": "This translation is not finished yet; parts of it may still be in French.",
    },
    "read_original": {"fr": "Lire la version originale", "en": "Read the French original"},
    "notions_intro": {
        "fr": "Les notions clés que chaque session laisse aux participants : ce que chacune veut dire, et la session d’où elle vient.",
        "en": "The key notions each session leaves its participants: what each one means, and the session it comes from.",
    },
    "speakers_intro": {
        "fr": "Les personnes citées dans les récits, et où lire leurs paroles.",
        "en": "The people quoted in the recaps, and where to read their words.",
    },
    "partners_intro": {
        "fr": "Les organisations qui accueillent les sessions ou y sont mises en avant.",
        "en": "The organisations that host sessions or are featured in them.",
    },
    "speakers_group": {"fr": "Intervenants : {group}", "en": "Speakers: {group}"},
    "programmes_group": {"fr": "Programmes : {group}", "en": "Programmes: {group}"},
    "key_notions_group": {"fr": "Notions clés : {group}", "en": "Key notions: {group}"},
    "years": {"fr": "Années", "en": "Years"},
    "undated": {"fr": "Sans date", "en": "Undated"},
    "programme_one": {"fr": "1 programme", "en": "1 programme"},
    "programme_count": {"fr": "{n} programmes", "en": "{n} programmes"},
    "speakers_initials": {"fr": "Initiales des intervenants", "en": "Speakers’ initials"},
    "other_initials": {"fr": "Autres", "en": "Others"},
    "partners_group": {"fr": "Partenaires : {group}", "en": "Partners: {group}"},
    "partners_initials": {"fr": "Initiales des partenaires", "en": "Partners’ initials"},
    "partner_one": {"fr": "1 partenaire", "en": "1 partner"},
    "partner_count": {"fr": "{n} partenaires", "en": "{n} partners"},
    "tags_intro": {"fr": "Les récits, par étiquette.", "en": "Recaps, by tag."},
    "tag_intro": {"fr": "Les récits qui portent cette étiquette.", "en": "The recaps with this tag."},
    "all_tags": {"fr": "Toutes les étiquettes", "en": "All tags"},
    "home_intro": {
        "fr": "Les récits des sessions de nos programmes, leurs notions clés et leurs intervenants.",
        "en": "Recaps of our programmes’ sessions, their key notions and their speakers.",
    },
    "field": {"fr": "Champ", "en": "Field"},
    "required": {"fr": "Obligatoire", "en": "Required"},
    "yes": {"fr": "oui", "en": "yes"},
    "no": {"fr": "non", "en": "no"},
    "description": {"fr": "Description", "en": "Description"},
    "quoted_in": {"fr": "Dans", "en": "In"},
    "recap_one": {"fr": "1 récit", "en": "1 recap"},
    "recap_count": {"fr": "{n} récits", "en": "{n} recaps"},
    "person_one": {"fr": "1 personne", "en": "1 person"},
    "person_count": {"fr": "{n} personnes", "en": "{n} people"},
    "notion_one": {"fr": "1 notion", "en": "1 notion"},
    "notion_count": {"fr": "{n} notions", "en": "{n} notions"},
    "colon": {"fr": " : ", "en": ": "},
    "portrait_of": {"fr": "Portrait de {name}", "en": "Portrait of {name}"},
    "photo_by": {"fr": "Photo : {name}", "en": "Photo: {name}"},
}

PARTNER_KINDS: dict[str, dict[str, str]] = {
    "association": {"fr": "Association", "en": "Association"},
    "non-profit-project": {"fr": "Projet à but non lucratif", "en": "Non-profit project"},
    "company": {"fr": "Entreprise", "en": "Company"},
    "school": {"fr": "École", "en": "School"},
    "institution": {"fr": "Institution", "en": "Institution"},
    "public-body": {"fr": "Organisme public", "en": "Public body"},
    "network": {"fr": "Réseau", "en": "Network"},
}


def label(key: str, lang: str, **values: object) -> str:
    text = LABELS[key][lang]
    return text.format(**values) if values else text


def format_day(day: datetime.date, lang: str) -> str:
    """16 janvier 2025 / 16 January 2025."""
    return format_date(day, "d MMMM y", locale=LOCALES[lang])


def format_range(start: datetime.date, end: datetime.date, lang: str) -> str:
    """16–17 janvier 2025 / 16–17 January 2025; the shared parts written once."""
    locale = LOCALES[lang]
    if start == end:
        return format_day(start, lang)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end, 'd MMMM y', locale=locale)}"
    if start.year == end.year:
        return f"{format_date(start, 'd MMMM', locale=locale)} – {format_date(end, 'd MMMM y', locale=locale)}"
    return f"{format_day(start, lang)} – {format_day(end, lang)}"


# French typography -------------------------------------------------------------------------

NNBSP = "\u202f"  # narrow no-break space
_SKIP_TAGS = {"code", "pre", "kbd", "samp", "script", "style", "textarea", "var"}
_BEFORE_PUNCT = re.compile(r"[ \u00a0\u202f]+(?=[;:!?»])")
_AFTER_GUILLEMET = re.compile(r"«[ \u00a0\u202f]*")
_BARE_BEFORE_GUILLEMET = re.compile(r"(?<=[^\s\u00a0\u202f])»")
_PUNCTUATION = re.compile("[;:!?«»]")
_URL = re.compile(r"\b(?:https?|ftp|mailto):\S*", re.IGNORECASE)


def french_spacing(text: str) -> str:
    """Narrow no-break space before ; : ! ? » and after «, leaving URLs untouched.

    Only spaces the author typed are replaced before ; : ! ? (adding one could break "a:b"
    notations); guillemets always get one.
    """
    if not _PUNCTUATION.search(text):
        return text
    if not _may_hold_url(text):
        return _space(text)
    parts = []
    last = 0
    for match in _URL.finditer(text):
        parts.append(_space(text[last : match.start()]))
        parts.append(match.group(0))
        last = match.end()
    parts.append(_space(text[last:]))
    return "".join(parts)


# The last two letters of each scheme _URL finds, and its colon, as re.IGNORECASE compares them
# ("ſ" is an "s" to it): text that holds none of these holds no URL (`in` is much faster).
_SCHEME_ENDS = ("tp:", "ps:", "pſ:", "to:")


def _may_hold_url(text: str) -> bool:
    if ":" not in text:
        return False
    lower = text.lower()
    return any(end in lower for end in _SCHEME_ENDS)


def _space(text: str) -> str:
    text = _BEFORE_PUNCT.sub(NNBSP, text)
    if "«" in text:
        text = _AFTER_GUILLEMET.sub("«" + NNBSP, text)
    if "»" in text:
        text = _BARE_BEFORE_GUILLEMET.sub(NNBSP + "»", text)
    return text


# Spaces written as references ("«&nbsp;" in a template) take part in the spacing rules as the
# characters they stand for; otherwise "«&nbsp;" would get a second space after the guillemet.
# Other references (&amp; ...) stay as written: no rule inserts a space inside one.
_SPACE_REFERENCES = re.compile(r"&(?:nbsp|#160|#[xX]0*[aA]0|#8239|#[xX]0*202[fF]);")
# What is not text: comments, declarations, and tags, whose quoted attribute values may hold '>'.
_MARKUP_SOURCE = r"<!--.*?-->|<[!?][^>]*>|</?{name}(?:[^>\"']|\"[^\"]*\"|'[^']*')*>"
_TAG_NAME = r"[a-zA-Z][^\s/>]*"
_MARKUP = re.compile(_MARKUP_SOURCE.format(name=f"({_TAG_NAME})"), re.DOTALL)  # group 1: the tag's name


def _space_character(reference: re.Match) -> str:
    text = reference.group().lower()
    return NNBSP if "202f" in text or text == "&#8239;" else "\u00a0"


_SPACED = re.compile("[;:!?«»&]")  # text with none of these is left as it is


def _spaced(text: str) -> str:
    """French spacing of a piece of text that ``_SPACED`` found something to space in."""
    if "&" in text:
        text = _SPACE_REFERENCES.sub(_space_character, text)
    return french_spacing(text)


# _MARKUP as one group: split() gives text and markup in turn.
_MARKUP_PIECES = re.compile("(" + _MARKUP_SOURCE.format(name=_TAG_NAME) + ")", re.DOTALL)
# Any "<" followed by a skipped tag's name, even as the start of a longer name: _MARKUP may read
# a shorter name than the longest one written (`<pre"...`), so only these pages need the long way.
_SKIP_TAG = re.compile(r"<(?:%s)" % "|".join(sorted(_SKIP_TAGS)), re.IGNORECASE)


def french_typography_html(html: str) -> str:
    """Apply ``french_spacing`` to the text of an HTML fragment, never inside code or tags."""
    if _SKIP_TAG.search(html):
        return _typography_outside_skipped_tags(html)
    # The usual page: every piece of text is spaced.
    spaced = _SPACED.search  # whether a piece of text has anything to space
    pieces = _MARKUP_PIECES.split(html)
    pieces[0::2] = [_spaced(text) if spaced(text) else text for text in pieces[0::2]]
    return "".join(pieces)


def _typography_outside_skipped_tags(html: str) -> str:
    """``french_typography_html`` of a fragment that may hold code, pre, script...: their text
    stays as written."""
    spaced = _SPACED.search
    out: list[str] = []
    last = 0
    skip_depth = 0  # inside code, pre, script...: text stays as written
    for markup in _MARKUP.finditer(html):
        start = markup.start()
        if last < start:
            text = html[last:start]
            out.append(_spaced(text) if not skip_depth and spaced(text) else text)
        out.append(markup.group())
        last = markup.end()
        skip_depth = _depth_after(markup, skip_depth)
    text = html[last:]
    out.append(_spaced(text) if not skip_depth and spaced(text) else text)
    return "".join(out)


def _depth_after(markup: re.Match, depth: int) -> int:
    """How many skipped tags (code, pre...) the text after ``markup`` is inside."""
    tag, whole = markup.group(1), markup.group()
    if tag is None or tag.lower() not in _SKIP_TAGS or whole.endswith("/>"):
        return depth
    return max(depth - 1, 0) if whole.startswith("</") else depth + 1
