"""What the build hands the MkDocs plugin, and what it gets back, in real builds: the language and
the loaded site (BuildOptions), a FullBuildNeeded exception when a partial rebuild cannot show an
edit, and the content files the plugin made each page from, which name the pages in MkDocs'
messages (never found by rendering the site again)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from recaps.build import build_site
from recaps.build_options import BuildOptions, FullBuildNeeded
from recaps.content.loader import load_or_raise
from recaps.language_build import build_language

SESSION = "sessions/parcours-cec-industries/session-5.fr.md"

# A session template that breaks a link of session 5 (MkDocs then names the page in a warning) and
# that fails if it renders that page a second time in the same language. The site model outlives a
# rendering: its host partner's file paths hold the mark (no page reads those keys).
BROKEN_ONCE = """{% include "recaps/session.md.j2" %}
{% if uri == "parcours-cec-industries/session-5.md" %}
{% if ("rendered " ~ lang) in host.paths %}{{ rendered_a_second_time }}{% endif %}
{% set _ = host.paths.update({"rendered " ~ lang: "once"}) %}

See [x](nowhere.md).
{% endif %}
"""


def test_a_failing_build_names_the_source_file_without_rendering_again(copy_repo, tmp_path: Path) -> None:
    root = copy_repo("named-once")
    (root / "overrides/recaps").mkdir(parents=True)
    (root / "overrides/recaps/session.md.j2").write_text(BROKEN_ONCE, encoding="utf-8")
    # In this process: a second rendering of the site would see the mark the first one left.
    result = build_site(root, tmp_path / "site", parallel=False)
    assert (result.ok, result.report) == (False, None)
    assert result.messages == [
        "[fr] Doc file 'sessions/parcours-cec-industries/session-5.fr.md' contains a link 'nowhere.md', "
        "but the target 'parcours-cec-industries/nowhere.md' is not found among documentation files.",
        "[en] Doc file 'sessions/parcours-cec-industries/session-5.en.md' contains a link 'nowhere.md', "
        "but the target 'parcours-cec-industries/nowhere.md' is not found among documentation files.",
    ]
    assert not (tmp_path / "site").exists()


def test_a_partial_rebuild_that_cannot_show_an_edit_raises_full_build_needed(copy_repo, tmp_path: Path) -> None:
    root = copy_repo("full-build-needed")
    preview = tmp_path / "preview"
    assert build_site(root, preview, serving=True).ok
    page = preview / "parcours-cec-industries/session-5/index.html"
    before = page.read_bytes()
    source = root / SESSION
    text = source.read_text(encoding="utf-8")
    edited = text.replace('title: "Embarquer son écosystème"', 'title: "Embarquer tout son écosystème"')
    assert edited != text
    source.write_text(edited, encoding="utf-8")  # a title: other pages' navigation shows it
    options = BuildOptions("fr", load_or_raise(root), serving=True, partial=True)
    with pytest.raises(FullBuildNeeded):
        build_language(str(root), options, str(preview), None)
    assert page.read_bytes() == before  # nothing was rebuilt


def test_the_plugin_builds_the_language_it_is_handed(copy_repo, tmp_path: Path) -> None:
    # mkdocs.yml names no language: the theme's (Material's labels, <html lang>) comes from the options.
    root = copy_repo("handed-language")
    site = load_or_raise(root)
    for lang, title in (("fr", "Embarquer son écosystème"), ("en", "Bringing your ecosystem on board")):
        result = build_language(str(root), BuildOptions(lang, site), str(tmp_path / lang), None)
        assert (result.ok, result.messages) == (True, [])
        html = (tmp_path / lang / "parcours-cec-industries/session-5/index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html and title in html


def test_plain_mkdocs_build_builds_the_french_site(copy_repo, tmp_path: Path) -> None:
    # No options handed over: the plugin loads the content itself, in its `lang` (French by default).
    root = copy_repo("plain-mkdocs")
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)], cwd=root,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (site / "parcours-cec-industries/session-5/index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in html and "Embarquer son écosystème" in html
    assert json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["config"]["lang"] == ["fr"]
