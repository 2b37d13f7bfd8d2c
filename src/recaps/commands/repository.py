"""The repository a command works on (-C, or the current folder or one above it), and the one
way a command refuses to run: an ``error:`` line in the editor's language, exit status 1."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from ..content.loader import PEOPLE_FILE
from ..messages import Message, message


def refuse(problem: Message | str, lang: str) -> NoReturn:
    click.echo(message("error: {problem}", problem=problem).in_language(lang))
    sys.exit(1)


def find_repository(given: Path | None, lang: str = "en") -> Path:
    """The repository root: ``given`` (-C), or the current folder or the nearest one above it
    that is a recaps repository, as git finds its repository. The mark of one is
    sessions/people.yml, the one file every recaps repository has; a folder named sessions/
    alone may be a folder of docs/ pages, and mkdocs.yml marks any MkDocs project."""
    if given is not None:
        if not os.path.lexists(given / PEOPLE_FILE):
            refuse(message("{folder} is not a recaps repository (it has no {file}): point -C at the folder that holds "
                           "sessions/", folder=given, file=PEOPLE_FILE), lang)
        return given
    try:
        here = Path.cwd()
    except OSError as exc:  # removed, or no longer readable
        refuse(message("the current folder cannot be read ({reason}): go to the repository, or point at it with -C "
                       "PATH", reason=exc.strerror or exc), lang)
    for folder in (here, *here.parents):
        if os.path.lexists(folder / PEOPLE_FILE):
            return Path(".") if folder == here else folder
    refuse(message("not a recaps repository (no {file} in {folder} or any folder above it): run recaps inside one, "
                   "or point at it with -C PATH", file=PEOPLE_FILE, folder=here), lang)


def pass_root(command):
    """Like click.pass_obj, with the repository root found when the command runs (so that
    `recaps check --help` works anywhere); the group keeps -C in the context's obj. A refusal
    is in the language of the command's ``--lang`` (recaps.commands.language)."""
    @functools.wraps(command)
    def with_root(*args, **kwargs):
        ctx = click.get_current_context()
        return ctx.invoke(command, find_repository(ctx.obj, kwargs["lang"]), *args, **kwargs)
    return with_root
