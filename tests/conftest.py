from __future__ import annotations

import re
import shutil
from collections.abc import Callable
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


@pytest.fixture(scope="session")
def grouped_indexes_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site plus a programme without a recap yet, built in this process with the
    indexes of a large site: the speakers and partners by initial, the programmes (2025 and
    undated) and key notions (2025) by year, the programmes in the navigation.

    The real content quotes five people, well under the thresholds: they are lowered for this
    build, so that the groups are what gets built.
    """
    from recaps import render
    from recaps.build import build_site

    root = tmp_path_factory.mktemp("grouped-indexes") / "repo"
    for entry in COPIED:
        source = REPO / entry
        if source.is_dir():
            shutil.copytree(source, root / entry, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            root.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / entry)
    upcoming = root / "sessions/parcours-a-venir"
    upcoming.mkdir()
    for lang, title in (("fr", "Parcours à venir"), ("en", "Upcoming programme")):
        text = (root / f"sessions/parcours-cec-industries/programme.{lang}.md").read_text(encoding="utf-8")
        text = re.sub(r'^title: ".*"$', f'title: "{title}"', text.replace("parcours-cec-industries", "parcours-a-venir"), flags=re.M)
        (upcoming / f"programme.{lang}.md").write_text(text, encoding="utf-8")
    site_dir = root.parent / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "SPEAKERS_ON_ONE_PAGE", 2)
        patch.setattr(render, "PROGRAMMES_ON_ONE_PAGE", 0)
        patch.setattr(render, "PARTNERS_ON_ONE_PAGE", 0)
        patch.setattr(render, "HOME_PROGRAMMES", 0)  # the home page cannot show them all
        result = build_site(root, site_dir=site_dir, parallel=False)
    assert result.ok, "\n".join(result.messages) or result.report.render()
    return site_dir


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
