#!/usr/bin/env python3
"""Benchmark `recaps check` and `recaps build` on a generated corpus, against a plain baseline.

Usage (from the repository root, with the project's virtual environment)::

    .venv/bin/python scripts/bench.py --recaps 100,500          # corpus sizes, comma list or repeated
    .venv/bin/python scripts/bench.py --recaps 1000 --no-baseline
    .venv/bin/python scripts/bench.py --recaps 1000 --profile --no-baseline
    .venv/bin/python scripts/bench.py --recaps 500 --keep /tmp/bench   # keep corpus and sites
    .venv/bin/python scripts/bench.py --recaps 1000 --floor      # and Material alone on our pages

For each N it generates a corpus (``benchmark/corpus.py``; deterministic: the same N, the same
bytes), times `recaps check` and `recaps build` through their public entry points
(``benchmark/measure.py``), builds the same content with Material + mkdocs-static-i18n as the
baseline unless --no-baseline (``benchmark/baseline.py``; ``pip install -e '.[bench]'``) and then
ours once more, so that the speedup compares the baseline with builds made on both sides of it, with
--floor builds the Markdown our build hands MkDocs with Material alone (``benchmark/floor.py``), and
with --profile shows under cProfile where the time goes, by package/module and by phase, on
this corpus and on one of the old, narrower shape (``benchmark/profile.py``). It prints a table
and ends with one line:
``bench N=1000: check 0.31 s, build 6.2 s, peak 180 MB, output 64 MB, pages 2150, baseline 55.0 s, speedup 8.9``
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmark import baseline, corpus, floor, measure, profile
from benchmark.measure import MiB, say


@dataclass
class Result:
    recaps: int
    check: measure.Check
    build: measure.Build
    serve_edit: float
    base: baseline.Baseline | None = None
    cut_nav: baseline.Baseline | None = None
    floor: floor.Floor | None = None

    @property
    def speedup(self) -> float | None:
        return self.base.run.wall / self.build.wall if self.base else None

    def line(self) -> str:
        base = f"{self.base.run.wall:.1f} s" if self.base else "n/a"
        speedup = f"{self.speedup:.1f}" if self.speedup is not None else "n/a"
        return (f"bench N={self.recaps}: check {self.check.median:.2f} s, build {self.build.wall:.1f} s, "
                f"peak {self.build.peak / MiB:.0f} MB, output {self.build.output / MiB:.0f} MB, "
                f"pages {len(self.build.html)}, baseline {base}, speedup {speedup}")


def _new(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def _generate(work: Path, recaps: int, shape: corpus.Shape, name: str) -> Path:
    started = time.perf_counter()
    made = corpus.generate(_new(work / f"corpus-{name}"), recaps, shape)
    say(f"[{name}] corpus: {made.describe()}, generated in {time.perf_counter() - started:.1f} s in {made.root}")
    return made.root


def _measure(recaps: int, root: Path, work: Path, args: argparse.Namespace) -> Result:
    check = measure.time_check(root)
    say(f"[N={recaps}] check: in-process {', '.join(f'{t:.3f}' for t in check.runs)} s "
        f"(median {check.median:.3f} s); command {check.command:.2f} s: {check.said}")
    build = measure.time_build(root, work / f"site-{recaps}", args.repeat)
    for run, load in zip(build.runs, build.loads):
        _say_build(recaps, "build", run, load)
    say(f"[N={recaps}] build: {build.wall:.2f} s (median of {args.repeat}), output {build.output / MiB:.1f} MB, "
        f"{len(build.html)} HTML pages; it said: {(build.runs[-1].output.strip().splitlines() or [''])[-1]}")
    for size, rel in sorted(build.html, reverse=True)[:args.largest]:
        say(f"    {size / 1024:9.1f} KB  {rel}")
    seconds, edited = measure.time_serve_edit(root, work / f"preview-{recaps}")
    say(f"[N={recaps}] serve: one recap edited ({edited}), its pages rebuilt in {seconds:.2f} s")
    return Result(recaps, check, build, seconds)


def _say_build(recaps: int, label: str, run: measure.Run, load: float) -> None:
    say(f"[N={recaps}] {label}: {run.wall:.2f} s wall, {run.cpu:.2f} s CPU ({run.critical:.2f} s on the "
        f"critical path), peak {run.peak_rss / MiB:.0f} MB (largest process), {run.peak_tree / MiB:.0f} MB "
        f"(sum over processes, sampled); load average before: {load:.2f}")


def _baseline(result: Result, root: Path, work: Path, cut_nav: bool) -> None:
    if not baseline.available():
        say("[baseline] skipped: mkdocs-static-i18n is not installed in this environment; "
            "install it with `.venv/bin/pip install -e '.[bench]'` (or pass --no-baseline)")
        return
    out, site = _new(work / f"baseline-{result.recaps}"), work / f"baseline-site-{result.recaps}"
    written = baseline.write(root, out)
    configs = [("mkdocs.yml", "Material + mkdocs-static-i18n")]
    if cut_nav:
        configs.append((baseline.CUT_NAV_CONFIG, "the same with the navigation cut to the home page"))
    for config, label in configs:
        load = measure.load_average()
        built = baseline.build(out, site, config)
        say(f"[N={result.recaps}] baseline ({label}, {written} Markdown pages): {built.run.wall:.2f} s wall, "
            f"{built.run.cpu:.2f} s CPU, peak {built.run.peak_rss / MiB:.0f} MB, output {built.output / MiB:.1f} MB, "
            f"{built.pages} HTML pages, {built.warnings} warnings; load average before: {load:.2f}")
        if config == "mkdocs.yml":
            result.base = built
        else:
            result.cut_nav = built


def _build_again(result: Result, root: Path, work: Path) -> None:
    """Our build once more, right after the baseline: on a machine whose speed drifts by a fifth
    within minutes, the baseline is then compared with builds made on both sides of it (the
    build's figure is the median of all its runs, the mean of two with the default --repeat 1)."""
    again = measure.time_build(root, work / f"site-{result.recaps}", 1)
    result.build.runs += again.runs
    result.build.loads += again.loads
    _say_build(result.recaps, "build after the baseline", again.runs[0], again.loads[0])
    say(f"[N={result.recaps}] build: {result.build.wall:.2f} s, the median of "
        f"{', '.join(f'{r.wall:.2f}' for r in result.build.runs)} s")


def _floor(result: Result, root: Path, work: Path) -> None:
    out = _new(work / f"floor-{result.recaps}")
    written = floor.write(root, out)
    load = measure.load_average()
    result.floor = built = floor.build(out)
    say(f"[N={result.recaps}] floor (Material alone on our {written} pages' Markdown, both languages at once): "
        f"{built.run.wall:.2f} s wall, {built.run.cpu:.2f} s CPU, {built.pages} HTML pages; "
        f"load average before: {load:.2f}")


def _profile(recaps: int, root: Path, work: Path) -> None:
    """Profiles of the corpus and of one of the old, narrower shape: where the extra time goes."""
    narrow_root = _generate(work, recaps, corpus.NARROW, f"narrow-{recaps}")
    narrow_check, narrow_build = profile.profile_corpus(narrow_root, work, f"narrow-{recaps}")
    shutil.rmtree(narrow_root, ignore_errors=True)
    check, build = profile.profile_corpus(root, work, f"wide-{recaps}")
    profile.report(f"load_site(bodies=False), N={recaps}", check, narrow_check, with_phases=False)
    profile.report(f"build_site(parallel=False), N={recaps}, both languages in one process", build, narrow_build)
    for name in (f"narrow-{recaps}", f"wide-{recaps}"):
        shutil.rmtree(work / f"profile-site-{name}", ignore_errors=True)


def bench_one(recaps: int, work: Path, args: argparse.Namespace) -> Result:
    root = _generate(work, recaps, corpus.WIDE, str(recaps))
    result = _measure(recaps, root, work, args)
    if not args.no_baseline:
        _baseline(result, root, work, args.cut_nav)
        if result.base:
            _build_again(result, root, work)
    if args.floor:
        _floor(result, root, work)
    if args.profile:
        _profile(recaps, root, work)
    say(f"[N={recaps}] summary: {result.line()[len('bench '):]}")
    return result


def print_table(results: list[Result]) -> None:
    header = ["N", "check s", "check cmd s", "build s", "build CPU s", "build path CPU s", "peak MB",
              "peak sum MB", "output MB", "pages", "baseline s", "baseline CPU s", "baseline peak MB",
              "baseline output MB", "baseline pages", "speedup", "serve edit s", "cut-nav s", "cut-nav CPU s",
              "floor s", "floor CPU s"]
    rows = []
    for r in results:
        b, c, f = r.base, r.cut_nav, r.floor
        rows.append([
            str(r.recaps), f"{r.check.median:.3f}", f"{r.check.command:.2f}", f"{r.build.wall:.2f}",
            f"{r.build.cpu:.1f}", f"{r.build.critical:.1f}", f"{r.build.peak / MiB:.0f}",
            f"{r.build.peak_tree / MiB:.0f}", f"{r.build.output / MiB:.1f}", str(len(r.build.html)),
            *([f"{b.run.wall:.1f}", f"{b.run.cpu:.1f}", f"{b.run.peak_rss / MiB:.0f}", f"{b.output / MiB:.1f}",
               str(b.pages), f"{r.speedup:.1f}"] if b else ["n/a"] * 6),
            f"{r.serve_edit:.2f}",
            *([f"{c.run.wall:.1f}", f"{c.run.cpu:.1f}"] if c else ["n/a"] * 2),
            *([f"{f.run.wall:.1f}", f"{f.run.cpu:.1f}"] if f else ["n/a"] * 2),
        ])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    say("")
    say(" | ".join(h.rjust(w) for h, w in zip(header, widths)))
    say("-+-".join("-" * w for w in widths))
    for row in rows:
        say(" | ".join(cell.rjust(w) for cell, w in zip(row, widths)))
    say("")


def parse_sizes(values: list[str]) -> list[int]:
    try:
        sizes = [int(part) for value in values for part in value.split(",") if part.strip()]
    except ValueError:
        raise SystemExit(f"--recaps takes whole numbers, one or a comma list such as 100,500: not {values}") from None
    if not sizes or any(size < 1 for size in sizes):
        raise SystemExit("--recaps must be at least 1")
    return sizes


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--recaps", action="append", required=True, metavar="N",
                        help="number of session recaps; repeat or give a comma list (100,500)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the Material + mkdocs-static-i18n baseline")
    parser.add_argument("--cut-nav", action="store_true",
                        help="also build the baseline with its navigation cut to the home page (a reference)")
    parser.add_argument("--floor", action="store_true",
                        help="also build the Markdown our build hands MkDocs with Material alone (no plugin, "
                             "navigation cut), both languages at once: the engine's floor (benchmark/floor.py)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="keep the corpora, our sites, the baseline's Markdown and the profiles in DIR "
                             "(default: a temporary folder, removed)")
    parser.add_argument("--profile", action="store_true",
                        help="also profile load_site and build_site(parallel=False) in-process under cProfile, "
                             "on this corpus and on one of the old, narrower shape")
    parser.add_argument("--repeat", type=int, default=1, metavar="R",
                        help="build R times, and once more after the baseline, and report the median wall time "
                             "(default 1)")
    parser.add_argument("--largest", type=int, default=10, metavar="K",
                        help="list the K largest HTML files of each build (default 10; 0 for none)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    sizes = parse_sizes(args.recaps)
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="recaps-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if not args.no_baseline and not baseline.available():
        say("note: mkdocs-static-i18n is not installed, so the baseline will be skipped; install it with "
            "`.venv/bin/pip install -e '.[bench]'` or pass --no-baseline")
    try:
        results = [bench_one(recaps, work, args) for recaps in sizes]
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print_table(results)
    for smaller, larger in zip(results, results[1:]):
        say(f"growth: N={larger.recaps} builds in {larger.build.wall / smaller.build.wall:.2f} times the time of "
            f"N={smaller.recaps}, for {larger.recaps / smaller.recaps:.2f} times the recaps")
    say(results[-1].line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
