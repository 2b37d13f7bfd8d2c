"""The generated corpus: N session recaps, deterministically (the same N, the same bytes).

ceil(N/6) programmes of six sessions, max(3, N/10) partners, max(5, N/3) people, a tag
registry; every field of every recap, 3 to 5 key notions and 2 to 6 quotes a recap, about 700
words of body per language with headings, a bulleted list, a table and a nested list; about 2 %
of items without English and 2 % with a stale English translation. The repository's
``mkdocs.yml``, ``overrides/`` and ``docs/`` are copied in, so that it builds like the real site.

``NARROW`` is the shape the benchmark used before its sixth round (3 notions, 2 to 4 quotes,
N/5 people, bodies without tables or nested lists): ``--profile`` compares the two.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import shutil
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from .prose import Prose, capitalise
from .vocabulary import (
    CITIES, EN_NOUNS, FIRST_NAMES, FR_ADJECTIVES, FR_NOUNS, LAST_NAMES, ORG_QUALIFIERS,
    ORG_TYPES_FR, PARTNER_KINDS, ROLES, TAGS,
)

REPO = Path(__file__).resolve().parents[2]
SESSIONS_PER_PROGRAMME = 6
ORGANISER = "Convention des Entreprises pour le Climat"


@dataclass(frozen=True)
class Shape:
    """How much a recap holds: ranges of notions and quotes, people, what the bodies have."""

    notions: tuple[int, int]
    quotes: tuple[int, int]
    recaps_per_person: int
    wide_bodies: bool  # a table and a nested list in every body


WIDE = Shape(notions=(3, 5), quotes=(2, 6), recaps_per_person=3, wide_bodies=True)
NARROW = Shape(notions=(3, 3), quotes=(2, 4), recaps_per_person=5, wide_bodies=False)


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

    def describe(self) -> str:
        return (f"{self.programmes} programmes, {self.recaps} recaps, {self.partners} partners, "
                f"{self.people} people, {self.missing} missing and {self.stale} stale translations; "
                f"{self.files} files, {self.bytes / 2**20:.1f} MB")


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = "".join(c if c.isalnum() else " " for c in ascii_text.lower()).split()
    return "-".join(words)


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _front(lines: list[str], body: str) -> str:
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body


def generate(root: Path, recaps: int, shape: Shape = WIDE) -> Corpus:
    """Write a corpus of ``recaps`` session recaps in ``root``; the same arguments, the same bytes."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("overrides", "docs"):
        shutil.copytree(REPO / name, root / name, dirs_exist_ok=True)
    writer = _Writer(root, recaps, shape)
    people = writer.people(max(5, recaps // shape.recaps_per_person))
    tags = writer.tags()
    partners = writer.partners(max(3, recaps // 10), people)
    start = date(2019, 1, 7)
    for p in range(1, math.ceil(recaps / SESSIONS_PER_PROGRAMME) + 1):
        count = min(SESSIONS_PER_PROGRAMME, recaps - (p - 1) * SESSIONS_PER_PROGRAMME)
        writer.programme(p, count, start, people, tags, partners)
    return writer.corpus


class _Writer:
    """Writes the files of one corpus, drawing every choice from one seeded generator."""

    def __init__(self, root: Path, recaps: int, shape: Shape) -> None:
        self.root, self.shape = root, shape
        self.rng = random.Random(f"recaps-bench-{recaps}")
        self.fr, self.en = Prose(self.rng, "fr"), Prose(self.rng, "en")
        self.corpus = Corpus(root, recaps)

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        self.corpus.files += 1
        self.corpus.bytes += len(data)

    def body(self, prose: Prose, low: int, high: int) -> str:
        return prose.body(self.rng.randint(low, high), wide=self.shape.wide_bodies)

    def english(self, rel_fr: str, model: type, lines: list[str], body: str) -> None:
        """Write the English file of ``rel_fr`` with a correct (or, 2 %, stale) translation_of;
        or, 2 %, none at all."""
        from recaps.content.reader import read_markdown
        from recaps.content.translation import source_version

        roll = self.rng.random()
        if roll < 0.02:
            self.corpus.missing += 1
            return
        source, errors = read_markdown(self.root, rel_fr)
        assert source is not None, errors
        version = source_version(model, source)
        if roll < 0.04:
            self.corpus.stale += 1
            version = hashlib.sha256(f"older {rel_fr}".encode()).hexdigest()[:12]
        self.write(rel_fr[: -len(".fr.md")] + ".en.md", _front(lines + [f"translation_of: {version}"], body))

    def people(self, count: int) -> list[str]:
        rng, ids, lines = self.rng, [], ["people:"]
        names = [f"{first} {last}" for last in LAST_NAMES for first in FIRST_NAMES]
        rng.shuffle(names)
        for i in range(count):
            name = names[i % len(names)] + ("" if i < len(names) else f" {i // len(names) + 1}")
            ids.append(slugify(name))
            role_fr, role_en = rng.choice(ROLES)
            org = f"{rng.choice(ORG_TYPES_FR)} {rng.choice(ORG_QUALIFIERS)}"
            lines += [f"  - id: {ids[-1]}", f"    name: {q(name)}", "    role:",
                      f"      fr: {q(role_fr)}", f"      en: {q(role_en)}"]
            if rng.random() < 0.8:
                lines += ["    organisation:", f"      fr: {q(org)}", f"      en: {q(org)}"]
        self.write("sessions/people.yml", "\n".join(lines) + "\n")
        self.corpus.people = count
        return ids

    def tags(self) -> list[str]:
        ids, lines = [slugify(label_fr) for label_fr, _ in TAGS], ["tags:"]
        for (label_fr, label_en), tag_id in zip(TAGS, ids):
            lines += [f"  - id: {tag_id}", "    label:", f"      fr: {q(label_fr)}", f"      en: {q(label_en)}"]
        self.write("sessions/tags.yml", "\n".join(lines) + "\n")
        return ids

    def partners(self, count: int, people: list[str]) -> list[str]:
        ids: list[str] = []
        used: dict[str, int] = {}
        for _ in range(count):
            name = f"{self.rng.choice(ORG_TYPES_FR)} {self.rng.choice(ORG_QUALIFIERS)}"
            partner_id = slugify(name)
            used[partner_id] = used.get(partner_id, 0) + 1
            if used[partner_id] > 1:
                name, partner_id = f"{name} {used[partner_id]}", f"{partner_id}-{used[partner_id]}"
            ids.append(partner_id)
            self.partner(partner_id, name, people)
        self.corpus.partners = count
        return ids

    def partner(self, partner_id: str, name: str, people: list[str]) -> None:
        from recaps.content.models import Partner

        rng, fr, en = self.rng, self.fr, self.en
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
        self.write(rel, _front(lines, self.body(fr, 150, 300)))
        en_lines = [f"name: {q(name)}", f"mission: {q(en.sentence())}"]
        if quotes:
            en_lines += ["quotes:"] + [f"  - text: {q(en.sentence())}" for _ in quotes]
        self.english(rel, Partner, en_lines, self.body(en, 150, 300))

    def programme(self, p: int, sessions: int, start: date, people: list[str], tags: list[str],
                  partners: list[str]) -> None:
        from recaps.content.models import Programme

        rng, fr, en = self.rng, self.fr, self.en
        theme_fr = rng.choice(FR_NOUNS)
        programme_id = f"parcours-{p:04d}-{slugify(theme_fr)}"
        day = start + timedelta(days=rng.randint(0, 2000))
        lines = [f"id: {programme_id}",
                 f"title: {q('Parcours ' + capitalise(theme_fr) + ' ' + rng.choice(FR_ADJECTIVES))}",
                 f"organiser: {q(ORGANISER)}", f"sponsor: {rng.choice(people)}",
                 f"sessions_planned: {SESSIONS_PER_PROGRAMME}", f"description: {q(fr.sentences(1, 2))}"]
        rel = f"sessions/{programme_id}/programme.fr.md"
        self.write(rel, _front(lines, self.body(fr, 120, 220)))
        self.english(rel, Programme, [f"title: {q('Programme ' + capitalise(rng.choice(EN_NOUNS)))}",
                                      f"organiser: {q(ORGANISER)}", f"description: {q(en.sentences(1, 2))}"],
                     self.body(en, 120, 220))
        for k in range(1, sessions + 1):
            day += timedelta(days=rng.randint(28, 56))
            self.session(programme_id, k, day, people, tags, partners)
        self.corpus.programmes += 1

    def session(self, programme_id: str, k: int, day: date, people: list[str], tags: list[str],
                partners: list[str]) -> None:
        from recaps.content.models import Session

        rng, fr, en = self.rng, self.fr, self.en
        n_notions, n_quotes = rng.randint(*self.shape.notions), rng.randint(*self.shape.quotes)
        speakers = [(rng.choice(people), rng.random() < 0.85) for _ in range(n_quotes)]
        lines = [
            f"id: session-{k}", f"programme: {programme_id}", f"number: {k}", f"title: {q(fr.title())}",
            "dates:", f"  start: {day.isoformat()}", f"  end: {(day + timedelta(days=rng.randint(0, 1))).isoformat()}",
            f"city: {rng.choice(CITIES)}", f"host: {rng.choice(partners)}", f"author: {q('La rédaction')}",
            f"published: {(day + timedelta(days=rng.randint(10, 60))).isoformat()}",
            f"tags: [{', '.join(rng.sample(tags, rng.randint(2, 5)))}]",
            f"question: {q(fr.question())}", f"summary: {q(fr.sentences(1, 2))}", "notions:",
        ]
        for _ in range(n_notions):
            lines += [f"  - title: {q(fr.title())}", f"    text: {q(fr.sentences(2, 3))}"]
        lines.append("quotes:")
        for speaker, french in speakers:
            lines += [f"  - speaker: {speaker}", f"    lang: {'fr' if french else 'en'}", f"    text: {q(fr.sentence())}"]
        lines.append(f"partners: [{', '.join(rng.sample(partners, rng.randint(1, 2)))}]")
        if k < SESSIONS_PER_PROGRAMME:
            lines += ["next_session:", f"  number: {k + 1}", f"  note: {q(fr.sentence())}"]
        rel = f"sessions/{programme_id}/session-{k}.fr.md"
        self.write(rel, _front(lines, self.body(fr, 660, 740)))
        en_lines = [f"title: {q(en.title())}", f"author: {q('The editorial team')}",
                    f"question: {q(en.question())}", f"summary: {q(en.sentences(1, 2))}", "notions:"]
        for _ in range(n_notions):
            en_lines += [f"  - title: {q(en.title())}", f"    text: {q(en.sentences(2, 3))}"]
        en_lines += ["quotes:"] + [f"  - text: {q(en.sentence())}" for _ in range(n_quotes)]
        if k < SESSIONS_PER_PROGRAMME:
            en_lines += ["next_session:", f"  note: {q(en.sentence())}"]
        self.english(rel, Session, en_lines, self.body(en, 660, 740))
