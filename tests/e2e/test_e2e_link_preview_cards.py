"""Each recap's link preview image, as a browser gets it: the image its page names (og:image,
twitter:image) loads from the site, 1200 x 630, and differs between two recaps and between the
two languages (``sessions_site``: sessions 3 and 5 translated, 4 in French only)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

SESSIONS_SITE_URL = "https://recaps.example.org/parcours/"  # sessions_site's (tests/conftest.py)
_IMAGE = """async (url) => {
  const image = new Image();
  image.src = url;
  await image.decode();
  const bytes = await (await fetch(url)).arrayBuffer();
  const digest = Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)));
  return {width: image.naturalWidth, height: image.naturalHeight,
          digest: digest.map((b) => b.toString(16).padStart(2, "0")).join("")};
}"""


def test_each_recap_s_preview_image_loads_at_its_size_and_is_its_own(sessions_site: Path, serve, new_page) -> None:
    digests = {}
    with serve(sessions_site) as base:
        page = new_page()
        for prefix, number in (("", 5), ("", 3), ("", 4), ("en/", 5), ("en/", 3), ("en/", 4)):
            page.goto(f"{base}{prefix}parcours-cec-industries/session-{number}/")
            og = page.locator('meta[property="og:image"]').get_attribute("content")
            assert page.locator('meta[name="twitter:image"]').get_attribute("content") == og
            assert og.startswith(SESSIONS_SITE_URL)
            image = page.evaluate(_IMAGE, base + og.removeprefix(SESSIONS_SITE_URL))
            assert (image["width"], image["height"]) == (1200, 630)
            digests[prefix, number] = image["digest"]
    # Six pages, five cards: the English session 4 is the French page, with the French card.
    assert digests["en/", 4] == digests["", 4]
    assert len({digests["", 5], digests["", 3], digests["", 4], digests["en/", 5], digests["en/", 3]}) == 5
