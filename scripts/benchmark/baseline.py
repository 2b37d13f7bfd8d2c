"""The baseline: the corpus's content as plain Markdown pages for Material + mkdocs-static-i18n
(a hand-rolled setup, no explicit navigation), built by ``mkdocs build`` in a subprocess.

With ``cut_nav``, the same pages are also built with the navigation cut to the home page: plain
Material without the quadratic navigation, both languages in one process (a reference).
Needs ``pip install -e '.[bench]'`` (mkdocs-static-i18n).
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from .measure import Run, run, tree_size

LABELS = {
    "fr": {"dates": "Dates", "city": "Lieu", "host": "Accueillie par", "question": "Question",
           "notions": "Notions clés", "quotes": "Paroles d’intervenants", "partners": "Partenaires",
           "next": "Prochaine session", "sessions": "Sessions", "home": "Récits de programmes",
           "people": "Personnes", "website": "Site web"},
    "en": {"dates": "Dates", "city": "Place", "host": "Hosted by", "question": "Question",
           "notions": "Key notions", "quotes": "Speakers’ words", "partners": "Partners",
           "next": "Next session", "sessions": "Sessions", "home": "Programme recaps",
           "people": "People", "website": "Website"},
}

CONFIG = """\
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
CUT_NAV_CONFIG = "mkdocs-cut-nav.yml"


def available() -> bool:
    return importlib.util.find_spec("mkdocs_static_i18n") is not None


def _langs(item) -> list[str]:
    return [lang for lang in ("fr", "en") if lang in item.content]


def _session_page(site, session, lang: str) -> str:
    s, labels = session.get(lang), LABELS[lang]
    host = site.partners[s.host].get(lang)
    lines = [
        "---", f"tags: [{', '.join(s.tags)}]", "---", "", f"# {s.title}", "",
        f"**{labels['dates']}**: {s.dates.start} – {s.dates.end}  ",
        f"**{labels['city']}**: {s.city}  ",
        f"**{labels['host']}**: [{host.name}](../partners/{s.host}.md)", "",
        f"**{labels['question']}** {s.question}", "", s.summary, "", f"## {labels['notions']}", "",
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
    return "\n".join(lines) + "\n"


def _pages(site):
    """(path, text) of every baseline page of the loaded ``site``."""
    for lang in ("fr", "en"):
        links = [f"- [{p.get(lang).title}]({p.id}/index.md)" for p in site.programmes.values()]
        yield f"index.{lang}.md", "\n".join([f"# {LABELS[lang]['home']}", "", *links]) + "\n"
    for programme in site.programmes.values():
        for lang in _langs(programme):
            p = programme.get(lang)
            lines = [f"# {p.title}", "", p.description, "", programme.body(lang), "",
                     f"## {LABELS[lang]['sessions']}", ""]
            lines += [f"- [{s.get(lang).title}](session-{s.source.number}.md)" for s in programme.sessions]
            yield f"{programme.id}/index.{lang}.md", "\n".join(lines) + "\n"
        for session in programme.sessions:
            for lang in _langs(session):
                yield f"{programme.id}/session-{session.get(lang).number}.{lang}.md", _session_page(site, session, lang)
    for partner in site.partners.values():
        for lang in _langs(partner):
            pv, labels = partner.get(lang), LABELS[lang]
            lines = [f"# {pv.name}", "", f"**{labels['website']}**: <{pv.website}>", "", pv.mission, "",
                     partner.body(lang)]
            if pv.people:
                lines += ["", f"## {labels['people']}", ""]
                lines += [f"- {site.people[pid].name}, {site.people[pid].role.get(lang)}" for pid in pv.people]
            yield f"partners/{partner.id}.{lang}.md", "\n".join(lines) + "\n"


def write(corpus_root: Path, out: Path) -> int:
    """The baseline's pages of the corpus in ``out``/docs, and its two configurations. Pages written."""
    from recaps.content.loader import load_or_raise

    site = load_or_raise(corpus_root)
    count = 0
    for rel, text in _pages(site):
        path = out / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        count += 1
    (out / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (out / CUT_NAV_CONFIG).write_text(CONFIG + "nav:\n  - index.md\n", encoding="utf-8")
    return count


@dataclass
class Baseline:
    run: Run
    markdown_pages: int
    output: int  # bytes
    pages: int  # HTML files
    warnings: int


def build(out: Path, site_dir: Path, config: str = "mkdocs.yml") -> Baseline:
    """``mkdocs build`` of the pages written in ``out``; the site is removed after it is measured
    (1.4 GB at 1,000 recaps: every page holds the whole navigation)."""
    result = run([sys.executable, "-m", "mkdocs", "build", "-f", str(out / config), "-d", str(site_dir)])
    if result.returncode != 0:
        raise SystemExit(f"baseline build ({config}) failed:\n{result.output[-4000:]}")
    output, html = tree_size(site_dir)
    shutil.rmtree(site_dir, ignore_errors=True)
    warnings = sum(1 for line in result.output.splitlines() if line.startswith("WARNING"))
    markdown_pages = sum(1 for _ in (out / "docs").rglob("*.md"))
    return Baseline(result, markdown_pages, output, len(html), warnings)
