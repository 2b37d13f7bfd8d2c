"""One MkDocs build of one language, in this process: what ``recaps build`` runs once per language.

MkDocs (or ProperDocs, which stands in for it) reads mkdocs.yml; the recaps plugin is handed this
build's options (recaps.build_options) before the build starts. What MkDocs logs is collected,
and the pages it names are named by the content files they are made from, which the plugin noted
as it made the pages. MkDocs is imported here only when a build runs: the process that starts the
builds never loads an engine.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import logging
import os
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .build_options import BuildOptions, FullBuildNeeded
from .content.models import SOURCE_LANGUAGE

if TYPE_CHECKING:
    from .content.loader import Site

CONFIG_FILE = "mkdocs.yml"
PLUGIN = "recaps"  # the plugin's name in mkdocs.yml (its entry point, pyproject.toml)


@dataclass(frozen=True)
class LanguageResult:
    """What one language build gives: success, the messages to show, the site URL the build
    had (MkDocs resolved it: from --site-url, or mkdocs.yml, tags such as !ENV included), and how
    many pages it made in how many seconds."""

    ok: bool
    messages: list[str] = field(default_factory=list)
    site_url: str | None = None
    pages: int = 0
    seconds: float = 0.0


def build_language(root: str, options: BuildOptions, site_dir: str, site_url: str | None,
                   engine: str = "mkdocs") -> LanguageResult:
    """Build ``options.lang`` into ``site_dir``. FullBuildNeeded when a partial rebuild cannot
    show the change; an OSError when the system refused a write into ``site_dir`` of a site for
    publishing (build_site says it in one line); any other failure is in the result's messages."""
    started = time.perf_counter()
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(content_epoch(options.site)))
    if engine == "properdocs":
        _forget_mkdocs_modules()
        import properdocs.replacement  # noqa: F401  (from here on, mkdocs.* imports are ProperDocs)
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    overrides = {"site_dir": site_dir, "strict": True}
    if site_url:
        overrides["site_url"] = site_url.rstrip("/") + "/" + ("" if options.lang == SOURCE_LANGUAGE else f"{options.lang}/")
    config = plugin = None
    with _mkdocs_log() as records:
        try:
            config = load_config(os.path.join(root, CONFIG_FILE), **overrides)
            plugin = config.plugins.get(PLUGIN)
            if plugin is not None:
                plugin.options = options
            _build(config, options.partial)
            messages = records  # strict mode aborts on warnings; this catches any that slipped through
        except FullBuildNeeded:
            raise
        except (Abort, MkDocsException, SystemExit) as exc:
            messages = records or [str(exc)]
        except OSError as exc:
            if exc.errno in _WRITE_ERRORS and not options.serving and _inside(exc, site_dir):
                raise
            messages = [*records, f"build failed: {type(exc).__name__}: {exc}"]
        except Exception as exc:  # a template in overrides/ or a plugin failed: say what, not where in Python
            messages = [*records, f"build failed: {type(exc).__name__}: {exc}"]
    sources = plugin.sources if plugin is not None else {}
    return LanguageResult(not messages, _name_sources(messages, sources), config.site_url if config else None,
                          pages=len(getattr(plugin, "rendered", ())), seconds=time.perf_counter() - started)


def _build(config, partial: bool) -> None:
    from mkdocs.commands.build import build

    config.plugins.on_startup(command="build", dirty=partial)
    dirty_warning = _NotDirtyWarning()
    logging.getLogger("mkdocs.commands.build").addFilter(dirty_warning)
    try:
        build(config, dirty=partial)
    finally:
        logging.getLogger("mkdocs.commands.build").removeFilter(dirty_warning)
        config.plugins.on_shutdown()


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings and errors so that they can be reported with their source file."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record.getMessage())


@contextlib.contextmanager
def _mkdocs_log() -> Iterator[list[str]]:
    """MkDocs' warnings and errors in the block, kept rather than printed."""
    collect = _Collect()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(collect)
    mkdocs_log.setLevel(logging.INFO)
    mkdocs_log.propagate = False
    try:
        yield collect.records
    finally:
        mkdocs_log.removeHandler(collect)


class _NotDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave stale navigation: ours never does (a partial
    rebuild refuses when a title, tag or page changes, recaps.pages.incremental)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def _name_sources(messages: list[str], sources: dict[str, str]) -> list[str]:
    """The messages, with each generated page they quote named by the file an editor would fix."""
    def name(match: re.Match) -> str:
        uri = match.group(1)
        return f"'{sources[uri]}'" if uri in sources else match.group(0)

    return [re.sub(r"'([^']+\.md)'", name, message) for message in messages]


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


def content_epoch(site: Site | None) -> int:
    """The build's date (sitemaps, gzip headers) from the content, not the clock: the newest
    publication date of a recap, so that two builds of the same commit are byte-identical."""
    dates = [s.source.published for s in site.sessions] if site else []
    newest = max(dates, default=datetime.date(2000, 1, 1))
    return int(datetime.datetime.combine(newest, datetime.time(), datetime.timezone.utc).timestamp())
