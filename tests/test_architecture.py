"""The data flows one way, content -> pages -> engine (import-linter contracts in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_import_contracts_hold() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    kept = [line for line in result.stdout.splitlines() if line.endswith((" KEPT", " BROKEN"))]
    assert kept == [
        "The content and its pages import neither MkDocs nor Material KEPT",
        "The content does not know how it is published KEPT",
        "The editing interface knows the content, not how it is published KEPT",
        "The pages do not know which engine builds them KEPT",
    ]
    assert "Contracts: 4 kept, 0 broken." in result.stdout
