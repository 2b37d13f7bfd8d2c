"""`recaps new session` and `recaps new partner`: the French and English files of a new item,
from recaps.scaffold."""

from __future__ import annotations

from pathlib import Path

import click

from ..messages import message
from .repository import pass_root, refuse


@click.group()
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
    """Write the item's files that are absent (or hold only whitespace); keep the others."""
    from .. import scaffold  # here: its templates and field reference are for `new` alone

    try:
        files = make(scaffold)
        scaffold.write(root, files)
    except scaffold.ScaffoldError as exc:
        refuse(str(exc))
    for new_file in files:
        if new_file.action == "create":
            click.echo(f"created {new_file.path}")
        elif new_file.action == "replace":
            click.echo(str(message("wrote {file} (it held only whitespace)", file=new_file.path)))
        else:
            click.echo(str(message("kept {file} (it exists)", file=new_file.path)))
    french, english = files
    if french.action == "keep":
        click.echo(str(message("Translate the French into {file}, then run `recaps mark-translated {file}`.",
                               file=english.path)))
    else:
        click.echo("Fill in the French file, run `recaps check`, then translate the English one.")
