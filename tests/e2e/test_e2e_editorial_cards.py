"""Notion cards fill their grid whatever their number, and a translated quote gives its original
wording in the quotation marks of its own language: on a site with generated recaps of 1 to 6
notions (sessions 1-4 and 6 beside the real session 5, which has 3), in Chromium, both languages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

PREFIX = {"fr": "", "en": "en/"}
NOTIONS = {1: 1, 2: 2, 3: 4, 4: 5, 5: 3, 6: 6}  # session number: how many notions
# Column widths: 375 (one column), 1280 (two: both sidebars take room), 1200 (the contents
# sidebar hidden: three).
WIDTHS = [375, 1280, 1200]


def _session(number: int, lang: str) -> str:
    count = NOTIONS[number]
    if lang == "fr":
        notions = "".join(f'  - title: "Notion {i} de la session {number}"\n    text: "Ce que veut dire la notion {i}, '
                          f'en une phrase assez longue pour passer à la ligne dans une carte."\n' for i in range(1, count + 1))
        return (f'---\nid: session-{number}\nprogramme: parcours-cec-industries\nnumber: {number}\n'
                f'title: "Session générée {number}"\ndates:\n  start: 2024-0{number}-10\n  end: 2024-0{number}-11\n'
                f'city: Lyon\nhost: the-week\nauthor: "La rédaction"\npublished: 2024-0{number}-20\n'
                f'question: "Quelle question {number} ?"\nsummary: "Une session générée pour les tests."\n'
                f'notions:\n{notions}'
                'quotes:\n  - speaker: eric-duverger\n    lang: en\n    text: "Ce qui se mesure se pilote."\n---\n\n'
                f'Le récit de la session {number}.\n')
    notions = "".join(f'  - title: "Notion {i} of session {number}"\n    text: "What notion {i} means, in a sentence '
                      f'long enough to wrap inside a card."\n' for i in range(1, count + 1))
    return (f'---\ntitle: "Generated session {number}"\nauthor: "The editorial team"\nquestion: "Which question {number}?"\n'
            f'summary: "A session generated for the tests."\nnotions:\n{notions}'
            'quotes:\n  - text: "What gets measured gets managed."\n---\n\n'
            f'The recap of session {number}.\n')


@pytest.fixture(scope="module")
def cards_site(copy_repo) -> Path:
    from click.testing import CliRunner

    from recaps.build import build_site
    from recaps.cli import main

    root = copy_repo("notion-cards")
    programme = root / "sessions/parcours-cec-industries"
    for number in NOTIONS:
        if number != 5:
            for lang in ("fr", "en"):
                (programme / f"session-{number}.{lang}.md").write_text(_session(number, lang), encoding="utf-8")
    marked = CliRunner().invoke(main, ["-C", str(root), "mark-translated",
                                       *(str(programme / f"session-{n}.en.md") for n in NOTIONS if n != 5)])
    assert marked.exit_code == 0, marked.output
    site = root.parent / "site"
    result = build_site(root, site_dir=site)
    assert result.ok, "\n".join(result.messages) or result.report.render()
    return site


@pytest.fixture(scope="module")
def cards_url(serve, cards_site: Path) -> Iterator[str]:
    with serve(cards_site) as url:
        yield url


ROWS = """grid => {
    const box = grid.getBoundingClientRect();
    const rows = {};
    for (const card of grid.querySelectorAll(':scope > li')) {
        const r = card.getBoundingClientRect();
        (rows[Math.round(r.top)] ??= []).push([r.left - box.left, r.right - box.left]);
    }
    return {width: box.width, rows: Object.keys(rows).sort((a, b) => a - b).map(top => rows[top])};
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_notion_cards_fill_every_row_for_any_count(new_page, cards_url: str, lang: str, width: int) -> None:
    page = new_page(width, 900)
    layouts = {}
    for number, count in NOTIONS.items():
        page.goto(cards_url + PREFIX[lang] + f"parcours-cec-industries/session-{number}/")
        found = page.locator(".recap-notions > ul").evaluate(ROWS)
        rows = found["rows"]
        assert sum(len(row) for row in rows) == count
        for row in rows:  # each row starts at the left edge and ends at the right one
            assert abs(row[0][0]) < 1 and abs(row[-1][1] - found["width"]) < 1, (number, width, rows)
        layouts[count] = [len(row) for row in rows]
    if width == 375:
        assert layouts == {n: [1] * n for n in range(1, 7)}
    elif width == 1280:
        assert layouts == {1: [1], 2: [2], 3: [2, 1], 4: [2, 2], 5: [2, 2, 1], 6: [2, 2, 2]}
    else:
        assert layouts == {1: [1], 2: [2], 3: [3], 4: [2, 2], 5: [3, 2], 6: [3, 3]}


ORIGINALS = {
    # The words were said in English: the French page gives them in English quotation marks.
    "fr": ("«\u202fCe qui se mesure se pilote.\u202f»", "Traduit de l’anglais · texte original\u202f:",
           "en", "“What gets measured gets managed.”"),
    # The words were said in French: the English page gives them in French quotation marks.
    "en": ("“How do we make a forest?”", "Translated from French · original wording:",
           "fr", "«\u202fComment faire forêt\u202f?\u202f»"),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_translated_quote_gives_its_original_in_its_own_quotation_marks(new_page, cards_url: str, lang: str) -> None:
    page = new_page()
    session = 1 if lang == "fr" else 5
    page.goto(cards_url + PREFIX[lang] + f"parcours-cec-industries/session-{session}/")
    words, label, original_lang, original = ORIGINALS[lang]
    quote = page.locator("figure.recap-quote").first
    assert quote.locator("blockquote").inner_text() == words
    assert quote.locator("blockquote").get_attribute("lang") == lang
    assert quote.locator(".recap-quote__label").inner_text() == label
    shown = quote.locator(f".recap-quote__original span[lang='{original_lang}']")
    assert shown.inner_text() == original
