"""The templates' raw HTML blocks skip Python-Markdown (recaps.mkdocs.speedups.blocks): the HTML
must not change."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from recaps.content.loader import Site, load_or_raise
from recaps.mkdocs.speedups.blocks import TOKEN, anchor_ids, block_spans, editor_bodies, hide_blocks, restore_blocks
from recaps.pages.render import render_site

REPO = Path(__file__).resolve().parents[2]


def _converter() -> markdown.Markdown:
    config = load_config(str(REPO / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def _converts_the_same(site: Site, lang: str) -> tuple[int, int]:
    """Every page of ``site`` in ``lang`` converted with and without its blocks hidden: (pages
    with blocks hidden, pages that are a French stand-in)."""
    md = _converter()
    bodies = editor_bodies(site)
    hidden_pages = stand_ins = 0
    for page in render_site(site, lang):
        expected = md.reset().convert(page.markdown)
        text, hidden = hide_blocks(page.markdown, bodies.get(page.source, ""))
        hidden_pages += bool(hidden)
        stand_ins += not page.translated
        assert restore_blocks(md.reset().convert(text), hidden) == expected, page.src_uri
    return hidden_pages, stand_ins


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_real_page_converts_to_the_same_html_with_its_blocks_hidden(lang: str) -> None:
    hidden_pages, _ = _converts_the_same(load_or_raise(REPO), lang)
    assert hidden_pages >= 6  # home, programme, session, partners, notions, speakers at least


def test_every_page_of_a_corpus_with_stand_ins_and_stale_notices_converts_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(REPO / "scripts"))
    from benchmark import corpus

    generated = corpus.generate(tmp_path / "corpus", 120)
    assert generated.missing and generated.stale  # English stand-ins, and pages under a stale notice
    hidden_pages, stand_ins = _converts_the_same(load_or_raise(generated.root), "en")
    assert stand_ins >= 1 and hidden_pages >= 100


def test_a_block_is_one_whole_element_between_blank_lines() -> None:
    text = (
        '<div class="a">\n<p>x</p>\n</div>\n\n'          # a block
        "Some *Markdown* <span>inline</span>.\n\n"      # a paragraph
        "<div>\n<div>x</div>\n\n"                       # not closed before the blank line
        "    <p>indented: code</p>\n\n"                 # an indented code block
        "<dl><dt>a</dt><dd>b</dd></dl>\n"               # a block, last
    )
    assert [text[s:e] for s, e in block_spans(text)] == [
        '<div class="a">\n<p>x</p>\n</div>',
        "<dl><dt>a</dt><dd>b</dd></dl>",
    ]


def test_nothing_is_a_block_from_the_first_element_with_markdown_inside_on() -> None:
    text = (
        "<p>before</p>\n\n"
        '<div class="b" markdown>\n\n'                  # md_in_html reads what follows as its content
        '<p class="c">inside</p>\n\n'
        "</div>\n\n"
        "<p>after</p>\n"
    )
    assert [text[s:e] for s, e in block_spans(text)] == ["<p>before</p>"]


def test_a_block_inside_an_element_with_markdown_inside_would_come_back_changed() -> None:
    # Why block_spans stops there: hidden and put back, this block would keep a blank line that
    # Python-Markdown's md_in_html does not write (a site's own template could hold such an element).
    md = _converter()
    text = '<div class="x" markdown>\n\n<p class="y">a</p>\n\n**b**\n</div>\n'
    expected = '<div class="x">\n<p class="y">a</p>\n<p><strong>b</strong></p>\n</div>'
    assert md.reset().convert(text) == expected
    hidden_text, hidden = hide_blocks(text)
    assert hidden == []
    assert restore_blocks(md.reset().convert(hidden_text), hidden) == expected


def test_an_editor_body_is_never_hidden_wherever_the_page_shows_it() -> None:
    body = '\n<div class="mine">\n<p>written by hand</p>\n</div>\n'
    text = f'<dl class="facts"><dt>a</dt></dl>\n\n{body}\n<p class="kicker">k</p>\n\n<aside>\n{body}</aside>\n'
    hidden_text, hidden = hide_blocks(text, body)
    assert hidden == ['<dl class="facts"><dt>a</dt></dl>', '<p class="kicker">k</p>']
    assert hidden_text == f"{TOKEN}0z\n\n{body}\n{TOKEN}1z\n\n<aside>\n{body}</aside>\n"
    assert hide_blocks(text)[1] == [  # without the body: its block too
        '<dl class="facts"><dt>a</dt></dl>', '<div class="mine">\n<p>written by hand</p>\n</div>', '<p class="kicker">k</p>']


def test_the_real_session_s_body_is_left_to_python_markdown() -> None:
    site = load_or_raise(REPO)
    session = next(p for p in render_site(site, "fr") if p.src_uri.endswith("session-5.md"))
    body = editor_bodies(site)[session.source]
    assert body == site.programmes["parcours-cec-industries"].sessions[0].body("fr")
    hidden_text, hidden = hide_blocks(session.markdown, body)
    assert hidden and body in hidden_text
    assert all(block not in body for block in hidden)


def test_a_page_that_already_holds_the_placeholder_word_is_left_whole() -> None:
    text = f"<p>a</p>\n\n{TOKEN}0z\n"
    assert hide_blocks(text) == (text, [])


def test_a_lost_placeholder_is_an_error_not_a_silent_gap() -> None:
    with pytest.raises(ValueError, match="2 HTML blocks were hidden, 1 came back"):
        restore_blocks(f"<p>{TOKEN}0z</p>", ["<p>a</p>", "<p>b</p>"])


def test_ids_in_hidden_blocks_still_count_as_anchors() -> None:
    assert anchor_ids(['<ul><li id="eric-boel">x</li></ul>', '<p id="a&amp;b">y</p>']) == {"eric-boel", "a&b"}
