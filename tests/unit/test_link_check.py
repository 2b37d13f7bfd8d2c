"""The links of the bodies, checked by `recaps check` against the pages the build makes
(recaps.pages.link_check): the generated pages included, anchors in each language, and a site
with errors checked as far as it can be."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from checkcases import BASE, run_check

from recaps.pages import groupings

REPO = Path(__file__).resolve().parents[2]  # not from conftest: which conftest that names depends on the order of collection

SESSION_5 = "sessions/parcours-cec-industries/session-5.fr.md"


def _append(path: Path, text: str) -> int:
    """Add ``text`` to a file; the file line of its first line."""
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1


@pytest.fixture
def real_content(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for folder in ("sessions", "partners", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def test_a_recap_links_to_a_generated_partner_page_and_not_to_nowhere(real_content: Path) -> None:
    line = _append(real_content / SESSION_5, "\nChez [La Ruche industrielle](../partners/la-ruche-industrielle.md),"
                                             " pas [nulle part](../nulle-part.md).\n")
    run = run_check(real_content)
    assert run.output == (
        f"{SESSION_5}:{line + 1}: the link '../nulle-part.md' leads to no page or file of the site: link to a page "
        "by the path of its source relative to this page, such as '../partners/index.md' for the list of partners\n"
        "1 error found\n"
    )
    assert run.exit_code == 1


def test_the_real_content_links_only_to_what_exists(real_content: Path) -> None:
    _append(real_content / SESSION_5, "\nVoir [les citations](#quotes), [Caroline Félix](../speakers.md#caroline-felix)"
                                      " et [la Ruche](../partners/la-ruche-industrielle.md#people).\n")
    assert run_check(real_content).output.startswith("OK: ")


def test_a_link_to_a_speaker_follows_the_grouped_speakers_page(real_content: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(groupings, "SPEAKERS_ON_ONE_PAGE", 2)
    line = _append(real_content / SESSION_5, "\n[Caroline Félix](../speakers.md#caroline-felix)\n")
    assert run_check(real_content).output == (
        f"{SESSION_5}:{line + 1}: the link '../speakers.md#caroline-felix' leads to the anchor '#caroline-felix', "
        "which this site lists on a page of its own: did you mean '../speakers/c.md#caroline-felix'?\n"
        "1 error found\n"
    )


def test_a_site_with_errors_has_the_links_checked_that_can_be(tmp_path: Path) -> None:
    # The partner does not load: a link to its page, to a tag's page or to an anchor waits for
    # the next run (the pages are not known yet); a link to nowhere is reported now.
    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    partner = root / "partners/atelier-nord.fr.md"
    partner.write_text(partner.read_text(encoding="utf-8").replace("kind: association", "kind: club"), encoding="utf-8")
    session = "sessions/parcours-demo/session-1.fr.md"
    line = _append(root / session, "\n[L’atelier](../partners/atelier-nord.md), [coopération](../tags/cooperation.md),"
                                   " [citations](#quotes)\n[ailleurs](../nulle-part.md)\n")
    output = run_check(root).output.splitlines()
    assert output[0].startswith("partners/atelier-nord.fr.md:4: kind: ")
    assert output[1:] == [
        f"{session}:{line + 2}: the link '../nulle-part.md' leads to no page or file of the site: link to a page by "
        "the path of its source relative to this page, such as '../partners/index.md' for the list of partners",
        "2 errors found",
    ]


def test_a_link_to_an_anchor_of_a_page_without_headings(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    (root / "docs").mkdir()
    (root / "docs/a-propos.fr.md").write_text("Du texte, sans titre.\n", encoding="utf-8")
    session = "sessions/parcours-demo/session-1.fr.md"
    line = _append(root / session, "\n[À propos](../a-propos.md#equipe)\n")
    assert run_check(root).output == (
        f"{session}:{line + 1}: the link '../a-propos.md#equipe' leads to the anchor '#equipe', which the page "
        "does not have (its anchors: none, as it has no headings)\n"
        "1 error found\n"
    )


def test_mkdocs_yml_makes_heading_ids_as_the_check_does() -> None:
    # The check converts with toc's default slugify (recaps.content.conversion's extensions):
    # a slugify or separator of toc's in mkdocs.yml would make other ids in the build.
    document = yaml.compose((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    extensions = next(value for key, value in document.value if key.value == "markdown_extensions")
    toc = [entry for entry in extensions.value if isinstance(entry, yaml.MappingNode)
           and entry.value[0][0].value == "toc"]
    assert len(toc) == 1
    assert not {key.value for key, _ in toc[0].value[0][1].value} & {"slugify", "separator"}
