from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BASE_TREE = Path(__file__).parent / "golden" / "check" / "_base"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the minimal valid content tree the golden tests start from."""
    root = tmp_path / "repo"
    shutil.copytree(BASE_TREE, root)
    return root


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's real site, built once per test session (French at the root, English in en/)."""
    from recaps.build import build_site

    site_dir = tmp_path_factory.mktemp("real-site") / "site"
    result = build_site(REPO, site_dir=site_dir)
    assert result.ok, "\n".join(result.messages) or (result.report.render() if result.report else "build failed")
    return site_dir
