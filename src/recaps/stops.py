"""Ctrl-C and SIGTERM around the steps of a build that must not be cut in two.

A stop is held (blocked in this thread) while a build process starts or a work folder is removed,
then acts; one that comes while the new site goes into place comes too late, and is dropped.
"""

from __future__ import annotations

import contextlib
import signal

STOPS = frozenset({signal.SIGINT, signal.SIGTERM})  # Ctrl-C, and what `kill` and service managers send


@contextlib.contextmanager
def stops_held():
    """SIGINT and SIGTERM wait until the block is done (blocked in this thread), then act."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextlib.contextmanager
def too_late_to_stop():
    """For putting the new site in place: SIGINT and SIGTERM wait until that is done, and one
    that came meanwhile came too late to leave the previous site, so it is dropped and the
    build ends as built. Held in this thread only: in ``recaps serve``, where other threads
    take the signals, a stop still ends the preview at once (its workspace is removed whole)."""
    with stops_held():
        yield
        if hasattr(signal, "sigpending"):
            for stop in STOPS & signal.sigpending():
                signal.sigwait({stop})
