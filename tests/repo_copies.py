"""Content and copies of the repository that the tests share: what a build reads, copied into a
temporary folder, and the sessions 3 and 4 of ``sessions_site`` (tests/conftest.py). A module of
its own, not the conftest: tests import it by name from every folder."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

COPIED = ("mkdocs.yml", "overrides", "docs", "sessions", "partners")


def copy_of_repo(root: Path) -> None:
    """Copy into ``root`` what a build reads (config, overrides, docs, content)."""
    for entry in COPIED:
        source = REPO / entry
        if source.is_dir():
            shutil.copytree(source, root / entry, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / entry)


SESSION_3_FR = """---
id: session-3
programme: parcours-cec-industries
number: 3
title: "Mesurer pour agir"
dates:
  start: 2024-11-14
  end: 2024-11-14
city: Paris
host: the-week
author: "La rédaction"
published: 2025-02-10
tags: [industrie]
question: "Que compter d’abord ?"
summary: "Une journée à Paris pour choisir les indicateurs qui comptent."
notions:
  - title: "Compter juste"
    text: "Peu d’indicateurs, bien choisis."
quotes:
  - speaker: eric-duverger
    lang: fr
    text: "Ce qui se mesure se pilote."
partners: []
---

Le 14 novembre 2024, une journée à Paris.
"""
SESSION_3_EN = """---
title: "Measuring to act"
author: "The editorial team"
question: "What should we count first?"
summary: "A day in Paris choosing the indicators that matter."
notions:
  - title: "Counting right"
    text: "Few indicators, well chosen."
quotes:
  - text: "What gets measured gets steered."
---

On 14 November 2024, a day in Paris.
"""
SESSION_4_FR = """---
id: session-4
programme: parcours-cec-industries
number: 4
title: "Coopérer entre filières"
dates:
  start: 2024-12-12
  end: 2024-12-13
city: Grenoble
host: la-ruche-industrielle
author: "La rédaction"
published: 2025-01-20
tags: [cooperation]
question: "Avec qui avancer ?"
summary: "Deux jours à Grenoble avec les filières voisines."
notions:
  - title: "Sortir de sa filière"
    text: "Les voisins ont souvent la réponse."
quotes:
  - speaker: eric-boel
    lang: fr
    text: "Personne ne s’en sort seul."
partners: []
---

Les 12 et 13 décembre 2024, deux jours à Grenoble.
"""
SESSIONS_SITE_URL = "https://recaps.example.org/parcours/"
