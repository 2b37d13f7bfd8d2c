"""The MkDocs plugin: its config, and hooks that hand their work to functions of recaps.pages or
of this package. With the per-language build (``recaps.language_build``) and ``recaps serve``,
the only code that imports MkDocs; the content core never does (an import-linter contract).

Through it MkDocs gets the pages the engine renders for one language (recaps.pages.render, as
``File.generated``), the navigation each page shows (recaps.pages.navigation, made into MkDocs'
objects by recaps.mkdocs.navigation), what the templates read of a page: the same page in the
other language, its social card (recaps.pages.page_context, a recap's image drawn by
recaps.pages.cards), the feed and robots.txt (recaps.pages.feeds), French typography
(recaps.pages.i18n), the HTML as written out (recaps.mkdocs.minify), and the speed-ups
(recaps.mkdocs.speedups).
"""

from __future__ import annotations

import html
import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..build_options import BuildOptions
from ..pages import i18n, navigation
from ..pages.incremental import fingerprints
from . import partial
from .minify import finished_html
from .navigation import mkdocs_navigation
from .speedups import anchor_ids, editor_bodies, hide_blocks, restore_blocks, use_recaps_search_index
from ..pages.cards import card_paths, recap_cards, write_cards
from ..pages.feeds import build_files
from ..pages.picture_files import write_pictures
from ..content.loader import Site, is_ignored, load_site
from ..content.models import LANGUAGES, SOURCE_LANGUAGE
from ..pages.page_context import alternates, page_context
from ..pages.page_templates import OVERRIDES, TemplateError
from ..pages.render import RenderedPage, render_site, sort_key
from ..content.urls import site_address, tag_uri, url_of
from ..editing import admin_site

log = logging.getLogger("mkdocs.plugins.recaps")

# Search in other languages than ours: French needs these three, English none (0.9 MB a language).
_LUNR = "assets/javascripts/lunr/"
_LUNR_KEPT = {f"{_LUNR}min/lunr.{name}.min.js" for name in ("stemmer.support", "multi", *LANGUAGES)}


def tag_order(tag, *args) -> tuple[str, str]:
    """Material's tags in reading order ("Écosystème" with the E, not after "Z"): mkdocs.yml's
    tags_sort_by and listings_tags_sort_by."""
    return sort_key(html.unescape(tag.name))


def listing_order(mapping) -> tuple[str, str]:
    """The pages of a tag listing by title, in reading order: mkdocs.yml's listings_sort_by."""
    return sort_key(html.unescape(str(mapping.item.title)))


def _unused_theme_asset(src_uri: str) -> bool:
    """Source maps (1.3 MB a language, for a browser's developer tools) and other languages' search."""
    if src_uri.startswith("assets/") and src_uri.endswith(".map"):
        return True
    return src_uri.startswith(_LUNR) and src_uri not in _LUNR_KEPT




class _UnchangedPage(File):
    """A page whose HTML from the previous build is still right (``recaps serve``, partial
    rebuilds: MkDocs' dirty build skips the pages whose file is not modified)."""

    def is_modified(self) -> bool:
        return False


def _checked_site_url(site_url: str) -> str:
    try:
        return site_address(site_url)
    except ValueError as exc:
        raise PluginError(f"mkdocs.yml: site_url: {exc}") from None


def _loaded_site(root: Path) -> Site:
    """The site at ``root``, for a plain `mkdocs build` (recaps build hands over the one it loaded)."""
    site, report = load_site(root)
    if report:
        raise PluginError("content errors:\n" + report.render())
    return site


def _language_homes(lang: str) -> list[dict[str, Any]]:
    """The language homes, for pages that are not ours (404): links from this build's root."""
    up = "" if lang == SOURCE_LANGUAGE else "../"
    return [
        {"lang": other, "name": i18n.LANGUAGE_NAMES[other], "current": other == lang,
         "href": "." if other == lang else up + ("" if other == SOURCE_LANGUAGE else f"{other}/")}
        for other in LANGUAGES
    ]


class EditConfig(base.Config):
    """The editing interface published with the site (README: "Editing in the browser")."""

    publish = c.Type(bool, default=False)
    """Publish Decap CMS at admin/, editing the GitHub repository below in pull requests."""
    repo = c.Optional(c.Type(str))
    """The GitHub repository the edits go to, owner/name."""
    branch = c.Type(str, default="main")
    """The branch the site is built from; each edit is a pull request to it."""
    base_url = c.Optional(c.URL())
    """Address of the authentication service editors sign in with (Decap's default: Netlify's)."""
    auth_endpoint = c.Optional(c.Type(str))
    """Its path (Decap's default: auth)."""


class RecapsConfig(base.Config):
    lang = c.Choice(LANGUAGES, default=SOURCE_LANGUAGE)
    """Language of a plain `mkdocs build`; `recaps build` builds each language (BuildOptions)."""
    site_name = c.DictOfItems(c.Type(str), default={})
    """The site's name in each language (default: site_name)."""
    edit = c.SubConfig(EditConfig)


class RecapsPlugin(BasePlugin[RecapsConfig]):
    def __init__(self) -> None:
        super().__init__()
        # Handed over by `recaps build` (recaps.language_build); None under plain `mkdocs build`.
        self.options: BuildOptions | None = None
        # Each page made from a content file, and that file: what recaps.language_build names
        # in MkDocs' messages about the page.
        self.sources: dict[str, str] = {}

    def on_config(self, config):
        options = self.options or BuildOptions(self.config.lang, site=None)
        if config.site_url:  # recaps.build checked it already, unless it came through a tag (!ENV)
            config.site_url = _checked_site_url(config.site_url)
        self.root = Path(config.config_file_path).parent.resolve()
        self.site = options.site if options.site is not None else _loaded_site(self.root)
        self.lang = options.lang
        config.theme["language"] = self.lang  # Material's labels, and its search plugin's language
        if self.lang in self.config.site_name:
            config.site_name = self.config.site_name[self.lang]
        try:
            pages = render_site(self.site, self.lang, config.site_name)
        except TemplateError as exc:  # a template of overrides/recaps/: its file, line and why
            raise PluginError(str(exc)) from None
        self.rendered: dict[str, RenderedPage] = {p.src_uri: p for p in pages}
        self.sources = {p.src_uri: p.source for p in pages if p.source}
        self.cards = card_paths(self.site)  # each recap's link preview image
        self.hidden: dict[str, list[str]] = {}
        self._plan_rebuild(config, options)
        config.extra["recaps_homes"] = _language_homes(self.lang)
        config.extra["alternate"] = True
        return config

    def _plan_rebuild(self, config, options: BuildOptions) -> None:
        """Which pages this build rebuilds (``changed``; None: every page), and what it keeps."""
        # The tag pages hold Material's tags listings. They, and the tags export, are written
        # from every page, yet still right after a partial rebuild (a change of tags or titles is
        # a full build): a partial rebuild puts back what the last full build wrote.
        self.listing_pages = {tag_uri(t) for t in self.site.tags if tag_uri(t) in self.rendered}
        self.kept_as_built = (partial.TAGS_EXPORT, *(url_of(uri) + "index.html" for uri in self.listing_pages))
        # recaps serve: a manifest of what each page is built from; a partial rebuild (MkDocs'
        # dirty build) rebuilds only the pages whose input changed (recaps.mkdocs.partial).
        self.serving = options.serving or options.partial  # a partial rebuild is of a preview
        self.changed: set[str] | None = None
        if self.serving:
            self.fingerprints = fingerprints(self.rendered.values())
        if options.partial:
            self.changed = partial.pages_to_rebuild(Path(config.site_dir), self.fingerprints, self.listing_pages)

    def on_files(self, files: Files, config) -> Files:
        # Hand-written pages in docs/ are <name>.<lang>.md: the engine has read them and renders
        # this language's version (or the French stand-in); MkDocs only copies the assets.
        # Editors' backups and locks in docs/ or overrides/ are not content: never published
        # (recaps.content.loader.IGNORED_NAMES; MkDocs would copy them as they are). Nor are the page
        # templates of overrides/recaps/, which MkDocs takes for theme files.
        page_templates = os.path.join(self.root, OVERRIDES) + os.sep
        for file in list(files):
            if file.src_uri.endswith(".md") or _unused_theme_asset(file.src_uri) \
                    or any(is_ignored(part) for part in file.src_uri.split("/")) \
                    or (file.abs_src_path or "").startswith(page_templates):
                files.remove(file)
        for page in self.rendered.values():
            kind = File if self.changed is None or page.src_uri in self.changed else _UnchangedPage
            files.append(kind.generated(config, page.src_uri, content=page.markdown))
        return files

    def on_pre_build(self, config) -> None:
        use_recaps_search_index(config.plugins)
        self.editor_bodies = editor_bodies(self.site)  # what hide_blocks leaves to Python-Markdown
        # A partial rebuild indexes only the pages it rebuilds: keep the rest of the index, and
        # the tags export, which no partial rebuild changes (tags or titles: a full build).
        self.previous: dict[str, bytes] = {}
        if self.changed is not None:
            self.previous = partial.last_built(Path(config.site_dir), (partial.SEARCH_INDEX, *self.kept_as_built))

    def on_page_markdown(self, markdown: str, page: Page, config, files: Files) -> str:
        # The page's meta is handed over as data rather than as front matter for MkDocs to parse
        # again (with its pure-Python YAML loader: seconds on a large site).
        rendered = self.rendered.get(page.file.src_uri)
        if rendered is None:
            return markdown
        page.meta = dict(rendered.meta)
        # The templates' raw HTML blocks skip Python-Markdown's HTML parsing (recaps.mkdocs.speedups).
        body = self.editor_bodies.get(rendered.source, "")
        markdown, self.hidden[page.file.src_uri] = hide_blocks(markdown, body)
        return markdown

    def on_nav(self, nav: Navigation, config, files: Files) -> Navigation:
        self.pages_by_uri: dict[str, Page] = {
            f.src_uri: f.page for f in files.documentation_pages() if f.page is not None
        }
        self.site_pages = navigation.site_pages(self.site, self.rendered.values(), self.lang)
        for page in self.pages_by_uri.values():
            page.previous_page = page.next_page = None
        if self.changed is not None:  # pages a partial rebuild skips still give the navigation their titles
            for uri, page in self.pages_by_uri.items():
                if uri not in self.changed and uri in self.rendered:
                    page.markdown = self.rendered[uri].markdown
                    page.meta = dict(self.rendered[uri].meta)
        return mkdocs_navigation(navigation.site_navigation(self.site_pages), self.pages_by_uri)

    def on_page_context(self, context: dict[str, Any], page: Page, config, nav: Navigation):
        rendered = self.rendered.get(page.file.src_uri)
        if rendered is None:
            return context
        # Every page carries a bounded navigation: the top items, with its own section opened.
        context["nav"] = mkdocs_navigation(navigation.page_navigation(self.site_pages, rendered.src_uri),
                                           self.pages_by_uri)
        page.active = True  # again, now that the page has its parent: opens its section
        context["recaps"] = page_context(rendered, self.lang, config.site_url, config.site_name,
                                         config.site_description, self.rendered, self.cards.get(rendered.src_uri))
        if config.site_url:
            page.canonical_url = context["recaps"]["social"]["url"]
        # Material writes <link rel="alternate"> for an iterable extra.alternate and shows the
        # selector when it is truthy: `True` keeps the selector (overrides/partials/alternate.html)
        # and lets overrides/main.html write the hreflang links, only for real translations.
        config.extra["alternate"] = True
        return context

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, config) -> None:
        site_dir = Path(config.site_dir)
        if self.changed is not None:
            rebuilt = {self.pages_by_uri[uri].url for uri in self.changed if uri not in self.listing_pages}
            partial.put_back(site_dir, self.previous, rebuilt)
        if self.serving:
            partial.write_manifest(site_dir, self.fingerprints)
        write_pictures(self.site, site_dir)  # the pictures' sizes (recaps.pages.picture_files); kept where already made
        for name, text in build_files(self.site, self.lang, config.site_url, config.site_name).items():
            (site_dir / name).write_text(text, encoding="utf-8")
        if config.site_url or self.serving:  # where pages name them (og:image needs the URL), and the preview
            cards = recap_cards(self.site, self.lang, config.site_name, config.extra.get("organisation") or "")
            write_cards(site_dir, cards, self.changed)
        edit = self.config.edit
        if edit.publish and self.lang == SOURCE_LANGUAGE and not self.serving:
            try:
                admin_site.publish_admin(self.root, site_dir, edit.repo, edit.branch, edit.base_url, edit.auth_endpoint)
            except (ValueError, admin_site.NodeToolsMissing) as exc:
                raise PluginError(f"mkdocs.yml: plugins: recaps: edit: {exc}") from None

    def on_post_page(self, output: str, page: Page, config) -> str:
        return finished_html(output)

    def on_template_context(self, context: dict[str, Any], template_name: str, config) -> dict[str, Any]:
        if template_name == "sitemap.xml" and config.site_url:  # its hreflang links (overrides/sitemap.xml)
            context["recaps_alternates"] = {uri: alternates(page, self.lang, config.site_url)
                                            for uri, page in self.rendered.items()}
        return context

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        if not template_name.endswith(".html"):  # sitemap.xml
            return output_content
        return finished_html(output_content)  # 404.html

    def on_page_content(self, html_text: str, page: Page, config, files: Files) -> str:
        hidden = self.hidden.pop(page.file.src_uri, None)
        if hidden:
            html_text = restore_blocks(html_text, hidden)
            # MkDocs checks links to anchors against the ids it saw; these it did not see.
            page.present_anchor_ids = (page.present_anchor_ids or set()) | anchor_ids(hidden)
        if self.lang == "fr":
            return i18n.french_typography_html(html_text)
        return html_text

    def on_serve(self, server, config, builder):
        for folder in ("sessions", "partners"):
            path = self.root / folder
            if path.is_dir():
                server.watch(str(path))
        return server
