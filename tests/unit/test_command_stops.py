"""recaps.commands.stops: which handlers Ctrl-C and SIGTERM have before, in and after a block."""

from __future__ import annotations

import signal

import pytest

from recaps.commands.stops import BUILD_STOPPED, ignore_stops, stops


@pytest.fixture(autouse=True)
def default_handlers():
    saved = {stop: signal.getsignal(stop) for stop in (signal.SIGINT, signal.SIGTERM)}
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    for stop, handler in saved.items():
        signal.signal(stop, handler)


def test_a_block_that_ends_restores_the_handlers_it_found() -> None:
    with stops(BUILD_STOPPED, "en"):
        assert signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_once_the_work_is_done_a_stop_stays_ignored_after_the_block() -> None:
    # A SIGTERM between the end of the block and the exit used to find the default handler again
    # and end a build that had printed "Built ..." with -15 (seen in CI).
    with stops(BUILD_STOPPED, "en"):
        ignore_stops()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN


def test_a_stop_in_the_block_says_so_and_exits_143(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        with stops(BUILD_STOPPED, "fr"):
            signal.raise_signal(signal.SIGTERM)
    assert exited.value.code == 143
    assert capsys.readouterr().out == "Interrompu\u00a0: rien n’a été modifié.\n"
