"""The site's public address (--site-url, site_url in mkdocs.yml): a well-formed http(s) address,
percent-encoded where it must be, or one clear reason it is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from recaps.cli import main
from recaps.content.urls import site_address

HOSTILE = 'https://x.org/"><script>alert(1)</script>'


@pytest.mark.parametrize("given, published", [
    ("https://recaps.example.org/", "https://recaps.example.org/"),
    ("https://recaps.example.org", "https://recaps.example.org"),
    ("http://localhost:8000/recaps/", "http://localhost:8000/recaps/"),
    ("HTTPS://Recaps.Example.ORG/Parcours/", "https://recaps.example.org/Parcours/"),
    ("  https://recaps.example.org/\n", "https://recaps.example.org/"),
    ("https://x.org/mon site/", "https://x.org/mon%20site/"),
    ("https://x.org/récits", "https://x.org/r%C3%A9cits"),
    ("https://x.org/l'atelier/", "https://x.org/l%27atelier/"),
    ("https://x.org/a&amp;b/", "https://x.org/a%26amp;b/"),
    ("https://x.org/{a}|^/", "https://x.org/%7Ba%7D%7C%5E/"),
    ("https://x.org/100%/a%20b/", "https://x.org/100%25/a%20b/"),
    ("https://x.org/a%C3%A9/", "https://x.org/a%C3%A9/"),
    ("https://127.0.0.1/", "https://127.0.0.1/"),
    ("https://[::1]:8443/", "https://[::1]:8443/"),
    ("https://xn--rcits-bsa.example/", "https://xn--rcits-bsa.example/"),
])
def test_a_well_formed_address_is_published_encoded(given: str, published: str) -> None:
    assert site_address(given) == published
    assert site_address(published) == published  # encoded once: taking it again changes nothing


@pytest.mark.parametrize("given, message", [
    (HOSTILE, "contains a double quote, which a web address cannot hold: remove it"),
    ("https://x.org/<b>", "contains '<', which a web address cannot hold: remove it"),
    ("https://x.org/a>", "contains '>', which a web address cannot hold: remove it"),
    ("https://x.org\\@evil.example/", "contains a backslash, which a web address cannot hold: remove it"),
    ("https://x.org/`x`", "contains a backquote, which a web address cannot hold: remove it"),
    ("https://x.org/a\tb/", "contains the invisible control character U+0009: remove it"),
    ("https://x.org/a\nb/", "contains the invisible control character U+000A: remove it"),
    ("https://x.org/\x1b[2J", "contains the invisible control character U+001B: remove it"),
    ("https://x.org/\u202egpj.exe/", "contains the invisible bidirectional control U+202E (right-to-left override), "
                                      "which reorders the text readers see: remove it"),
    ("", "is empty: give the site's public address, such as https://example.org/"),
    ("   ", "is empty: give the site's public address, such as https://example.org/"),
    ("recaps.example.org", "must start with http:// or https://, such as https://example.org/"),
    ("javascript:alert(1)", "must start with http:// or https://, such as https://example.org/"),
    ("ftp://x.org/", "must start with http:// or https://, such as https://example.org/"),
    ("https:x.org/", "must start with http:// or https://, such as https://example.org/"),
    ("https://user:secret@x.org/", "must not hold a user name or password (the part before '@'): remove it"),
    ("https://x.org/?lang=fr", "must not have a query ('?') or a fragment ('#'): give the address of the site's home page"),
    ("https://x.org/#top", "must not have a query ('?') or a fragment ('#'): give the address of the site's home page"),
    ("https://x.org/?", "must not have a query ('?') or a fragment ('#'): give the address of the site's home page"),
    ("https:///recaps/", "has no host name: write it as https://example.org/"),
    ("https://x y.org/", "has an invalid host name: use letters a-z, digits, hyphens and dots "
                         "(an international name in its xn-- form), or an IP address"),
    ("https://récits.example/", "has an invalid host name: use letters a-z, digits, hyphens and dots "
                                "(an international name in its xn-- form), or an IP address"),
    ("https://x..org/", "has an invalid host name: use letters a-z, digits, hyphens and dots "
                        "(an international name in its xn-- form), or an IP address"),
    ("https://[x.org]/", "has an invalid host name: use letters a-z, digits, hyphens and dots "
                         "(an international name in its xn-- form), or an IP address"),
    ("https://x.org:99999/", "has an invalid port: write a number from 1 to 65535 after the ':'"),
    ("https://x.org:0/", "has an invalid port: write a number from 1 to 65535 after the ':'"),
    ("https://x.org:/", "has an invalid port: write a number from 1 to 65535 after the ':'"),
    ("https://x.org:http/", "has an invalid port: write a number from 1 to 65535 after the ':'"),
])
def test_anything_else_is_refused_with_its_reason(given: str, message: str) -> None:
    with pytest.raises(ValueError) as refused:
        site_address(given)
    assert str(refused.value) == message


def test_the_build_command_refuses_a_hostile_site_url_as_click_does(tree: Path) -> None:
    result = CliRunner().invoke(main, ["-C", str(tree), "build", "--site-url", HOSTILE])
    assert (result.exit_code, result.output) == (2, (
        "Usage: main build [OPTIONS]\n"
        "Try 'main build --help' for help.\n"
        "\n"
        "Error: Invalid value for '--site-url': contains a double quote, which a web address cannot hold: remove it\n"
    ))
    assert not (tree / "site").exists()
