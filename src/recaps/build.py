"""Both language builds in parallel processes, assembled into site/ atomically.

French is built at the site root and English under en/. Each build writes into a temporary
folder next to site/; only when both succeed is the result swapped in, so that a failed or
interrupted build leaves the previous site/ as it was.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import logging
import multiprocessing
import os
import re
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .assembly import assembled, clean_stale_temp_dirs, discard, new_work_folder, swap_into_place
from .content.errors import ErrorReport, printable
from .pages.incremental import MANIFEST
from .content.loader import LoadCache, Site, load_site
from .content.models import LANGUAGES, SOURCE_LANGUAGE
from .preload import PRELOADED
from .sitedir import check_site_dir, write_error
from .stops import STOPS, stops_held, too_late_to_stop
from .content.urls import site_address

CONFIG_FILE = "mkdocs.yml"

NO_SITE_URL_NOTE = (
    "No site URL (site_url in mkdocs.yml, or --site-url): the Atom feeds, canonical links, "
    "og:url and og:image, and absolute sitemap and hreflang URLs were left out."
)


@dataclass
class BuildResult:
    ok: bool
    messages: list[str] = field(default_factory=list)
    report: ErrorReport | None = None
    notes: list[str] = field(default_factory=list)


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings and errors so that they can be reported with their source file."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record.getMessage())


def _source_files(site: Site, lang: str) -> dict[str, str]:
    """Generated page path -> the content file an editor would fix."""
    from .pages.page_templates import TemplateError
    from .pages.render import render_site

    try:
        return {page.src_uri: page.source for page in render_site(site, lang) if page.source}
    except TemplateError:  # a template of overrides/recaps/: the build's message names it already
        return {}


def _name_sources(messages: list[str], sources: dict[str, str]) -> list[str]:
    def name(match: re.Match) -> str:
        uri = match.group(1)
        return f"'{sources[uri]}'" if uri in sources else match.group(0)

    return [re.sub(r"'([^']+\.md)'", name, message) for message in messages]


NEEDS_FULL_BUILD = "needs a full build"


class _NotDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave stale navigation: ours never does (a partial
    rebuild refuses when a title, tag or page changes, recaps.pages.incremental)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def build_language(root: str, lang: str, site_dir: str, site_url: str | None,
                   engine: str = "mkdocs", serving: bool = False, partial: bool = False) -> tuple[bool, list[str]]:
    """One MkDocs build (run in its own process). Returns success and the messages to show.

    ``serving``: a preview that ``recaps serve`` may later update with ``partial`` rebuilds
    (only the pages whose input changed, into the same folder).
    """
    os.environ["RECAPS_LANG"] = lang
    os.environ["RECAPS_SERVE"] = "1" if serving or partial else "0"
    os.environ["RECAPS_PARTIAL"] = "1" if partial else "0"
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(_content_epoch(root)))
    if engine == "properdocs":
        _forget_mkdocs_modules()
        import properdocs.replacement  # noqa: F401  (from here on, mkdocs.* imports are ProperDocs)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    collect = _Collect()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(collect)
    mkdocs_log.setLevel(logging.INFO)
    mkdocs_log.propagate = False
    overrides = {"site_dir": site_dir, "strict": True}
    if site_url:
        overrides["site_url"] = site_url.rstrip("/") + "/" + ("" if lang == SOURCE_LANGUAGE else f"{lang}/")
    try:
        config = load_config(os.path.join(root, CONFIG_FILE), **overrides)
        config.plugins.on_startup(command="build", dirty=partial)
        dirty_warning = _NotDirtyWarning()
        logging.getLogger("mkdocs.commands.build").addFilter(dirty_warning)
        try:
            build(config, dirty=partial)
        finally:
            logging.getLogger("mkdocs.commands.build").removeFilter(dirty_warning)
            config.plugins.on_shutdown()
    except (Abort, MkDocsException, SystemExit) as exc:
        if partial and any("every page must be built" in m for m in [str(exc), *collect.records]):
            return False, [NEEDS_FULL_BUILD]
        messages = collect.records or [str(exc)]
        return False, messages
    except OSError as exc:
        if exc.errno in _WRITE_ERRORS and not serving and _inside(exc, site_dir):
            raise  # the system refused a write (disk full...): build_site says it in one line
        return False, [*collect.records, f"build failed: {type(exc).__name__}: {exc}"]
    except Exception as exc:  # a template in overrides/ or a plugin failed: say what, not where in Python
        return False, [*collect.records, f"build failed: {type(exc).__name__}: {exc}"]
    if collect.records:  # strict mode aborts on warnings; this catches any that slipped through
        return False, collect.records
    return True, []


_WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EBUSY}


def _inside(exc: OSError, folder: str) -> bool:
    """Whether an OSError is about ``folder``: it names no file, or a file there (a copy names
    its source first, its destination second)."""
    names = [os.fsdecode(name) for name in (exc.filename, exc.filename2) if name is not None]
    return not names or any(Path(name).is_relative_to(folder) for name in names)


_MKDOCS_BOUND = ("mkdocs", "material")  # and their submodules
_MKDOCS_BOUND_OURS = "recaps.mkdocs."


def _forget_mkdocs_modules() -> None:
    """Drop MkDocs, and the modules built on its classes, from a build process that inherited them
    (forked from a process that had imported MkDocs): ProperDocs must then import them afresh."""
    for name in list(sys.modules):
        if name.split(".")[0] in _MKDOCS_BOUND or name.startswith(_MKDOCS_BOUND_OURS):
            del sys.modules[name]


def _content_epoch(root: str) -> int:
    """The build's date (sitemaps, gzip headers) from the content, not the clock: the newest
    publication date of a recap, so that two builds of the same commit are byte-identical."""
    site = PRELOADED.get(root)
    dates = [s.source.published for s in site.sessions] if site else []
    newest = max(dates, default=datetime.date(2000, 1, 1))
    return int(datetime.datetime.combine(newest, datetime.time(), datetime.timezone.utc).timestamp())


def _run(args: tuple) -> tuple[bool, list[str]]:
    return build_language(*args)


# The latest SOURCE_DATE_EPOCH a build can take: the gzip header of sitemap.xml.gz holds 32 bits.
LATEST_EPOCH = 4294967295


def source_date_epoch_problem() -> str | None:
    """What is wrong with SOURCE_DATE_EPOCH, when it is set to what MkDocs and Material, which
    read it as the build's date, cannot take (the build then dates itself from the content)."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None or (value.isascii() and value.isdigit() and int(value) <= LATEST_EPOCH):
        return None
    return (f"SOURCE_DATE_EPOCH is {printable(repr(value))}: it must be a whole number of seconds since "
            f"1970-01-01 00:00 UTC (what `date +%s` prints, at most {LATEST_EPOCH}), or be unset")


def build_site(root: Path | str, site_dir: Path | str | None = None, site_url: str | None = None,
               parallel: bool = True, engine: str = "mkdocs", serving: bool = False,
               cache: LoadCache | None = None, force: bool = False) -> BuildResult:
    """Check the content, build both languages, and swap the result into ``site_dir``.

    SiteDirError, before anything is read, if ``site_dir`` is not a place for a site
    (recaps.sitedir; ``force`` lets it replace a folder of other files), and for a system error
    while writing: ``site_dir`` is then left as it was.
    """
    root = Path(root).resolve()
    target = check_site_dir(root, Path(site_dir) if site_dir else root / "site", force)
    try:
        site_url = _checked_site_url(root, site_url)
    except ValueError as exc:
        return BuildResult(False, [str(exc)])
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        clean_stale_temp_dirs(target.parent)
        work = new_work_folder(target.parent)
    except OSError as exc:
        raise write_error(exc, target) from None
    try:
        site, report = load_site(root, cache=cache)
        if report:
            return BuildResult(False, report=report)
        jobs = [(str(root), lang, str(work / lang), site_url, engine, serving) for lang in LANGUAGES]
        results = _run_builds(root, site, jobs, parallel)
        messages = _failure_messages(site, jobs, results)
        if messages:
            return BuildResult(False, messages)
        new = assembled(work)
        with too_late_to_stop():
            swap_into_place(new, target)
            discard(work)  # with the previous site, swapped into it
            result = BuildResult(True, notes=[] if (site_url or _configured_site_url(root)) else [NO_SITE_URL_NOTE])
        return result
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
    folders = {lang: target if lang == SOURCE_LANGUAGE else target / lang for lang in LANGUAGES}
    manifests = [folder / MANIFEST for folder in folders.values()]
    if not all(m.is_file() for m in manifests):
        return None
    try:
        site_url = _site_url_in_config(root)  # as the full build has it: the same links
    except ValueError as exc:
        return BuildResult(False, [str(exc)])
    site, report = load_site(root, cache=cache)
    if report:
        return BuildResult(False, report=report)
    jobs = [(str(root), lang, str(folders[lang]), site_url, "mkdocs", True, True) for lang in LANGUAGES]
    results = _run_builds(root, site, jobs, parallel=True)
    if all(ok for ok, _ in results):
        return BuildResult(True)
    for manifest in manifests:  # whatever was updated, the next rebuild is a full one
        manifest.unlink(missing_ok=True)
    if any(messages == [NEEDS_FULL_BUILD] for _, messages in results):
        return None
    return BuildResult(False, _failure_messages(site, jobs, results))


def _run_builds(root: Path, site: Site, jobs: list[tuple], parallel: bool) -> list[tuple[bool, list[str]]]:
    """The language builds, in forked processes that inherit the loaded site."""
    PRELOADED[str(root)] = site
    try:
        if parallel and "fork" in multiprocessing.get_all_start_methods():
            return _in_processes(jobs)
        return [_run(job) for job in jobs]
    finally:
        PRELOADED.pop(str(root), None)


STOP_WAIT = 5  # seconds a stopped build process has to end before it is killed


def _in_processes(jobs: list[tuple]) -> list[tuple[bool, list[str]]]:
    """Each job in a forked process of its own, the results in order.

    Whatever ends this function early (Ctrl-C, SIGTERM, an error) stops the processes still
    running and waits for them: none is left behind, writing into a folder being removed.
    """
    context = multiprocessing.get_context("fork")
    started = []
    try:
        for job in jobs:
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_build_in_process, args=(job, sender), daemon=True)
            # Stops held until the new process has its own handlers (_build_in_process), and until
            # it is in `started`. The sender is this process's copy: closed, the pipe then ends
            # when the other process does.
            with sender, stops_held():
                process.start()
                started.append((process, receiver))
        return [_result_of(process, receiver) for process, receiver in started]
    finally:
        for process, receiver in started:
            receiver.close()
            if process.is_alive():
                process.terminate()
        for process, _ in started:
            process.join(STOP_WAIT)
            if process.is_alive():
                process.kill()
                process.join()


def _result_of(process, receiver) -> tuple[bool, list[str]]:
    try:
        result = receiver.recv()
    except EOFError:  # it ended without a result: killed from outside (out of memory?)
        process.join()
        return False, [f"the build process stopped before the end (exit code {process.exitcode})"]
    if isinstance(result, OSError):
        raise result  # build_site says it in one line, naming the path
    return result


def _build_in_process(job: tuple, sender) -> None:
    """A language build in its own process; what it gives is sent back through ``sender``."""
    # Ctrl-C reaches every process of the terminal's process group: the parent process stops
    # this one, with SIGTERM, which simply ends it (not the parent's handler it inherited).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)
    try:
        result = _run(job)
    except OSError as exc:  # a write the system refused (build_language): the parent raises it
        result = exc
    except Exception as exc:  # noqa: BLE001 - reported by the parent, with the language
        result = (False, [f"build failed: {type(exc).__name__}: {exc}"])
    with contextlib.suppress(BrokenPipeError):  # nobody waits for it any more
        sender.send(result)
    sender.close()


def _failure_messages(site: Site, jobs: list[tuple], results: list[tuple[bool, list[str]]]) -> list[str]:
    """What the failed builds said, each message marked with its language and source file."""
    messages = []
    for (_, lang, *_), (ok, lang_messages) in zip(jobs, results):
        if not ok:
            messages += [f"[{lang}] {m}" for m in _name_sources(lang_messages, _source_files(site, lang))]
    return messages


def _checked_site_url(root: Path, given: str | None) -> str | None:
    """The site's public address, from the caller or mkdocs.yml, as every page may carry it."""
    if not given:
        return _site_url_in_config(root)
    try:
        return site_address(given)
    except ValueError as exc:
        raise ValueError(f"--site-url: {exc}") from None


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
                raise ValueError(f"{CONFIG_FILE}:{value.start_mark.line + 1}: site_url: {exc}") from None
    return None


def _configured_site_url(root: Path) -> bool:
    """Whether mkdocs.yml sets a site_url (read as text: the parent process loads no engine)."""
    try:
        text = (root / CONFIG_FILE).read_text(encoding="utf-8")
    except OSError:
        return False
    return bool(re.search(r"^site_url:\s*\S", text, re.MULTILINE))
