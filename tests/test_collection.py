"""Every test file is collected: pytest skips folders such as build/ unless told otherwise."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_every_test_file_on_disk_is_collected() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    node_ids = [line for line in result.stdout.splitlines() if "::" in line]
    collected = {node.split("::")[0] for node in node_ids}
    on_disk = {path.relative_to(REPO).as_posix() for path in (REPO / "tests").rglob("test_*.py")}
    assert on_disk - collected == set()
    assert len(collected) > 20
    # And every test function written in them (a name pytest would not take is caught too).
    functions = {node.split("[")[0] for node in node_ids}
    written = {
        f"{rel}::{node.name}"
        for rel in on_disk
        for node in ast.parse((REPO / rel).read_text(encoding="utf-8")).body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test")
    }
    assert written - functions == set()
    assert len(written) > 200
