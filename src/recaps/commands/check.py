"""What the content says: `recaps check` (every problem, or a count of what is there) and
`recaps status` (the state of each item's English translation)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from ..content.loader import load_site
from ..content.translation import TranslationState
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
    """List every item and the state of its English translation."""
    site, report = load_site(root, bodies=False)
    rows = site.status
    _print_table([("KIND", "ID", "STATE", "FILE")] + [
        (row.kind, row.id, row.state.value, row.translation or row.source or "") for row in rows
    ])
    counts = Counter(row.state for row in rows)
    click.echo(
        f"{_plural(len(rows), 'item')}: "
        + ", ".join(f"{counts.get(state, 0)} {state.value}" for state in TranslationState)
    )
    if report:
        click.echo(f"({report.summary()} in the content: run `recaps check` for details)")
    if strict and (counts[TranslationState.COMPLETE] != len(rows) or report):
        sys.exit(1)


def _print_table(table: list[tuple[str, str, str, str]]) -> None:
    """Four columns, the first three padded to their widest cell."""
    widths = [max(len(r[i]) for r in table) for i in range(3)]
    for r in table:
        click.echo("  ".join(r[i].ljust(widths[i]) for i in range(3)) + "  " + r[3])
