"""The repository a command works on (-C, or the current folder or one above it), and the one
way a command refuses to run: an ``error:`` line, exit status 1."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from ..content.loader import PEOPLE_FILE


def refuse(message: str) -> NoReturn:
    click.echo(f"error: {message}")
    sys.exit(1)


def find_repository(given: Path | None) -> Path:
    """The repository root: ``given`` (-C), or the current folder or the nearest one above it
    that is a recaps repository, as git finds its repository. The mark of one is
    sessions/people.yml, the one file every recaps repository has; a folder named sessions/
    alone may be a folder of docs/ pages, and mkdocs.yml marks any MkDocs project."""
    if given is not None:
        if not os.path.lexists(given / PEOPLE_FILE):
            refuse(f"{given} is not a recaps repository (it has no {PEOPLE_FILE}): "
                   "point -C at the folder that holds sessions/")
        return given
    try:
        here = Path.cwd()
    except OSError as exc:  # removed, or no longer readable
        refuse(f"the current folder cannot be read ({exc.strerror or exc}): go to the repository, "
               "or point at it with -C PATH")
    for folder in (here, *here.parents):
        if os.path.lexists(folder / PEOPLE_FILE):
            return Path(".") if folder == here else folder
    refuse(f"not a recaps repository (no {PEOPLE_FILE} in {here} or any folder above it): "
           "run recaps inside one, or point at it with -C PATH")


def pass_root(command):
    """Like click.pass_obj, with the repository root found when the command runs (so that
    `recaps check --help` works anywhere); the group keeps -C in the context's obj."""
    @functools.wraps(command)
    def with_root(*args, **kwargs):
        ctx = click.get_current_context()
        return ctx.invoke(command, find_repository(ctx.obj), *args, **kwargs)
    return with_root
