"""Editors' backups, autosaves, locks and swap files, and folder caches, beside the content: a
real build neither reads nor publishes them, in sessions/, partners/, docs/ and overrides/."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

LEFTOVERS = ("{name}~", "#{name}#", ".#{name}", ".{name}.swp", "{name}.swp", "{name}.swo", "{name}.bak", "{name}.orig",
             "{name}.BAK")
SOURCES = (
    "sessions/parcours-cec-industries/session-5.fr.md",
    "partners/the-week.en.md",
    "docs/guide.fr.md",
    "docs/assets/recaps.css",
    "overrides/main.html",
)


def test_a_real_build_from_a_subfolder_ignores_editors_leftovers(copy_repo) -> None:
    root = copy_repo("leftovers")
    made = []
    for rel in SOURCES:
        source = root / rel
        for leftover in LEFTOVERS:
            target = source.parent / leftover.format(name=source.name)
            target.write_bytes(b"<script>alert('backup')</script>\n\xff")
            made.append(target.name)
    for cache in ("Thumbs.db", "desktop.ini", ".DS_Store"):
        (root / "docs/assets" / cache).write_bytes(b"\x00")
        made.append(cache)
    (root / "docs/.#guide.en.md").symlink_to("editor@host.4242:1700000000")  # Emacs' lock: a dangling link
    made.append(".#guide.en.md")

    result = subprocess.run(
        [sys.executable, "-m", "recaps", "build"], cwd=root / "sessions/parcours-cec-industries",
        capture_output=True, text=True, timeout=300,
    )
    assert result.stderr == ""
    assert re.fullmatch(
        r"(?:(?:fr|en): \d+ pages in \d+\.\d s\n){2}"
        r"note: No site URL .*\n"
        rf"Built {re.escape(str(root))}/site/ \(fr\) and {re.escape(str(root))}/site/en/ \(en\) in \d+\.\d s\n",
        result.stdout,
    ), result.stdout
    assert result.returncode == 0
    published = {p.name for p in (root / "site").rglob("*")}
    assert "recaps.css" in published and "guide" in published
    assert sorted(set(made) & published) == []
    assert not [p for p in (root / "site").rglob("*") if p.is_file() and b"alert('backup')" in p.read_bytes()]
