"""Translations never block the French: English files not written yet, not finished, or behind.

One build of the real content plus sessions 3 and 4 (tests/conftest.py), with an English file
in each state an editor leaves: an untouched scaffold, an empty file, one of whitespace only, one
holding a single newline (as a web editor saves it), one never marked, and one whose French
gained a notion and a quote after it was marked. `recaps check` and the build pass; the pages
are parsed with html5lib, as a browser parses them.
"""

from __future__ import annotations

from pathlib import Path

import html5lib
import pytest
from click.testing import CliRunner
from repo_copies import SESSION_3_EN, SESSION_3_FR, SESSION_4_FR, copy_of_repo

from recaps.build import build_site
from recaps.cli import main

PROGRAMME = "sessions/parcours-cec-industries"
NEW_NOTION = '  - title: "Choisir ses indicateurs"\n    text: "Trois indicateurs suffisent pour commencer."\n'
NEW_QUOTE = '  - speaker: eric-boel\n    lang: fr\n    text: "On ne pilote que ce qu’on regarde."\n'


def recaps(root: Path, *args: str):
    result = CliRunner().invoke(main, ["-C", str(root), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


@pytest.fixture(scope="module")
def states(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the repository, its built site)."""
    root = tmp_path_factory.mktemp("translation-states") / "repo"
    root.mkdir()
    copy_of_repo(root)
    programme = root / PROGRAMME
    for name, text in (("session-3.fr.md", SESSION_3_FR), ("session-3.en.md", SESSION_3_EN),
                       ("session-4.fr.md", SESSION_4_FR)):
        (programme / name).write_text(text, encoding="utf-8")
    # Session 3: translated and marked; then the French gains a notion and a quote.
    assert recaps(root, "mark-translated", f"{PROGRAMME}/session-3.en.md").exit_code == 0
    french = programme / "session-3.fr.md"
    text = french.read_text(encoding="utf-8")
    french.write_text(text.replace("quotes:\n", NEW_NOTION + "quotes:\n").replace("partners: []", NEW_QUOTE + "partners: []"),
                      encoding="utf-8")
    # Session 4: its English file written by `recaps new` (the French exists) and left untouched.
    written = recaps(root, "new", "session", "parcours-cec-industries", "4")
    assert written.output.startswith(f"kept {PROGRAMME}/session-4.fr.md (it exists)\ncreated {PROGRAMME}/session-4.en.md\n")
    # Session 5: its English never marked.
    english = programme / "session-5.en.md"
    english.write_text("".join(line for line in english.read_text(encoding="utf-8").splitlines(keepends=True)
                               if not line.startswith("translation_of:")), encoding="utf-8")
    (programme / "programme.en.md").write_text("  \n\t\n", encoding="utf-8")
    (root / "partners/the-week.en.md").write_text("\n", encoding="utf-8")
    (root / "partners/la-ruche-industrielle.en.md").write_text("", encoding="utf-8")
    site = root.parent / "site"
    result = build_site(root, site_dir=site)
    assert result.ok, "\n".join(result.messages) or result.report.render()
    return root, site


def page(site: Path, lang: str, path: str):
    folder = site / ("en" if lang == "en" else "") / path
    return html5lib.parse((folder / "index.html").read_bytes(), namespaceHTMLElements=False)


def text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def notice(document) -> str:
    (found,) = [e for e in document.iter("div") if "recap-notice" in e.get("class", "").split()]
    return text(found)


def languages(document) -> dict[str, str]:
    """The language of each text of the main content, by its text: the nearest lang around it."""
    found: dict[str, str] = {}

    def walk(element, lang: str) -> None:
        lang = element.get("lang", lang)
        if element.text and element.text.strip():
            found[" ".join(element.text.split())] = lang
        for child in element:
            walk(child, lang)
            if child.tail and child.tail.strip():
                found[" ".join(child.tail.split())] = lang

    walk(document, "")
    return found


def test_check_passes(states: tuple[Path, Path]) -> None:
    result = recaps(states[0], "check")
    assert (result.exit_code, result.output) == (
        0, "OK: 1 programme, 3 session recaps, 2 partners, 5 people, 2 pages; no errors\n",
    )


def test_status_names_each_state_and_what_moves_it_forward(states: tuple[Path, Path]) -> None:
    result = recaps(states[0], "status", "--strict")
    assert (result.exit_code, result.output) == (
        1,
        "KIND       ID                                 STATE        FILE\n"
        "programme  parcours-cec-industries            missing      sessions/parcours-cec-industries/programme.en.md\n"
        "session    parcours-cec-industries/session-3  stale        sessions/parcours-cec-industries/session-3.en.md\n"
        "session    parcours-cec-industries/session-4  missing      sessions/parcours-cec-industries/session-4.en.md\n"
        "session    parcours-cec-industries/session-5  in progress  sessions/parcours-cec-industries/session-5.en.md\n"
        "partner    la-ruche-industrielle              missing      partners/la-ruche-industrielle.en.md\n"
        "partner    the-week                           missing      partners/the-week.en.md\n"
        "page       about                              complete     docs/about.en.md\n"
        "page       guide                              complete     docs/guide.en.md\n"
        "8 items: 2 complete, 4 missing, 1 in progress, 1 stale, 0 orphan\n"
        "What to do (FILE: the file in the table):\n"
        "  missing      translate the French into FILE (for a session or a partner, `recaps new` writes FILE "
        "to fill in), then run `recaps mark-translated FILE`\n"
        "  in progress  once FILE is translated, run `recaps mark-translated FILE`\n"
        "  stale        the French changed since FILE was marked: update FILE, then run `recaps mark-translated FILE`\n"
        "--strict: 2 of 8 translations complete; do what is said above for the others, then run "
        "`recaps status --strict` again\n",
    )


@pytest.mark.parametrize("path", [
    "parcours-cec-industries/",  # whitespace only
    "parcours-cec-industries/session-4/",  # as `recaps new` wrote it
    "partners/the-week/",  # a single newline
    "partners/la-ruche-industrielle/",  # empty
])
def test_an_unwritten_english_file_gives_the_notice_page(states: tuple[Path, Path], path: str) -> None:
    english = page(states[1], "en", path)
    assert english.get("lang") == "en"
    assert notice(english) == (
        "Not yet translated This page has not been translated into English yet. Below is the French "
        "original. Read the French original"
    )
    (stand_in,) = [e for e in english.iter("div") if e.get("lang") == "fr"]
    french = page(states[1], "fr", path)
    (title,) = french.iter("h1")
    assert [text(h1) for h1 in stand_in.iter("h1")] == [text(title)]


def test_notions_and_quotes_the_french_gained_show_in_french_under_the_stale_notice(states: tuple[Path, Path]) -> None:
    english = page(states[1], "en", "parcours-cec-industries/session-3/")
    assert notice(english) == (
        "Translation may be out of date The French original has changed since this page was translated. "
        "Parts not translated yet are shown in French. Read the French original"
    )
    (cards,) = [e for e in english.iter("div") if "recap-notions" in e.get("class", "")]
    notions = [(item.get("lang"), item.get("data-search-exclude"), text(item)) for item in cards.iter("li")]
    assert notions == [
        (None, None, "Counting right Few indicators, well chosen."),
        ("fr", "", "Choisir ses indicateurs Trois indicateurs suffisent pour commencer."),
    ]
    quotes = [(figure.find("blockquote").get("lang"), figure.get("data-search-exclude"), text(figure.find("blockquote")))
              for figure in english.iter("figure")]
    assert quotes == [
        ("en", None, "“What gets measured gets steered.”"),
        ("fr", "", "« On ne pilote que ce qu’on regarde. »"),
    ]
    said = languages(english)
    assert said["Counting right"] == "en" and said["Choisir ses indicateurs"] == "fr"
    assert said["Éric Boël"] == "en"  # the speaker's caption is the page's: name and English role


def test_a_translation_never_marked_is_in_progress(states: tuple[Path, Path]) -> None:
    english = page(states[1], "en", "parcours-cec-industries/session-5/")
    assert notice(english) == (
        "Translation in progress This translation is not finished yet; parts of it may still be in French. "
        "Read the French original"
    )
    assert not [e for e in english.iter() if e.get("lang") == "fr" and e.tag in ("div", "li", "blockquote")]
