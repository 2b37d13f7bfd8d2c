"""Shared by the golden and hostile runners: build a case's content tree, run `recaps check`, compare.

A case is a folder with ``tree/`` (files laid over a copy of ``tests/golden/check/_base``; an
empty ``<name>.delete`` removes the base file ``<name>``) and ``expected.txt`` (the exact output
of ``recaps check``; exit code 0 if it starts with ``OK: ``, 1 otherwise). With
``RECAPS_REGENERATE=1`` the output is written to ``expected.txt`` instead of compared.

Importable from every test module: pytest puts ``tests/`` on ``sys.path`` for ``tests/conftest.py``.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from recaps.cli import main

BASE = Path(__file__).parent / "golden" / "check" / "_base"
DELETE_SUFFIX = ".delete"
REGENERATE = os.environ.get("RECAPS_REGENERATE") == "1"


def case_names(folder: Path) -> list[str]:
    """The cases in ``folder``: its sub-folders, except those starting with '_'."""
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def build_tree(case: Path, target: Path) -> None:
    """Copy the shared base, then overlay the case's tree/ (``<name>.delete`` removes ``<name>``)."""
    shutil.copytree(BASE, target)
    overlay = case / "tree"
    if not overlay.is_dir():
        return
    for source in sorted(overlay.rglob("*")):
        if source.is_dir():
            continue
        rel = source.relative_to(overlay)
        if source.name.endswith(DELETE_SUFFIX):
            doomed = target / rel.parent / source.name[: -len(DELETE_SUFFIX)]
            assert doomed.is_file(), f"{case.name}: {rel} deletes a file the base does not have"
            doomed.unlink()
            continue
        destination = target / rel
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)


@dataclass(frozen=True)
class CheckRun:
    output: str
    exit_code: int


def run_check(tree: Path) -> CheckRun:
    """`recaps -C <tree> check` through click's test runner; any exception but SystemExit fails."""
    result = CliRunner().invoke(main, ["-C", str(tree), "check"])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"recaps check raised {result.exception!r}\n{result.output}"
    )
    return CheckRun(result.output, result.exit_code)


def assert_expected(case: Path, run: CheckRun) -> None:
    """The run's output is the case's expected.txt exactly, and its exit code follows from it."""
    expected_file = case / "expected.txt"
    if REGENERATE and (not expected_file.exists() or expected_file.read_text(encoding="utf-8") != run.output):
        expected_file.write_text(run.output, encoding="utf-8", newline="\n")
        pytest.fail(f"{expected_file} rewritten: review the change, then run the tests without RECAPS_REGENERATE")
    expected = expected_file.read_text(encoding="utf-8")
    assert run.output == expected
    assert run.exit_code == (0 if expected.startswith("OK: ") else 1)
