"""Not locked to MkDocs 1.x: ProperDocs, its maintained continuation, builds the same site."""

from __future__ import annotations

import re
from pathlib import Path

from recaps.build import build_site

REPO = Path(__file__).resolve().parents[2]
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): GENERATOR.sub(b"", path.read_bytes())
        for path in sorted(root.rglob("*")) if path.is_file() and path.suffix != ".gz"
    }


def test_properdocs_builds_the_same_pages_as_mkdocs(tmp_path: Path) -> None:
    results = {}
    for engine in ("mkdocs", "properdocs"):
        result = build_site(REPO, tmp_path / engine, engine=engine)
        assert result.ok, result.messages
        results[engine] = _tree(tmp_path / engine)
    mkdocs, properdocs = results["mkdocs"], results["properdocs"]
    assert sorted(properdocs) == sorted(mkdocs)
    assert "en/parcours-cec-industries/session-5/index.html" in mkdocs
    different = [path for path in mkdocs if mkdocs[path] != properdocs[path]]
    assert different == []
    assert b"mkdocs-ProperDocs" in (tmp_path / "properdocs" / "index.html").read_bytes()
