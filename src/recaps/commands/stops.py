"""How Ctrl-C (SIGINT) and SIGTERM end `recaps build` and `recaps serve`: the code on the way out
cleans up, then one line says so, and the exit status is the one a shell reports for the signal."""

from __future__ import annotations

import contextlib
import signal
import sys

import click

from ..messages import Message, message
from ..stops import STOPS

# The line is "Interrupted: nothing was changed." (as recaps.__main__'s, which is said in English: it
# comes before the command line is read).
BUILD_STOPPED = message("Interrupted: nothing was changed.")
SERVE_STOPPED = message("Interrupted: the preview stopped.")


class Terminated(KeyboardInterrupt):
    """SIGTERM, taken as Ctrl-C is: the same clean stop, with exit status 143 instead of 130."""


def _terminated(signum, frame) -> None:
    raise Terminated


@contextlib.contextmanager
def stops(what: Message, lang: str):
    """Ctrl-C (SIGINT) or SIGTERM in the block: the code on the way out cleans up (the build
    processes stopped and waited for, the temporary folders removed), then one line says so and
    the command exits with 130 or 143 (128 + the signal's number, as a shell reports it). The
    line is ``what``, said in ``lang``."""
    previous = {stop: signal.getsignal(stop) for stop in STOPS}
    signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    except KeyboardInterrupt as stop:
        click.echo(what.in_language(lang))
        sys.exit(143 if isinstance(stop, Terminated) else 130)
    finally:
        for stop, handler in previous.items():
            # Once the block has said its work is done (ignore_stops), a stop stays ignored up to
            # the exit: restoring the default would let a late SIGTERM end a finished build as killed.
            if handler is not None and signal.getsignal(stop) is not signal.SIG_IGN:
                signal.signal(stop, handler)


def ignore_stops() -> None:
    """From now on Ctrl-C and SIGTERM change nothing (the work is done: a stop would only garble it)."""
    for stop in STOPS:
        signal.signal(stop, signal.SIG_IGN)
