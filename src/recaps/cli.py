"""The editors' command line: thin click commands around the content core and the build."""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
from collections import Counter
from pathlib import Path
from typing import NoReturn

import click

from .content.loader import MODELS, PEOPLE_FILE, load_site, read_item_file
from .content.translation import TranslationState, source_version, with_source_version
from .stops import STOPS

ENGINES = ("mkdocs", "properdocs")  # recaps.build.build_language runs either


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-C", "--root", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
    help="Repository root (default: the current folder or the nearest folder above it that holds "
    f"{PEOPLE_FILE}).",
)
@click.pass_context
def main(ctx: click.Context, root: Path | None) -> None:
    """Recaps: write programme recaps in French and English, check them, build the site."""
    ctx.obj = root


def _repository(given: Path | None) -> Path:
    """The repository root: ``given`` (-C), or the current folder or the nearest one above it
    that is a recaps repository, as git finds its repository. The mark of one is
    sessions/people.yml, the one file every recaps repository has; a folder named sessions/
    alone may be a folder of docs/ pages, and mkdocs.yml marks any MkDocs project."""
    if given is not None:
        if not os.path.lexists(given / PEOPLE_FILE):
            _refuse(f"{given} is not a recaps repository (it has no {PEOPLE_FILE}): "
                    "point -C at the folder that holds sessions/")
        return given
    try:
        here = Path.cwd()
    except OSError as exc:  # removed, or no longer readable
        _refuse(f"the current folder cannot be read ({exc.strerror or exc}): go to the repository, "
                "or point at it with -C PATH")
    for folder in (here, *here.parents):
        if os.path.lexists(folder / PEOPLE_FILE):
            return Path(".") if folder == here else folder
    _refuse(f"not a recaps repository (no {PEOPLE_FILE} in {here} or any folder above it): "
            "run recaps inside one, or point at it with -C PATH")


def _refuse(message: str) -> NoReturn:
    click.echo(f"error: {message}")
    sys.exit(1)


def pass_root(command):
    """Like click.pass_obj, with the repository root found when the command runs (so that
    `recaps check --help` works anywhere)."""
    @functools.wraps(command)
    def with_root(*args, **kwargs):
        ctx = click.get_current_context()
        return ctx.invoke(command, _repository(ctx.obj), *args, **kwargs)
    return with_root


@main.command()
@pass_root
def check(root: Path) -> None:
    """Check every content file; report every problem with file, line and field."""
    site, report = load_site(root, bodies=False)
    if report:
        click.echo(report.render())
        sys.exit(1)
    click.echo(
        "OK: "
        + ", ".join(
            [
                _plural(len(site.programmes), "programme"),
                _plural(len(site.sessions), "session recap"),
                _plural(len(site.partners), "partner"),
                _plural(len(site.people), "person").replace("persons", "people"),
                _plural(len(site.pages), "page"),
            ]
        )
        + "; no errors"
    )


@main.command()
@click.option("--strict", is_flag=True, help="Exit 1 unless every translation is complete.")
@pass_root
def status(root: Path, strict: bool) -> None:
    """List every item and the state of its English translation."""
    site, report = load_site(root, bodies=False)
    rows = site.status
    header = ("KIND", "ID", "STATE", "FILE")
    table = [header] + [
        (row.kind, row.id, row.state.value, row.translation or row.source or "") for row in rows
    ]
    widths = [max(len(r[i]) for r in table) for i in range(3)]
    for r in table:
        click.echo("  ".join(r[i].ljust(widths[i]) for i in range(3)) + "  " + r[3])
    counts = Counter(row.state for row in rows)
    click.echo(
        f"{_plural(len(rows), 'item')}: "
        + ", ".join(f"{counts.get(state, 0)} {state.value}" for state in TranslationState)
    )
    if report:
        click.echo(f"({report.summary()} in the content: run `recaps check` for details)")
    if strict and (counts[TranslationState.COMPLETE] != len(rows) or report):
        sys.exit(1)


@main.command("mark-translated")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@pass_root
def mark_translated(root: Path, files: tuple[Path, ...]) -> None:
    """Record that each English FILE is up to date with its French source.

    FILE is the English file (…/<id>.en.md), relative to the repository root or the current folder.
    """
    failed = False
    for given in files:
        rel = _relative(root, given)
        if rel.startswith(("/", "../")):
            click.echo(f"{given}: is not inside the repository ({root.resolve()})")
            failed = True
            continue
        if not rel.endswith(".en.md"):
            click.echo(f"{rel}: not an English translation (the file name must end in .en.md)")
            failed = True
            continue
        source_rel = rel[: -len(".en.md")] + ".fr.md"
        kind = _kind_of(rel)
        if not (root / rel).is_file() or not (root / source_rel).is_file():
            missing = rel if not (root / rel).is_file() else source_rel
            click.echo(f"{missing}: does not exist")
            failed = True
            continue
        source, errors = read_item_file(root, MODELS[kind], source_rel)
        translation, translation_errors = read_item_file(root, MODELS[kind], rel)
        if source is None or translation is None:
            # Never rewrite a file that does not read (not UTF-8, front matter never closed...).
            click.echo("\n".join(str(e) for e in errors + translation_errors))
            failed = True
            continue
        version = source_version(MODELS[kind], source)
        target = root / rel
        raw = target.read_bytes().decode("utf-8")
        target.write_bytes(with_source_version(raw, version).encode("utf-8"))
        click.echo(f"{rel}: marked as translating {source_rel} (version {version})")
    if failed:
        sys.exit(1)


def _relative(root: Path, given: Path) -> str:
    candidate = given if given.is_absolute() else (Path.cwd() / given)
    try:
        return candidate.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return given.as_posix()


def _kind_of(rel: str) -> str:
    if rel.startswith("partners/"):
        return "partner"
    if rel.startswith("docs/"):
        return "page"
    if rel.rsplit("/", 1)[-1].startswith("programme."):
        return "programme"
    return "session"


@main.group()
def new() -> None:
    """Create the French and English files of a new item."""


@new.command("session")
@click.argument("programme")
@click.argument("number", type=int)
@pass_root
def new_session(root: Path, programme: str, number: int) -> None:
    """Create sessions/PROGRAMME/session-NUMBER.fr.md and .en.md.

    PROGRAMME is the programme's id, the name of its folder; its folder as tab completion types
    it (PROGRAMME/ or sessions/PROGRAMME/) is taken too.
    """
    _write_new(root, lambda scaffold: scaffold.new_session(root, programme, number))


@new.command("partner")
@click.argument("partner_id", metavar="ID")
@pass_root
def new_partner(root: Path, partner_id: str) -> None:
    """Create partners/ID.fr.md and partners/ID.en.md."""
    _write_new(root, lambda scaffold: scaffold.new_partner(root, partner_id))


def _write_new(root: Path, make) -> None:
    from . import scaffold  # here: its templates and field reference are for `new` alone

    try:
        files = make(scaffold)
        scaffold.write(root, files)
    except scaffold.ScaffoldError as exc:
        _refuse(str(exc))
    for new_file in files:
        click.echo(f"created {new_file.path}")
    click.echo("Fill in the French file, run `recaps check`, then translate the English one.")


class SiteAddress(click.ParamType):
    """--site-url: a well-formed http(s) address, percent-encoded where it must be (urls.site_address)."""

    name = "url"

    def convert(self, value, param, ctx):
        from .content.urls import site_address

        try:
            return site_address(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


@main.command()
@click.option("--site-dir", type=click.Path(path_type=Path), default=None, metavar="DIRECTORY",
              help="Where to write the site (default: site/ in the repository): a new or empty folder, or a site "
                   "recaps built before.")
@click.option("--site-url", type=SiteAddress(), default=None,
              help="Public address of the site, overriding site_url in mkdocs.yml.")
@click.option("--engine", type=click.Choice(ENGINES), default="mkdocs", show_default=True,
              help="Static site engine: MkDocs 1.6, or ProperDocs (its maintained continuation, if installed).")
@click.option("--force", is_flag=True,
              help="Let the site replace the files of a --site-dir that recaps did not build (its hidden entries, "
                   "such as .git, are kept). Never the repository or its folders.")
@pass_root
def build(root: Path, site_dir: Path | None, site_url: str | None, engine: str, force: bool) -> None:
    """Build the French site at site/ and the English one at site/en/."""
    import time

    started = time.perf_counter()
    with _stops(BUILD_STOPPED):
        from .build import build_site
        from .sitedir import SiteDirError

        _refuse_a_bad_source_date_epoch()
        try:
            result = build_site(root, site_dir, site_url, engine=engine, force=force)
        except SiteDirError as exc:
            _refuse(str(exc))
        if result.ok:  # built: a stop from now on comes too late to change anything (nor does it)
            for stop in STOPS:
                signal.signal(stop, signal.SIG_IGN)
    if not result.ok:
        _print_build_failure(result)
        sys.exit(1)
    for note in result.notes:
        click.echo(f"note: {note}")
    target = site_dir or (root / "site")
    click.echo(f"Built {target}/ (fr) and {target}/en/ (en) in {time.perf_counter() - started:.1f} s")


BUILD_STOPPED = "nothing was changed."  # the line is "Interrupted: nothing was changed." (as recaps.__main__'s)
SERVE_STOPPED = "the preview stopped."


class Terminated(KeyboardInterrupt):
    """SIGTERM, taken as Ctrl-C is: the same clean stop, with exit status 143 instead of 130."""


def _terminated(signum, frame) -> None:
    raise Terminated


@contextlib.contextmanager
def _stops(what: str):
    """Ctrl-C (SIGINT) or SIGTERM in the block: the code on the way out cleans up (the build
    processes stopped and waited for, the temporary folders removed), then one line says so and
    the command exits with 130 or 143 (128 + the signal's number, as a shell reports it)."""
    previous = {stop: signal.getsignal(stop) for stop in STOPS}
    signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    except KeyboardInterrupt as stop:
        click.echo(f"Interrupted: {what}")
        sys.exit(143 if isinstance(stop, Terminated) else 130)
    finally:
        for stop, handler in previous.items():
            if handler is not None:
                signal.signal(stop, handler)


def _refuse_a_bad_source_date_epoch() -> None:
    from .build import source_date_epoch_problem

    problem = source_date_epoch_problem()
    if problem:
        _refuse(problem)


def _print_build_failure(result) -> None:
    if result.report is not None:
        click.echo(result.report.render())
    else:
        click.echo("\n".join(result.messages))
        click.echo("Build failed; the previous site was left as it was.")


BUILT_FROM = ("sessions", "partners", "docs", "overrides", "mkdocs.yml")  # what `serve` watches


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


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@pass_root
def serve(root: Path, host: str, port: int) -> None:
    """Live preview of both languages (French at /, English at /en/), rebuilt on every change."""
    with _stops(SERVE_STOPPED):
        _refuse_a_bad_source_date_epoch()
        _serve(root.resolve(), host, port)


def _serve(root: Path, host: str, port: int) -> None:
    import shutil
    import tempfile

    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers.polling import PollingObserverVFS

    from .build import build_site, update_site
    from .content.loader import LoadCache
    from .sitedir import SiteDirError

    cache = LoadCache()  # an edit reloads only the files it changed
    workspace = Path(tempfile.mkdtemp(prefix="recaps-serve-"))
    served = workspace / "site"
    site_wide = _site_wide_files(root)

    def rebuild() -> None:
        # An edit of content rebuilds only the pages it changes (recaps.pages.incremental); a change
        # to mkdocs.yml, overrides/ or docs/ assets, and any failure, rebuilds everything.
        nonlocal site_wide
        _stops_to_this_thread(True)  # the server's threads started without them (below)
        now = _site_wide_files(root)
        result = update_site(root, served, cache) if now == site_wide else None
        if result is None:
            try:
                result = build_site(root, served, serving=True, cache=cache)
            except SiteDirError as exc:  # the preview's own folder cannot be written (disk full...)
                click.echo(f"error: {exc}")
                return
            if result.ok:  # else what is served was built from the site-wide files before
                site_wide = now
            done = "Rebuilt both languages."
        else:
            done = "Rebuilt the changed pages."
        if result.ok:
            click.echo(done)
        else:
            _print_build_failure(result)
            click.echo("Still serving the last good build; fix the problems above and save.")

    try:  # whatever stops the preview, even in its first build, removes its workspace
        served.mkdir()
        server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(served))
        # One watch, on the repository (which stays), of what the site is built from: a watch
        # on a content folder would end for good when the folder goes (a branch switched).
        server.observer = PollingObserverVFS(stat=os.stat, listdir=_built_from(root), polling_interval=0.5)
        server.watch(str(root))
        # The first build runs in the server's loop, once the watch has taken its first look:
        # what changes while it runs (a branch switched) is then seen and built next.
        server._want_rebuild = True  # mkdocs.livereload's "files changed" flag
        try:
            try:
                server.server_bind()  # as serve() would, first: a busy port is an editor's problem
            except OSError as exc:
                click.echo(f"error: cannot serve on {host}:{port}: {exc.strerror or exc}; try another --port")
                sys.exit(1)
            server.server_bind = lambda: None  # bound already: serve() must not bind again
            click.echo(f"Serving on http://{host}:{port}/ (French) and http://{host}:{port}/en/ (English)")
            # SIGINT and SIGTERM must reach this thread, which builds (and holds them while a build
            # process starts: recaps.build), not one of the server's: those start with them
            # blocked, as this thread has them when it starts them, until the first rebuild.
            _stops_to_this_thread(False)
            server.serve()  # until Ctrl-C or SIGTERM (KeyboardInterrupt, maybe in a rebuild: see _stops)
        finally:
            server.shutdown()
            _stops_to_this_thread(True)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
