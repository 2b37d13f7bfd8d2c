#!/usr/bin/env python3
"""Benchmark `recaps check` and `recaps build` on a generated corpus, against a plain baseline.

Usage (from the repository root, with the project's virtual environment)::

    .venv/bin/python scripts/bench.py --recaps 100,500          # corpus sizes, comma list or repeated
    .venv/bin/python scripts/bench.py --recaps 1000 --no-baseline
    .venv/bin/python scripts/bench.py --recaps 1000 --profile --no-baseline
    .venv/bin/python scripts/bench.py --recaps 500 --keep /tmp/bench   # keep corpus and sites

For each N it:

1. generates a realistic corpus of N session recaps, deterministically (the same N always gives
   byte-identical files): ceil(N/6) programmes of six sessions, max(3, N/10) partners,
   max(5, N/5) people, a tag registry, ~700 words of pseudo-French / pseudo-English body per
   recap, about 2% of items without English and 2% with a stale English translation; the
   repository's mkdocs.yml, overrides/ and docs/ are copied in so that it builds like the real
   site. The corpus must pass `recaps check`.
2. times `recaps check` (in-process `load_site`, median of 3; and the CLI once, as a subprocess)
   and `recaps build` (subprocess: wall time, peak RSS of the largest process, output size,
   number of HTML pages);
3. unless --no-baseline, writes the same content as plain Markdown pages for Material +
   mkdocs-static-i18n (no explicit nav) and times its `mkdocs build`; with --cut-nav, also
   builds those pages with the navigation cut to the home page (the issue's "navigation cut to
   a few entries" reference: what plain Material costs on this corpus without the quadratic
   navigation, in one process);
4. prints a table and ends with one line:
   ``bench N=1000: check 0.31 s, build 6.2 s, peak 180 MB, output 64 MB, pages 2150, baseline 55.0 s, speedup 8.9``

Sizes are in MiB (2**20 bytes), written "MB" as `du -m` does. "peak" is the largest resident set
of any one process of the build (``os.wait4``'s ru_maxrss); "peak sum" adds up the processes,
sampled every 50 ms (shared copy-on-write pages are counted in each). "build CPU" is the CPU time
of all processes, "build path CPU" that of the main process plus its busiest child: on an idle
machine the wall time is close to it, on a busy one it is the figure to compare (the table also
shows the load average before each build). --repeat R builds R times and reports the median.

With --profile, our build is also run in-process with both languages one after the other
(``build_site(..., parallel=False)``): first with wall-clock timers around its phases (no
profiler overhead; the slowest pages to convert are listed), then under cProfile, as is
``load_site``; the top 25 functions by cumulative and by own time are printed, with cumulative
times by phase and own time by package. The profiles are written as .prof files in the work
folder (kept with --keep). The baseline needs ``pip install -e '.[bench]'`` (mkdocs-static-i18n).
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import importlib.util
import io
import json
import math
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MiB = 1024 * 1024

# ---------------------------------------------------------------------------------------------
# Vocabulary. Pseudo-languages: real words, grammar of a sort, enough variety for Markdown,
# search indexing and French typography to do realistic work.

FR_NOUNS = """
économie industrie entreprise écosystème énergie engagement équipe atelier innovation
organisation ambition action alliance impact usage outil objectif enjeu horizon avenir idée
expérience exigence échange effort émission étape école université institution instinct
intuition imaginaire histoire humanité habitat héritage assemblée eau usine indicateur
investissement achat opportunité transition transformation coopération gouvernance stratégie
vision posture dirigeant territoire modèle chaîne valeur filière ressource matière climat
biodiversité planète société collectif projet démarche méthode question réponse parcours
session partenaire client fournisseur salarié métier compétence formation culture confiance
responsabilité sobriété performance croissance production site produit service marché prix
coût financement risque limite trajectoire mesure bilan carbone sol forêt terre ville région
réseau communauté dialogue récit regard sens cap boussole temps durée rythme moment lien
relation coopérative association recherche science donnée technologie logistique transport
mobilité bâtiment matériau recyclage réemploi réparation conception achat vente contrat
partenariat transaction leadership management direction conseil comité gouvernement loi norme
règle cadre vulnérabilité curiosité feuille convention promesse
""".split()

FR_ADJECTIVES = """
durable régénératif collectif commun partagé ambitieux concret local global industriel
économique écologique social humain nouveau profond lent rapide solide fragile vivant sobre
juste ouvert clair singulier essentiel central stratégique possible nécessaire décisif long
court premier dernier grand petit réel simple complexe capable utile inédit aspirationnel
territorial régional européen français mondial circulaire responsable engagé patient exigeant
cohérent radical progressif sincère transparent honnête lucide fertile
""".split()

FR_VERBS = """
transforme accompagne rassemble engage interroge propose construit partage montre révèle
questionne ouvre porte nourrit inspire mobilise relie renforce soutient invite demande suppose
exige permet oblige favorise accélère ralentit déplace redéfinit éclaire explore invente
imagine réinvente traverse mesure évalue compare choisit décide refuse accepte reconnaît assume
dépasse rejoint fédère protège répare régénère développe installe élabore pilote anime raconte
rappelle souligne précise observe constate découvre apprend transmet
""".split()

FR_INFINITIVES = """
embarquer bâtir transformer réinventer partager mesurer piloter financer accompagner mobiliser
régénérer repenser raconter protéger relier ouvrir fédérer décider imaginer accélérer engager
""".split()

FR_ADVERBS = [
    "ensemble", "vraiment", "aujourd’hui", "désormais", "déjà", "encore", "souvent", "toujours",
    "parfois", "davantage", "concrètement", "profondément", "lentement", "rapidement",
    "collectivement", "finalement", "d’abord", "ensuite", "enfin", "aussi", "surtout",
    "pleinement", "durablement", "également", "autrement",
]
FR_PREPOSITIONS = [
    "dans", "avec", "pour", "sur", "par", "vers", "entre", "sans", "chez", "autour de",
    "face à", "au-delà de", "à travers", "au cœur de", "auprès de", "jusque dans",
]
FR_CONJUNCTIONS = [
    "et", "mais", "car", "donc", "puis", "tandis que", "alors que", "parce que", "lorsque",
    "puisque", "si bien que", "c’est-à-dire que",
]
FR_DETERMINERS = [
    "le", "la", "les", "un", "une", "des", "son", "sa", "ses", "leur", "leurs", "ce", "cette",
    "chaque", "notre", "toute la", "tout le",
]
# Words that elide before a vowel or a mute h: "la économie" -> "l’économie".
FR_ELISIONS = {
    "le": "l’", "la": "l’", "de": "d’", "que": "qu’", "ne": "n’", "se": "s’", "lorsque": "lorsqu’",
    "puisque": "puisqu’", "jusque": "jusqu’", "ce": "cet ",
}
VOWELS = set("aeiouyhàâäéèêëîïôöûüAEIOUYHÀÂÉÈÊÎÔÛ")

EN_NOUNS = """
economy industry company ecosystem energy commitment team workshop innovation organisation
ambition action alliance impact use tool goal stake horizon future idea experience requirement
exchange effort transition transformation cooperation governance strategy vision stance leader
territory model chain value sector resource material climate biodiversity planet society
collective project roadmap approach method question answer programme session partner customer
supplier employee trade skill training culture trust responsibility sufficiency performance
growth production factory site product service market price cost investment funding risk
opportunity limit trajectory measure indicator footprint carbon emission water soil forest land
city region network community dialogue story perspective meaning direction compass time
duration pace stage moment link relationship cooperative association institution school
university research science data technology logistics transport mobility building recycling
reuse repair design purchasing sale contract partnership transaction leadership management
board committee assembly government law standard rule framework vulnerability curiosity instinct
intuition imagination history humanity habitat heritage promise convention
""".split()

EN_ADJECTIVES = """
sustainable regenerative collective common shared ambitious concrete local global industrial
economic ecological social human new deep slow fast solid fragile living frugal fair open clear
unique essential central strategic possible necessary decisive long short first last great
small real simple complex capable useful unprecedented aspirational territorial regional
European French worldwide circular responsible committed patient demanding coherent radical
gradual sincere transparent honest lucid fertile
""".split()

EN_VERBS = [
    "transforms", "supports", "brings together", "engages", "questions", "proposes", "builds",
    "shares", "shows", "reveals", "opens", "carries", "nurtures", "inspires", "mobilises",
    "connects", "strengthens", "sustains", "invites", "asks for", "assumes", "requires", "allows",
    "forces", "encourages", "speeds up", "slows down", "shifts", "redefines", "sheds light on",
    "explores", "invents", "imagines", "reinvents", "crosses", "measures", "assesses", "compares",
    "chooses", "decides", "refuses", "accepts", "recognises", "owns", "goes beyond", "joins",
    "unites", "protects", "repairs", "regenerates", "develops", "sets up", "designs", "steers",
    "leads", "tells", "recalls", "stresses", "specifies", "observes", "finds", "discovers",
    "learns", "passes on",
]
EN_INFINITIVES = [
    "bring on board", "build", "transform", "reinvent", "share", "measure", "steer", "fund",
    "support", "mobilise", "regenerate", "rethink", "tell", "protect", "connect", "open", "unite",
    "decide", "imagine", "speed up", "engage",
]
EN_ADVERBS = [
    "together", "really", "today", "now", "already", "still", "often", "always", "sometimes",
    "more", "concretely", "deeply", "slowly", "quickly", "collectively", "finally", "first",
    "then", "at last", "also", "above all", "fully", "lastingly", "likewise", "differently",
]
EN_PREPOSITIONS = [
    "in", "with", "for", "on", "through", "towards", "between", "without", "at", "around",
    "beyond", "across", "at the heart of", "alongside", "within", "right into",
]
EN_CONJUNCTIONS = [
    "and", "but", "because", "so", "yet", "while", "whereas", "as", "since", "and then",
    "so that", "which means that",
]
EN_DETERMINERS = ["the", "a", "its", "their", "this", "each", "our", "every", "that", "the whole"]

CITIES = """
Lyon Paris Lille Nantes Bordeaux Toulouse Marseille Grenoble Rennes Strasbourg Dijon Rouen
Montpellier Clermont-Ferrand Besançon Metz Nancy Tours Orléans Angers Brest Caen Limoges
Poitiers Amiens Reims Annecy Saint-Étienne Valence Nîmes
""".split()

FIRST_NAMES = """
Éric Isabelle Christophe Caroline Anne Julien Sophie Mathieu Claire Nicolas Hélène Thomas
Camille Pierre Léa Antoine Marion Laurent Élise Olivier Juliette François Sarah Vincent Inès
Benoît Chloé Sébastien Manon Guillaume Agathe Romain Lucie Hugo Aurélie Damien Noémie Arnaud
Pauline Cédric Margaux
""".split()
LAST_NAMES = """
Duverger Martin Boël Félix Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon
Laurent Lefèvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefebvre
Mercier Dupont Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc Guérin
Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine
Chevalier Robin Masson Sanchez Gérard Nguyen Boyer Denis Lemaire
""".split()
ROLES = [
    ("directeur général", "Managing Director"), ("cofondatrice", "co-founder"),
    ("responsable RSE", "CSR manager"), ("présidente", "chair"),
    ("directrice des opérations", "Chief Operating Officer"), ("fondateur", "founder"),
    ("chercheuse", "researcher"), ("consultant", "consultant"),
    ("directrice industrielle", "head of manufacturing"), ("chargé de mission", "project officer"),
    ("planet champion", "planet champion"), ("directrice financière", "Chief Financial Officer"),
]
ORG_TYPES_FR = [
    "Atelier", "Collectif", "Maison", "Réseau", "Fabrique", "Alliance", "Institut", "Fondation",
    "Coopérative", "Laboratoire", "Ruche", "Cercle", "Forum", "Campus", "Comptoir",
    "Manufacture", "Agence", "Plateforme",
]
ORG_QUALIFIERS = [
    "Nord", "Sud", "des Territoires", "Industrielle", "du Vivant", "Circulaire", "Horizon",
    "des Possibles", "Solidaire", "Lumière", "Terre et Mer", "des Transitions", "Commune",
    "Atlantique", "Rhône-Alpes", "des Métiers", "Nouvelle", "Régénérative", "Ouverte", "Avenir",
]
PARTNER_KINDS = ["association", "non-profit-project", "company", "school", "institution",
                 "public-body", "network"]
TAGS = [
    ("Écosystème", "Ecosystem"), ("Coopération", "Cooperation"), ("Leadership", "Leadership"),
    ("Gouvernance", "Governance"), ("Industrie", "Industry"), ("Vulnérabilité", "Vulnerability"),
    ("Énergie", "Energy"), ("Climat", "Climate"), ("Biodiversité", "Biodiversity"),
    ("Économie circulaire", "Circular economy"), ("Sobriété", "Sufficiency"),
    ("Territoire", "Territory"), ("Financement", "Funding"), ("Formation", "Training"),
    ("Modèle économique", "Business model"), ("Achats", "Purchasing"),
    ("Logistique", "Logistics"), ("Mobilité", "Mobility"), ("Numérique", "Digital"),
    ("Eau", "Water"), ("Alimentation", "Food"), ("Bâtiment", "Buildings"),
    ("Récit", "Storytelling"), ("Stratégie", "Strategy"), ("Management", "Management"),
    ("Innovation", "Innovation"), ("Réemploi", "Reuse"), ("Mesure d’impact", "Impact measurement"),
    ("Carbone", "Carbon"), ("Emploi", "Jobs"), ("Santé", "Health"), ("Éthique", "Ethics"),
    ("Dialogue social", "Social dialogue"), ("Recherche", "Research"), ("Design", "Design"),
    ("Culture", "Culture"),
]
SESSIONS_PER_PROGRAMME = 6


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = "".join(c if c.isalnum() else " " for c in ascii_text.lower()).split()
    return "-".join(words)


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


class Prose:
    """Pseudo-French or pseudo-English text from a seeded random generator."""

    def __init__(self, rng: random.Random, lang: str) -> None:
        self.rng, self.lang = rng, lang
        fr = lang == "fr"
        self.nouns = FR_NOUNS if fr else EN_NOUNS
        self.adjectives = FR_ADJECTIVES if fr else EN_ADJECTIVES
        self.verbs = FR_VERBS if fr else EN_VERBS
        self.infinitives = FR_INFINITIVES if fr else EN_INFINITIVES
        self.adverbs = FR_ADVERBS if fr else EN_ADVERBS
        self.prepositions = FR_PREPOSITIONS if fr else EN_PREPOSITIONS
        self.conjunctions = FR_CONJUNCTIONS if fr else EN_CONJUNCTIONS
        self.determiners = FR_DETERMINERS if fr else EN_DETERMINERS

    def _elide(self, words: list[str]) -> str:
        if self.lang != "fr":
            return " ".join(words)
        out: list[str] = []
        for word in words:
            if out and word[:1] in VOWELS:
                last = out[-1].rsplit(" ", 1)
                if last[-1] in FR_ELISIONS:
                    last[-1] = FR_ELISIONS[last[-1]]
                    out[-1] = " ".join(last) + word  # "l’" + "économie", "cet " + "atelier"
                    continue
            out.append(word)
        return " ".join(out)

    def noun_phrase(self, complement: bool = True) -> list[str]:
        r = self.rng
        words = [r.choice(self.determiners), r.choice(self.nouns)]
        if r.random() < 0.45:
            if self.lang == "fr":
                words.append(r.choice(self.adjectives))
            else:
                words.insert(1, r.choice(self.adjectives))
        if complement and r.random() < 0.3:
            words += ["de" if self.lang == "fr" else "of", r.choice(self.nouns)]
        return words

    def clause(self) -> list[str]:
        r = self.rng
        words = self.noun_phrase() + [r.choice(self.verbs)]
        if r.random() < 0.3:
            words.append(r.choice(self.adverbs))
        words += self.noun_phrase()
        if r.random() < 0.6:
            words += [r.choice(self.prepositions)] + self.noun_phrase(complement=False)
        return words

    def sentence(self) -> str:
        r = self.rng
        words = self.clause()
        if r.random() < 0.4:
            words = words + [","] + [r.choice(self.conjunctions)] + self.clause()
        text = self._elide(words).replace(" ,", ",")
        roll = r.random()
        if roll < 0.08:  # a quoted expression, with the language's own quotation marks
            inner = self._elide(self.noun_phrase(complement=False)[1:])
            text += " : « " + inner + " »" if self.lang == "fr" else ": “" + inner + "”"
        elif roll < 0.14 and self.lang == "fr":
            text += " ; " + self._elide(self.clause())
        elif roll < 0.14:
            text += " — " + self._elide(self.clause())
        end = "." if r.random() < 0.93 else (" ?" if self.lang == "fr" else "?")
        return capitalise(text) + end

    def sentences(self, low: int, high: int) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def title(self) -> str:
        words = [self.rng.choice(self.infinitives)] + self.noun_phrase(complement=False)
        return capitalise(self._elide(words))

    def heading(self) -> str:
        return capitalise(self._elide(self.noun_phrase()))

    def question(self) -> str:
        words = [self.rng.choice(self.infinitives)] + self.noun_phrase()
        if self.lang == "fr":
            return "Comment " + self._elide(words) + " ?"
        return "How do we " + self._elide(words) + "?"

    def body(self, target_words: int) -> str:
        """Markdown: paragraphs under ## headings, a bulleted list, about ``target_words`` words."""
        r = self.rng
        blocks = [self.sentences(3, 5)]
        count = len(blocks[0].split())
        list_done = False
        while count < target_words:
            heading = "## " + self.heading()
            blocks.append(heading)
            if not list_done or r.random() < 0.25:
                list_done = True
                blocks.append(self.sentences(1, 2))
                items = [f"- **{self._elide(self.noun_phrase(complement=False)[1:])}** : {self.sentence()}"
                         if self.lang == "fr" else
                         f"- **{self._elide(self.noun_phrase(complement=False)[1:])}**: {self.sentence()}"
                         for _ in range(r.randint(3, 5))]
                blocks.append("\n".join(items))
            for _ in range(r.randint(1, 2)):
                blocks.append(self.sentences(3, 6))
            count = sum(len(b.split()) for b in blocks)
        return "\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------------------------------------
# The corpus


@dataclass
class Corpus:
    root: Path
    recaps: int
    programmes: int = 0
    partners: int = 0
    people: int = 0
    missing: int = 0
    stale: int = 0
    files: int = 0
    bytes: int = 0


def _write(root: Path, rel: str, text: str, corpus: Corpus) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    path.write_bytes(data)
    corpus.files += 1
    corpus.bytes += len(data)


def _front(lines: list[str], body: str) -> str:
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body


def _translation_fate(rng: random.Random) -> str:
    roll = rng.random()
    return "missing" if roll < 0.02 else "stale" if roll < 0.04 else "complete"


def generate(root: Path, recaps: int) -> Corpus:
    """Write a corpus of ``recaps`` session recaps in ``root``; the same ``recaps``, the same bytes."""
    from recaps.models import Partner, Programme, Session
    from recaps.reader import read_markdown
    from recaps.translation import source_version

    rng = random.Random(f"recaps-bench-{recaps}")
    fr, en = Prose(rng, "fr"), Prose(rng, "en")
    corpus = Corpus(root, recaps)
    root.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml",):
        shutil.copy2(REPO / name, root / name)
    for name in ("overrides", "docs"):
        shutil.copytree(REPO / name, root / name, dirs_exist_ok=True)

    def english(rel_fr: str, model: type, lines: list[str], body: str) -> None:
        """Write the English file of ``rel_fr`` with a correct (or, 2%, stale) translation_of."""
        fate = _translation_fate(rng)
        if fate == "missing":
            corpus.missing += 1
            return
        source, errors = read_markdown(root, rel_fr)
        assert source is not None, errors
        version = source_version(model, source)
        if fate == "stale":
            corpus.stale += 1
            version = hashlib.sha256(f"older {rel_fr}".encode()).hexdigest()[:12]
        _write(root, rel_fr[: -len(".fr.md")] + ".en.md",
               _front(lines + [f"translation_of: {version}"], body), corpus)

    # People and tags.
    n_people = max(5, recaps // 5)
    people: list[str] = []
    lines = ["people:"]
    names = [f"{first} {last}" for last in LAST_NAMES for first in FIRST_NAMES]
    rng.shuffle(names)
    for i in range(n_people):
        name = names[i % len(names)] + ("" if i < len(names) else f" {i // len(names) + 1}")
        person_id = slugify(name)
        people.append(person_id)
        role_fr, role_en = rng.choice(ROLES)
        org = f"{rng.choice(ORG_TYPES_FR)} {rng.choice(ORG_QUALIFIERS)}"
        lines += [f"  - id: {person_id}", f"    name: {q(name)}", "    role:",
                  f"      fr: {q(role_fr)}", f"      en: {q(role_en)}"]
        if rng.random() < 0.8:
            lines += ["    organisation:", f"      fr: {q(org)}", f"      en: {q(org)}"]
    _write(root, "sessions/people.yml", "\n".join(lines) + "\n", corpus)
    corpus.people = n_people
    tag_ids = [slugify(label_fr) for label_fr, _ in TAGS]
    lines = ["tags:"]
    for (label_fr, label_en), tag_id in zip(TAGS, tag_ids):
        lines += [f"  - id: {tag_id}", "    label:", f"      fr: {q(label_fr)}", f"      en: {q(label_en)}"]
    _write(root, "sessions/tags.yml", "\n".join(lines) + "\n", corpus)

    # Partners.
    n_partners = max(3, recaps // 10)
    partner_ids: list[str] = []
    used: dict[str, int] = {}
    for i in range(n_partners):
        name = f"{rng.choice(ORG_TYPES_FR)} {rng.choice(ORG_QUALIFIERS)}"
        partner_id = slugify(name)
        used[partner_id] = used.get(partner_id, 0) + 1
        if used[partner_id] > 1:
            name, partner_id = f"{name} {used[partner_id]}", f"{partner_id}-{used[partner_id]}"
        partner_ids.append(partner_id)
        members = rng.sample(people, rng.randint(0, 2))
        quotes = [(speaker, rng.random() < 0.85) for speaker in members if rng.random() < 0.5]
        lines = [f"id: {partner_id}", f"name: {q(name)}", f"kind: {rng.choice(PARTNER_KINDS)}"]
        if rng.random() < 0.8:
            lines.append(f"city: {rng.choice(CITIES)}")
        lines += [f"website: \"https://example.org/{partner_id}/\"", f"mission: {q(fr.sentence())}"]
        if members:
            lines.append(f"people: [{', '.join(members)}]")
        if quotes:
            lines.append("quotes:")
            for speaker, in_french in quotes:
                lines += [f"  - speaker: {speaker}", f"    lang: {'fr' if in_french else 'en'}",
                          f"    text: {q(fr.sentence())}"]
        rel = f"partners/{partner_id}.fr.md"
        _write(root, rel, _front(lines, fr.body(rng.randint(150, 300))), corpus)
        en_lines = [f"name: {q(name)}", f"mission: {q(en.sentence())}"]
        if quotes:
            en_lines.append("quotes:")
            en_lines += [f"  - text: {q(en.sentence())}" for _ in quotes]
        english(rel, Partner, en_lines, en.body(rng.randint(150, 300)))
    corpus.partners = n_partners

    # Programmes and their sessions.
    n_programmes = math.ceil(recaps / SESSIONS_PER_PROGRAMME)
    start = date(2019, 1, 7)
    written = 0
    for p in range(1, n_programmes + 1):
        theme_fr = rng.choice(FR_NOUNS)
        programme_id = f"parcours-{p:04d}-{slugify(theme_fr)}"
        folder = f"sessions/{programme_id}"
        day = start + timedelta(days=rng.randint(0, 2000))
        lines = [f"id: {programme_id}", f"title: {q('Parcours ' + capitalise(theme_fr) + ' ' + rng.choice(FR_ADJECTIVES))}",
                 f"organiser: {q('Convention des Entreprises pour le Climat')}",
                 f"sponsor: {rng.choice(people)}", f"sessions_planned: {SESSIONS_PER_PROGRAMME}",
                 f"description: {q(fr.sentences(1, 2))}"]
        rel = f"{folder}/programme.fr.md"
        _write(root, rel, _front(lines, fr.body(rng.randint(120, 220))), corpus)
        english(rel, Programme, [f"title: {q('Programme ' + capitalise(rng.choice(EN_NOUNS)))}",
                                 f"organiser: {q('Convention des Entreprises pour le Climat')}",
                                 f"description: {q(en.sentences(1, 2))}"], en.body(rng.randint(120, 220)))
        count = min(SESSIONS_PER_PROGRAMME, recaps - written)
        for k in range(1, count + 1):
            length = rng.randint(0, 1)
            day += timedelta(days=rng.randint(28, 56))
            n_notions, n_quotes = 3, rng.randint(2, 4)
            speakers = [rng.choice(people) for _ in range(n_quotes)]
            in_french = [rng.random() < 0.85 for _ in range(n_quotes)]
            host = rng.choice(partner_ids)
            featured = rng.sample(partner_ids, rng.randint(1, 2))
            lines = [
                f"id: session-{k}", f"programme: {programme_id}", f"number: {k}",
                f"title: {q(fr.title())}", "dates:", f"  start: {day.isoformat()}",
                f"  end: {(day + timedelta(days=length)).isoformat()}",
                f"city: {rng.choice(CITIES)}", f"host: {host}", f"author: {q('La rédaction')}",
                f"published: {(day + timedelta(days=rng.randint(10, 60))).isoformat()}",
                f"tags: [{', '.join(rng.sample(tag_ids, rng.randint(2, 5)))}]",
                f"question: {q(fr.question())}", f"summary: {q(fr.sentences(1, 2))}", "notions:",
            ]
            for _ in range(n_notions):
                lines += [f"  - title: {q(fr.title())}", f"    text: {q(fr.sentences(2, 3))}"]
            lines.append("quotes:")
            for speaker, french in zip(speakers, in_french):
                lines += [f"  - speaker: {speaker}", f"    lang: {'fr' if french else 'en'}",
                          f"    text: {q(fr.sentence())}"]
            lines.append(f"partners: [{', '.join(featured)}]")
            if k < SESSIONS_PER_PROGRAMME:
                lines += ["next_session:", f"  number: {k + 1}", f"  note: {q(fr.sentence())}"]
            rel = f"{folder}/session-{k}.fr.md"
            _write(root, rel, _front(lines, fr.body(rng.randint(660, 740))), corpus)
            en_lines = [f"title: {q(en.title())}", f"author: {q('The editorial team')}",
                        f"question: {q(en.question())}", f"summary: {q(en.sentences(1, 2))}", "notions:"]
            for _ in range(n_notions):
                en_lines += [f"  - title: {q(en.title())}", f"    text: {q(en.sentences(2, 3))}"]
            en_lines.append("quotes:")
            en_lines += [f"  - text: {q(en.sentence())}" for _ in range(n_quotes)]
            if k < SESSIONS_PER_PROGRAMME:
                en_lines += ["next_session:", f"  note: {q(en.sentence())}"]
            english(rel, Session, en_lines, en.body(rng.randint(660, 740)))
        written += count
    corpus.programmes = n_programmes
    return corpus


# ---------------------------------------------------------------------------------------------
# The baseline: the same content as plain pages for Material + mkdocs-static-i18n.

BASELINE_LABELS = {
    "fr": {"dates": "Dates", "city": "Lieu", "host": "Accueillie par", "question": "Question",
           "notions": "Notions clés", "quotes": "Paroles d’intervenants", "partners": "Partenaires",
           "next": "Prochaine session", "sessions": "Sessions", "home": "Récits de programmes",
           "people": "Personnes", "tags": "Étiquettes", "website": "Site web"},
    "en": {"dates": "Dates", "city": "Place", "host": "Hosted by", "question": "Question",
           "notions": "Key notions", "quotes": "Speakers’ words", "partners": "Partners",
           "next": "Next session", "sessions": "Sessions", "home": "Programme recaps",
           "people": "People", "tags": "Tags", "website": "Website"},
}

BASELINE_CONFIG = """\
site_name: Baseline
docs_dir: docs
use_directory_urls: true
theme:
  name: material
  font: false
  language: fr
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - locale: fr
          default: true
          name: Français
          build: true
        - locale: en
          name: English
          build: true
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc
"""


CUT_NAV_CONFIG = "mkdocs-cut-nav.yml"  # the baseline with its navigation cut to the home page


def write_baseline(corpus_root: Path, out: Path) -> int:
    """Plain Markdown pages of the loaded corpus in ``out``/docs, and its mkdocs.yml. Returns pages."""
    from recaps.loader import load_or_raise

    site = load_or_raise(corpus_root)
    docs = out / "docs"
    pages = 0

    def page(rel: str, text: str) -> None:
        nonlocal pages
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, encoding="utf-8")
        pages += 1

    def langs(item) -> list[str]:
        return [lang for lang in ("fr", "en") if lang in item.content]

    for lang in ("fr", "en"):
        labels = BASELINE_LABELS[lang]
        lines = [f"# {labels['home']}", ""]
        for programme in site.programmes.values():
            lines.append(f"- [{programme.get(lang).title}]({programme.id}/index.md)")
        page(f"index.{lang}.md", "\n".join(lines) + "\n")
    for programme in site.programmes.values():
        for lang in langs(programme):
            p = programme.get(lang)
            lines = [f"# {p.title}", "", p.description, "", programme.body(lang), "",
                     f"## {BASELINE_LABELS[lang]['sessions']}", ""]
            lines += [f"- [{s.get(lang).title}](session-{s.source.number}.md)" for s in programme.sessions]
            page(f"{programme.id}/index.{lang}.md", "\n".join(lines) + "\n")
        for session in programme.sessions:
            for lang in langs(session):
                s, labels = session.get(lang), BASELINE_LABELS[lang]
                host = site.partners[s.host].get(lang)
                lines = [
                    "---", f"tags: [{', '.join(s.tags)}]", "---", "", f"# {s.title}", "",
                    f"**{labels['dates']}**: {s.dates.start} – {s.dates.end}  ",
                    f"**{labels['city']}**: {s.city}  ",
                    f"**{labels['host']}**: [{host.name}](../partners/{s.host}.md)", "",
                    f"**{labels['question']}** {s.question}", "", s.summary, "",
                    f"## {labels['notions']}", "",
                ]
                lines += [f"- **{n.title}**: {n.text}" for n in s.notions]
                lines += ["", session.body(lang), "", f"## {labels['quotes']}", ""]
                for quote in s.quotes:
                    person = site.people[quote.speaker]
                    lines += [f"> {quote.text}", ">", f"> — {person.name}, {person.role.get(lang)}", ""]
                lines += [f"## {labels['partners']}", ""]
                lines += [f"- [{site.partners[pid].get(lang).name}](../partners/{pid}.md): "
                          f"{site.partners[pid].get(lang).mission}" for pid in s.partners]
                if s.next_session and s.next_session.note:
                    lines += ["", f"**{labels['next']}**: {s.next_session.note}"]
                page(f"{programme.id}/session-{s.number}.{lang}.md", "\n".join(lines) + "\n")
    for partner in site.partners.values():
        for lang in langs(partner):
            pv, labels = partner.get(lang), BASELINE_LABELS[lang]
            lines = [f"# {pv.name}", "", f"**{labels['website']}**: <{pv.website}>", "",
                     pv.mission, "", partner.body(lang)]
            if pv.people:
                lines += ["", f"## {labels['people']}", ""]
                lines += [f"- {site.people[pid].name}, {site.people[pid].role.get(lang)}" for pid in pv.people]
            page(f"partners/{partner.id}.{lang}.md", "\n".join(lines) + "\n")
    (out / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    (out / CUT_NAV_CONFIG).write_text(BASELINE_CONFIG + "nav:\n  - index.md\n", encoding="utf-8")
    return pages


def has_static_i18n() -> bool:
    return importlib.util.find_spec("mkdocs_static_i18n") is not None


# ---------------------------------------------------------------------------------------------
# Measuring


@dataclass
class Run:
    wall: float
    returncode: int
    peak_rss: int  # bytes, largest single process of the tree (wait4's ru_maxrss)
    peak_tree: int  # bytes, largest sampled sum of RSS over the process tree (0 if unknown)
    cpu: float  # user + system seconds of the process tree
    critical: float  # estimated CPU seconds of the critical path (main process + busiest child)
    output: str


def _tree_sample(pid: int) -> dict[int, tuple[int, float]]:
    """RSS (bytes) and CPU time (s) of ``pid`` and each descendant, from psutil or /proc."""
    try:
        import psutil  # optional: not a dependency of the project
    except ImportError:
        psutil = None
    found: dict[int, tuple[int, float]] = {}
    if psutil is not None:
        try:
            root = psutil.Process(pid)
            for proc in [root, *root.children(recursive=True)]:
                with proc.oneshot():
                    times = proc.cpu_times()
                    found[proc.pid] = (proc.memory_info().rss, times.user + times.system)
        except psutil.Error:
            pass
        return found
    if not os.path.isdir("/proc"):
        return found
    page, tick = os.sysconf("SC_PAGE_SIZE"), os.sysconf("SC_CLK_TCK")
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/statm") as handle:
                rss = int(handle.read().split()[1]) * page
            with open(f"/proc/{current}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            found[current] = (rss, (int(fields[11]) + int(fields[12])) / tick)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    todo += [int(c) for c in handle.read().split()]
        except (OSError, ValueError, IndexError):
            continue
    return found


def run(command: list[str], cwd: Path | None = None) -> Run:
    """Run ``command``: wall time, CPU time and peak memory of this command's process tree alone.

    ``os.wait4`` gives the rusage of this child, whose ru_maxrss is the largest of the child and
    of every descendant it waited for (the forked language builds), unlike RUSAGE_CHILDREN,
    which accumulates over every child this script ever ran. A thread also samples the tree
    every 50 ms (psutil if installed, else /proc) for the summed RSS and each process's CPU time,
    from which the CPU time of the critical path is estimated: the main process's own CPU plus
    that of its busiest child. On an idle machine with a core per build that is about the wall
    time; on a busy one it is a better guide than the wall time.
    """
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        peak_tree = 0
        cpu_by_pid: dict[int, float] = {}
        stop = threading.Event()

        def sample() -> None:
            nonlocal peak_tree
            while not stop.is_set():
                found = _tree_sample(proc.pid)
                peak_tree = max(peak_tree, sum(rss for rss, _ in found.values()))
                for child, (_, cpu) in found.items():
                    cpu_by_pid[child] = max(cpu, cpu_by_pid.get(child, 0.0))
                stop.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            stop.set()
            sampler.join()
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    cpu = usage.ru_utime + usage.ru_stime
    children = [t for child, t in cpu_by_pid.items() if child != proc.pid]
    # The main process's own CPU is the total less its children's (sampled a little short).
    critical = cpu - sum(children) + max(children) if children else cpu
    return Run(wall, proc.returncode, usage.ru_maxrss * 1024, peak_tree, cpu, critical, output)


def tree_size(path: Path) -> tuple[int, int, list[tuple[int, str]]]:
    """Total bytes of the files under ``path``, number of HTML files, and every HTML file's size."""
    total, html = 0, []
    for folder, _, files in os.walk(path):
        for name in files:
            full = os.path.join(folder, name)
            size = os.path.getsize(full)
            total += size
            if name.endswith(".html"):
                html.append((size, os.path.relpath(full, path)))
    return total, len(html), html


@dataclass
class Result:
    recaps: int
    corpus: Corpus
    check: float = 0.0
    check_runs: list[float] = field(default_factory=list)
    check_cli: float = 0.0
    build: float = 0.0
    build_cpu: float = 0.0
    build_critical: float = 0.0
    peak: int = 0
    peak_tree: int = 0
    output: int = 0
    pages: int = 0
    largest: list[tuple[int, str]] = field(default_factory=list)
    baseline: float | None = None
    baseline_cpu: float = 0.0
    baseline_peak: int = 0
    baseline_output: int = 0
    baseline_pages: int = 0
    baseline_warnings: int = 0
    cut_nav: float | None = None  # the baseline with the navigation cut to the home page
    cut_nav_cpu: float = 0.0
    serve_update: float | None = None  # recaps serve: one recap edited, its pages rebuilt

    @property
    def speedup(self) -> float | None:
        return self.baseline / self.build if self.baseline and self.build else None

    def line(self) -> str:
        baseline = f"{self.baseline:.1f} s" if self.baseline is not None else "n/a"
        speedup = f"{self.speedup:.1f}" if self.speedup is not None else "n/a"
        return (f"bench N={self.recaps}: check {self.check:.2f} s, build {self.build:.1f} s, "
                f"peak {self.peak / MiB:.0f} MB, output {self.output / MiB:.0f} MB, pages {self.pages}, "
                f"baseline {baseline}, speedup {speedup}")


def recaps_command() -> list[str]:
    exe = BIN / "recaps"
    return [str(exe)] if exe.exists() else [sys.executable, "-c", "from recaps.cli import main; main()"]


def say(message: str) -> None:
    print(message, flush=True)


def bench_one(recaps: int, work: Path, baseline: bool, profile: bool, largest: int, repeat: int,
              cut_nav: bool = False) -> Result:
    from recaps.loader import load_site

    corpus_root = work / f"corpus-{recaps}"
    if corpus_root.exists():
        shutil.rmtree(corpus_root)
    started = time.perf_counter()
    corpus = generate(corpus_root, recaps)
    say(f"[N={recaps}] corpus: {corpus.programmes} programmes, {recaps} recaps, {corpus.partners} partners, "
        f"{corpus.people} people, {corpus.missing} missing and {corpus.stale} stale translations; "
        f"{corpus.files} files, {corpus.bytes / MiB:.1f} MB, generated in {time.perf_counter() - started:.1f} s "
        f"in {corpus_root}")
    result = Result(recaps, corpus)

    # recaps check: in-process (median of 3), then the CLI once.
    for _ in range(3):
        started = time.perf_counter()
        site, report = load_site(corpus_root, bodies=False)  # as recaps check runs it
        result.check_runs.append(time.perf_counter() - started)
        if report:
            raise SystemExit(f"the generated corpus does not pass recaps check:\n{report.render()[:4000]}")
        del site, report  # as after a command: the next run does not load beside this one's site
    result.check = statistics.median(result.check_runs)
    cli = run(recaps_command() + ["-C", str(corpus_root), "check"])
    if cli.returncode != 0 or not cli.output.startswith("OK"):
        raise SystemExit(f"recaps check failed on the generated corpus:\n{cli.output[:4000]}")
    result.check_cli = cli.wall
    say(f"[N={recaps}] check: in-process {', '.join(f'{t:.3f}' for t in result.check_runs)} s "
        f"(median {result.check:.3f} s); CLI {cli.wall:.2f} s: {cli.output.strip()}")

    # recaps build, as editors run it (a fresh site folder each time).
    site_dir = work / f"site-{recaps}"
    builds = []
    for attempt in range(repeat):
        if site_dir.exists():
            shutil.rmtree(site_dir)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        build = run(recaps_command() + ["-C", str(corpus_root), "build", "--site-dir", str(site_dir)])
        if build.returncode != 0:
            raise SystemExit(f"recaps build failed:\n{build.output[-4000:]}")
        builds.append(build)
        say(f"[N={recaps}] build {attempt + 1}/{repeat}: {build.wall:.2f} s wall, {build.cpu:.2f} s CPU "
            f"({build.critical:.2f} s on the critical path), "
            f"peak {build.peak_rss / MiB:.0f} MB (largest process), {build.peak_tree / MiB:.0f} MB "
            f"(sum over processes, sampled); load average before: {load:.2f}")
    result.build = statistics.median(b.wall for b in builds)
    result.build_cpu = statistics.median(b.cpu for b in builds)
    result.build_critical = statistics.median(b.critical for b in builds)
    result.peak = max(b.peak_rss for b in builds)
    result.peak_tree = max(b.peak_tree for b in builds)
    result.output, result.pages, html = tree_size(site_dir)
    result.largest = sorted(html, reverse=True)[:largest]
    say(f"[N={recaps}] build: {result.build:.2f} s (median of {repeat}), output {result.output / MiB:.1f} MB, "
        f"{result.pages} HTML pages; it said: {(builds[-1].output.strip().splitlines() or [''])[-1]}")
    if largest:
        say(f"[N={recaps}] largest HTML files:")
        for size, rel in result.largest:
            say(f"    {size / 1024:9.1f} KB  {rel}")

    # recaps serve after an edit: a preview is built, one recap's body changes, and the pages
    # it changes are rebuilt (recaps.build.update_site, what serve runs before the reload).
    from recaps.build import build_site, update_site
    from recaps.loader import LoadCache

    cache = LoadCache()  # as recaps serve keeps one
    preview = work / f"preview-{recaps}"
    if preview.exists():
        shutil.rmtree(preview)
    if not build_site(corpus_root, preview, serving=True, cache=cache).ok:
        raise SystemExit("the preview build failed")
    edited = sorted(corpus_root.glob("sessions/*/session-3.fr.md"))[0]
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original.replace("\n\n", "\n\nUne phrase ajoutée pendant la relecture.\n\n", 1), encoding="utf-8")
    started = time.perf_counter()
    updated = update_site(corpus_root, preview, cache)
    result.serve_update = time.perf_counter() - started
    edited.write_text(original, encoding="utf-8")
    if updated is None or not updated.ok:
        raise SystemExit(f"the partial rebuild failed: {updated}")
    shutil.rmtree(preview, ignore_errors=True)
    say(f"[N={recaps}] serve: one recap edited ({edited.relative_to(corpus_root)}), its pages rebuilt "
        f"in {result.serve_update:.2f} s")

    if baseline:
        if not has_static_i18n():
            say("[baseline] skipped: mkdocs-static-i18n is not installed in this environment; "
                "install it with `.venv/bin/pip install -e '.[bench]'` (or pass --no-baseline)")
        else:
            base_root = work / f"baseline-{recaps}"
            if base_root.exists():
                shutil.rmtree(base_root)
            written = write_baseline(corpus_root, base_root)
            base_site = work / f"baseline-site-{recaps}"
            base = run([sys.executable, "-m", "mkdocs", "build", "-f", str(base_root / "mkdocs.yml"),
                        "-d", str(base_site)])
            if base.returncode != 0:
                raise SystemExit(f"baseline build failed:\n{base.output[-4000:]}")
            result.baseline, result.baseline_peak, result.baseline_cpu = base.wall, base.peak_rss, base.cpu
            result.baseline_output, result.baseline_pages, _ = tree_size(base_site)
            result.baseline_warnings = sum(1 for line in base.output.splitlines() if line.startswith("WARNING"))
            shutil.rmtree(base_site, ignore_errors=True)  # 1.4 GB at N=1000: every page has the whole nav
            say(f"[N={recaps}] baseline (Material + mkdocs-static-i18n, {written} Markdown pages): "
                f"{base.wall:.2f} s wall, {base.cpu:.2f} s CPU, peak {base.peak_rss / MiB:.0f} MB, output {result.baseline_output / MiB:.1f} MB, "
                f"{result.baseline_pages} HTML pages, {result.baseline_warnings} warnings")
            if cut_nav:
                cut = run([sys.executable, "-m", "mkdocs", "build", "-f", str(base_root / CUT_NAV_CONFIG),
                           "-d", str(base_site)])
                if cut.returncode != 0:
                    raise SystemExit(f"baseline build with the navigation cut failed:\n{cut.output[-4000:]}")
                result.cut_nav, result.cut_nav_cpu = cut.wall, cut.cpu
                cut_output, cut_pages, _ = tree_size(base_site)
                shutil.rmtree(base_site, ignore_errors=True)
                say(f"[N={recaps}] baseline with the navigation cut to the home page (one process): "
                    f"{cut.wall:.2f} s wall, {cut.cpu:.2f} s CPU, peak {cut.peak_rss / MiB:.0f} MB, "
                    f"output {cut_output / MiB:.1f} MB, {cut_pages} HTML pages")

    if profile:
        time_build(corpus_root, work / f"timed-site-{recaps}")
        profile_check(corpus_root, work / f"check-{recaps}.prof")
        profile_build(corpus_root, work / f"profile-site-{recaps}", work / f"build-{recaps}.prof")
        for extra in (f"timed-site-{recaps}", f"profile-site-{recaps}"):
            shutil.rmtree(work / extra, ignore_errors=True)
    say(f"[N={recaps}] summary: {result.line()[len('bench '):]}")
    return result


# ---------------------------------------------------------------------------------------------
# Profiling

# Phases of a build: (label, path fragment of the file, function name, and optionally the caller
# (fragment, name) to count only the calls from there). Cumulative times: a phase includes the
# ones indented under it.
PHASES = [
    ("recaps load_site (read, YAML, validate)", "recaps/loader.py", "load_site", None),
    ("  reader: front matter YAML", "recaps/reader.py", "parse_yaml", None),
    ("  pydantic validation", "recaps/validation.py", "validate", None),
    ("  body checks (recaps/markup.py, if present)", "recaps/markup.py", "check_body", None),
    ("mkdocs build() (both languages)", "mkdocs/commands/build.py", "build", None),
    ("  recaps render_site (in on_config)", "recaps/render.py", "render_site", None),
    ("    _emit (our Jinja2 templates, front matter)", "recaps/render.py", "_emit", None),
    ("      yaml.safe_dump of page front matter", "recaps/render.py", "_front_matter", None),
    ("  on_nav / get_navigation", "mkdocs/structure/nav.py", "get_navigation", None),
    ("  read + Markdown → HTML (_populate_page)", "mkdocs/commands/build.py", "_populate_page", None),
    ("    Page.render (Python-Markdown)", "mkdocs/structure/pages.py", "render", None),
    ("      md_in_html (raw HTML blocks)", "markdown/extensions/md_in_html.py", "run", None),
    ("      mkdocs hooks (links, raw-HTML anchors, title)", "mkdocs/structure/pages.py", "run", None),
    ("    page front matter (mkdocs meta.get_data)", "mkdocs/utils/meta.py", "get_data", None),
    ("    recaps french_typography_html", "recaps/i18n.py", "french_typography_html", None),
    ("  page HTML (_build_page)", "mkdocs/commands/build.py", "_build_page", None),
    ("    recaps on_page_context (nav, alternates)", "recaps/mkdocs_plugin.py", "on_page_context", None),
    ("    search: index the page (on_page_context)", "material/plugins/search/plugin.py", "on_page_context", None),
    ("    Material page template (Template.render)", "jinja2/environment.py", "render",
     ("mkdocs/commands/build.py", "_build_page")),
    ("  search: write the index (on_post_build)", "material/plugins/search/plugin.py", "on_post_build", None),
    ("  tags plugin (all hooks)", "material/plugins/tags/plugin.py", "on_*", None),
    ("  sitemap.xml, 404 (_build_theme_template)", "mkdocs/commands/build.py", "_build_theme_template", None),
    ("  copy theme and assets", "mkdocs/structure/files.py", "copy_static_files", None),
]


def _matches(key: tuple, fragment: str, name: str) -> bool:
    filename, _, function = key
    if fragment not in filename.replace(os.sep, "/"):
        return False
    return function.startswith(name[:-1]) if name.endswith("*") else function == name


def _phase_times(stats: pstats.Stats) -> list[tuple[str, float]]:
    rows = []
    table = stats.stats  # type: ignore[attr-defined]
    for label, fragment, name, caller in PHASES:
        total = 0.0
        for key, (_, _, _, cumulative, callers) in table.items():
            if not _matches(key, fragment, name):
                continue
            if caller is None:
                total += cumulative
            else:
                total += sum(c[3] for k, c in callers.items() if _matches(k, *caller))
        rows.append((label, total))
    return rows


def _by_package(stats: pstats.Stats) -> list[tuple[str, float]]:
    """Own (total) time summed by package: where the CPU time is really spent."""
    groups: dict[str, float] = {}
    for (filename, _, function), (_, _, own, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        path = filename.replace(os.sep, "/")
        if "/site-packages/" in path:
            package = path.split("/site-packages/", 1)[1].split("/", 1)[0]
            if package in ("material", "mkdocs", "recaps"):
                parts = path.split("/site-packages/", 1)[1].split("/")
                package = "/".join(parts[:3] if parts[1] in ("plugins", "contrib") else parts[:2])
        elif "/recaps/" in path:
            package = "recaps/" + path.rsplit("/", 1)[1]
        elif path.endswith((".html", ".j2", ".xml")) or "templates" in path:
            package = "templates (compiled Jinja2: Material's and ours)"
        elif path.startswith("~") or path.startswith("<"):
            package = "C functions (regex, str.join, isinstance, ...)"
        else:
            package = "stdlib/" + path.rsplit("/", 1)[-1]
        groups[package] = groups.get(package, 0.0) + own
    return sorted(groups.items(), key=lambda kv: -kv[1])


def _print_stats(profiler: cProfile.Profile, title: str, phases: bool) -> None:
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    say(f"\n===== {title}: {total:.2f} s under cProfile =====")
    for key, label in (("cumulative", "cumulative time"), ("tottime", "own time")):
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).strip_dirs().sort_stats(key).print_stats(25)
        text = buffer.getvalue()
        say(f"--- top 25 by {label} ---")
        say(text[text.find("   ncalls"):].rstrip())
    if phases:
        say("--- phases (cumulative, overlapping) ---")
        for label, seconds in _phase_times(stats):
            say(f"  {label:<52} {seconds:7.2f} s  {100 * seconds / total:5.1f}%")
    say("--- own time by package/module (top 20) ---")
    for package, seconds in _by_package(stats)[:20]:
        say(f"  {package:<52} {seconds:7.2f} s  {100 * seconds / total:5.1f}%")


class _Timers:
    """Wall time spent in chosen functions, measured by wrapping them (no profiler overhead)."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.pages: list[tuple[float, str]] = []
        self._undo: list[tuple[object, str, object]] = []

    def wrap(self, owner: object, name: str, label: str, per_page: bool = False) -> None:
        original = getattr(owner, name)

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - started
                self.totals[label] = self.totals.get(label, 0.0) + elapsed
                self.calls[label] = self.calls.get(label, 0) + 1
                if per_page and args:
                    self.pages.append((elapsed, getattr(getattr(args[0], "file", None), "src_uri", "?")))

        self._undo.append((owner, name, original))
        setattr(owner, name, timed)

    def restore(self) -> None:
        for owner, name, original in reversed(self._undo):
            setattr(owner, name, original)
        self._undo.clear()


def time_build(corpus_root: Path, site_dir: Path, slowest: int = 10) -> None:
    """Time the phases of ``build_site(parallel=False)`` by wrapping functions; no profiler."""
    import markdown.extensions.md_in_html as md_in_html
    import mkdocs.commands.build as mkdocs_build
    import mkdocs.structure.files as mkdocs_files
    import mkdocs.structure.pages as mkdocs_pages
    import mkdocs.utils as mkdocs_utils
    from material.plugins.search.plugin import SearchPlugin
    from material.plugins.tags.plugin import TagsPlugin

    import recaps.build as recaps_build
    import recaps.i18n as recaps_i18n
    import recaps.loader as recaps_loader
    import recaps.mkdocs_plugin as recaps_plugin
    import recaps.render as recaps_render

    timers = _Timers()
    rows = [  # (owner, attribute, label, indentation); labels are printed in this order
        (recaps_build, "load_site", "recaps load_site (before the builds)", 0),
        (recaps_loader, "validate", "pydantic validation", 1),
        (recaps_loader, "check_body", "body checks (recaps.markup.check_body)", 1),
        (mkdocs_build, "build", "mkdocs build() (both languages)", 0),
        (recaps_plugin, "render_site", "recaps render_site (on_config)", 1),
        (recaps_render, "_front_matter", "yaml.safe_dump of front matter", 2),
        (mkdocs_build, "get_navigation", "get_navigation + recaps on_nav", 1),
        (mkdocs_build, "_populate_page", "read + Markdown → HTML (_populate_page)", 1),
        (mkdocs_pages.Page, "render", "Page.render (Python-Markdown)", 2),
        (md_in_html.HtmlBlockPreprocessor, "run", "md_in_html: parse raw HTML", 3),
        (mkdocs_pages._RawHTMLPreprocessor, "run", "mkdocs: scan raw HTML for anchors", 3),
        (mkdocs_pages._RelativePathTreeprocessor, "run", "mkdocs: check and rewrite links", 3),
        (recaps_i18n, "french_typography_html", "recaps french_typography_html", 2),
        (TagsPlugin, "on_page_markdown", "tags: on_page_markdown", 2),
        (mkdocs_build, "_build_page", "page HTML (_build_page)", 1),
        (recaps_plugin.RecapsPlugin, "on_page_context", "recaps on_page_context (nav, alternates)", 2),
        (SearchPlugin, "on_page_context", "search: index the page", 2),
        (TagsPlugin, "on_page_context", "tags: on_page_context", 2),
        (mkdocs_utils, "write_file", "write the HTML file", 2),
        (SearchPlugin, "on_post_build", "search: write the index", 1),
        (mkdocs_build, "_build_theme_template", "404.html, sitemap.xml (compiles Material templates)", 1),
        (mkdocs_files.Files, "copy_static_files", "copy theme and assets", 1),
    ]
    rows = [row for row in rows if hasattr(row[0], row[1])]  # check_body is recent
    for owner, name, label, _ in rows:
        timers.wrap(owner, name, label, per_page=name == "render" and owner is mkdocs_pages.Page)
    try:
        started = time.perf_counter()
        result = recaps_build.build_site(corpus_root, site_dir, parallel=False)
        total = time.perf_counter() - started
    finally:
        timers.restore()
    if not result.ok:
        raise SystemExit("timed build failed:\n" + "\n".join(result.messages[:20]))
    say(f"\n===== phases of build_site(parallel=False) ({corpus_root.name}): {total:.2f} s, no profiler =====")
    say("(one process, French then English; inclusive times, indented under their caller)")
    # What _build_page spends outside the hooks and the write: mostly Material's page template.
    template = timers.totals.get("page HTML (_build_page)", 0.0) - sum(
        timers.totals.get(label, 0.0) for label in (
            "recaps on_page_context (nav, alternates)", "search: index the page", "tags: on_page_context",
            "write the HTML file"))
    for _, _, label, depth in rows:
        seconds = timers.totals.get(label, 0.0)
        say(f"  {'  ' * depth}{label:<{56 - 2 * depth}} {seconds:7.2f} s {100 * seconds / total:5.1f}%  "
            f"({timers.calls.get(label, 0)} calls)")
        if label == "write the HTML file":
            say(f"  {'    Material page template (the rest of _build_page)':<56} {template:7.2f} s "
                f"{100 * template / total:5.1f}%")
    if slowest:
        say(f"--- {slowest} slowest pages to convert (Page.render, both languages) ---")
        for seconds, uri in sorted(timers.pages, reverse=True)[:slowest]:
            say(f"  {seconds * 1000:8.1f} ms  {uri}")
        rest = sorted(t for t, _ in timers.pages)
        if rest:
            say(f"  median page {statistics.median(rest) * 1000:.1f} ms over {len(rest)} pages")


def profile_check(corpus_root: Path, dump: Path) -> None:
    from recaps.loader import load_site

    profiler = cProfile.Profile()
    profiler.enable()
    load_site(corpus_root)
    profiler.disable()
    profiler.dump_stats(dump)
    _print_stats(profiler, f"load_site ({corpus_root.name})", phases=False)


def profile_build(corpus_root: Path, site_dir: Path, dump: Path) -> None:
    from recaps.build import build_site

    profiler = cProfile.Profile()
    profiler.enable()
    result = build_site(corpus_root, site_dir, parallel=False)
    profiler.disable()
    profiler.dump_stats(dump)
    if not result.ok:
        raise SystemExit("profiled build failed:\n" + "\n".join(result.messages[:20]))
    _print_stats(profiler, f"build_site(parallel=False) ({corpus_root.name}, both languages in one process)",
                 phases=True)


# ---------------------------------------------------------------------------------------------


def print_table(results: list[Result]) -> None:
    header = ["N", "check s", "check CLI s", "build s", "build CPU s", "build path CPU s", "peak MB", "peak sum MB", "output MB", "pages",
              "baseline s", "baseline CPU s", "baseline peak MB", "baseline output MB", "baseline pages", "speedup", "serve edit s", "cut-nav s", "cut-nav CPU s"]
    rows = []
    for r in results:
        rows.append([
            str(r.recaps), f"{r.check:.3f}", f"{r.check_cli:.2f}", f"{r.build:.2f}", f"{r.build_cpu:.1f}",
            f"{r.build_critical:.1f}",
            f"{r.peak / MiB:.0f}",
            f"{r.peak_tree / MiB:.0f}", f"{r.output / MiB:.1f}", str(r.pages),
            f"{r.baseline:.1f}" if r.baseline is not None else "n/a",
            f"{r.baseline_cpu:.1f}" if r.baseline is not None else "n/a",
            f"{r.baseline_peak / MiB:.0f}" if r.baseline is not None else "n/a",
            f"{r.baseline_output / MiB:.1f}" if r.baseline is not None else "n/a",
            str(r.baseline_pages) if r.baseline is not None else "n/a",
            f"{r.speedup:.1f}" if r.speedup is not None else "n/a",
            f"{r.serve_update:.2f}" if r.serve_update is not None else "n/a",
            f"{r.cut_nav:.1f}" if r.cut_nav is not None else "n/a",
            f"{r.cut_nav_cpu:.1f}" if r.cut_nav is not None else "n/a",
        ])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    say("")
    say(" | ".join(h.rjust(w) for h, w in zip(header, widths)))
    say("-+-".join("-" * w for w in widths))
    for row in rows:
        say(" | ".join(c.rjust(w) for c, w in zip(row, widths)))
    say("")


def parse_sizes(values: list[str]) -> list[int]:
    sizes = []
    for value in values:
        for part in value.split(","):
            if part.strip():
                number = int(part)
                if number < 1:
                    raise argparse.ArgumentTypeError("--recaps must be at least 1")
                sizes.append(number)
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--recaps", action="append", required=True, metavar="N",
                        help="number of session recaps; repeat or give a comma list (100,500)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the Material + mkdocs-static-i18n baseline")
    parser.add_argument("--cut-nav", action="store_true",
                        help="also build the baseline with its navigation cut to the home page (a reference)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="keep the corpora, our sites, the baseline's Markdown and the profiles in DIR "
                             "(default: a temporary folder, removed)")
    parser.add_argument("--profile", action="store_true",
                        help="also profile load_site and build_site(parallel=False) in-process under cProfile")
    parser.add_argument("--repeat", type=int, default=1, metavar="R",
                        help="build R times and report the median wall time (default 1)")
    parser.add_argument("--largest", type=int, default=10, metavar="K",
                        help="list the K largest HTML files of each build (default 10; 0 for none)")
    args = parser.parse_args(argv)
    sizes = parse_sizes(args.recaps)

    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        work = args.keep.resolve()
    else:
        work = Path(tempfile.mkdtemp(prefix="recaps-bench-"))
    if not args.no_baseline and not has_static_i18n():
        say("note: mkdocs-static-i18n is not installed, so the baseline will be skipped; install it with "
            "`.venv/bin/pip install -e '.[bench]'` or pass --no-baseline")
    results = []
    try:
        for recaps in sizes:
            results.append(bench_one(recaps, work, not args.no_baseline, args.profile, args.largest, args.repeat,
                                     cut_nav=args.cut_nav))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print_table(results)
    say(results[-1].line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
