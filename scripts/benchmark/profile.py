"""Where the time goes, from cProfile alone: ``load_site`` and ``build_site(parallel=False)``
(both languages one after the other, in this process) are run under the profiler, and its
statistics are grouped by package/module (own time) and by phase (cumulative time of named
functions of recaps, MkDocs, Python-Markdown and Material, found through their code objects).

A phase whose function no longer exists under that name is printed as "not found", never as 0.
Given a second profile (the same N in the old, narrower shape), every table gets the two
columns and their difference: what the wider content costs, and where.
"""

from __future__ import annotations

import cProfile
import importlib
import inspect
import io
import pstats
import re
import sysconfig
from pathlib import Path

from .measure import say

# (label, dotted name of a function or method); cumulative times, so an indented phase is
# part of the one above it. Names of recaps' own functions follow its current layout.
PHASES = [
    ("recaps: load_site (read, YAML, validate, cross-references)", "recaps.content.loader.load_site"),
    ("mkdocs build() (each language)", "mkdocs.commands.build.build"),
    ("  recaps: render_site (our pages' Markdown, from Jinja2)", "recaps.pages.render.render_site"),
    ("  navigation (get_navigation, on_nav)", "mkdocs.structure.nav.get_navigation"),
    ("  read + Markdown → HTML (_populate_page)", "mkdocs.commands.build._populate_page"),
    ("    Python-Markdown (Markdown.convert)", "markdown.core.Markdown.convert"),
    ("      tables", "markdown.extensions.tables.TableProcessor.run"),
    ("      lists (ordered and bulleted)", "markdown.blockprocessors.OListProcessor.run"),
    ("      nested list items", "markdown.blockprocessors.ListIndentProcessor.run"),
    ("      inline patterns (emphasis, links...)", "markdown.treeprocessors.InlineProcessor.run"),
    ("    recaps: French typography", "recaps.pages.i18n.french_typography_html"),
    ("  page HTML (_build_page)", "mkdocs.commands.build._build_page"),
    ("    recaps: on_page_context (navigation, alternates)", "recaps.mkdocs.plugin.RecapsPlugin.on_page_context"),
    ("    search: index the page", "material.plugins.search.plugin.SearchPlugin.on_page_context"),
    ("  search: write the index", "material.plugins.search.plugin.SearchPlugin.on_post_build"),
    ("  404.html, sitemap.xml", "mkdocs.commands.build._build_theme_template"),
    ("  copy theme and assets", "mkdocs.structure.files.Files.copy_static_files"),
]
STDLIB = Path(sysconfig.get_paths()["stdlib"]).as_posix() + "/"
SPLIT = {"material": 3, "mkdocs": 2, "markdown": 3, "pymdownx": 2, "jinja2": 2}  # path parts kept
# "<method 'match' of 're.Pattern' objects>" -> re.Pattern.match; "<built-in method builtins.len>"
BUILT_IN = re.compile(r"<method '(\w+)' of '([\w.]+)' objects>|<built-in method ([\w.]+)>")


def _code_key(dotted: str) -> tuple[str, int, str] | None:
    """pstats' key (file, first line, name) of a function given by its dotted name, or None."""
    parts = dotted.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            target = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for name in parts[cut:]:
                target = getattr(target, name)
            code = inspect.unwrap(target).__code__
        except AttributeError:
            return None
        return code.co_filename, code.co_firstlineno, code.co_name
    return None


def phases(stats: pstats.Stats) -> list[tuple[str, float | None]]:
    """(label, cumulative seconds) of each phase; None when its function does not exist."""
    table = stats.stats  # type: ignore[attr-defined]
    rows = []
    for label, dotted in PHASES:
        key = _code_key(dotted)
        rows.append((label, None if key is None else table.get(key, (0, 0, 0, 0.0))[3]))
    return rows


def module_of(filename: str, function: str) -> str:
    """The group a profiled function's own time counts under: a package, or a module of ours."""
    path = filename.replace("\\", "/")
    if path.startswith("<frozen "):  # "<frozen posixpath>"
        return "stdlib/" + path[len("<frozen "):-1]
    if "/overrides/" in path:
        return "the site's overrides/ (compiled Jinja2)"
    if path == "~" or path.startswith("<"):
        found = BUILT_IN.fullmatch(function)
        return "built-in: " + (".".join(reversed([g for g in found.groups() if g])) if found else function)
    if "/recaps/" in path:
        rest = path.rsplit("/recaps/", 1)[1]
        return "recaps/templates (compiled Jinja2)" if rest.startswith("templates/") else f"recaps/{rest}"
    if "/site-packages/" in path:
        parts = path.split("/site-packages/", 1)[1].split("/")
        keep = SPLIT.get(parts[0], 1)
        if parts[0] == "material" and parts[1] == "templates":
            return "material/templates (compiled Jinja2)"
        if parts[0] in ("mkdocs", "material") and len(parts) > 2 and parts[1] not in ("plugins", "contrib"):
            keep = 2
        return "/".join(parts[:keep])
    if path.startswith(STDLIB):
        return "stdlib/" + path[len(STDLIB):].split("/", 1)[0].removesuffix(".py")
    return path


def by_module(stats: pstats.Stats) -> dict[str, float]:
    groups: dict[str, float] = {}
    for (filename, _, function), (_, _, own, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        group = module_of(filename, function)
        groups[group] = groups.get(group, 0.0) + own
    return groups


def _total(stats: pstats.Stats) -> float:
    return stats.total_tt  # type: ignore[attr-defined]


def _cell(seconds: float | None, total: float) -> str:
    return f"{'not found':>16}" if seconds is None else f"{seconds:7.2f} s {100 * seconds / total:5.1f}%"


def _rows(title: str, new: list[tuple[str, float | None]], new_total: float,
          old: dict[str, float | None] | None, old_total: float) -> None:
    if old is None:
        say(f"--- {title} ---")
        for label, seconds in new:
            say(f"  {label:<60} {_cell(seconds, new_total)}")
        return
    say(f"--- {title}: narrow corpus | widened corpus | extra ---")
    for label, seconds in new:
        before = old.get(label, 0.0)
        extra = "" if seconds is None or before is None else f"{seconds - before:+7.2f} s"
        say(f"  {label:<60} {_cell(before, old_total)} | {_cell(seconds, new_total)} | {extra}")


def report(title: str, stats: pstats.Stats, narrow: pstats.Stats | None = None, top: int = 25,
           with_phases: bool = True) -> None:
    """Print the top functions by own time, the phases of a build and the own time by package/module."""
    total = _total(stats)
    old_total = _total(narrow) if narrow else 0.0
    say(f"\n===== {title}: {total:.2f} s under cProfile"
        + (f" (narrow corpus: {old_total:.2f} s, {total - old_total:+.2f} s)" if narrow else "") + " =====")
    buffer = io.StringIO()
    short = pstats.Stats(stream=buffer)
    short.add(stats)  # a copy: strip_dirs() changes the keys the phases are found by
    short.strip_dirs().sort_stats("tottime").print_stats(top)
    text = buffer.getvalue()
    say(f"--- top {top} functions by own time ---")
    say(text[text.find("   ncalls"):].rstrip())
    if with_phases:
        _rows("phases (cumulative; indented ones are part of the one above)", phases(stats), total,
              dict(phases(narrow)) if narrow else None, old_total)
    modules = by_module(stats)
    old_modules = by_module(narrow) if narrow else None
    order = sorted(modules, key=lambda m: modules[m] - (old_modules or {}).get(m, 0.0), reverse=True)
    if old_modules is None:
        order = sorted(modules, key=modules.get, reverse=True)
    _rows("own time by package/module (top 25" + (", by extra time)" if narrow else ")"),
          [(m, modules[m]) for m in order[:top]], total, old_modules, old_total)


def profiled(function, *args, dump: Path | None = None, **kwargs) -> tuple[object, pstats.Stats]:
    """Call ``function`` under cProfile; its result and statistics (also written to ``dump``)."""
    profiler = cProfile.Profile()
    result = profiler.runcall(function, *args, **kwargs)
    if dump:
        profiler.dump_stats(dump)
    return result, pstats.Stats(profiler)


def profile_corpus(corpus_root: Path, work: Path, name: str) -> tuple[pstats.Stats, pstats.Stats]:
    """Profiles of ``recaps check``'s load and of a whole build of ``corpus_root``."""
    from recaps.build import build_site
    from recaps.content.loader import load_site

    _, check = profiled(load_site, corpus_root, bodies=False, dump=work / f"check-{name}.prof")
    site_dir = work / f"profile-site-{name}"
    result, build = profiled(build_site, corpus_root, site_dir, parallel=False, dump=work / f"build-{name}.prof")
    if not result.ok:
        raise SystemExit("profiled build failed:\n" + "\n".join(result.messages[:20]))
    return check, build
