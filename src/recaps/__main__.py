"""`recaps` and `python -m recaps`.

Ctrl-C and SIGTERM are taken from the first moment: importing the command line and what it
runs takes a while (a second or two on a busy machine), and a stop then is one line, like a stop
later on (the commands that build or serve take over with their own handling: recaps.commands.stops).
"""

import os
import signal

from .stops import STOPS


def _stopped_early(signum, frame) -> None:
    # Nothing exists yet to clean up, so the process ends here: an exception raised from a handler
    # can land in one of importlib's callbacks, where Python prints it as "Exception ignored".
    print("Interrupted: nothing was changed.", flush=True)
    os._exit(128 + signum)


def run() -> None:
    previous = {stop: signal.getsignal(stop) for stop in STOPS}
    for stop, handler in previous.items():
        if handler is not signal.SIG_IGN:  # started with it ignored (nohup, `&`): it stays so
            signal.signal(stop, _stopped_early)
    from .cli import main

    for stop, handler in previous.items():
        signal.signal(stop, handler)
    try:
        main()
    finally:  # done, whatever it said: a stop now would only garble the exit
        for stop in STOPS:
            signal.signal(stop, signal.SIG_IGN)


if __name__ == "__main__":
    run()
