"""Build the site model from the content tree: pair translations, check every cross-reference.

Layout read here::

    sessions/people.yml                     people registry
    sessions/tags.yml                       tag registry
    sessions/<programme>/programme.<lang>.md
    sessions/<programme>/session-<n>.<lang>.md
    partners/<id>.<lang>.md
    docs/<name>.<lang>.md                   hand-written pages (front matter optional)
"""

from __future__ import annotations

import difflib
import fnmatch
import os
import re
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from . import urls
from .errors import ContentError, ContentErrors, ErrorReport
from .markup import check_body
from .models import (
    ID_PATTERN,
    LANGUAGES,
    NEUTRAL_FIELDS,
    SOURCE_LANGUAGE,
    Content,
    Page,
    Partner,
    PeopleRegistry,
    Person,
    Programme,
    Session,
    Tag,
    TagRegistry,
)
from .reader import RawDocument, forget_real_paths, read_markdown, read_yaml_file, within
from .translation import TranslationState, merge_translation, state_of
from .validation import validate

M = TypeVar("M", bound=Content)
MODELS: dict[str, type[Content]] = {"programme": Programme, "session": Session, "partner": Partner, "page": Page}

SESSIONS_DIR = "sessions"
PARTNERS_DIR = "partners"
DOCS_DIR = "docs"
PEOPLE_FILE = "sessions/people.yml"
TAGS_FILE = "sessions/tags.yml"
PROGRAMME_STEM = "programme"
SESSION_STEM = re.compile(r"^session-([1-9][0-9]{0,2})$")
_NAME = re.compile(r"^(?P<stem>.+?)\.(?P<lang>[^./]+)\.md$")
MAX_FOLDER_DEPTH = 8  # below sessions/, partners/ or docs/
# Names never read nor published, in sessions/, partners/ and docs/ alike (recaps.mkdocs_plugin
# keeps them out of MkDocs' files too): hidden files (among them Emacs' locks .#x, Vim's swap
# files .x.swp, macOS' .DS_Store), and what editors and file managers leave beside the files:
# backups (x~, x.bak), Emacs' autosaves (#x#), swap files named without a dot, Windows' folder
# caches. Compared in lower case (X.BAK, Thumbs.db).
IGNORED_NAMES = (".*", "*~", "#*#", "*.swp", "*.swo", "*.bak", "thumbs.db", "desktop.ini")
_IGNORED = re.compile("|".join(fnmatch.translate(pattern) for pattern in IGNORED_NAMES))


def is_ignored(name: str) -> bool:
    """A file or folder name of IGNORED_NAMES."""
    return _IGNORED.match(name.lower()) is not None


@dataclass
class Item(Generic[M]):
    """One piece of content in both languages."""

    kind: str
    id: str
    model: type[M]
    paths: dict[str, str] = field(default_factory=dict)
    documents: dict[str, RawDocument] = field(default_factory=dict)
    content: dict[str, M] = field(default_factory=dict)
    state: TranslationState = TranslationState.MISSING

    @property
    def source(self) -> M:
        return self.content[SOURCE_LANGUAGE]

    def get(self, lang: str) -> M:
        """The content in ``lang``, or the French source where no translation exists."""
        return self.content.get(lang) or self.content[SOURCE_LANGUAGE]

    def body(self, lang: str) -> str:
        document = self.documents.get(lang) if lang in self.content else None
        return (document or self.documents[SOURCE_LANGUAGE]).body

    def is_translated(self, lang: str) -> bool:
        return lang == SOURCE_LANGUAGE or lang in self.content


@dataclass
class ProgrammeItem(Item[Programme]):
    sessions: list[Item[Session]] = field(default_factory=list)


@dataclass
class Site:
    root: Path
    programmes: dict[str, ProgrammeItem] = field(default_factory=dict)
    partners: dict[str, Item[Partner]] = field(default_factory=dict)
    pages: dict[str, Item[Page]] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    tags: dict[str, Tag] = field(default_factory=dict)
    status: list["StatusRow"] = field(default_factory=list)

    @property
    def sessions(self) -> list[Item[Session]]:
        return [s for p in self.programmes.values() for s in p.sessions]


@dataclass(frozen=True)
class StatusRow:
    kind: str
    id: str
    source: str | None
    translation: str | None
    state: TranslationState


# ---------------------------------------------------------------------------------------------
# Discovery


def _inside(real_root: str, path: str) -> bool:
    return within(real_root, os.path.realpath(path))


def _walk(root: Path, top: str, report: ErrorReport) -> list[str]:
    """Every file under ``top``, relative to ``root``, sorted; the names of IGNORED_NAMES skipped.

    Symbolic links are not followed out of the repository, nor into folders; folders named like
    Markdown files and folders nested too deep are reported rather than read. Files that are
    not regular files (pipes, devices) are listed: reading them reports what they are.
    """
    base = os.path.join(root, top)
    real_root = os.path.realpath(root)
    if os.path.islink(base) and not _inside(real_root, base):
        report.add(top, 0, "", "is a symbolic link pointing outside the repository")
        return []
    if not os.path.isdir(base):
        if os.path.lexists(base):
            report.add(top, 0, "", "should be a folder")
        return []
    found = []
    pending = [(top, 0)]
    while pending:
        folder, depth = pending.pop()
        try:
            with os.scandir(os.path.join(root, folder)) as entries:
                children = sorted(entries, key=lambda entry: entry.name)
        except OSError as exc:
            report.add(folder, 0, "", f"cannot be read: {exc.strerror or exc}")
            continue
        for entry in children:
            if is_ignored(entry.name):
                continue
            rel = f"{folder}/{entry.name}"
            full = os.path.join(root, rel)
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError as exc:
                report.add(rel, 0, "", f"cannot be read: {exc.strerror or exc}")
                continue
            if is_link:
                if not _inside(real_root, full):
                    report.add(rel, 0, "", "is a symbolic link pointing outside the repository")
                elif os.path.isdir(full):
                    report.add(rel, 0, "", "is a symbolic link to a folder, which is not followed: move the files here")
                else:
                    found.append(rel)
                continue
            if is_dir:
                if entry.name.endswith(".md"):
                    report.add(rel, 0, "", "is a folder, not a Markdown file: rename or remove it")
                elif depth + 1 > MAX_FOLDER_DEPTH:
                    report.add(rel, 0, "", f"is nested more than {MAX_FOLDER_DEPTH} folders deep: not read")
                else:
                    pending.append((rel, depth + 1))
                continue
            found.append(rel)
    return sorted(found)


def _parse_name(rel: str, report: ErrorReport) -> tuple[str, str] | None:
    """'partners/the-week.en.md' -> ('the-week', 'en'), or an error about the name."""
    name = rel.rsplit("/", 1)[-1]
    match = _NAME.match(name)
    if not match:
        report.add(rel, 0, "", "file name must end in .fr.md (French source) or .en.md (English translation)")
        return None
    stem, lang = match["stem"], match["lang"]
    if lang not in LANGUAGES:
        report.add(rel, 0, "", f"language suffix '{lang}' is not fr or en")
        return None
    if not re.match(ID_PATTERN, stem):
        report.add(
            rel, 0, "", f"file name '{stem}' is not a valid id: use lowercase letters a-z, digits and hyphens"
        )
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


# ---------------------------------------------------------------------------------------------
# Loading one item


def read_item_file(root: Path, model: type[Content], rel: str) -> tuple[RawDocument | None, list[ContentError]]:
    """Hand-written pages may go without front matter; content files may not."""
    return read_markdown(root, rel, front_matter_required=model is not Page)


@dataclass(frozen=True)
class _Job:
    """One item to load: its files only, independent of every other item."""

    kind: str
    id: str
    model: type[Content]
    paths: dict[str, str]
    item_class: type[Item] = Item
    folder: str = ""  # a session's programme

    @property
    def status_id(self) -> str:
        return f"{self.folder}/{self.id}" if self.folder else self.id


_JobResult = tuple["Item | None", list[ContentError]]


RECENT_SECONDS = 2.0


class LoadCache:
    """Items loaded before, reused while none of their files changed (``recaps serve`` keeps one).

    An item depends on its own files only: the references between items are checked on every
    load. A file counts as unchanged while its size, modification and change times, inode and
    device are the same, and it was not modified in the seconds before it was read; a symbolic
    link is always read again.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple, tuple[tuple, _JobResult]] = {}

    @staticmethod
    def _key(job: _Job, bodies: bool) -> tuple:
        return (job.kind, job.id, job.folder, tuple(sorted(job.paths.items())), bodies)

    @staticmethod
    def _signature(root: Path, job: _Job, now: float) -> tuple | None:
        signature = []
        for rel in sorted(job.paths.values()):
            try:
                info = os.lstat(os.path.join(root, rel))
            except OSError:
                return None
            # A file changed in the last seconds is read again next time: on a file system with
            # coarse times, a second edit of the same size within that tick would look unchanged.
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < RECENT_SECONDS:
                return None
            signature.append((rel, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev))
        return tuple(signature)

    def run(self, root: Path, jobs: list[_Job], bodies: bool) -> list[_JobResult]:
        now = time.time()
        signatures = [self._signature(root, job, now) for job in jobs]
        results: list[_JobResult | None] = []
        for job, signature in zip(jobs, signatures):
            entry = self._entries.get(self._key(job, bodies))
            results.append(entry[1] if signature is not None and entry and entry[0] == signature else None)
        missing = [i for i, result in enumerate(results) if result is None]
        for i, result in zip(missing, _run_jobs(root, [jobs[i] for i in missing], bodies)):
            results[i] = result
        self._entries = {
            self._key(job, bodies): (signature, result)
            for job, signature, result in zip(jobs, signatures, results) if signature is not None
        }
        for item, _ in results:
            if isinstance(item, ProgrammeItem):
                item.sessions = []  # filled again by load_site, from this load's sessions
        return results


def _run_jobs(root: Path, jobs: list[_Job], bodies: bool) -> list[_JobResult]:
    return [_run_job(root, job, bodies) for job in jobs]


def _run_job(root: Path, job: _Job, bodies: bool) -> _JobResult:
    report = ErrorReport()
    item = _load_item(root, job.kind, job.id, job.model, job.paths, report, job.item_class)
    if item is not None and not bodies:
        for document in item.documents.values():
            document.body = ""  # checked already; only pages need it, and it is most of the data
            document.meta = {}  # validated into item.content; line numbers stay in document.lines
    return item, report.errors


def _load_item(
    root: Path, kind: str, item_id: str, model: type[M], paths: dict[str, str], report: ErrorReport,
    item_class: type[Item] = Item,
) -> Item[M] | None:
    item = item_class(kind=kind, id=item_id, model=model, paths=dict(paths))
    for lang, rel in paths.items():
        document, errors = read_item_file(root, model, rel)
        report.extend(errors)
        if document is not None:
            item.documents[lang] = document
            report.extend(check_body(document.path, document.body, document.body_line))

    source = item.documents.get(SOURCE_LANGUAGE)
    translation = item.documents.get("en")
    if SOURCE_LANGUAGE not in paths:
        report.add(paths["en"], 0, "", f"translation without its French source ({_sibling(paths['en'])} is missing)")
        item.state = TranslationState.ORPHAN
        return None
    if source is None:
        return None

    if "translation_of" in source.meta:
        report.add(source.path, source.line_of(("translation_of",)), "translation_of",
                   "belongs in the English translation only, not in the French source")
    content, errors = validate(model, source, {k: v for k, v in source.meta.items() if k != "translation_of"})
    report.extend(errors)
    # The translation is checked even when its source is not valid: all errors in one run.
    translated = _translation(model, source, translation, report) if translation is not None else None
    if content is None:
        return None
    if model is not Page and content.id != item_id:
        report.add(source.path, source.line_of(("id",)), "id",
                   f"'{content.id}' does not match the file name '{item_id}'")
    item.content[SOURCE_LANGUAGE] = content
    item.state = state_of(model, source, translation) if "en" in paths else TranslationState.MISSING
    if translated is not None:
        item.content["en"] = translated
    return item


def _translation(model: type[M], source: RawDocument, translation: RawDocument, report: ErrorReport) -> M | None:
    """The English content, completed with the source's language-neutral facts, or None."""
    merged, errors = merge_translation(model, source, translation)
    report.extend(errors)
    written = {loc for loc in translation.lines if loc}
    translated, errors = validate(model, translation, merged, written=written)
    errors = [e for e in errors if not _is_neutral(model, e.field)]
    report.extend(errors)
    return translated if not errors else None


def _is_neutral(model: type[Content], field_name: str) -> bool:
    """Whether a field is a language-neutral fact: the merged translation holds the source's value,
    so a problem with it is the source's, reported there."""
    pattern = re.sub(r"\[\d+\]", ".*", field_name)
    return any(pattern == path or pattern.startswith(path + ".") for path in NEUTRAL_FIELDS[model])


def _sibling(rel: str) -> str:
    return re.sub(r"\.en\.md$", ".fr.md", rel)


def _registry(root: Path, rel: str, model: type[M], report: ErrorReport, required: bool) -> M | None:
    if not (root / rel).exists():
        if required:
            report.add(rel, 0, "", "is missing")
        return None
    document, errors = read_yaml_file(root, rel)
    report.extend(errors)
    if document is None:
        return None
    registry, errors = validate(model, document)
    report.extend(errors)
    if registry is None:
        return None
    entries = getattr(registry, next(iter(model.model_fields)))
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if entry.id in seen:
            report.add(rel, document.line_of((next(iter(model.model_fields)), index)), "id",
                       f"'{entry.id}' is used twice (also item {seen[entry.id] + 1})")
        seen.setdefault(entry.id, index)
    if model is TagRegistry:
        _check_tag_labels(rel, document, entries, report)
    return registry


def _check_tag_labels(rel: str, document: RawDocument, tags: list, report: ErrorReport) -> None:
    """Two tags with one label in a language would share one listing, and readers could not
    tell them apart."""
    for lang in LANGUAGES:
        seen: dict[str, str] = {}
        for index, tag in enumerate(tags):
            label = tag.label.get(lang)
            if label in seen and seen[label] != tag.id:
                report.add(rel, document.line_of(("tags", index, "label", lang)), f"tags[{index + 1}].label.{lang}",
                           f"'{label}' is also the label of the tag '{seen[label]}': give each tag its own")
            seen.setdefault(label, tag.id)


# ---------------------------------------------------------------------------------------------
# The whole site


def load_site(root: Path | str, bodies: bool = True, cache: LoadCache | None = None) -> tuple[Site, ErrorReport]:
    """Load and check everything; return the site model and every error found.

    ``bodies=False`` checks the Markdown bodies but does not keep them (for `check` and `status`).
    ``cache``: reuse the items of an earlier load whose files have not changed since.
    """
    root = Path(root)
    forget_real_paths()
    report = ErrorReport()
    site = Site(root=root)

    people = _registry(root, PEOPLE_FILE, PeopleRegistry, report, required=True)
    tags = _registry(root, TAGS_FILE, TagRegistry, report, required=False)
    site.people = {p.id: p for p in people.people} if people else {}
    site.tags = {t.id: t for t in tags.tags} if tags else {}

    registries = {PEOPLE_FILE, TAGS_FILE}
    session_files = [f for f in _walk(root, SESSIONS_DIR, report) if f not in registries]
    by_folder: dict[str, list[str]] = {}
    for rel in session_files:
        parts = rel.split("/")
        if len(parts) != 3:
            report.add(rel, 0, "", "content must be in a programme folder: sessions/<programme>/<file>.<lang>.md")
            continue
        if not rel.endswith(".md"):
            continue  # images and other attachments
        by_folder.setdefault(parts[1], []).append(rel)

    # First the names and places of everything (cheap, in order), then every item's files
    # (each item on its own), then what links them.
    addresses = _Addresses(report)
    for tag_id in site.tags:
        addresses.generated(urls.tag_uri(tag_id), f"the page of the tag '{tag_id}' (sessions/tags.yml)")
    jobs: list[_Job] = []
    for folder, rels in sorted(by_folder.items()):
        if not re.match(ID_PATTERN, folder):
            report.add(f"{SESSIONS_DIR}/{folder}", 0, "",
                       f"programme folder '{folder}' is not a valid id: use lowercase letters a-z, digits and hyphens")
            continue
        if folder in urls.RESERVED_FOLDERS:
            report.add(f"{SESSIONS_DIR}/{folder}", 0, "",
                       f"programme folder '{folder}' is a name the site uses (for {urls.RESERVED_FOLDERS[folder]} "
                       f"under /{folder}/): choose another name")
            continue
        groups = _group(rels, report)
        programme_paths = groups.pop(PROGRAMME_STEM, None)
        if programme_paths is None:
            report.add(f"{SESSIONS_DIR}/{folder}", 0, "", f"has no {PROGRAMME_STEM}.fr.md")
            continue
        addresses.claim(urls.programme_uri(folder), programme_paths)
        jobs.append(_Job("programme", folder, Programme, programme_paths, ProgrammeItem))
        for stem, paths in sorted(groups.items(), key=lambda kv: _session_order(kv[0])):
            any_path = next(iter(paths.values()))
            if not SESSION_STEM.match(stem):
                report.add(any_path, 0, "", f"file name '{stem}' should be session-<number> (or programme)")
                continue
            addresses.claim(urls.session_uri(folder, _session_order(stem)[0]), paths)
            jobs.append(_Job("session", stem, Session, paths, folder=folder))

    partner_files = [f for f in _walk(root, PARTNERS_DIR, report) if f.endswith(".md")]
    for rel in partner_files:
        if rel.count("/") != 1:
            report.add(rel, 0, "", "partner files must be directly in partners/")
    for stem, paths in sorted(_group([f for f in partner_files if f.count("/") == 1], report).items()):
        addresses.claim(urls.partner_uri(stem), paths)
        jobs.append(_Job("partner", stem, Partner, paths))

    docs_tree = _walk(root, DOCS_DIR, report)
    _check_published_files([f for f in docs_tree if not f.endswith(".md")], report)
    doc_groups: dict[str, dict[str, str]] = {}
    for rel in (f for f in docs_tree if f.endswith(".md")):
        parsed = _parse_name(rel, report)
        if parsed:
            key = rel[len(DOCS_DIR) + 1 :].rsplit(".", 2)[0]
            if _valid_page_key(rel, key, report):
                doc_groups.setdefault(key, {})[parsed[1]] = rel
    for key, paths in sorted(doc_groups.items()):
        addresses.claim(urls.page_uri(key), paths)
        jobs.append(_Job("page", key, Page, paths))

    # Items and registries that exist but did not load: their errors are reported already, so
    # references to them are not reported again as unknown (None: skip every such reference).
    broken: dict[str, set[str] | None] = {
        "person": None if people is None else set(),
        "tag": None if tags is None and (root / TAGS_FILE).exists() else set(),
        "partner": set(),
    }
    programme: ProgrammeItem | None = None
    results = cache.run(root, jobs, bodies) if cache is not None else _run_jobs(root, jobs, bodies)
    for job, (item, errors) in zip(jobs, results):
        report.extend(errors)
        _record_status(site, job.kind, job.status_id, job.paths, item)
        if job.kind == "programme":
            programme = item
            if item is not None:
                site.programmes[job.id] = item
        elif job.kind == "session":
            if item is not None and programme is not None and programme.id == job.folder:
                programme.sessions.append(item)
        elif job.kind == "partner":
            if item is not None:
                site.partners[job.id] = item
            elif SOURCE_LANGUAGE in job.paths:
                broken["partner"].add(job.id)
        elif item is not None:
            site.pages[job.id] = item

    _check_references(site, report, broken)
    return site, report


# Files of docs/ other than pages, which MkDocs publishes as they are: images and PDF documents
# anywhere; the site's own style sheets and scripts in docs/assets/ only (maintained with the
# code, see SECURITY.md). Never HTML or SVG, which run scripts when opened.
PUBLISHED_EXTENSIONS = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".pdf"})
ASSET_EXTENSIONS = frozenset({".css", ".js"})
ASSETS_DIR = f"{DOCS_DIR}/assets/"


def _check_published_files(rels: list[str], report: ErrorReport) -> None:
    for rel in rels:
        extension = os.path.splitext(rel)[1].lower()
        if extension in PUBLISHED_EXTENSIONS or (extension in ASSET_EXTENSIONS and rel.startswith(ASSETS_DIR)):
            continue
        report.add(rel, 0, "", "would be published as it is: docs/ may hold Markdown pages, images "
                               "(.png, .jpg, .gif, .webp, .avif, .ico), PDF files, and the site's style sheets and scripts in docs/assets/")


class _Addresses:
    """Where each item will be published: two sources at the same URL would overwrite each other."""

    def __init__(self, report: ErrorReport) -> None:
        self.report = report
        self.owners: dict[str, tuple[str, bool]] = {
            urls.url_of(uri): (what, True) for uri, what in urls.GENERATED.items()
        }

    def generated(self, src_uri: str, what: str) -> None:
        self.owners.setdefault(urls.url_of(src_uri), (what, True))

    def claim(self, src_uri: str, paths: dict[str, str]) -> None:
        if SOURCE_LANGUAGE not in paths:
            return  # a translation without its source is not published
        path = paths[SOURCE_LANGUAGE]
        url = urls.url_of(src_uri)
        owner = self.owners.get(url)
        if owner is None:
            self.owners[url] = (path, False)
            return
        what, generated = owner
        if generated:
            message = f"would be published at /{url}, the address of {what}: rename or move it"
        else:
            message = f"would be published at /{url}, like {what}: rename or move one of them"
        self.report.add(path, 0, "", message)


def _valid_page_key(rel: str, key: str, report: ErrorReport) -> bool:
    """A hand-written page's folders are ids too, and none is a folder the site publishes itself."""
    parts = key.split("/")
    for folder in parts[:-1]:
        if not re.match(ID_PATTERN, folder):
            report.add(rel, 0, "", f"folder '{folder}' is not a valid id: use lowercase letters a-z, digits and hyphens")
            return False
    if parts[0] in urls.LANGUAGE_FOLDERS:
        report.add(rel, 0, "", f"would be published under /{parts[0]}/, where the site publishes "
                               f"{urls.LANGUAGE_FOLDERS[parts[0]]}: rename or move it")
        return False
    for folder, what in urls.GENERATED_FOLDERS.items():
        own_address = key == folder + "/index" and folder in urls.FOLDERS_WITH_INDEX_PAGE  # the address check's
        if key.startswith(folder + "/") and not own_address:
            report.add(rel, 0, "", f"would be published under /{folder}/, where the site publishes {what}: "
                                   "rename or move it")
            return False
    return True


def _session_order(stem: str) -> tuple[int, str]:
    match = SESSION_STEM.match(stem)
    return (int(match[1]) if match else 10**6, stem)


def _record_status(site: Site, kind: str, item_id: str, paths: dict[str, str], item: Item | None) -> None:
    if SOURCE_LANGUAGE not in paths:
        state = TranslationState.ORPHAN
    elif "en" not in paths:
        state = TranslationState.MISSING
    elif item is not None:
        state = item.state
    else:
        state = _state_from_files(site.root, kind, paths)
    site.status.append(StatusRow(kind, item_id, paths.get(SOURCE_LANGUAGE), paths.get("en"), state))


def _state_from_files(root: Path, kind: str, paths: dict[str, str]) -> TranslationState:
    """State of an item that failed validation, from whatever of its files still reads."""
    model = MODELS[kind]
    source, _ = read_item_file(root, model, paths[SOURCE_LANGUAGE])
    translation, _ = read_item_file(root, model, paths["en"])
    if source is None or translation is None:
        return TranslationState.STALE
    return state_of(model, source, translation)


def _reference(report: ErrorReport, doc: RawDocument, location: tuple, field_label: str,
               value: str, known: dict, what: str, where: str, broken: set[str] | None = frozenset()) -> None:
    if value in known or broken is None or value in broken:
        return
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    report.add(doc.path, doc.line_of(location), field_label, f"no {what} '{value}' in {where}{hint}")


def _check_references(site: Site, report: ErrorReport, broken: dict[str, set[str] | None] | None = None) -> None:
    people_where, partners_where, tags_where = PEOPLE_FILE, f"{PARTNERS_DIR}/", TAGS_FILE
    broken = broken or {}
    failed_people, failed_partners, failed_tags = (broken.get(k, set()) for k in ("person", "partner", "tag"))

    for programme in site.programmes.values():
        doc = programme.documents[SOURCE_LANGUAGE]
        _reference(report, doc, ("sponsor",), "sponsor", programme.source.sponsor, site.people, "person", people_where, failed_people)
        numbers: dict[int, Item[Session]] = {}
        for session in programme.sessions:
            s, sdoc = session.source, session.documents[SOURCE_LANGUAGE]
            if s.programme != programme.id:
                report.add(sdoc.path, sdoc.line_of(("programme",)), "programme",
                           f"'{s.programme}' does not match the folder it is in ('{programme.id}')")
            if f"session-{s.number}" != session.id:
                report.add(sdoc.path, sdoc.line_of(("number",)), "number",
                           f"{s.number} does not match the file name '{session.id}'")
            if s.number in numbers:
                report.add(sdoc.path, sdoc.line_of(("number",)), "number",
                           f"session {s.number} is already recapped in {numbers[s.number].paths[SOURCE_LANGUAGE]}")
            numbers.setdefault(s.number, session)
            planned = programme.source.sessions_planned
            if s.number > planned:
                report.add(sdoc.path, sdoc.line_of(("number",)), "number",
                           f"{s.number} is above the programme's {planned} planned sessions")
            if s.published < s.dates.end:
                # A recap tells the whole session: published on its last day at the earliest.
                report.add(sdoc.path, sdoc.line_of(("published",)), "published",
                           f"{s.published} is before the session ended ({s.dates.end}): a recap is "
                           "published on the session's last day or later; check both dates")
            _reference(report, sdoc, ("host",), "host", s.host, site.partners, "partner", partners_where, failed_partners)
            listed: dict[str, int] = {}
            for i, partner in enumerate(s.partners):
                if partner in listed:
                    report.add(sdoc.path, sdoc.line_of(("partners", i)), f"partners[{i + 1}]",
                               f"'{partner}' is listed twice (also partners[{listed[partner] + 1}]): list each partner once")
                    continue
                listed[partner] = i
                _reference(report, sdoc, ("partners", i), f"partners[{i + 1}]", partner, site.partners, "partner", partners_where, failed_partners)
            for i, tag in enumerate(s.tags):
                _reference(report, sdoc, ("tags", i), f"tags[{i + 1}]", tag, site.tags, "tag", tags_where, failed_tags)
            for i, quote in enumerate(s.quotes):
                _reference(report, sdoc, ("quotes", i, "speaker"), f"quotes[{i + 1}].speaker", quote.speaker,
                           site.people, "person", people_where, failed_people)
            if s.next_session is not None:
                location = ("next_session", "number")
                if s.next_session.number == s.number:
                    report.add(sdoc.path, sdoc.line_of(location), "next_session.number",
                               "a session cannot announce itself as the next session")
                elif s.next_session.number < s.number:
                    report.add(sdoc.path, sdoc.line_of(location), "next_session.number",
                               f"session {s.next_session.number} comes before this one ({s.number}): "
                               "the next session has a higher number")
                elif s.next_session.number > planned:
                    report.add(sdoc.path, sdoc.line_of(location), "next_session.number",
                               f"{s.next_session.number} is above the programme's {planned} planned sessions")
        programme.sessions.sort(key=lambda item: item.source.number)

    _check_partner_names(site, report)
    for partner in site.partners.values():
        doc = partner.documents[SOURCE_LANGUAGE]
        for i, person in enumerate(partner.source.people):
            _reference(report, doc, ("people", i), f"people[{i + 1}]", person, site.people, "person", people_where, failed_people)
        for i, quote in enumerate(partner.source.quotes):
            _reference(report, doc, ("quotes", i, "speaker"), f"quotes[{i + 1}].speaker", quote.speaker,
                       site.people, "person", people_where, failed_people)


def _check_partner_names(site: Site, report: ErrorReport) -> None:
    """Two partners with one name in a language would be listed alike, and readers could not tell
    them apart (as for the tags' labels). An untranslated partner shows its French name in English."""
    for lang in LANGUAGES:
        seen: dict[str, str] = {}
        for partner in site.partners.values():
            name = partner.get(lang).name
            if name in seen:
                doc = partner.documents[lang if partner.is_translated(lang) else SOURCE_LANGUAGE]
                report.add(doc.path, doc.line_of(("name",)), "name",
                           f"'{name}' is also the name of the partner '{seen[name]}': give each partner its own")
            seen.setdefault(name, partner.id)


def load_or_raise(root: Path | str) -> Site:
    site, report = load_site(root)
    if report:
        raise ContentErrors(report)
    return site
