"""`recaps new session` and `recaps new partner`: the French and English files of a new item,
from recaps.scaffold."""

from __future__ import annotations

from pathlib import Path

import click

from ..messages import message
from .language import language_option, say
from .repository import pass_root, refuse


@click.group()
def new() -> None:
    """Create the French and English files of a new item."""


@new.command("session")
@click.argument("programme")
@click.argument("number", type=int)
@language_option
@pass_root
def new_session(root: Path, programme: str, number: int, lang: str) -> None:
    """Create sessions/PROGRAMME/session-NUMBER.fr.md and .en.md.

    PROGRAMME is the programme's id, the name of its folder; its folder as tab completion types
    it (PROGRAMME/ or sessions/PROGRAMME/) is taken too.
    """
    _write_new(root, lambda scaffold: scaffold.new_session(root, programme, number), lang)


@new.command("partner")
@click.argument("partner_id", metavar="ID")
@language_option
@pass_root
def new_partner(root: Path, partner_id: str, lang: str) -> None:
    """Create partners/ID.fr.md and partners/ID.en.md."""
    _write_new(root, lambda scaffold: scaffold.new_partner(root, partner_id), lang)


def _write_new(root: Path, make, lang: str) -> None:
    """Write the item's files that are absent (or hold only whitespace); keep the others."""
    from .. import scaffold  # here: its templates and field reference are for `new` alone

    try:
        files = make(scaffold)
        scaffold.write(root, files)
    except scaffold.ScaffoldError as exc:
        refuse(exc.problem, lang)
    for new_file in files:
        if new_file.action == "create":
            say(message("created {file}", file=new_file.path), lang)
        elif new_file.action == "replace":
            say(message("wrote {file} (it held only whitespace)", file=new_file.path), lang)
        else:
            say(message("kept {file} (it exists)", file=new_file.path), lang)
    french, english = files
    if french.action == "keep":
        say(message("Translate the French into {file}, then run `recaps mark-translated {file}`.", file=english.path),
            lang)
    else:
        say(message("Fill in the French file, run `recaps check`, then translate the English one."), lang)
