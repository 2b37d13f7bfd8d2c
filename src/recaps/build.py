"""`recaps build` and `recaps serve`'s rebuilds: the content loaded once, both languages built
from it, and the result put in place.

French is built at the site root and English under en/, each by one MkDocs build
(recaps.language_build) given explicit options (recaps.build_options), side by side in processes
of their own (recaps.language_processes). Each build writes into a work folder next to the site
folder; only when both succeed is the result swapped in (recaps.assembly), so that a failed or
interrupted build leaves the previous site as it was.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .assembly import assembled, clean_stale_temp_dirs, discard, new_work_folder, swap_into_place
from .build_options import BuildOptions, FullBuildNeeded
from .content.errors import ErrorReport, printable
from .content.loader import LoadCache, Site
from .content.models import LANGUAGES, SOURCE_LANGUAGE
from .content.urls import site_address
from .language_build import CONFIG_FILE, LanguageResult, build_language
from .language_processes import run_builds
from .pages.incremental import MANIFEST
from .pages.site_check import check_site
from .sitedir import check_site_dir, write_error
from .messages import Message, message, message_of
from .stops import stops_held, too_late_to_stop

Progress = Callable[[str, LanguageResult], None]  # told of each language (its code) as its build finishes

NO_SITE_URL_NOTE = message(
    "No site URL (site_url in mkdocs.yml, or --site-url): the Atom feeds, canonical links, og:url and og:image, "
    "and absolute sitemap and hreflang URLs were left out."
)


@dataclass
class BuildResult:
    ok: bool
    messages: list[Message | str] = field(default_factory=list)  # the engine's own are plain text
    report: ErrorReport | None = None
    notes: list[Message] = field(default_factory=list)


def build_site(root: Path | str, site_dir: Path | str | None = None, site_url: str | None = None,
               parallel: bool = True, engine: str = "mkdocs", serving: bool = False,
               cache: LoadCache | None = None, force: bool = False, progress: Progress | None = None) -> BuildResult:
    """Check the content, build both languages, and swap the result into ``site_dir``;
    ``progress`` is told of each language as its build finishes.

    SiteDirError, before anything is read, if ``site_dir`` is not a place for a site
    (recaps.sitedir; ``force`` lets it replace a folder of other files), and for a system error
    while writing: ``site_dir`` is then left as it was.
    """
    root = Path(root).resolve()
    target = check_site_dir(root, Path(site_dir) if site_dir else root / "site", force)
    try:
        site_url = _checked_site_url(root, site_url)
    except ValueError as exc:
        return BuildResult(False, [message_of(exc)])
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        clean_stale_temp_dirs(target.parent)
        work = new_work_folder(target.parent)
    except OSError as exc:
        raise write_error(exc, target) from None
    try:
        site, report = check_site(root, cache=cache)
        if report:
            return BuildResult(False, report=report)
        folders = {lang: str(work / lang) for lang in LANGUAGES}
        results = _build_languages(root, site, folders, site_url, engine, serving, parallel=parallel,
                                   progress=progress)
        if not all(result.ok for result in results):
            return BuildResult(False, _failure_messages(results))
        new = assembled(work)
        with too_late_to_stop():
            swap_into_place(new, target)
            discard(work)  # with the previous site, swapped into it
        return BuildResult(True, notes=[] if results[0].site_url else [NO_SITE_URL_NOTE])
    except OSError as exc:
        raise write_error(exc, target, work) from None
    finally:
        with stops_held():  # a second Ctrl-C does not leave the work folder half removed
            discard(work)


def update_site(root: Path | str, site_dir: Path | str, cache: LoadCache | None = None) -> BuildResult | None:
    """``recaps serve`` after an edit: rebuild in place only the pages whose input changed.

    None when that cannot show the change (a page added or removed, a title, tags or the
    languages of a page changed, no earlier preview): the caller then builds everything.
    Only a preview is updated so: a failed update leaves it marked for a full build.
    """
    root = Path(root).resolve()
    target = Path(site_dir).resolve()
    folders = {lang: str(target if lang == SOURCE_LANGUAGE else target / lang) for lang in LANGUAGES}
    manifests = [Path(folder) / MANIFEST for folder in folders.values()]
    if not all(m.is_file() for m in manifests):
        return None
    try:
        site_url = _site_url_in_config(root)  # as the full build has it: the same links
    except ValueError as exc:
        return BuildResult(False, [message_of(exc)])
    site, report = check_site(root, cache=cache)
    if report:
        return BuildResult(False, report=report)
    try:
        results = _build_languages(root, site, folders, site_url, "mkdocs", serving=True, partial=True)
        if all(result.ok for result in results):
            return BuildResult(True)
        failed = BuildResult(False, _failure_messages(results))
    except FullBuildNeeded:
        failed = None
    for manifest in manifests:  # whatever was updated, the next rebuild is a full one
        manifest.unlink(missing_ok=True)
    return failed


def _build_languages(root: Path, site: Site, folders: dict[str, str], site_url: str | None, engine: str,
                     serving: bool, partial: bool = False, parallel: bool = True,
                     progress: Progress | None = None) -> list[LanguageResult]:
    """Each language of ``folders`` built into its folder from ``site``, in the order of LANGUAGES."""
    jobs = [
        functools.partial(build_language, str(root), BuildOptions(lang, site, serving or partial, partial),
                          folders[lang], site_url, engine)
        for lang in LANGUAGES
    ]
    done = (lambda index, result: progress(LANGUAGES[index], result)) if progress else None
    return run_builds(jobs, parallel, done)


def _failure_messages(results: list[LanguageResult]) -> list[str]:
    """What the failed builds said, each message marked with its language."""
    return [f"[{lang}] {m}" for lang, result in zip(LANGUAGES, results) if not result.ok for m in result.messages]


# The latest SOURCE_DATE_EPOCH a build can take: the gzip header of sitemap.xml.gz holds 32 bits.
LATEST_EPOCH = 4294967295


def source_date_epoch_problem() -> Message | None:
    """What is wrong with SOURCE_DATE_EPOCH, when it is set to what MkDocs and Material, which
    read it as the build's date, cannot take (the build then dates itself from the content)."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None or (value.isascii() and value.isdigit() and int(value) <= LATEST_EPOCH):
        return None
    return message("SOURCE_DATE_EPOCH is {value}: it must be a whole number of seconds since 1970-01-01 00:00 UTC "
                   "(what `date +%s` prints, at most {latest}), or be unset", value=printable(repr(value)),
                   latest=LATEST_EPOCH)


def _checked_site_url(root: Path, given: str | None) -> str | None:
    """The site's public address, from the caller or mkdocs.yml, as every page may carry it."""
    if not given:
        return _site_url_in_config(root)
    try:
        return site_address(given)
    except ValueError as exc:
        raise ValueError(message("--site-url: {problem}", problem=message_of(exc))) from None


def _site_url_in_config(root: Path) -> str | None:
    """mkdocs.yml's site_url, checked and percent-encoded (urls.site_address), or ValueError with
    the line to fix. Read as YAML nodes, which need no constructor for MkDocs' own tags; a value
    given through one (!ENV) is checked by the plugin, once MkDocs has resolved it."""
    try:
        document = yaml.compose((root / CONFIG_FILE).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None  # MkDocs says what is wrong with the file
    if not isinstance(document, yaml.MappingNode):
        return None
    for key, value in document.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "site_url":
            if not isinstance(value, yaml.ScalarNode) or value.tag != "tag:yaml.org,2002:str" or not value.value.strip():
                return None
            try:
                return site_address(value.value)
            except ValueError as exc:
                raise ValueError(message("{file}:{line}: site_url: {problem}", file=CONFIG_FILE,
                                         line=value.start_mark.line + 1, problem=message_of(exc))) from None
    return None
