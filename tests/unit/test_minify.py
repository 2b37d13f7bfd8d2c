"""Indentation goes; white space that shows, and code, stay as written."""

from __future__ import annotations

from recaps.mkdocs.minify import finished_html, strip_indentation


def test_indentation_and_blank_lines_become_one_line_break() -> None:
    assert strip_indentation('<nav>\n    <ul>\n\n      <li>a</li>\n  </ul>\n</nav>') == "<nav>\n<ul>\n<li>a</li>\n</ul>\n</nav>"


def test_text_keeps_its_spaces_within_a_line() -> None:
    assert strip_indentation("<p>a  b\n   c</p>") == "<p>a  b\nc</p>"


def test_pre_textarea_code_script_and_style_stay_as_written() -> None:
    html = (
        "<pre><code>def f():\n    return 1\n</code></pre>\n  <textarea>\n  x\n</textarea>\n"
        "  <p><code>a\n   b</code></p>\n  <script>\n  if (a) {\n    b()\n  }\n</script>\n"
        "  <STYLE>\n  p { }\n</STYLE>"
    )
    assert strip_indentation(html) == (
        "<pre><code>def f():\n    return 1\n</code></pre>\n<textarea>\n  x\n</textarea>\n"
        "<p><code>a\n   b</code></p>\n<script>\n  if (a) {\n    b()\n  }\n</script>\n"
        "<STYLE>\n  p { }\n</STYLE>"
    )


def test_a_page_loses_material_s_empty_tabindex_and_its_indentation() -> None:
    html = '<label class="md-nav__link" for="nav_2" tabindex="">\n      <span>Guide</span>\n    </label>'
    assert finished_html(html) == '<label class="md-nav__link" for="nav_2">\n<span>Guide</span>\n</label>'
