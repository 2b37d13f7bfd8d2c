"""Two builds of the same content are byte-identical; a killed build leaves site/ as it was."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from recaps.build import build_site
from recaps.sitedir import TEMP_PREFIX

REPO = Path(__file__).resolve().parents[2]


def _digest(tree: Path) -> dict[str, str]:
    return {
        p.relative_to(tree).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(tree.rglob("*")) if p.is_file()
    }


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "one" / "site", tmp_path / "two" / "site"
    assert build_site(REPO, first, site_url="https://recaps.example.org/").ok
    time.sleep(1.1)  # a clock-dependent date would now differ
    assert build_site(REPO, second, site_url="https://recaps.example.org/").ok
    one, two = _digest(first), _digest(second)
    assert list(one) == list(two)
    assert [path for path in one if one[path] != two[path]] == []
    assert "sitemap.xml.gz" in one and "en/feed.xml" in one
    assert "assets/cards/parcours-cec-industries/session-5.png" in one and "en/assets/cards/parcours-cec-industries/session-5.png" in one
    assert "<lastmod>2025-03-16</lastmod>" in (first / "sitemap.xml").read_text(encoding="utf-8")


def test_a_build_killed_midway_leaves_the_previous_site(copy_repo) -> None:
    root = copy_repo("killed")
    site = root / "site"
    assert build_site(root, site).ok
    (site / "marker.txt").write_text("previous build", encoding="utf-8")
    before = _digest(site)

    # Make the next build different, then kill it (and its language builds) while it runs.
    session = root / "sessions/parcours-cec-industries/session-5.fr.md"
    session.write_text(session.read_text(encoding="utf-8").replace("Comment faire forêt", "Comment faire bois"),
                       encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "recaps", "-C", str(root), "build"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    # Kill as soon as a language build has started writing pages: well before the swap, which
    # waits for both builds to finish.
    deadline = time.monotonic() + 30
    while not list(root.glob(TEMP_PREFIX + "*/*/assets")) and time.monotonic() < deadline:
        time.sleep(0.002)
    assert list(root.glob(TEMP_PREFIX + "*")), "the build never started writing"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL

    assert _digest(site) == before
    assert list(root.glob(TEMP_PREFIX + "*")), "killed mid-way: its temporary folder is still there"

    # The next build cleans up what the killed one left and goes through.
    result = build_site(root, site)
    assert result.ok, result.messages
    assert list(root.glob(TEMP_PREFIX + "*")) == []
    assert not (site / "marker.txt").exists()
    assert "Comment faire bois" in (site / "parcours-cec-industries/session-5/index.html").read_text(encoding="utf-8")


def test_a_build_that_fails_in_english_only_leaves_the_previous_site(copy_repo) -> None:
    # Not content (`recaps check` stops that before MkDocs): the site's own theme override failing
    # while MkDocs writes the English pages, after the French build went through.
    root = copy_repo("english-fails")
    site = root / "site"
    assert build_site(root, site).ok
    before = _digest(site)
    main = root / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block extrahead %}",
        '{% block extrahead %}{% if config.theme.language == "en" %}{{ no_such_value.attribute }}{% endif %}', 1),
        encoding="utf-8")
    session = root / "sessions/parcours-cec-industries/session-5.fr.md"
    session.write_text(session.read_text(encoding="utf-8").replace("Comment faire forêt", "Comment faire bois"),
                       encoding="utf-8")

    done = subprocess.run([sys.executable, "-m", "recaps", "-C", str(root), "build"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("fr: ") and lines[0].endswith(" s"), done.stdout
    assert lines[1:] == ["[en] build failed: UndefinedError: 'no_such_value' is undefined",
                         "Build failed; the previous site was left as it was."]
    assert done.stderr == ""
    assert _digest(site) == before
    assert list(root.glob(TEMP_PREFIX + "*")) == []
