"""`recaps build`: the French site at site/ and the English one at site/en/ (recaps.build), and
what the build and the preview both say when a build is refused or fails."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..messages import Number, message, message_of, plural_message
from .language import language_option, say
from .repository import pass_root, refuse
from .stops import BUILD_STOPPED, ignore_stops, stops

ENGINES = ("mkdocs", "properdocs")  # recaps.build.build_language runs either


class SiteAddress(click.ParamType):
    """--site-url: a well-formed http(s) address, percent-encoded where it must be (urls.site_address)."""

    name = "url"

    def convert(self, value, param, ctx):
        from ..content.urls import site_address

        try:
            return site_address(value)
        except ValueError as exc:  # --lang is eager: read already
            self.fail(message_of(exc).in_language(ctx.params.get("lang", "en")), param, ctx)


@click.command()
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
@language_option
@pass_root
def build(root: Path, site_dir: Path | None, site_url: str | None, engine: str, force: bool, lang: str) -> None:
    """Build the French site at site/ and the English one at site/en/."""
    import time

    started = time.perf_counter()
    with stops(BUILD_STOPPED, lang):
        from ..build import build_site
        from ..sitedir import SiteDirError

        refuse_a_bad_source_date_epoch(lang)
        try:
            result = build_site(root, site_dir, site_url, engine=engine, force=force, progress=progress_in(lang))
        except SiteDirError as exc:
            refuse(exc.problem, lang)
        if result.ok:  # built: a stop from now on comes too late to change anything (nor does it)
            ignore_stops()
    if not result.ok:
        print_build_failure(result, lang)
        sys.exit(1)
    for note in result.notes:
        say(message("note: {note}", note=note), lang)
    target = site_dir or (root / "site")
    say(message("Built {site}/ (fr) and {site}/en/ (en) in {seconds} s", site=target,
                seconds=Number(time.perf_counter() - started, decimals=1)), lang)


def progress_in(lang: str):
    """What the build calls as each language's build ends well: one line in ``lang``, such as
    ``fr: 41 pages in 3.2 s``."""
    def say_progress(built: str, result) -> None:
        if result.ok:
            say(plural_message("{lang}: {count} page in {seconds} s", "{lang}: {count} pages in {seconds} s",
                               result.pages, lang=built, seconds=Number(result.seconds, decimals=1)), lang)
    return say_progress


def refuse_a_bad_source_date_epoch(lang: str) -> None:
    from ..build import source_date_epoch_problem

    problem = source_date_epoch_problem()
    if problem:
        refuse(problem, lang)


def print_build_failure(result, lang: str) -> None:
    if result.report is not None:
        click.echo(result.report.render(lang))
    else:
        for line in result.messages:
            say(line, lang)
        say(message("Build failed; the previous site was left as it was."), lang)
