"""The French labels of the editing interface: each field's, each collection's.

The hints come from the models' descriptions (``models.py``); a label is the few words Decap
shows above a field, which the models do not have. A field takes the label of its name, unless
its model names it otherwise (a programme's ``title`` is its name).
"""

from __future__ import annotations

from ..content.models import Content, NextSession, Notion, Programme, Quote

FIELD_LABELS: dict[str, str] = {
    "alt": "Texte pour qui ne voit pas l’image",
    "caption": "Légende",
    "credit": "Crédit",
    "file": "Fichier",
    "image": "Photo de couverture",
    "logo": "Logo",
    "portrait": "Portrait",
    "author": "Auteur",
    "city": "Ville",
    "dates": "Dates",
    "description": "Présentation",
    "en": "Anglais",
    "end": "Fin",
    "fr": "Français",
    "host": "Partenaire hôte",
    "id": "Identifiant",
    "kind": "Type",
    "label": "Libellé",
    "lang": "Langue d’origine",
    "mission": "Mission",
    "name": "Nom",
    "next_session": "Session suivante",
    "note": "Annonce",
    "notions": "Notions clés",
    "number": "Numéro",
    "organisation": "Organisation",
    "organiser": "Organisateur",
    "partners": "Partenaires en encadré",
    "people": "Personnes",
    "programme": "Programme",
    "published": "Date de publication",
    "question": "Question",
    "quotes": "Citations",
    "role": "Fonction",
    "sessions_planned": "Sessions prévues",
    "speaker": "Intervenant",
    "sponsor": "Parrain",
    "start": "Début",
    "summary": "Résumé",
    "tags": "Étiquettes",
    "text": "Texte",
    "title": "Titre",
    "translation_of": "État de la traduction",
    "website": "Site web",
}

MODEL_LABELS: dict[tuple[type[Content], str], str] = {
    (Programme, "title"): "Nom du programme",
    (Notion, "title"): "Notion",
    (Notion, "text"): "Ce qu’elle veut dire",
    (Quote, "text"): "Paroles",
    (NextSession, "title"): "Thème",
}

BODY_LABEL = "Texte"

# What one item of a list is called ("Ajouter notion").
ITEM_LABELS: dict[str, str] = {
    "notions": "notion",
    "quotes": "citation",
    "people": "personne",
    "tags": "étiquette",
}

# How a list shows each item, folded.
ITEM_SUMMARIES: dict[str, str] = {
    "notions": "{{fields.title}}",
    "quotes": "{{fields.text}}",
    "people": "{{fields.name}}",
    "tags": "{{fields.label.fr}}",
}


def field_label(model: type[Content], name: str) -> str:
    return MODEL_LABELS.get((model, name)) or FIELD_LABELS[name]
