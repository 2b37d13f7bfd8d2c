"""The engine's floor: what MkDocs and Material alone take to make our pages.

For each language, the Markdown that `recaps build` hands MkDocs for its generated pages (the
templates' output, its raw HTML blocks already hidden as recaps.mkdocs.speedups does) is
written as plain pages, with the same Markdown extensions, under Material's theme and nothing
else: no plugin (no search, no tags, no recaps hooks), the navigation cut to the home page. Both
languages are built at once, each by its own ``mkdocs build``, as `recaps build` builds them.

No build of recaps can be faster than this on the same machine: it is the cost of the engine
the product is built on, for these pages. The difference to our build is what recaps adds (the
check, the search index, the tags, the page navigation, the HTML post-processing); the target
"8 times faster than the baseline" cannot be met where the floor is above an eighth of it.
"""

from __future__ import annotations

import shlex
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from .measure import Run, run, tree_size

CONFIG = """\
site_name: Floor
docs_dir: docs
use_directory_urls: true
theme:
  name: material
  font: false
  language: {lang}
nav:
  - index.md
plugins: []
"""


@dataclass
class Floor:
    run: Run
    pages: int  # HTML files


class _IgnoringTags(yaml.SafeLoader):
    """Reads the corpus's mkdocs.yml, whose ``!!python/name`` values do not matter here."""


_IgnoringTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def markdown_extensions(corpus_root: Path) -> list:
    """The ``markdown_extensions`` of the corpus's mkdocs.yml, as written there."""
    config = yaml.load((corpus_root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoringTags)
    return config.get("markdown_extensions") or []


def write(corpus_root: Path, out: Path) -> int:
    """Each language's pages and configuration in ``out``/<lang>; the number of pages written."""
    from recaps.content.loader import load_or_raise
    from recaps.mkdocs.speedups import editor_bodies, hide_blocks
    from recaps.pages.render import render_site

    site = load_or_raise(corpus_root)
    bodies = editor_bodies(site)
    extensions = yaml.safe_dump({"markdown_extensions": markdown_extensions(corpus_root)}, allow_unicode=True)
    count = 0
    for lang in ("fr", "en"):
        for page in render_site(site, lang, "Floor"):
            markdown, _ = hide_blocks(page.markdown, bodies.get(page.source, ""))
            path = out / lang / "docs" / page.src_uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(markdown, encoding="utf-8")
            count += 1
        (out / lang / "mkdocs.yml").write_text(CONFIG.format(lang=lang) + extensions, encoding="utf-8")
    return count


def build(out: Path) -> Floor:
    """Both languages' ``mkdocs build`` at once, measured as one process tree; the sites removed after."""
    fr, en = (shlex.join([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(out / lang / "mkdocs.yml"),
                          "-d", str(out / lang / "site")]) for lang in ("fr", "en"))
    result = run(["sh", "-c", f"{fr} & fr=$!; {en} & en=$!; wait $fr; a=$?; wait $en; b=$?; [ $a = 0 ] && [ $b = 0 ]"])
    if result.returncode != 0:
        raise SystemExit(f"the floor's build failed:\n{result.output[-4000:]}")
    pages = 0
    for lang in ("fr", "en"):
        pages += len(tree_size(out / lang / "site")[1])
        shutil.rmtree(out / lang / "site", ignore_errors=True)
    return Floor(result, pages)
