"""Which files make which items: the naming rules, and each item's address claimed in order.

Nothing here reads a file's content: from the names in the tree alone, :func:`find_items` lists
every programme, session, partner and hand-written page with its files in each language, and
reports the names that break a rule (a language suffix, an id, a folder the site uses itself).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import urls
from .addresses import Addresses
from .errors import ErrorReport
from .models import ID_PATTERN, LANGUAGES
from .tree import DOCS_DIR, PARTNERS_DIR, PEOPLE_FILE, SESSIONS_DIR, TAGS_FILE, walk
from ..messages import message

PROGRAMME_STEM = "programme"
SESSION_STEM = re.compile(r"^session-([1-9][0-9]{0,2})$")
_NAME = re.compile(r"^(?P<stem>.+?)\.(?P<lang>[^./]+)\.md$")

# Files of docs/ other than pages, which MkDocs publishes as they are: images and PDF documents
# anywhere; the site's own style sheets and scripts in docs/assets/ only (maintained with the
# code, see SECURITY.md). Never HTML or SVG, which run scripts when opened.
PUBLISHED_EXTENSIONS = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".pdf"})
ASSET_EXTENSIONS = frozenset({".css", ".js"})
ASSETS_DIR = f"{DOCS_DIR}/assets/"


@dataclass(frozen=True)
class ItemFiles:
    """One item's files, {language: path}: what loading it reads, independent of every other item."""

    kind: str  # programme, session, partner or page
    id: str
    paths: dict[str, str]
    folder: str = ""  # a session's programme

    @property
    def status_id(self) -> str:
        return f"{self.folder}/{self.id}" if self.folder else self.id


def find_items(root: Path, tag_ids: Iterable[str], report: ErrorReport) -> list[ItemFiles]:
    """Every item of the tree, in order: each programme followed by its sessions, the partners,
    the hand-written pages. Each claims its address (after the tags' pages, generated)."""
    addresses = Addresses(report)
    for tag_id in tag_ids:
        addresses.generated(urls.tag_uri(tag_id), message("the page of the tag '{tag}' ({file})", tag=tag_id,
                                                          file=TAGS_FILE))
    return [
        *_programmes(root, addresses, report),
        *_partners(root, addresses, report),
        *_pages(root, addresses, report),
    ]


def _programmes(root: Path, addresses: Addresses, report: ErrorReport) -> list[ItemFiles]:
    registries = {PEOPLE_FILE, TAGS_FILE}
    by_folder: dict[str, list[str]] = {}
    for rel in walk(root, SESSIONS_DIR, report, images=True):
        if rel in registries:
            continue
        parts = rel.split("/")
        if len(parts) != 3:
            report.add(rel, 0, "", message("content must be in a programme folder: "
                                           "sessions/<programme>/<file>.<lang>.md"))
            continue
        if not rel.endswith(".md"):
            continue  # images and other attachments
        by_folder.setdefault(parts[1], []).append(rel)
    found = []
    for folder, rels in sorted(by_folder.items()):
        if _valid_programme_folder(folder, report):
            found += _programme(folder, _group(rels, report), addresses, report)
    return found


def _valid_programme_folder(folder: str, report: ErrorReport) -> bool:
    if not re.match(ID_PATTERN, folder):
        report.add(f"{SESSIONS_DIR}/{folder}", 0, "",
                   message("programme folder '{folder}' is not a valid id: use lowercase letters a-z, digits and "
                           "hyphens", folder=folder))
        return False
    if folder in urls.RESERVED_FOLDERS:
        report.add(f"{SESSIONS_DIR}/{folder}", 0, "",
                   message("programme folder '{folder}' is a name the site uses (for {what} under /{folder}/): "
                           "choose another name", folder=folder, what=urls.RESERVED_FOLDERS[folder]))
        return False
    return True


def _programme(folder: str, groups: dict[str, dict[str, str]], addresses: Addresses,
               report: ErrorReport) -> list[ItemFiles]:
    """A programme folder's items: the programme, then its sessions in the order of their numbers."""
    programme_paths = groups.pop(PROGRAMME_STEM, None)
    if programme_paths is None:
        report.add(f"{SESSIONS_DIR}/{folder}", 0, "", message("has no {file}", file=f"{PROGRAMME_STEM}.fr.md"))
        return []
    addresses.claim(urls.programme_uri(folder), programme_paths)
    found = [ItemFiles("programme", folder, programme_paths)]
    for stem, paths in sorted(groups.items(), key=lambda kv: _session_order(kv[0])):
        if not SESSION_STEM.match(stem):
            report.add(next(iter(paths.values())), 0, "", message(
                "file name '{name}' should be session-<number> (or programme)", name=stem))
            continue
        addresses.claim(urls.session_uri(folder, _session_order(stem)[0]), paths)
        found.append(ItemFiles("session", stem, paths, folder=folder))
    return found


def _partners(root: Path, addresses: Addresses, report: ErrorReport) -> list[ItemFiles]:
    partner_files = [f for f in walk(root, PARTNERS_DIR, report, images=True) if f.endswith(".md")]
    for rel in partner_files:
        if rel.count("/") != 1:
            report.add(rel, 0, "", message("partner files must be directly in partners/"))
    found = []
    for stem, paths in sorted(_group([f for f in partner_files if f.count("/") == 1], report).items()):
        addresses.claim(urls.partner_uri(stem), paths)
        found.append(ItemFiles("partner", stem, paths))
    return found


def _pages(root: Path, addresses: Addresses, report: ErrorReport) -> list[ItemFiles]:
    docs_tree = walk(root, DOCS_DIR, report)
    _check_published_files([f for f in docs_tree if not f.endswith(".md")], report)
    doc_groups: dict[str, dict[str, str]] = {}
    for rel in (f for f in docs_tree if f.endswith(".md")):
        parsed = _parse_name(rel, report)
        if parsed:
            key = rel[len(DOCS_DIR) + 1 :].rsplit(".", 2)[0]
            if _valid_page_key(rel, key, report):
                doc_groups.setdefault(key, {})[parsed[1]] = rel
    found = []
    for key, paths in sorted(doc_groups.items()):
        addresses.claim(urls.page_uri(key), paths)
        found.append(ItemFiles("page", key, paths))
    return found


def _parse_name(rel: str, report: ErrorReport) -> tuple[str, str] | None:
    """'partners/the-week.en.md' -> ('the-week', 'en'), or an error about the name."""
    name = rel.rsplit("/", 1)[-1]
    match = _NAME.match(name)
    if not match:
        report.add(rel, 0, "", message("file name must end in .fr.md (French source) or .en.md (English translation)"))
        return None
    stem, lang = match["stem"], match["lang"]
    if lang not in LANGUAGES:
        report.add(rel, 0, "", message("language suffix '{suffix}' is not fr or en", suffix=lang))
        return None
    if not re.match(ID_PATTERN, stem):
        report.add(rel, 0, "", message("file name '{name}' is not a valid id: use lowercase letters a-z, digits and "
                                       "hyphens", name=stem))
        return None
    return stem, lang


def _group(rels: list[str], report: ErrorReport) -> dict[str, dict[str, str]]:
    """Group files by stem: {stem: {lang: path}}."""
    groups: dict[str, dict[str, str]] = {}
    for rel in rels:
        parsed = _parse_name(rel, report)
        if parsed:
            stem, lang = parsed
            groups.setdefault(stem, {})[lang] = rel
    return groups


def _check_published_files(rels: list[str], report: ErrorReport) -> None:
    for rel in rels:
        extension = os.path.splitext(rel)[1].lower()
        if extension in PUBLISHED_EXTENSIONS or (extension in ASSET_EXTENSIONS and rel.startswith(ASSETS_DIR)):
            continue
        report.add(rel, 0, "", message("would be published as it is: docs/ may hold Markdown pages, images (.png, "
                                       ".jpg, .gif, .webp, .avif, .ico), PDF files, and the site's style sheets and "
                                       "scripts in docs/assets/"))


def _valid_page_key(rel: str, key: str, report: ErrorReport) -> bool:
    """A hand-written page's folders are ids too, and none is a folder the site publishes itself."""
    parts = key.split("/")
    for folder in parts[:-1]:
        if not re.match(ID_PATTERN, folder):
            report.add(rel, 0, "", message("folder '{folder}' is not a valid id: use lowercase letters a-z, digits "
                                           "and hyphens", folder=folder))
            return False
    if parts[0] in urls.LANGUAGE_FOLDERS:
        report.add(rel, 0, "", message("would be published under /{folder}/, where the site publishes {what}: rename "
                                       "or move it", folder=parts[0], what=urls.LANGUAGE_FOLDERS[parts[0]]))
        return False
    for folder, what in urls.GENERATED_FOLDERS.items():
        own_address = key == folder + "/index" and folder in urls.FOLDERS_WITH_INDEX_PAGE  # the address check's
        if key.startswith(folder + "/") and not own_address:
            report.add(rel, 0, "", message("would be published under /{folder}/, where the site publishes {what}: "
                                           "rename or move it", folder=folder, what=what))
            return False
    return True


def _session_order(stem: str) -> tuple[int, str]:
    match = SESSION_STEM.match(stem)
    return (int(match[1]) if match else 10**6, stem)
