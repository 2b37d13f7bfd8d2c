"""The `recaps` command: the group of the editors' commands (one module each in recaps.commands)
and its -C option, the repository they work on."""

from __future__ import annotations

from pathlib import Path

import click

from .commands.build import build
from .commands.check import check, status
from .commands.edit import edit
from .commands.mark_translated import mark_translated
from .commands.new import new
from .content.loader import PEOPLE_FILE
from .commands.serve import serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-C", "--root", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
    help="Repository root (default: the current folder or the nearest folder above it that holds "
    f"{PEOPLE_FILE}).",
)
@click.pass_context
def main(ctx: click.Context, root: Path | None) -> None:
    """Recaps: write programme recaps in French and English, check them, build the site."""
    ctx.obj = root  # found when a command runs (recaps.commands.repository.pass_root)


for command in (check, status, mark_translated, new, build, serve, edit):
    main.add_command(command)
