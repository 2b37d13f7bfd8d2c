"""French spacing in HTML: text only, never in tags, attributes, code or URLs."""

from __future__ import annotations

import pytest

from recaps.pages.i18n import NNBSP, french_spacing, french_typography_html

N = NNBSP


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Comment faire forêt ?</p>", f"<p>Comment faire forêt{N}?</p>"),
        ('<p title="a > b : c">x : y</p>', f'<p title="a > b : c">x{N}: y</p>'),
        ("<p>a : <code>b : c</code> d : <CODE>e : f</CODE> g : h</p>",
         f"<p>a{N}: <code>b : c</code> d{N}: <CODE>e : f</CODE> g{N}: h</p>"),
        ("<pre><code>x : y</code></pre> z !", f"<pre><code>x : y</code></pre> z{N}!"),
        ("<script>if (a < b) { c : d }</script> e ;", f"<script>if (a < b) {{ c : d }}</script> e{N};"),
        ("«&nbsp;Nous sommes tous industriels&nbsp;»", f"«{N}Nous sommes tous industriels{N}»"),
        ("«&#160;a&#xA0;» «&#x202F;b&#8239;»", f"«{N}a{N}» «{N}b{N}»"),
        ("<!-- a : b --> c : d", f"<!-- a : b --> c{N}: d"),
        ("<br/>a ; <code/>b ?", f"<br/>a{N}; <code/>b{N}?"),
        ("Voir https://example.org/a:b?x=1 : fin", f"Voir https://example.org/a:b?x=1{N}: fin"),
        ("R&amp;D : oui", f"R&amp;D{N}: oui"),
        ("a < b : c", f"a < b{N}: c"),
    ],
)
def test_french_typography_html(html: str, expected: str) -> None:
    assert french_typography_html(html) == expected


def test_text_without_french_punctuation_comes_back_as_is() -> None:
    text = "Une phrase sans ponctuation double"
    assert french_spacing(text) is text


def test_a_tag_read_as_pre_keeps_its_text_as_written() -> None:
    # The tag pattern may read "<pre" out of a longer malformed name: such a page takes the
    # careful path, which tracks code and pre elements.
    html = "<pre\" :!'</pre>text<a title=\"a>b ; c\">&amp;"
    assert french_typography_html(html) == html


# Every element whose text French typography leaves as written (i18n._SKIP_TAGS): each alone on
# its page, so that neither the fast path (no such tag) nor the careful one can space its text.
@pytest.mark.parametrize("tag", ["code", "pre", "kbd", "samp", "script", "style", "textarea", "var"])
def test_text_inside_a_skipped_element_is_left_as_written(tag: str) -> None:
    html = f"<p>Tapez : <{tag}>a ; b : « c » d ! e ?</{tag}> puis : fin !</p>"
    expected = f"<p>Tapez{N}: <{tag}>a ; b : « c » d ! e ?</{tag}> puis{N}: fin{N}!</p>"
    assert french_typography_html(html) == expected


def test_keys_nested_in_kbd_are_left_as_written() -> None:
    html = "<p>Copier : <kbd><kbd>Ctrl</kbd> + <kbd>:</kbd></kbd> ; <KBD class=\"k\">Maj ?</KBD> voilà !</p>"
    expected = f"<p>Copier{N}: <kbd><kbd>Ctrl</kbd> + <kbd>:</kbd></kbd>{N}; <KBD class=\"k\">Maj ?</KBD> voilà{N}!</p>"
    assert french_typography_html(html) == expected
