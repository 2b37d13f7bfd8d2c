"""Copies of the repository's site sources, to build variants of the real site from."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
COPIED = ("mkdocs.yml", "overrides", "docs", "sessions", "partners")


@pytest.fixture(scope="module")
def copy_repo(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """``copy_repo(name)``: a fresh copy of what a build reads (config, overrides, docs, content)."""

    def copy(name: str) -> Path:
        root = tmp_path_factory.mktemp(name) / "repo"
        root.mkdir()
        for entry in COPIED:
            source = REPO / entry
            if source.is_dir():
                shutil.copytree(source, root / entry, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(source, root / entry)
        return root

    return copy
