"""`recaps serve`: a live preview of both languages, built into a temporary folder and rebuilt
on every change (only the changed pages when only content changed), until Ctrl-C or SIGTERM.
While the site does not build, every page answers with the errors (recaps.pages.error_page)."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import click

from ..messages import Message, message
from ..stops import STOPS
from .build import print_build_failure, refuse_a_bad_source_date_epoch
from .language import language_option, say
from .repository import pass_root
from .stops import SERVE_STOPPED, stops

BUILT_FROM = ("sessions", "partners", "docs", "overrides", "mkdocs.yml")  # what `serve` watches
ERRORS_SHOWN = message("The preview shows these errors in place of its pages; fix the problems above and save.")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@language_option
@pass_root
def serve(root: Path, host: str, port: int, lang: str) -> None:
    """Live preview of both languages (French at /, English at /en/), rebuilt on every change.

    The terminal's messages and the error page are in the language of --lang (or the locale)."""
    with stops(SERVE_STOPPED, lang):
        refuse_a_bad_source_date_epoch(lang)
        _serve(root.resolve(), host, port, lang)


def _serve(root: Path, host: str, port: int, lang: str) -> None:
    import shutil
    import tempfile

    workspace = Path(tempfile.mkdtemp(prefix="recaps-serve-"))
    try:  # whatever stops the preview, even in its first build, removes its workspace
        served = workspace / "site"
        served.mkdir()
        serve_until_stopped(live_server(root, served, host, port, lang), host, port, lang)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


class Rebuild:
    """The preview's builder, called by the server when something it watches changed.

    An edit of content rebuilds only the pages it changes (recaps.pages.incremental); a change to
    mkdocs.yml, overrides/ or docs/ assets, and any failure, rebuilds everything. While the site
    does not build, ``error_page`` is what the server answers for every page. ``problems``: the
    last check's content errors, file by file, for the editing interface's preview pane
    (recaps.editing.problems). ``lang``: the language of what it prints and of the error page."""

    def __init__(self, root: Path, served: Path, lang: str) -> None:
        from ..content.loader import LoadCache
        from ..editing.problems import problems_json

        self.root = root
        self.served = served
        self.lang = lang
        self.cache = LoadCache()  # an edit reloads only the files it changed
        self.site_wide = _site_wide_files(root)  # as they were for the last full build that worked
        self.error_page: bytes | None = None
        self.problems: bytes = problems_json()

    def __call__(self) -> None:
        from ..editing.problems import problems_json
        from ..pages.error_page import error_page
        from ..sitedir import SiteDirError

        _stops_to_this_thread(True)  # the server's threads started without them (serve_until_stopped)
        try:
            result, done = self._build()
        except SiteDirError as exc:  # the preview's own folder cannot be written (disk full...)
            say(message("error: {problem}", problem=exc.problem), self.lang)
            self.error_page = error_page(messages=[exc.problem], lang=self.lang).encode("utf-8")
            self.problems = problems_json()
            return
        if result.ok:
            say(done, self.lang)
            self.error_page = None
            self.problems = problems_json()
        else:
            print_build_failure(result, self.lang)
            say(ERRORS_SHOWN, self.lang)
            errors = result.report.errors if result.report is not None else ()
            self.error_page = error_page(errors, result.messages, self.lang).encode("utf-8")
            self.problems = problems_json(errors)

    def _build(self):
        """The build (with what to say when it works): of the changed pages if only content
        changed since the last full build that worked (recaps.build.update_site), else of both
        languages. Raises SiteDirError (recaps.sitedir) as build_site does."""
        from ..build import build_site, update_site

        now = _site_wide_files(self.root)
        result = update_site(self.root, self.served, self.cache) if now == self.site_wide else None
        if result is not None:
            return result, message("Rebuilt the changed pages.")
        result = build_site(self.root, self.served, serving=True, cache=self.cache)
        if result.ok:  # else what is served was built from the site-wide files before
            self.site_wide = now
        return result, message("Rebuilt both languages.")


def live_server(root: Path, served: Path, host: str, port: int, lang: str, admin: Path | None = None):
    """MkDocs' live-reload server for ``served``, watching what the site is built from, with the
    error page in place of every page while the site does not build (and ``admin`` at /admin/:
    `recaps edit`)."""
    from watchdog.observers.polling import PollingObserverVFS

    from ..mkdocs.preview_server import PreviewServer

    server = PreviewServer(builder=Rebuild(root, served, lang), host=host, port=port, root=str(served))
    server.admin = admin
    # One watch, on the repository (which stays), of what the site is built from: a watch
    # on a content folder would end for good when the folder goes (a branch switched).
    server.observer = PollingObserverVFS(stat=os.stat, listdir=_built_from(root), polling_interval=0.5)
    server.watch(str(root))
    # The first build runs in the server's loop, once the watch has taken its first look:
    # what changes while it runs (a branch switched) is then seen and built next.
    server._want_rebuild = True  # mkdocs.livereload's "files changed" flag
    return server


def serve_until_stopped(server, host: str, port: int, lang: str, addresses: Message | None = None) -> None:
    """Serve until Ctrl-C or SIGTERM (KeyboardInterrupt, maybe in a rebuild: see stops), once
    ``addresses`` (default: the two languages') are printed."""
    try:
        try:
            server.server_bind()  # as serve() would, first: a busy port is an editor's problem
        except OSError as exc:
            say(message("error: cannot serve on {address}: {reason}; try another --port", address=f"{host}:{port}",
                        reason=exc.strerror or exc), lang)
            sys.exit(1)
        server.server_bind = lambda: None  # bound already: serve() must not bind again
        say(addresses or message("Serving on {french} (French) and {english} (English)",
                                 french=f"http://{host}:{port}/", english=f"http://{host}:{port}/en/"), lang)
        # SIGINT and SIGTERM must reach this thread, which builds (and holds them while a build
        # process starts: recaps.language_processes), not one of the server's: those start with them
        # blocked, as this thread has them when it starts them, until the first rebuild.
        _stops_to_this_thread(False)
        server.serve()
    finally:
        server.shutdown()
        _stops_to_this_thread(True)


def _built_from(root: Path):
    """``os.scandir`` for the watch of ``root`` by ``recaps serve``: at the top, only what the
    site is built from (not .git, site/, a virtual environment...)."""
    top = str(root)

    def listdir(path):
        if path != top:
            return os.scandir(path)
        with os.scandir(path) as entries:
            return [entry for entry in entries if entry.name in BUILT_FROM]

    return listdir


def _stops_to_this_thread(taken: bool) -> None:
    """Unblock (or block) SIGINT and SIGTERM in this thread; the threads it starts inherit that."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK if taken else signal.SIG_BLOCK, STOPS)


def _site_wide_files(root: Path) -> dict[str, tuple[int, int]]:
    """What every page depends on: mkdocs.yml, overrides/, and docs/ but its pages."""
    found = {}
    for path in [root / "mkdocs.yml", *(root / "overrides").rglob("*"), *(root / "docs").rglob("*")]:
        if path.is_file() and not (path.suffix == ".md" and path.is_relative_to(root / "docs")):
            info = path.stat()
            found[str(path)] = (info.st_mtime_ns, info.st_size)
    return found
