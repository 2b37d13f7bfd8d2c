from __future__ import annotations

import shutil
from pathlib import Path

import pytest

BASE_TREE = Path(__file__).parent / "golden" / "check" / "_base"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the minimal valid content tree the golden tests start from."""
    root = tmp_path / "repo"
    shutil.copytree(BASE_TREE, root)
    return root
