"""A large site is loaded by two processes; the site and the errors are those of a serial load."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from pathlib import Path

import pytest

from recaps import loader
from recaps.loader import _spread, load_site
from recaps.models import Programme, Session
from recaps.reader import read_markdown
from recaps.translation import source_version, with_source_version

BASE = Path(__file__).resolve().parents[1] / "golden" / "check" / "_base"
PROGRAMMES = 12

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="items are loaded in one process where fork is missing"
)


def _tree(root: Path) -> Path:
    """Twelve programmes of three sessions, with an error or a stale translation here and there."""
    shutil.copytree(BASE, root)
    demo = root / "sessions" / "parcours-demo"
    for k in range(1, PROGRAMMES + 1):
        folder = root / "sessions" / f"parcours-{k}"
        folder.mkdir()
        for lang in ("fr", "en"):
            text = (demo / f"programme.{lang}.md").read_text(encoding="utf-8")
            (folder / f"programme.{lang}.md").write_text(text.replace("parcours-demo", f"parcours-{k}"), encoding="utf-8")
            for number in (1, 2, 3):
                text = (demo / f"session-1.{lang}.md").read_text(encoding="utf-8")
                text = (text.replace("parcours-demo", f"parcours-{k}").replace("id: session-1", f"id: session-{number}")
                        .replace("number: 1", f"number: {number}").replace("number: 2", f"number: {number + 1}"))
                if lang == "fr" and number == k % 3 + 1:
                    text = text.replace("speaker: paul-durand", f"speaker: personne-{k}")  # unknown person
                (folder / f"session-{number}.{lang}.md").write_text(text, encoding="utf-8")
    shutil.rmtree(demo)
    for french in sorted(root.glob("sessions/parcours-*/*.fr.md")):
        english = french.with_name(french.name.replace(".fr.md", ".en.md"))
        model = Programme if french.name.startswith("programme") else Session
        source, _ = read_markdown(root, french.relative_to(root).as_posix())
        english.write_text(with_source_version(english.read_text(encoding="utf-8"), source_version(model, source)),
                           encoding="utf-8")
        if french.parent.name in ("parcours-4", "parcours-8", "parcours-12") and french.name.startswith("session"):
            with french.open("a", encoding="utf-8") as file:
                file.write("\nUne phrase ajoutée après la traduction.\n")  # the English is now stale
    return root


def _summary(root: Path) -> tuple:
    site, report = load_site(root)
    return (
        [(row.kind, row.id, row.source, row.translation, row.state) for row in site.status],
        {pid: ([s.id for s in p.sessions], p.content) for pid, p in site.programmes.items()},
        [(s.id, s.content, {lang: (d.body, d.lines) for lang, d in s.documents.items()}) for s in site.sessions],
        {pid: p.content for pid, p in site.partners.items()},
        report.render(),
    )


def _parallel(monkeypatch: pytest.MonkeyPatch, cores: int = 2) -> None:
    """A process per core (two by default), whatever this machine's cores, from the first item."""
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    monkeypatch.setattr(loader, "PARALLEL_FROM", 1)


@pytest.mark.parametrize("cores", [2, 4])
def test_several_processes_load_what_one_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cores: int) -> None:
    root = _tree(tmp_path / "site")
    monkeypatch.setattr(loader, "PARALLEL_FROM", 10**9)
    serial = _summary(root)

    forks = []
    get_context = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context", lambda method=None: forks.append(method) or get_context(method))
    _parallel(monkeypatch, cores)
    monkeypatch.setattr(loader, "MESSAGE_ITEMS", 5)  # each process's items in several messages
    parallel = _summary(root)

    assert forks == ["fork"]
    assert multiprocessing.active_children() == []
    assert parallel == serial
    statuses, programmes, sessions, _, errors = serial
    assert len(programmes) == PROGRAMMES and len(sessions) == 3 * PROGRAMMES
    stale = [(kind, item) for kind, item, *_, state in statuses if state.value == "stale"]
    assert set(stale) == {("session", f"parcours-{k}/session-{n}") for k in (4, 8, 12) for n in (1, 2, 3)} | {
        ("partner", "atelier-nord")  # the base tree's partner translates an older French text
    }
    assert errors.count("no person 'personne-") == PROGRAMMES
    assert errors.count("is above the programme's 3 planned sessions") == PROGRAMMES  # next_session 4


def test_the_other_process_takes_items_spread_over_the_list() -> None:
    """Sessions and partners differ in weight: each process gets some of each."""
    assert _spread(10, 4) == [2, 4, 7, 9]
    assert _spread(10, 5) == [1, 3, 5, 7, 9]
    assert _spread(1268, 595) == sorted(set(_spread(1268, 595))) and len(_spread(1268, 595)) == 595
    assert _spread(7, 0) == [] and _spread(7, 7) == list(range(7))


def _loading(monkeypatch: pytest.MonkeyPatch, elsewhere, here=None) -> None:
    """Items loaded by ``elsewhere`` in the other processes, and by ``here`` in this one (by
    default, as they are)."""
    parent, run_job = os.getpid(), loader._run_job
    here = here or run_job
    monkeypatch.setattr(loader, "_run_job", lambda *job: (here if os.getpid() == parent else elsewhere)(*job))


def _a_bug(*_) -> None:
    raise ZeroDivisionError("a bug")


def _exit_3(*_) -> None:
    os._exit(3)


def _large_item(*_) -> tuple:
    return None, ["x" * 200_000]  # more than a pipe holds


def test_a_bug_in_the_other_process_is_raised_here_with_its_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _tree(tmp_path / "site")
    _parallel(monkeypatch)
    _loading(monkeypatch, elsewhere=_a_bug)
    with pytest.raises(RuntimeError) as raised:
        load_site(root)
    message = str(raised.value)
    assert message.startswith("a loading process failed:\nTraceback (most recent call last):")
    assert message.endswith("ZeroDivisionError: a bug\n")


def test_the_other_process_ending_without_its_items_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _tree(tmp_path / "site")
    _parallel(monkeypatch)
    _loading(monkeypatch, elsewhere=_exit_3)
    with pytest.raises(RuntimeError, match=r"^a loading process stopped \(exit code 3\) without its results$"):
        load_site(root)


def test_a_bug_here_stops_the_other_processes_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _tree(tmp_path / "site")
    _parallel(monkeypatch, cores=4)
    _loading(monkeypatch, elsewhere=_large_item, here=_a_bug)
    with pytest.raises(ZeroDivisionError, match="^a bug$"):
        load_site(root)
    assert multiprocessing.active_children() == []


def test_the_other_process_stops_when_nobody_reads_its_items(monkeypatch: pytest.MonkeyPatch) -> None:
    """It closes its copy of the pipe's reading end: once this process closes its own, the
    other's send fails and it ends, instead of waiting forever (as after a crash of this one)."""
    _loading(monkeypatch, elsewhere=_large_item)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=loader._load_share, args=(Path("."), ["job"] * 10, list(range(10)), False,
                                                               sender, [receiver]))
    process.start()
    sender.close()
    receiver.close()
    process.join(timeout=20)
    ended = process.exitcode
    if ended is None:
        process.kill()  # still waiting to send: the defect this test is about
        process.join()
    assert ended == 0


def test_where_no_more_processes_can_start_this_one_loads_their_items(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _tree(tmp_path / "site")
    monkeypatch.setattr(loader, "PARALLEL_FROM", 10**9)
    serial = _summary(root)

    fork = multiprocessing.get_context("fork")
    started = []

    class NoProcessToBeHad(fork.Process):
        """The first process starts; the next ones fail as fork does when it cannot (EAGAIN)."""

        def start(self) -> None:
            if started:
                raise BlockingIOError(11, "Resource temporarily unavailable")
            started.append(self)
            super().start()

    class Context:
        Pipe = staticmethod(fork.Pipe)
        Process = NoProcessToBeHad

    monkeypatch.setattr(multiprocessing, "get_context", lambda method=None: Context)
    _parallel(monkeypatch, cores=4)
    assert _summary(root) == serial
    assert len(started) == 1 and started[0].exitcode == 0
