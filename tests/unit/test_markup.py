"""Raw HTML and link addresses in Markdown bodies: the allowlist, exact messages, file lines."""

from __future__ import annotations

from pathlib import Path

import nh3
import pytest
import yaml

from recaps.content import markup
from recaps.content.conversion import EXTENSIONS
from recaps.content.html_attributes import url_allowed
from recaps.content.markup import check_body
from recaps.content.raw_html import ALLOWED_HTML

REPO = Path(__file__).resolve().parents[2]
ALLOWED = "(allowed: <a>, <abbr>, <br>, <cite>, <em>, <kbd>, <mark>, <q>, <small>, <span>, <strong>, <sub>, <sup>)"
URL_ADVICE = "use an http://, https:// or mailto: address, or a relative link"


def messages(body: str, body_line: int = 10) -> list[str]:
    return [str(error) for error in check_body("p.fr.md", body, body_line)]


def test_the_allowlist_is_a_subset_of_nh3s() -> None:
    assert set(ALLOWED_HTML) <= nh3.ALLOWED_TAGS


def test_the_extensions_are_the_sites() -> None:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    site = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert sorted(site) == sorted(EXTENSIONS)


def test_what_editors_need_is_accepted() -> None:
    body = (
        'Un retour<br>à la ligne, <abbr title="Convention des Entreprises pour le Climat">CEC</abbr>, '
        "CO<sub>2</sub>, 1<sup>er</sup>, <em>a</em>, <strong>b</strong>, <mark>c</mark>, <small>d</small>, "
        '<span lang="en">e</span>, <q>f</q>, <cite>g</cite>, <kbd>h</kbd>, <br/>, <BR>\n\n'
        '<a href="https://example.org/" title="t">1</a> <a href="../index.md#x">2</a> '
        '<a href="mailto:a@example.org">3</a> <a href="#top">4</a> <a href="/abs/">5</a>\n\n'
        "[a](https://example.org) [b](../x.md) ![c](images/c.png) <https://example.org> <a@example.org>\n\n"
        "<!-- a comment -->\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n"
    )
    assert messages(body) == []


def test_code_is_not_html() -> None:
    body = "`<script>` and ``<iframe>``\n\n```html\n<script>x</script>\n<a href=\"javascript:x\">y</a>\n```\n\n    <style>indented</style>\n"
    assert messages(body) == []


def test_script_is_refused_at_its_file_line() -> None:
    assert messages("Intro.\n\n<script>alert(1)</script>\n") == [
        f"p.fr.md:12: HTML tag <script> is not allowed {ALLOWED}"
    ]


def test_a_tag_after_code_mentioning_it_is_located_after_the_code() -> None:
    body = "`<script>` is code.\n\n```\n<script>\n```\n\nBut <script>x</script> is not.\n"
    assert messages(body, body_line=1) == [f"p.fr.md:7: HTML tag <script> is not allowed {ALLOWED}"]


@pytest.mark.parametrize("tag", ["iframe", "style", "object", "embed", "form", "svg", "img", "div", "math", "base", "meta", "link"])
def test_dangerous_tags_are_refused(tag: str) -> None:
    assert messages(f"x <{tag}>y</{tag}>") == [f"p.fr.md:10: HTML tag <{tag}> is not allowed {ALLOWED}"]


def test_event_handlers_are_refused_whatever_their_case() -> None:
    assert messages('<a href="https://x.org" onclick="x()">a</a> <em ONMOUSEOVER=y>b</em>') == [
        "p.fr.md:10: HTML attribute 'onclick' on <a> is not allowed: event handlers run scripts",
        "p.fr.md:10: HTML attribute 'onmouseover' on <em> is not allowed: event handlers run scripts",
    ]


def test_style_and_other_attributes_are_refused() -> None:
    assert messages('<span style="color:red" class="x">a</span> <a href="https://x.org" target="_blank">b</a>') == [
        "p.fr.md:10: HTML attribute 'style' on <span> is not allowed: the site's style sheet sets the styles",
        "p.fr.md:10: HTML attribute 'class' on <span> is not allowed (allowed on <span>: lang)",
        "p.fr.md:10: HTML attribute 'target' on <a> is not allowed (allowed on <a>: href, title)",
    ]


@pytest.mark.parametrize(
    "written, shown",
    [
        ("javascript:alert(1)", "javascript:alert(1)"),
        ("JaVaScRiPt:alert(1)", "JaVaScRiPt:alert(1)"),
        (" javascript:alert(1)", "javascript:alert(1)"),
        ("jav&#x09;ascript:alert(1)", "jav ascript:alert(1)"),
        ("data:text/html;base64,PHNjcmlwdD4=", "data:text/html;base64,PHNjcmlwdD4="),
        ("vbscript:msgbox(1)", "vbscript:msgbox(1)"),
        ("file:///etc/passwd", "file:///etc/passwd"),
    ],
)
def test_raw_links_with_other_schemes_are_refused(written: str, shown: str) -> None:
    assert messages(f'<a href="{written}">x</a>') == [f"p.fr.md:10: link address '{shown}' is not allowed: {URL_ADVICE}"]


def test_markdown_links_images_references_and_autolinks_are_checked() -> None:
    body = (
        "[a](javascript:alert(1))\n"
        "![b](data:image/png;base64,AAAA)\n"
        "[c][r] <javascript:alert(2)>\n"
        "\n"
        "[r]: vbscript:msgbox\n"
    )
    assert messages(body, body_line=1) == [
        f"p.fr.md:3: link address 'javascript:alert(2)' is not allowed: {URL_ADVICE}",
        f"p.fr.md:1: link address 'javascript:alert(1)' is not allowed: {URL_ADVICE}",
        f"p.fr.md:2: image address 'data:image/png;base64,AAAA' is not allowed: {URL_ADVICE}",
        f"p.fr.md:5: link address 'vbscript:msgbox' is not allowed: {URL_ADVICE}",
    ]


def test_attributes_written_with_attr_list_are_checked() -> None:
    body = '## Title {: onclick="x()" }\n\nText.\n{: style="display:none" }\n\n[a](https://x.org){: href="javascript:y" }\n'
    assert messages(body, body_line=1) == [
        "p.fr.md:1: HTML attribute 'onclick' on <h2> is not allowed: event handlers run scripts",
        "p.fr.md:4: HTML attribute 'style' on <p> is not allowed: the site's style sheet sets the styles",
        f"p.fr.md:6: link address 'javascript:y' is not allowed: {URL_ADVICE}",
    ]


def test_declarations_and_processing_instructions_are_refused() -> None:
    assert messages("<?php system('id'); ?>") == ["p.fr.md:10: raw HTML '<?php system('id'); ?>' is not allowed"]


def test_a_block_of_html_reports_each_line() -> None:
    body = "<div>\n<p>ok?</p>\n<iframe src=x></iframe>\n</div>\n"
    assert messages(body, body_line=1) == [
        f"p.fr.md:1: HTML tag <div> is not allowed {ALLOWED}",
        f"p.fr.md:2: HTML tag <p> is not allowed {ALLOWED}",
        f"p.fr.md:3: HTML tag <iframe> is not allowed {ALLOWED}",
    ]


def test_problems_are_capped_per_body() -> None:
    assert len(check_body("p", "<x>\n\n" * 1000)) == markup.MAX_PROBLEMS


def test_the_errors_stop_at_the_cap_even_in_the_middle_of_an_element() -> None:
    # Seven paragraphs with three event handlers each: 21 problems, the last element's third
    # one past the cap of 20.
    body = "".join(f"P{i}\n{{: onclick=x onfocus=y onblur=z }}\n\n" for i in range(7))
    errors = [str(error) for error in check_body("p.fr.md", body, 10)]
    assert len(errors) == markup.MAX_PROBLEMS == 20
    assert errors[-3:] == [
        "p.fr.md:26: HTML attribute 'onfocus' on <p> is not allowed: event handlers run scripts",
        "p.fr.md:29: HTML attribute 'onblur' on <p> is not allowed: event handlers run scripts",
        "p.fr.md:29: HTML attribute 'onclick' on <p> is not allowed: event handlers run scripts",
    ]


def test_url_allowed_follows_nh3() -> None:
    assert url_allowed("https://example.org") and url_allowed("../a.md#b") and url_allowed("mailto:a@b.c")
    assert not url_allowed("javascript:x") and not url_allowed("java\nscript:x") and not url_allowed("data:,x")


def test_markdown_nested_too_deep_is_reported() -> None:
    assert messages("1. " * 5000) == [
        "p.fr.md:10: the Markdown text is nested too deeply (lists or quotes inside each other)"
    ]


@pytest.mark.parametrize(
    "written, name, tag",
    [
        ('[a](https://x.org){: onfocus="alert(1)" }', "onfocus", "a"),
        ('[a](https://x.org){: onpointerenter="alert(1)" }', "onpointerenter", "a"),
        ('### Titre {: onanimationstart="alert(1)" }', "onanimationstart", "h3"),
        ('## Titre {: onbeforetoggle="alert(1)" }', "onbeforetoggle", "h2"),
        ('<em onfocus="alert(1)" tabindex="0">a</em>', "onfocus", "em"),
        ('<span lang="en" onanimationstart="alert(1)">a</span>', "onanimationstart", "span"),
        ('<a href="https://x.org" onpointerenter="alert(1)">a</a>', "onpointerenter", "a"),
        ('<abbr title="t" onauxclick="alert(1)">a</abbr>', "onauxclick", "abbr"),
        ('<mark onContentVisibilityAutoStateChange="alert(1)">a</mark>', "oncontentvisibilityautostatechange", "mark"),
    ],
)
def test_every_event_handler_is_refused(written: str, name: str, tag: str) -> None:
    assert [m for m in messages(written) if "event handlers" in m] == [
        f"p.fr.md:10: HTML attribute '{name}' on <{tag}> is not allowed: event handlers run scripts"
    ]


def test_a_link_written_with_character_references_is_reported_at_its_line() -> None:
    body = "Intro.\n\n" + "Texte.\n\n" * 12 + "[m1](&#106;avascript:alert(1)) et [m2](&#x6A;avascript:alert(2))\n\n" \
        + "[m3](java&Tab;script:alert(3))\n"
    assert messages(body, body_line=41) == [
        f"p.fr.md:67: link address 'javascript:alert(1)' is not allowed: {URL_ADVICE}",
        f"p.fr.md:67: link address 'javascript:alert(2)' is not allowed: {URL_ADVICE}",
        f"p.fr.md:69: link address 'java script:alert(3)' is not allowed: {URL_ADVICE}",
    ]


COMMENT_ADVICE = "a browser may end it elsewhere than at '-->'; write comments as <!-- text -->, with no '--' inside"


@pytest.mark.parametrize(
    "written, expected",
    [
        # HTML5 ends a comment opened as <!--> or <!---> at once: the <img> is an element.
        ('Avant <!--><img src=x onerror="document.body.dataset.pwned=1">--> après.',
         [f"p.fr.md:12: HTML tag <img> is not allowed {ALLOWED}", f"p.fr.md:12: HTML comment '<!-->' is not allowed: {COMMENT_ADVICE}"]),
        ('Avant <!---><img src=x onerror="document.body.dataset.pwned=1">--> après.',
         [f"p.fr.md:12: HTML tag <img> is not allowed {ALLOWED}", f"p.fr.md:12: HTML comment '<!--->' is not allowed: {COMMENT_ADVICE}"]),
        ('A <!--<!--><img src=x onerror=alert(1)>-->',
         [f"p.fr.md:12: HTML tag <img> is not allowed {ALLOWED}", f"p.fr.md:12: HTML comment '<!-->' is not allowed: {COMMENT_ADVICE}"]),
        ("<!-- x --!><img src=x onerror=alert(1)> -->", [f"p.fr.md:12: HTML tag <img> is not allowed {ALLOWED}"]),
        ("A <![CDATA[ x ]]><img src=x onerror=alert(1)> ]]>",
         [f"p.fr.md:12: HTML tag <img> is not allowed {ALLOWED}", "p.fr.md:12: raw HTML '<![CDATA[ x ]]>' is not allowed"]),
        ("A <?x><img src=x onerror=alert(1)>?>",
         [f"p.fr.md:12: HTML tag <img> is not allowed {ALLOWED}", "p.fr.md:12: raw HTML '<?x>' is not allowed"]),
        ("<!DOCTYPE html>", ["p.fr.md:12: raw HTML '<!DOCTYPE html>' is not allowed"]),
        ("<img/src=x/onerror=alert(1)>", [f"p.fr.md:12: HTML tag <img> is not allowed {ALLOWED}"]),
        ("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
         [f"p.fr.md:12: HTML tag <noscript> is not allowed {ALLOWED}", f"p.fr.md:12: HTML tag <p> is not allowed {ALLOWED}"]),
        ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
         [f"p.fr.md:12: HTML tag <{tag}> is not allowed {ALLOWED}" for tag in ("math", "mtext", "table", "mglyph", "style", "img")]),
    ],
)
def test_comments_and_declarations_are_read_as_browsers_read_them(written: str, expected: list[str]) -> None:
    assert messages(f"Intro.\n\n{written}\n\nFin.\n", body_line=10) == expected


def test_well_formed_comments_are_accepted_even_holding_markup() -> None:
    assert messages('Texte <!-- <img src=x onerror="alert(1)"> --> et\n\n<!--\nsur deux\nlignes -->\n') == []


def test_markdown_inside_html_blocks_is_checked_at_its_line() -> None:
    body = "Intro.\n\n<div markdown>\n\n[x](javascript:alert(1))\n\n</div>\n"
    assert messages(body, body_line=1) == [
        f"p.fr.md:3: HTML tag <div> is not allowed {ALLOWED}",
        f"p.fr.md:5: link address 'javascript:alert(1)' is not allowed: {URL_ADVICE}",
    ]


def test_html_in_fenced_code_is_code_beside_raw_html() -> None:
    body = "```html\n<iframe src=x></iframe>\n```\n\nA <b>c</b>\n\n- item\n\n    ```\n    <script>x</script>\n    ```\n"
    assert messages(body, body_line=1) == [
        f"p.fr.md:5: HTML tag <b> is not allowed {ALLOWED}",
    ]


def test_a_tag_left_unfinished_is_refused() -> None:
    # Published as written, it would take the page after the body into its attribute.
    assert messages('Intro.\n\n<details>\n<summary title="x\n', body_line=1) == [
        f"p.fr.md:3: HTML tag <details> is not allowed {ALLOWED}",
        "p.fr.md:4: raw HTML '<summary title=\"x' is not finished: end the tag with '>' and close its quotes",
    ]


@pytest.mark.parametrize("written", ["<!-- a -- b -->", "<!-- a --->"])
def test_comments_with_double_dashes_are_refused(written: str) -> None:
    assert messages(f"Texte.\n\n{written}\n", body_line=1) == [
        f"p.fr.md:3: HTML comment '{written}' is not allowed: {COMMENT_ADVICE}"
    ]
