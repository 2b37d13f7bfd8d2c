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
from ..messages import message
from .repository import pass_root


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@click.command()
@pass_root
def check(root: Path) -> None:
    """Check every content file; report every problem with file, line and field."""
    from ..pages.site_check import check_site

    site, report = check_site(root)
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


@click.command()
@click.option("--strict", is_flag=True, help="Exit 1 unless every translation is complete.")
@pass_root
def status(root: Path, strict: bool) -> None:
    """List every item and the state of its English translation, and what moves each forward."""
    site, report = load_site(root, bodies=False)
    for line in status_lines(site.status, report, strict):
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
    lines = _table([("KIND", "ID", "STATE", "FILE")] + [
        (row.kind, row.id, row.state.value, row.english_file) for row in rows
    ])
    counts = Counter(row.state for row in rows)
    lines.append(
        f"{_plural(len(rows), 'item')}: "
        + ", ".join(f"{counts.get(state, 0)} {state.value}" for state in TranslationState)
    )
    present = [state for state in _NEXT_STEPS if counts[state]]
    if present:
        lines.append(message("What to do (FILE: the file in the table):").in_language(lang))
        width = max(len(state.value) for state in present)
        lines += [f"  {state.value.ljust(width)}  {_NEXT_STEPS[state].in_language(lang)}" for state in present]
    if report:
        lines.append(f"({report.summary()} in the content: run `recaps check` for details)")
    complete = counts[TranslationState.COMPLETE]
    if strict and complete < len(rows):
        lines.append(message(
            "--strict: {complete} of {total} translations complete; do what is said above for the "
            "others, then run `recaps status --strict` again", complete=complete, total=len(rows)).in_language(lang))
    return lines


def _table(table: list[tuple[str, str, str, str]]) -> list[str]:
    """Four columns, the first three padded to their widest cell."""
    widths = [max(len(r[i]) for r in table) for i in range(3)]
    return ["  ".join(r[i].ljust(widths[i]) for i in range(3)) + "  " + r[3] for r in table]
