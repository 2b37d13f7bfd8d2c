"""recaps.mkdocs.speedups.search_sections divides HTML into search sections exactly as Material's parser does."""

from __future__ import annotations

import random
from pathlib import Path

import markdown
import pytest
from material.plugins.search.plugin import Parser
from mkdocs.config import load_config

from recaps.pages import i18n
from recaps.content.loader import load_or_raise
from recaps.pages.render import render_site
from recaps.mkdocs.speedups.search_sections import sections

REPO = Path(__file__).resolve().parents[2]


def material(html: str) -> list[tuple]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.el.tag, s.is_excluded(), s.depth, s.title, s.text, s.id) for s in parser.data]


def ours(html: str) -> list[tuple] | None:
    found = sections(html)
    if found is None:
        return None
    return [(s.tag, s.is_excluded(), s.depth, s.title, s.text, s.id) for s in found]


EDGE_CASES = [
    "",
    "plain text & more",
    "<p>a</p>",
    '<h1 id="t">Title <a class="headerlink" href="#t">¶</a></h1>\n<p>x</p>',
    '<p>preface</p><h2 id="a">A</h2><p>one</p>\n\n<p>two</p><h3 id="b">B</h3>text',
    '<h2 id="first">not h1 first</h2><p>x</p>',
    "<h2>no id</h2><p>x</p>",
    '<div><h2 id="in">nested heading</h2><p>a</p></div><p>after the div</p>',
    '<h2 id="x" data-search-exclude>excluded</h2><p>gone</p><h2 id="y">kept</h2><p>here</p>',
    '<div data-search-exclude><p>hidden</p><div>inner</div><p>seen again: Material forgets</p></div>',
    '<div class="linenodiv"><pre>1\n2</pre></div><pre><code>a  b\n\n  c</code></pre>',
    "<p>  </p><p>\n</p><ul>\n<li>a</li>\n<li></li>\n</ul>",
    "<p>a &lt; b &amp; c &eacute; &#233; &#x2019; &nbsp;</p>",
    "<p>a < b << c</p>",
    "<p>one</p><!-- a comment <p>not</p> --><p>two</p><!-- spaced -- >x",
    '<P CLASS="x">upper</P><BR><IMG SRC="a.png" ALT="b"/><br /><hr/>',
    '<p title=\'single\' data-x = "spaced" hidden>attrs</p>',
    "<p>mis<em>nested</p></em> tail",
    "<p>unclosed <strong>bold",
    "</p>stray end<p>x</p>",
    '<h2 id="a&amp;b">amp id</h2>',
    "<sub>2</sub><sup>3</sup> <code>c</code>",
    "<p>a</p>\n\n\n<p>b</p>   <p>c</p>",
    '<div/><p>after a self-closed div</p><h2 id="z"/>text',
    '<table><tr><td>cell</td></tr></table>',
    '<details class="note"><summary>S</summary><p>body</p></details>',
    '<h1 id="a">One</h1><h1 id="b">Two</h1><h4 id="c">Four</h4>',
    '<p \xa0id="x"\u2003class="y">unicode spaces between attributes</p>',
    '<p id="x" >space before the end</p>',
]


@pytest.mark.parametrize("html", EDGE_CASES)
def test_edge_cases_match_material(html: str) -> None:
    assert ours(html) == material(html)


@pytest.mark.parametrize(
    "html",
    [
        "<script>var a = '<p>';</script><p>x</p>",
        "<style>p{}</style>",
        "<!DOCTYPE html><p>x</p>",
        "<?php x ?>",
        "<p>a</ p>",
        "<a href=bare>x</a>",
        "<p>ends with <",
        "<p>a <<c</p>",  # html.parser reads a start tag named "c<"
        "<!-- never closed",
        '<a href="x"title="y">x</a>',
        '<p\xa0id="x">a</p>',  # html.parser ends a tag name at ASCII whitespace only
        '<h2\u202fid="a">T</h2><p>x</p>',
    ],
)
def test_html_outside_the_subset_is_left_to_material(html: str) -> None:
    assert sections(html) is None


_TAGS = ["p", "div", "span", "em", "strong", "a", "pre", "code", "ul", "ol", "li", "sub", "sup", "h1", "h2", "h3", "br"]
_TEXTS = ["word", " ", "\n", "  two  words ", "a &amp; b", "&lt;", "é", "x\ny", "\n\n", " < ", "", "\xa0", "«\u202fa\u202f»"]


def _random_html(rng: random.Random, depth: int = 0) -> str:
    parts = []
    for _ in range(rng.randint(1, 6)):
        roll = rng.random()
        if roll < 0.35 or depth > 4:
            parts.append(rng.choice(_TEXTS))
        elif roll < 0.4:
            parts.append(f"<!--{rng.choice(_TEXTS)}-->")
        elif roll < 0.45:
            parts.append(f"</{rng.choice(_TAGS)}>")  # an end tag with no start
        else:
            tag = rng.choice(_TAGS)
            attrs = []
            if tag.startswith("h") and rng.random() < 0.8:
                attrs.append(f'id="{rng.choice(["a", "b", "c-1", "d&amp;e"])}"')
            if rng.random() < 0.15:
                attrs.append("data-search-exclude" if rng.random() < 0.5 else 'data-search-exclude=""')
            if rng.random() < 0.1:
                attrs.append(f'class="{rng.choice(["headerlink", "linenodiv", "x"])}"')
            separator = rng.choice([" ", " ", " ", "\n", "\t", "\xa0", "\u2003"])
            head = separator.join([tag.upper() if rng.random() < 0.05 else tag, *attrs])
            if tag == "br":
                parts.append(f"<{head}>" if rng.random() < 0.5 else f"<{head} />")
            elif rng.random() < 0.05:
                parts.append(f"<{head}/>")
            else:
                inner = _random_html(rng, depth + 1)
                closing = "" if rng.random() < 0.07 else f"</{tag}>"
                parts.append(f"<{head}>{inner}{closing}")
    return "".join(parts)


def test_randomised_html_matches_material() -> None:
    rng = random.Random(20261126)
    compared = left_to_material = 0
    for _ in range(4000):
        html = _random_html(rng)
        try:
            expected = material(html)
        except ValueError:  # Material's parser cannot index it: it must stay Material's to fail on
            assert sections(html) is None, html
            continue
        found = ours(html)
        if found is None:
            left_to_material += 1
            continue
        assert found == expected, html
        compared += 1
    assert compared > 1000 and left_to_material > 100


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_real_page_is_divided_as_material_divides_it(lang: str) -> None:
    config = load_config(str(REPO / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    pages = render_site(load_or_raise(REPO), lang)
    for page in pages:
        html = md.reset().convert(page.markdown)  # the same with the blocks hidden (tests/builds/test_hidden_blocks.py)
        if lang == "fr":
            html = i18n.french_typography_html(html)
        found = ours(html)
        assert found is not None, page.src_uri  # the fast path covers every real page
        assert found == material(html), page.src_uri


def test_the_fast_path_is_used_only_where_this_python_reads_html_as_it_assumes(monkeypatch) -> None:
    from recaps.mkdocs.speedups import search_index as mkdocs_search

    mkdocs_search.tokenizer_agrees.cache_clear()
    assert mkdocs_search.tokenizer_agrees()  # on this Python, every probe is divided the same way
    assert all(sections(html) is not None for html in mkdocs_search.PROBES)  # each by the fast path

    def misreading(html: str):  # as a tokenizer would on a Python whose html.parser changed
        found = sections(html)
        if found:
            found[-1].text.append("x")
        return found

    monkeypatch.setattr(mkdocs_search.search_sections, "sections", misreading)
    mkdocs_search.tokenizer_agrees.cache_clear()
    try:
        assert not mkdocs_search.tokenizer_agrees()
    finally:
        mkdocs_search.tokenizer_agrees.cache_clear()
