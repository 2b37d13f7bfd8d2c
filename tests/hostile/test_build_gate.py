"""`recaps check` is the build's gate: on every hostile case and every golden check case, where
`recaps check` passes, `recaps build` passes too; where it fails, the build refuses the content
with the very same report.

Both commands run as editors run them, through click's runner (the build with its two language
processes), on the case's tree with the site's configuration, theme overrides and assets added. A case whose check fails is refused by the build before MkDocs starts, so only the
cases that pass cost a build, of both languages: each is a strict build of its own, and an English
body's links and anchors are in the English build alone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from checkcases import build_tree, case_names, run_check
from click.testing import CliRunner
from test_hostile import HERE as HOSTILE
from test_hostile import SETUP

from recaps.cli import main

REPO = Path(__file__).resolve().parents[2]  # not from conftest: which conftest that names depends on the order of collection

GOLDEN = HOSTILE.parent / "golden" / "check"
REPO = HOSTILE.parent.parent
CASES = [HOSTILE / name for name in case_names(HOSTILE)] + [GOLDEN / name for name in case_names(GOLDEN)]


CONFIGURATION = ("mkdocs.yml", "overrides", "docs/assets/recaps.css", "docs/assets/recaps.js",
                 "docs/assets/search-accents.js")


def _with_configuration(tree: Path) -> None:
    """What a build reads besides the content, from the repository, where the case has none."""
    for rel in CONFIGURATION:
        source, target = REPO / rel, tree / rel
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copyfile(source, target)


def test_there_are_cases_of_both_kinds() -> None:
    assert len([c for c in CASES if c.parent == HOSTILE]) >= 40 and len([c for c in CASES if c.parent == GOLDEN]) > 30


@pytest.mark.parametrize("case", CASES, ids=[f"{case.parent.name}/{case.name}" for case in CASES])
def test_the_build_fails_only_where_check_fails(case: Path, tmp_path: Path) -> None:
    tree = tmp_path / "repo"
    build_tree(case, tree)
    _with_configuration(tree)
    clean_up = SETUP.get(case.name, lambda tree: None)(tree) if case.parent == HOSTILE else None
    try:
        checked = run_check(tree)
        built = CliRunner().invoke(main, ["-C", str(tree), "build", "--site-dir", str(tmp_path / "site")])
    finally:
        if clean_up is not None:
            clean_up()
    assert built.exception is None or isinstance(built.exception, SystemExit), built.output
    if checked.exit_code == 0:
        assert built.exit_code == 0, f"{case.name}: `recaps check` passed, `recaps build` failed:\n{built.output}"
    else:
        assert (built.exit_code, built.output) == (1, checked.output), f"{case.name}: the build refused it otherwise"
