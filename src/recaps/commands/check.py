"""What the content says: `recaps check` (every problem, or a count of what is there) and
`recaps status` (the state of each item's English translation)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from ..content.errors import ErrorReport
from ..content.loader import StatusRow, load_site
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
    TranslationState.IN_PROGRESS: message("in progress"),
    TranslationState.STALE: message("stale"),
    TranslationState.ORPHAN: message("orphan"),
}
STATE_COUNTS = {  # for the summary line: "3 complete, 1 missing"
    TranslationState.COMPLETE: lambda count: plural_message("{count} complete", "{count} complete", count),
    TranslationState.MISSING: lambda count: plural_message("{count} missing", "{count} missing", count),
    TranslationState.IN_PROGRESS: lambda count: plural_message("{count} in progress", "{count} in progress", count),
    TranslationState.STALE: lambda count: plural_message("{count} stale", "{count} stale", count),
    TranslationState.ORPHAN: lambda count: plural_message("{count} orphan", "{count} orphan", count),
}


@click.command()
@language_option
@pass_root
def check(root: Path, lang: str) -> None:
    """Check every content file; report every problem with file, line and field."""
    from ..pages.site_check import check_site

    site, report = check_site(root)
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
    """List every item and the state of its English translation, and what moves each forward."""
    site, report = load_site(root, bodies=False)
    for line in status_lines(site.status, report, strict, lang):
        click.echo(line)
    incomplete = sum(row.state is not TranslationState.COMPLETE for row in site.status)
    if strict and (incomplete or report):
        sys.exit(1)


# What moves a translation in each state forward; FILE is the English file of the table.
_NEXT_STEPS = {
    TranslationState.MISSING: message(
        "translate the French into FILE (for a session or a partner, `recaps new` writes FILE to "
        "fill in), then run `recaps mark-translated FILE`"),
    TranslationState.IN_PROGRESS: message("once FILE is translated, run `recaps mark-translated FILE`"),
    TranslationState.STALE: message(
        "the French changed since FILE was marked: update FILE, then run `recaps mark-translated FILE`"),
    TranslationState.ORPHAN: message("FILE has no French source: write the French file beside it, or delete FILE"),
}


def status_lines(rows: list[StatusRow], report: ErrorReport, strict: bool, lang: str = "en") -> list[str]:
    """The table, the counts, what to do for each state present, and why --strict fails."""
    headers = tuple(header.in_language(lang) for header in (message("KIND"), message("ID"), message("STATE"),
                                                             message("FILE")))
    lines = _table([headers] + [
        (KINDS[row.kind].in_language(lang), row.id, STATES[row.state].in_language(lang), row.english_file)
        for row in rows
    ])
    counts = Counter(row.state for row in rows)
    states = ", ".join(STATE_COUNTS[state](counts.get(state, 0)).in_language(lang) for state in TranslationState)
    lines.append(plural_message("{count} item: {states}", "{count} items: {states}", len(rows),
                                states=states).in_language(lang))
    present = [state for state in _NEXT_STEPS if counts[state]]
    if present:
        lines.append(message("What to do (FILE: the file in the table):").in_language(lang))
        width = max(len(STATES[state].in_language(lang)) for state in present)
        lines += [f"  {STATES[state].in_language(lang).ljust(width)}  {_NEXT_STEPS[state].in_language(lang)}"
                  for state in present]
    if report:
        lines.append(message("({errors} in the content: run `recaps check` for details)",
                             errors=report.summary(lang)).in_language(lang))
    complete = counts[TranslationState.COMPLETE]
    if strict and complete < len(rows):
        lines.append(plural_message(
            "--strict: {count} of {total} translations complete; do what is said above for the others, then run "
            "`recaps status --strict` again",
            "--strict: {count} of {total} translations complete; do what is said above for the others, then run "
            "`recaps status --strict` again", complete, total=len(rows)).in_language(lang))
    return lines


def _table(table: list[tuple[str, str, str, str]]) -> list[str]:
    """Four columns, the first three padded to their widest cell."""
    widths = [max(len(r[i]) for r in table) for i in range(3)]
    return ["  ".join(r[i].ljust(widths[i]) for i in range(3)) + "  " + r[3] for r in table]
