"""The benchmark's generated corpus (scripts/benchmark/corpus.py): accepted by `recaps check`,
the same bytes for the same N, and as wide as real content (3-5 notions and 2-6 quotes a
recap, a table and a nested list in every body, a third as many people as recaps)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from recaps.cli import main
from recaps.content.loader import load_site

REPO = Path(__file__).resolve().parents[2]
SESSION = "sessions/parcours-0001-climat/session-3.fr.md"


@pytest.fixture(scope="module")
def corpus() -> Iterator[ModuleType]:
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(REPO / "scripts"))
        from benchmark import corpus

        yield corpus


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def shape(text: str) -> dict[str, int]:
    """What one generated file holds, counted from its text."""
    front, body = text.split("\n---\n", 1)
    return {
        "notions": len(re.findall(r"^  - title: ", front, re.M)),
        "quotes": len(re.findall(r"^  - (?:speaker|text): ", front, re.M)),
        "tables": len(re.findall(r"^\| --- \| ---: \| ---: \| --- \|$", body, re.M)),
        "table lines": len(re.findall(r"^\| (?!---).* \|$", body, re.M)),
        "lists with nested items": sum(1 for block in body.split("\n\n") if re.search(r"^    - ", block, re.M)),
        "third-level items": len(re.findall(r"^        - ", body, re.M)),
    }


@pytest.fixture(scope="module")
def twelve(corpus: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bench") / "corpus"
    made = corpus.generate(root, 12)
    root.parent.joinpath("generated.txt").write_text(made.describe(), encoding="utf-8")
    return root


def test_recaps_check_accepts_the_generated_corpus(twelve: Path) -> None:
    assert (twelve.parent / "generated.txt").read_text(encoding="utf-8") == (
        "2 programmes, 12 recaps, 3 partners, 5 people, 1 missing and 0 stale translations; 35 files, 0.2 MB")  # and the copied mkdocs.yml, overrides/ and docs/
    site, report = load_site(twelve)
    assert not report, report.render()
    assert len(site.people) == 5
    result = CliRunner().invoke(main, ["-C", str(twelve), "check"])
    assert (result.exit_code, result.output) == (
        0, "OK: 2 programmes, 12 session recaps, 3 partners, 5 people, 2 pages; no errors\n")


def test_the_same_n_gives_the_same_bytes(corpus: ModuleType, twelve: Path, tmp_path: Path) -> None:
    corpus.generate(tmp_path / "again", 12)
    first, second = snapshot(twelve), snapshot(tmp_path / "again")
    assert len(first) == 49
    assert first == second


def test_a_recap_has_notions_quotes_a_table_and_nested_lists(twelve: Path) -> None:
    assert shape((twelve / SESSION).read_text(encoding="utf-8")) == {
        "notions": 5, "quotes": 4, "tables": 1, "table lines": 4, "lists with nested items": 1,
        "third-level items": 6,
    }


def test_every_body_has_a_table_and_a_nested_list_and_recaps_span_the_ranges(twelve: Path) -> None:
    files = sorted(p for folder in ("sessions", "partners") for p in (twelve / folder).rglob("*.md"))
    shapes = {p.relative_to(twelve).as_posix(): shape(p.read_text(encoding="utf-8")) for p in files}
    assert len(shapes) == 33
    assert [rel for rel, s in shapes.items() if (s["tables"], s["lists with nested items"]) != (1, 1)] == []
    recaps = [s for rel, s in shapes.items() if "/session-" in rel]
    assert len(recaps) == 23  # 12 in French, 11 in English (one translation missing)
    assert sorted({s["notions"] for s in recaps}) == [3, 4, 5]
    assert sorted({s["quotes"] for s in recaps}) == [2, 3, 4, 5, 6]


def test_a_third_as_many_people_as_recaps(corpus: ModuleType, tmp_path: Path) -> None:
    made = corpus.generate(tmp_path / "corpus", 30)
    assert made.people == 10
    assert (tmp_path / "corpus/sessions/people.yml").read_text(encoding="utf-8").count("\n  - id: ") == 10


def test_the_floor_builds_our_pages_markdown_with_the_sites_extensions_and_no_plugin(
        corpus: ModuleType, twelve: Path, tmp_path: Path) -> None:
    """benchmark/floor.py: the Markdown our build hands MkDocs (raw HTML blocks hidden), in each
    language, under Material with the corpus's Markdown extensions and no plugin."""
    from benchmark import floor

    written = floor.write(twelve, tmp_path)
    config = (tmp_path / "en" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "plugins: []\n" in config and "  language: en\n" in config and "nav:\n  - index.md\n" in config
    assert config.endswith(
        "markdown_extensions:\n- abbr\n- admonition\n- attr_list\n- def_list\n- md_in_html\n- tables\n"
        "- toc:\n    permalink: false\n- pymdownx.details\n- pymdownx.superfences\n")
    session = (tmp_path / "fr" / "docs" / "parcours-0001-climat" / "session-3.md").read_text(encoding="utf-8")
    assert "recapsblock" in session and '<dl class="recap-facts">' not in session
    assert written == len(list(tmp_path.rglob("docs/**/*.md")))
