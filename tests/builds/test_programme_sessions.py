"""A programme with several recaps (``sessions_site`` in tests/conftest.py: sessions 3, 4 and 5,
session 3 on one day, session 4 in French only): their order on the pages that list or link them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PROGRAMME = "parcours-cec-industries"
LANG_PREFIX = {"fr": "", "en": "en/"}
PAGER = re.compile(r'<span class="recap-pager__(previous|next)">[^<]*<a href="([^"]+)">([^<]+)</a></span>')

# (page, language) -> the pager's links, as (which, href, text). The English session 4 is the
# French page shown as it is (no translation yet), French labels and titles included.
PAGERS = {
    ("session-3", "fr"): [("next", "../session-4/", "Session 4 · Coopérer entre filières")],
    ("session-4", "fr"): [("previous", "../session-3/", "Session 3 · Mesurer pour agir"),
                          ("next", "../session-5/", "Session 5 · Embarquer son écosystème")],
    ("session-5", "fr"): [("previous", "../session-4/", "Session 4 · Coopérer entre filières")],
    ("session-3", "en"): [("next", "../session-4/", "Session 4 · Coopérer entre filières")],
    ("session-4", "en"): [("previous", "../session-3/", "Session 3 · Mesurer pour agir"),
                          ("next", "../session-5/", "Session 5 · Embarquer son écosystème")],
    ("session-5", "en"): [("previous", "../session-4/", "Session 4 · Coopérer entre filières")],
}


def _page(site: Path, lang: str, path: str) -> str:
    return (site / LANG_PREFIX[lang] / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("page, lang", list(PAGERS))
def test_previous_and_next_session_links(sessions_site: Path, page: str, lang: str) -> None:
    assert PAGER.findall(_page(sessions_site, lang, f"{PROGRAMME}/{page}")) == PAGERS[(page, lang)]


# The programme page's key notions and quotes, session by session in number order.
PROGRAMME_ORDER = {
    "fr": (["Session 3 · Mesurer pour agir", "Session 4 · Coopérer entre filières",
            "Session 5 · Embarquer son écosystème"],
           ["session-3/", "session-4/", "session-5/"]),
    "en": (["Session 3 · Measuring to act", "Session 4 · Coopérer entre filières",
            "Session 5 · Bringing your ecosystem on board"],
           ["session-3/", "session-4/", "session-5/"]),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_programme_page_lists_its_sessions_in_order(sessions_site: Path, lang: str) -> None:
    page = _page(sessions_site, lang, PROGRAMME)
    notions = re.findall(r'<h3 data-search-exclude id="session-\d-notions"[^>]*><a href="[^"]+">([^<]+)</a></h3>', page)
    # The quotes by recap, under one heading each.
    quoted_in = re.findall(r'<h3 data-search-exclude id="session-\d-quotes"[^>]*><a href="([^"]+)">', page)
    headings, sources = PROGRAMME_ORDER[lang]
    assert notions == headings
    assert quoted_in == sources


# Session 3 takes place on 14 November 2024 only: written as that one day.
ONE_DAY = {"fr": "14 novembre 2024", "en": "14 November 2024"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_one_day_session_shows_its_one_day(sessions_site: Path, lang: str) -> None:
    session = _page(sessions_site, lang, f"{PROGRAMME}/session-3")
    dates = re.findall(r'<dd><time datetime="([^"]+)">([^<]+)</time>', session)
    assert dates[0] == ("2024-11-14", ONE_DAY[lang])
    title = {"fr": "Mesurer pour agir", "en": "Measuring to act"}[lang]
    timeline = _page(sessions_site, lang, PROGRAMME)
    assert (f'<span class="recap-timeline__number">Session 3</span> · <a class="recap-timeline__title" href="session-3/">'
            f'{title}</a> · <span class="recap-timeline__facts"><time datetime="2024-11-14">{ONE_DAY[lang]}</time> · '
            'Paris</span></li>' in timeline)
