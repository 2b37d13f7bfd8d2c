"""`recaps build` says each language as its build ends, with its pages and time: exactly these
lines, the time matched by a pattern, in the order the builds finish."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

from click.testing import CliRunner
from conftest import BASE_TREE, REPO

from recaps.build import NO_SITE_URL_NOTE
from recaps.cli import main
from recaps.language_build import LanguageResult
from recaps.language_processes import run_builds


def test_build_says_each_language_with_its_pages_and_time(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(BASE_TREE, root)
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copytree(REPO / "docs/assets", root / "docs/assets")
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    site = tmp_path / "site"
    result = CliRunner().invoke(main, ["-C", str(root), "build", "--site-dir", str(site)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    # The two builds run side by side: either may end first.
    assert {re.sub(r"in \d+\.\d s$", "in #.# s", line) for line in lines[:2]} == {
        "fr: 11 pages in #.# s", "en: 11 pages in #.# s"}
    assert lines[2:] == [f"note: {NO_SITE_URL_NOTE}", lines[3]]
    assert re.fullmatch(rf"Built {re.escape(str(site))}/ \(fr\) and {re.escape(str(site))}/en/ \(en\) in \d+\.\d s",
                        lines[3])


def test_each_build_is_told_as_it_ends_whatever_the_order(tmp_path: Path) -> None:
    # The first job waits for the second to have ended: the second is told first.
    second_done = tmp_path / "second-done"

    def first() -> LanguageResult:
        deadline = time.monotonic() + 20  # told in the order of the jobs, it would wait for nothing
        while not second_done.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        return LanguageResult(True, pages=1)

    def second() -> LanguageResult:
        return LanguageResult(True, pages=2)

    told: list[tuple[int, int]] = []

    def done(index: int, result: LanguageResult) -> None:
        told.append((index, result.pages))
        if index == 1:
            second_done.touch()

    results = run_builds([first, second], parallel=True, done=done)
    assert told == [(1, 2), (0, 1)]
    assert [result.pages for result in results] == [1, 2]
