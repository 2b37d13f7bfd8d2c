"""Golden tests of `recaps check`: one folder per case under check/, see README.md."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from recaps.cli import main

HERE = Path(__file__).parent / "check"
BASE = HERE / "_base"
DELETE_SUFFIX = ".delete"
REGENERATE = os.environ.get("RECAPS_REGENERATE") == "1"
CASES = sorted(p.name for p in HERE.iterdir() if p.is_dir() and not p.name.startswith("_"))


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


def test_there_are_cases() -> None:
    assert "valid" in CASES and len(CASES) > 30


@pytest.mark.parametrize("case", CASES)
def test_check(case: str, tmp_path: Path) -> None:
    folder = HERE / case
    tree = tmp_path / "repo"
    build_tree(folder, tree)
    result = CliRunner().invoke(main, ["-C", str(tree), "check"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    expected_file = folder / "expected.txt"
    if REGENERATE:
        expected_file.write_text(result.output, encoding="utf-8", newline="\n")
    expected = expected_file.read_text(encoding="utf-8")
    assert result.output == expected
    assert result.exit_code == (0 if expected.startswith("OK: ") else 1)
