"""The language a command speaks to the editor in: ``--lang fr|en``, else the environment's locale
(LC_ALL, LC_MESSAGES, LANG: French when it is French), and how a command says its messages."""

from __future__ import annotations

import click

from ..messages import LANGUAGES, Message, in_language, language_of_environment


def _chosen(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    return value or language_of_environment()


def language_option(command):
    """The ``--lang`` option, given to the command as its ``lang`` argument (fr or en, never None).

    Eager, so that the other options' checks may already speak the editor's language."""
    return click.option(
        "--lang", type=click.Choice(LANGUAGES), default=None, is_eager=True, callback=_chosen,
        help="Language of the messages: fr or en (default: the locale's, from LC_ALL, LC_MESSAGES or LANG; "
             "French when it is French, English otherwise).",
    )(command)


def say(text: Message | str, lang: str) -> None:
    """Print one message (or a text the same in every language) in ``lang``."""
    click.echo(in_language(text, lang))
