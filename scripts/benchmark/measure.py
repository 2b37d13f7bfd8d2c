"""Measuring runs through public entry points only: ``recaps.pages.site_check.check_site`` in process, the
``recaps`` command as a subprocess, ``recaps.build.build_site`` and ``update_site`` for a
preview. Nothing here replaces or wraps a function of the code it measures.

Sizes are in MiB (2**20 bytes), written "MB" as ``du -m`` does. "peak" is the largest resident
set of any one process of a command (``os.wait4``'s ru_maxrss); "peak sum" adds up the
processes, sampled every 50 ms (shared copy-on-write pages are counted in each). "CPU" is the
CPU time of all processes, "path CPU" that of the main process plus its busiest child: on an
idle machine the wall time is close to it, on a busy one it is the figure to compare.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

MiB = 2**20


def say(message: str) -> None:
    print(message, flush=True)


def load_average() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


@dataclass
class Run:
    wall: float
    returncode: int
    peak_rss: int  # bytes, largest single process of the tree (wait4's ru_maxrss)
    peak_tree: int  # bytes, largest sampled sum of RSS over the process tree (0 if unknown)
    cpu: float  # user + system seconds of the process tree
    critical: float  # CPU seconds of the main process plus its busiest child
    output: str


def _tree_sample(pid: int) -> dict[int, tuple[int, float]]:
    """RSS (bytes) and CPU time (s) of ``pid`` and each of its descendants, from /proc."""
    found: dict[int, tuple[int, float]] = {}
    if not os.path.isdir("/proc"):
        return found
    page, tick = os.sysconf("SC_PAGE_SIZE"), os.sysconf("SC_CLK_TCK")
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/statm") as handle:
                rss = int(handle.read().split()[1]) * page
            with open(f"/proc/{current}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            found[current] = (rss, (int(fields[11]) + int(fields[12])) / tick)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    todo += [int(c) for c in handle.read().split()]
        except (OSError, ValueError, IndexError):
            continue
    return found


def run(command: list[str], cwd: Path | None = None) -> Run:
    """Run ``command``: wall time, CPU time and peak memory of this command's process tree alone.

    ``os.wait4`` gives the rusage of this child alone, whose ru_maxrss is the largest of the
    child and of every descendant it waited for (the language builds), unlike RUSAGE_CHILDREN,
    which accumulates over every child this script ever ran. A thread samples the tree every
    50 ms for the summed RSS and each process's CPU time.
    """
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        peak_tree, cpu_by_pid, stop = 0, {}, threading.Event()

        def sample() -> None:
            nonlocal peak_tree
            while not stop.is_set():
                found = _tree_sample(proc.pid)
                peak_tree = max(peak_tree, sum(rss for rss, _ in found.values()))
                for child, (_, cpu) in found.items():
                    cpu_by_pid[child] = max(cpu, cpu_by_pid.get(child, 0.0))
                stop.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            stop.set()
            sampler.join()
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    cpu = usage.ru_utime + usage.ru_stime
    children = [t for child, t in cpu_by_pid.items() if child != proc.pid]
    # The main process's own CPU is the total less its children's (sampled a little short).
    critical = cpu - sum(children) + max(children) if children else cpu
    return Run(wall, proc.returncode, usage.ru_maxrss * 1024, peak_tree, cpu, critical, output)


def tree_size(path: Path) -> tuple[int, list[tuple[int, str]]]:
    """Total bytes of the files under ``path``, and every HTML file's size and path."""
    total, html = 0, []
    for folder, _, files in os.walk(path):
        for name in files:
            full = os.path.join(folder, name)
            size = os.path.getsize(full)
            total += size
            if name.endswith(".html"):
                html.append((size, os.path.relpath(full, path)))
    return total, html


def recaps_command() -> list[str]:
    exe = Path(sys.executable).parent / "recaps"
    return [str(exe)] if exe.exists() else [sys.executable, "-c", "from recaps.cli import main; main()"]


@dataclass
class Check:
    runs: list[float]  # in process, seconds
    command: float  # `recaps check` as a command, start-up included
    said: str

    @property
    def median(self) -> float:
        return statistics.median(self.runs)


def time_check(corpus_root: Path, repeat: int = 3) -> Check:
    """``recaps check``: in process as the command runs it (``check_site``: the content loaded and
    checked, then the links; each run's site released before the next), then once as a command.
    The corpus must pass."""
    from recaps.pages.site_check import check_site

    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        site, report = check_site(corpus_root)
        runs.append(time.perf_counter() - started)
        if report:
            raise SystemExit(f"the generated corpus does not pass recaps check:\n{report.render()[:4000]}")
        del site, report
    cli = run(recaps_command() + ["-C", str(corpus_root), "check"])
    if cli.returncode != 0 or not cli.output.startswith("OK"):
        raise SystemExit(f"recaps check failed on the generated corpus:\n{cli.output[:4000]}")
    return Check(runs, cli.wall, cli.output.strip())


@dataclass
class Build:
    runs: list[Run]
    loads: list[float]  # the load average before each build
    output: int  # bytes
    html: list[tuple[int, str]]  # every HTML file's size and path

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def critical(self) -> float:
        return statistics.median(r.critical for r in self.runs)

    @property
    def peak(self) -> int:
        return max(r.peak_rss for r in self.runs)

    @property
    def peak_tree(self) -> int:
        return max(r.peak_tree for r in self.runs)


def time_build(corpus_root: Path, site_dir: Path, repeat: int = 1) -> Build:
    """``recaps build`` as editors run it, ``repeat`` times, into a fresh site folder each time."""
    runs, loads = [], []
    for _ in range(repeat):
        shutil.rmtree(site_dir, ignore_errors=True)
        loads.append(load_average())
        build = run(recaps_command() + ["-C", str(corpus_root), "build", "--site-dir", str(site_dir)])
        if build.returncode != 0:
            raise SystemExit(f"recaps build failed:\n{build.output[-4000:]}")
        runs.append(build)
    output, html = tree_size(site_dir)
    return Build(runs, loads, output, html)


def time_serve_edit(corpus_root: Path, preview: Path) -> tuple[float, str]:
    """What ``recaps serve`` runs after one recap's body is edited: a preview is built, the body
    changes, and ``update_site`` rebuilds the pages the edit changes. Seconds, and the file."""
    from recaps.build import build_site, update_site
    from recaps.content.loader import LoadCache

    cache = LoadCache()  # as recaps serve keeps one
    shutil.rmtree(preview, ignore_errors=True)
    if not build_site(corpus_root, preview, serving=True, cache=cache).ok:
        raise SystemExit("the preview build failed")
    edited = sorted(corpus_root.glob("sessions/*/session-3.fr.md"))[0]
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original.replace("\n\n", "\n\nUne phrase ajoutée pendant la relecture.\n\n", 1),
                      encoding="utf-8")
    try:
        started = time.perf_counter()
        updated = update_site(corpus_root, preview, cache)
        seconds = time.perf_counter() - started
    finally:
        edited.write_text(original, encoding="utf-8")
        shutil.rmtree(preview, ignore_errors=True)
    if updated is None or not updated.ok:
        raise SystemExit(f"the partial rebuild failed: {updated}")
    return seconds, str(edited.relative_to(corpus_root))
