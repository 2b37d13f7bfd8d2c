"""The language builds side by side, each in a forked process of its own.

A forked process inherits the site model the parent loaded (in the build's options): nothing is
read twice, nothing is sent but the result. Whatever stops the parent (Ctrl-C, SIGTERM, an
error) stops the builds still running and waits for them: none is left behind, writing into a
folder being removed.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import signal
from collections.abc import Callable

from .build_options import FullBuildNeeded
from .language_build import LanguageResult
from .stops import STOPS, stops_held

Job = Callable[[], LanguageResult]  # one language build (recaps.language_build.build_language)
Done = Callable[[int, LanguageResult], None]  # told each job's place and result as it finishes

STOP_WAIT = 5  # seconds a stopped build process has to end before it is killed


def run_builds(jobs: list[Job], parallel: bool = True, done: Done | None = None) -> list[LanguageResult]:
    """The results of ``jobs``, in order: in forked processes where the system can fork, else one
    after the other in this process; ``done`` is told of each as it finishes. What a job raises
    is raised here (OSError, FullBuildNeeded)."""
    done = done or (lambda index, result: None)
    if parallel and "fork" in multiprocessing.get_all_start_methods():
        return _in_processes(jobs, done)
    results = []
    for index, job in enumerate(jobs):
        results.append(job())
        done(index, results[-1])
    return results


def _in_processes(jobs: list[Job], done: Done) -> list[LanguageResult]:
    context = multiprocessing.get_context("fork")
    started = []
    try:
        for job in jobs:
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_build_in_process, args=(job, sender), daemon=True)
            # Stops held until the new process has its own handlers (_build_in_process), and until
            # it is in `started`. The sender is this process's copy: closed, the pipe then ends
            # when the other process does.
            with sender, stops_held():
                process.start()
                started.append((process, receiver))
        results: dict[int, LanguageResult] = {}
        waiting = {receiver: index for index, (_, receiver) in enumerate(started)}
        while waiting:
            for receiver in multiprocessing.connection.wait(list(waiting)):
                index = waiting.pop(receiver)
                results[index] = _result_of(started[index][0], receiver)
                done(index, results[index])
        return [results[index] for index in range(len(started))]
    finally:
        for process, receiver in started:
            receiver.close()
            if process.is_alive():
                process.terminate()
        for process, _ in started:
            process.join(STOP_WAIT)
            if process.is_alive():
                process.kill()
                process.join()


def _result_of(process, receiver) -> LanguageResult:
    try:
        result = receiver.recv()
    except EOFError:  # it ended without a result: killed from outside (out of memory?)
        process.join()
        return LanguageResult(False, [f"the build process stopped before the end (exit code {process.exitcode})"])
    if isinstance(result, Exception):
        raise result  # OSError: build_site says it in one line, naming the path; FullBuildNeeded
    return result


def _build_in_process(job: Job, sender) -> None:
    """A language build in its own process; what it gives is sent back through ``sender``."""
    # Ctrl-C reaches every process of the terminal's process group: the parent process stops
    # this one, with SIGTERM, which simply ends it (not the parent's handler it inherited).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)
    try:
        result = job()
    except (OSError, FullBuildNeeded) as exc:  # raised by the parent (build_site, update_site)
        result = exc
    except Exception as exc:  # noqa: BLE001 - reported by the parent, with the language
        result = LanguageResult(False, [f"build failed: {type(exc).__name__}: {exc}"])
    with contextlib.suppress(BrokenPipeError):  # nobody waits for it any more
        sender.send(result)
    sender.close()
