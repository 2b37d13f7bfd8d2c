"""README.md's field reference is generated from the models: it must not drift."""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_readme_field_reference_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("update_readme", REPO / "scripts" / "update-readme.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert text.count(module.START) == text.count(module.END) == 1  # else nothing would be compared
    assert module.with_reference(text) == text, "run: .venv/bin/python scripts/update-readme.py"
    assert "`sessions_planned`" in text and "`translation_of`" in text
