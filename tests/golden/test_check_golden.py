"""Golden tests of `recaps check`: one folder per case under check/, see README.md."""

from __future__ import annotations

from pathlib import Path

import pytest
from checkcases import LANGUAGES, assert_expected, build_tree, case_names, run_check

HERE = Path(__file__).parent / "check"
CASES = case_names(HERE)


def test_there_are_cases() -> None:
    assert "valid" in CASES and len(CASES) > 30


@pytest.mark.parametrize("case", CASES)
def test_check(case: str, tmp_path: Path) -> None:
    tree = tmp_path / "repo"
    build_tree(HERE / case, tree)
    assert_expected(HERE / case, {lang: run_check(tree, lang) for lang in LANGUAGES})
