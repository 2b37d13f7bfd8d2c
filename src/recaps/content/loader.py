"""Build the site model from the content tree: pair translations, check every cross-reference.

:func:`load_site` runs the steps in order, each in its own module:

1. ``registries``: the people and tags of ``sessions/``;
2. ``discovery``: which files make which items (``tree`` walks the folders), each item's address
   claimed (``addresses``);
3. ``items``: each item loaded on its own, from its files (or from ``load_cache``, for
   ``recaps serve``), into the site model (``sitemodel``);
4. ``references``: what links the items, checked once all are loaded, in the items that did not
   validate too, as far as they did (``partial_validation``);
5. ``image_checks``: the image files the items and the people name (``image_files``).

The names other modules use are importable from here.
"""

from __future__ import annotations

from pathlib import Path

from .discovery import ItemFiles, find_items
from .errors import ContentErrors, ErrorReport
from .items import Loaded, load_item, read_item_file, read_item_parts, status_row
from .load_cache import LoadCache
from .models import SOURCE_LANGUAGE, PeopleRegistry, TagRegistry
from .files import forget_real_paths
from .image_checks import check_images
from .partial_validation import partial_content
from .references import Broken, Written, check_references
from .registries import load_registry
from .sitemodel import MODELS, Item, ProgrammeItem, Site, StatusRow
from .tree import DOCS_DIR, IGNORED_NAMES, PARTNERS_DIR, PEOPLE_FILE, SESSIONS_DIR, TAGS_FILE, is_ignored

__all__ = [
    "DOCS_DIR", "IGNORED_NAMES", "MODELS", "PARTNERS_DIR", "PEOPLE_FILE", "SESSIONS_DIR", "TAGS_FILE", "Item",
    "LoadCache", "ProgrammeItem", "Site", "StatusRow", "is_ignored", "load_or_raise", "load_site", "read_item_file",
]


def load_site(root: Path | str, bodies: bool = True, cache: LoadCache | None = None) -> tuple[Site, ErrorReport]:
    """Load and check everything; return the site model and every error found.

    ``bodies=False`` checks the Markdown bodies but does not keep them (for `check` and `status`).
    ``cache``: reuse the items of an earlier load whose files have not changed since.
    """
    root = Path(root)
    forget_real_paths()
    report = ErrorReport()
    site = Site(root=root)

    people, broken_people = load_registry(root, PEOPLE_FILE, PeopleRegistry, report, required=True)
    tags, broken_tags = load_registry(root, TAGS_FILE, TagRegistry, report, required=False)
    site.people = {p.id: p for p in people.people} if people else {}
    site.tags = {t.id: t for t in tags.tags} if tags else {}

    # First the names and places of everything (cheap, in order), then every item's files
    # (each item on its own), then what links them.
    found = find_items(root, site.tags, report)
    if cache is not None:
        loaded = cache.load(root, found, bodies)
    else:
        loaded = [load_item(root, files, bodies) for files in found]
    written = _written(root, found, loaded)
    # Items and registries that exist but did not load: their errors are reported already, so
    # references to them are not reported again as unknown (None: skip every such reference).
    broken: Broken = {
        "person": broken_people,
        "tag": set() if tags is None and not (root / TAGS_FILE).exists() else broken_tags,
        "partner": _assemble(site, found, loaded, report),
    }
    check_references(site, report, broken, written)
    check_images(site, report, written, people.people if people else [])
    return site, report


def _written(root: Path, found: list[ItemFiles], loaded: list[Loaded]) -> list[Written]:
    """What each item's French file says, in order, for the checks of references: the content of
    each item that loaded, and of each that did not, its content as far as it validates."""
    written = []
    for files, (item, _) in zip(found, loaded):
        if item is not None:
            written.append(Written(files, item.documents[SOURCE_LANGUAGE], item.source))
        elif SOURCE_LANGUAGE in files.paths and files.kind != "page":
            written += _partly_written(root, files)
    return written


def _partly_written(root: Path, files: ItemFiles) -> list[Written]:
    """The French file of an item that did not load, read again (the rare case of an error), as
    far as it validates; nothing where its front matter does not read."""
    model = MODELS[files.kind]
    document = read_item_parts(root, model, files.paths[SOURCE_LANGUAGE]).document
    if document is None:
        return []
    content = partial_content(model, {k: v for k, v in document.meta.items() if k != "translation_of"})
    return [] if content is None else [Written(files, document, content)]


def _assemble(site: Site, found: list[ItemFiles], loaded: list[Loaded], report: ErrorReport) -> set[str]:
    """Put the loaded items in the site, each session in its programme; return the ids of the
    partners that exist but did not load."""
    broken_partners: set[str] = set()
    programme: ProgrammeItem | None = None
    for files, (item, errors) in zip(found, loaded):
        report.extend(errors)
        site.status.append(status_row(site.root, files, item))
        if files.kind == "programme":
            programme = item
            if item is not None:
                site.programmes[files.id] = item
        elif files.kind == "session":
            if item is not None and programme is not None and programme.id == files.folder:
                programme.sessions.append(item)
        elif files.kind == "partner":
            if item is not None:
                site.partners[files.id] = item
            elif SOURCE_LANGUAGE in files.paths:
                broken_partners.add(files.id)
        elif item is not None:
            site.pages[files.id] = item
    return broken_partners


def load_or_raise(root: Path | str) -> Site:
    site, report = load_site(root)
    if report:
        raise ContentErrors(report)
    return site
