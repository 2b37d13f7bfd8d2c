"""The link check (recaps.pages.link_check) finds the links that MkDocs' strict build refuses, and
no other: the link cases' trees are built with MkDocs past the check, and the links MkDocs warns
about, each named with the content file it is written in, are the links the check reports."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from checkcases import build_tree
from conftest import REPO

from recaps.build_options import BuildOptions
from recaps.content.loader import load_site
from recaps.content.models import LANGUAGES
from recaps.language_build import build_language
from recaps.pages.link_check import check_links

TESTS = Path(__file__).parent.parent
CASES = [TESTS / "golden/check/links-to-nowhere", TESTS / "golden/check/links-that-lead-somewhere",
         TESTS / "hostile/links-odd-forms"]
_WARNING = re.compile(r"Doc file '([^']+)' contains (?:an absolute link|an unrecognized relative link|a link) '([^']*)'")


def _refused_by_mkdocs(tree: Path, site_dir: Path) -> set[tuple[str, str]]:
    site, report = load_site(tree)
    assert not report, report.render()
    refused = set()
    for lang in LANGUAGES:
        result = build_language(str(tree), BuildOptions(lang, site), str(site_dir / lang), None)
        for text in result.messages:
            match = _WARNING.match(text)
            assert match or text.startswith("Aborted with "), text
            if match:
                refused.add((match[1], match[2]))
    return refused


def _refused_by_check(tree: Path) -> set[tuple[str, str]]:
    site, _ = load_site(tree)
    return {(error.path, dict(error.message.fields)["link"]) for error in check_links(site, complete=True)}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_check_refuses_the_links_mkdocs_refuses(case: Path, tmp_path: Path) -> None:
    tree = tmp_path / "repo"
    build_tree(case, tree)
    shutil.copyfile(REPO / "mkdocs.yml", tree / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", tree / "overrides")
    shutil.copytree(REPO / "docs/assets", tree / "docs/assets")
    assert _refused_by_check(tree) == _refused_by_mkdocs(tree, tmp_path / "site")


def test_the_cases_hold_links_both_refused_and_accepted(tmp_path: Path) -> None:
    build_tree(CASES[0], tmp_path / "repo")
    assert len(_refused_by_check(tmp_path / "repo")) >= 10
