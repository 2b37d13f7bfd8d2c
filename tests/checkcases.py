"""Shared by the golden and hostile runners: build a case's content tree, run `recaps check`, compare.

A case is a folder with ``tree/`` (files laid over a copy of ``tests/golden/check/_base``; an
empty ``<name>.delete`` removes the base file ``<name>``), ``expected.en.txt`` and
``expected.fr.txt``: the exact output of ``recaps check --lang en`` and ``--lang fr`` (exit code 0
if the English starts with ``OK: ``, 1 otherwise, the same in both languages). With
``RECAPS_REGENERATE=1`` the outputs are written to the expected files instead of compared.

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
LANGUAGES = ("en", "fr")


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


def run_check(tree: Path, lang: str = "en") -> CheckRun:
    """`recaps -C <tree> check --lang <lang>` through click's test runner; any exception but SystemExit fails."""
    result = CliRunner().invoke(main, ["-C", str(tree), "check", "--lang", lang])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"recaps check raised {result.exception!r}\n{result.output}"
    )
    return CheckRun(result.output, result.exit_code)


def assert_expected(case: Path, runs: dict[str, CheckRun]) -> None:
    """Each language's output is the case's expected.<lang>.txt exactly, and the exit code (the
    same in both) follows from the English."""
    assert not (case / "expected.txt").exists(), f"{case.name}: expected.txt is now expected.en.txt and expected.fr.txt"
    rewritten = []
    for lang in LANGUAGES:
        expected_file = case / f"expected.{lang}.txt"
        output = runs[lang].output
        if REGENERATE and (not expected_file.exists() or expected_file.read_text(encoding="utf-8") != output):
            expected_file.write_text(output, encoding="utf-8", newline="\n")
            rewritten.append(expected_file.name)
    if rewritten:
        pytest.fail(f"{case.name}: {', '.join(rewritten)} rewritten: review the change, then run the tests without "
                    "RECAPS_REGENERATE")
    for lang in LANGUAGES:
        assert runs[lang].output == (case / f"expected.{lang}.txt").read_text(encoding="utf-8"), lang
    english = runs["en"].output
    assert runs["en"].exit_code == runs["fr"].exit_code == (0 if english.startswith("OK: ") else 1)
