"""What the content says: `recaps check` (every problem, or a count of what is there) and
`recaps status` (the state of each item's English translation)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from ..content.loader import load_site
from ..content.translation import TranslationState
from ..messages import message, plural_message
from .language import language_option, say
from .repository import pass_root

# What `status` calls each kind of item and each state of a translation, in the editor's language.
KINDS = {
    "programme": message("programme"),
    "session": message("session"),
    "partner": message("partner"),
    "page": message("page"),
}
STATES = {
    TranslationState.COMPLETE: message("complete"),
    TranslationState.MISSING: message("missing"),
    TranslationState.STALE: message("stale"),
    TranslationState.ORPHAN: message("orphan"),
}
STATE_COUNTS = {  # for the summary line: "3 complete, 1 missing"
    TranslationState.COMPLETE: lambda count: plural_message("{count} complete", "{count} complete", count),
    TranslationState.MISSING: lambda count: plural_message("{count} missing", "{count} missing", count),
    TranslationState.STALE: lambda count: plural_message("{count} stale", "{count} stale", count),
    TranslationState.ORPHAN: lambda count: plural_message("{count} orphan", "{count} orphan", count),
}


@click.command()
@language_option
@pass_root
def check(root: Path, lang: str) -> None:
    """Check every content file; report every problem with file, line and field."""
    site, report = load_site(root, bodies=False)
    if report:
        click.echo(report.render(lang))
        sys.exit(1)
    counts = [
        plural_message("{count} programme", "{count} programmes", len(site.programmes)),
        plural_message("{count} session recap", "{count} session recaps", len(site.sessions)),
        plural_message("{count} partner", "{count} partners", len(site.partners)),
        plural_message("{count} person", "{count} people", len(site.people)),
        plural_message("{count} page", "{count} pages", len(site.pages)),
    ]
    say(message("OK: {counts}; no errors", counts=", ".join(count.in_language(lang) for count in counts)), lang)


@click.command()
@click.option("--strict", is_flag=True, help="Exit 1 unless every translation is complete.")
@language_option
@pass_root
def status(root: Path, strict: bool, lang: str) -> None:
    """List every item and the state of its English translation."""
    site, report = load_site(root, bodies=False)
    rows = site.status
    headers = tuple(header.in_language(lang) for header in (message("KIND"), message("ID"), message("STATE"),
                                                             message("FILE")))
    _print_table([headers] + [
        (KINDS[row.kind].in_language(lang), row.id, STATES[row.state].in_language(lang),
         row.translation or row.source or "") for row in rows
    ])
    counts = Counter(row.state for row in rows)
    states = ", ".join(STATE_COUNTS[state](counts.get(state, 0)).in_language(lang) for state in TranslationState)
    say(plural_message("{count} item: {states}", "{count} items: {states}", len(rows), states=states), lang)
    if report:
        say(message("({errors} in the content: run `recaps check` for details)", errors=report.summary(lang)), lang)
    if strict and (counts[TranslationState.COMPLETE] != len(rows) or report):
        sys.exit(1)


def _print_table(table: list[tuple[str, str, str, str]]) -> None:
    """Four columns, the first three padded to their widest cell."""
    widths = [max(len(r[i]) for r in table) for i in range(3)]
    for r in table:
        click.echo("  ".join(r[i].ljust(widths[i]) for i in range(3)) + "  " + r[3])
