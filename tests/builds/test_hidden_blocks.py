"""The templates' raw HTML blocks skip Python-Markdown (recaps.pages.blocks): the HTML must not change."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from recaps.pages import blocks
from recaps.content.loader import load_or_raise
from recaps.pages.render import render_site

REPO = Path(__file__).resolve().parents[2]


def _converter() -> markdown.Markdown:
    config = load_config(str(REPO / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_real_page_converts_to_the_same_html_with_its_blocks_hidden(lang: str) -> None:
    md = _converter()
    pages = render_site(load_or_raise(REPO), lang)
    hidden_pages = 0
    for page in pages:
        expected = md.reset().convert(page.markdown)
        text, hidden = blocks.hide(page.markdown, page.blocks)
        hidden_pages += bool(hidden)
        assert blocks.restore(md.reset().convert(text), hidden) == expected, page.src_uri
    assert hidden_pages >= 6  # home, programme, session, partners, notions, speakers at least


def test_a_block_is_one_whole_element_between_blank_lines() -> None:
    text = (
        '<div class="a">\n<p>x</p>\n</div>\n\n'          # a block
        "Some *Markdown* <span>inline</span>.\n\n"      # a paragraph
        '<div class="b" markdown>\n**md**\n</div>\n\n'  # Markdown inside: left to Python-Markdown
        "<div>\n<div>x</div>\n\n"                       # not closed before the blank line
        "    <p>indented: code</p>\n\n"                 # an indented code block
        "<dl><dt>a</dt><dd>b</dd></dl>\n"               # a block, last
    )
    assert [text[s:e] for s, e in blocks.block_spans(text)] == [
        '<div class="a">\n<p>x</p>\n</div>',
        "<dl><dt>a</dt><dd>b</dd></dl>",
    ]


def test_an_editor_body_is_never_hidden() -> None:
    site = load_or_raise(REPO)
    session = next(p for p in render_site(site, "fr") if p.src_uri.endswith("session-5.md"))
    body = site.programmes["parcours-cec-industries"].sessions[0].body("fr")
    start = session.markdown.index(body)
    end = start + len(body)
    assert session.blocks
    assert all(e <= start or s >= end for s, e in session.blocks)


def test_a_page_that_already_holds_the_placeholder_word_is_left_whole() -> None:
    text = f"<p>a</p>\n\n{blocks.TOKEN}0z\n"
    assert blocks.hide(text, ((0, 8),)) == (text, [])


def test_a_lost_placeholder_is_an_error_not_a_silent_gap() -> None:
    with pytest.raises(ValueError, match="2 HTML blocks were hidden, 1 came back"):
        blocks.restore(f"<p>{blocks.TOKEN}0z</p>", ["<p>a</p>", "<p>b</p>"])


def test_ids_in_hidden_blocks_still_count_as_anchors() -> None:
    assert blocks.anchor_ids(['<ul><li id="eric-boel">x</li></ul>', '<p id="a&amp;b">y</p>']) == {"eric-boel", "a&b"}
