"""Ctrl-C and SIGTERM during `recaps build`, at several moments: one line, exit 130 or 143 within
seconds, no traceback, no process or temporary folder left, site/ as it was (or, for a stop that
comes while the new site goes in, the new site whole and the build's usual last line)."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from processes import group_is_gone, group_listing

from recaps.build import build_site
from recaps.sitedir import TEMP_PREFIX

STOPPED = "Interrupted: nothing was changed.\n"
SESSION = "sessions/parcours-cec-industries/session-5.fr.md"


def _digest(tree: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(tree.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(tree).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _catches_sigterm(pid: int) -> bool:
    """Whether the process has its own SIGTERM handler yet: it is past Python's own start-up."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = int(next(line for line in status.splitlines() if line.startswith("SigCgt:")).split()[1], 16)
    return bool(caught & (1 << (signal.SIGTERM - 1)))


def _wait_until(predicate, process: subprocess.Popen, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if predicate():
            return True
        time.sleep(0.002)
    return False






@pytest.fixture(scope="module")
def stopped_repo(copy_repo, tmp_path_factory):
    """A repository with a built site/, its content then changed; and the digests of both sites."""
    root = copy_repo("stops")
    assert build_site(root, root / "site").ok
    before = _digest(root / "site")
    session = root / SESSION
    session.write_text(session.read_text(encoding="utf-8").replace("Comment faire forêt", "Comment faire bois"),
                       encoding="utf-8")
    reference = tmp_path_factory.mktemp("stops-reference") / "site"
    assert build_site(root, reference).ok
    return root, before, _digest(reference)


def _importing(pid: int) -> bool:
    """Whether the process is importing the command line's code: pydantic's compiled core is in."""
    try:
        return "pydantic_core" in Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return False


# Moments of a build, each found by what it does: importing its code (a second or so on a busy
# machine), its SIGTERM handler installed (nothing loaded yet), a language build writing pages,
# English moved under the French site (what comes next is putting the new site in place).
MOMENTS = {
    "import": lambda root, pid: _importing(pid),
    "start": lambda root, pid: _catches_sigterm(pid),
    "languages": lambda root, pid: bool(list(root.glob(TEMP_PREFIX + "*/*/assets"))),
    "assembly": lambda root, pid: bool(list(root.glob(TEMP_PREFIX + "*/fr/en"))),
}
# Ctrl-C in a terminal reaches the whole process group; `kill` sends SIGTERM to one process.
SIGNALS = {"SIGINT to the group": (signal.SIGINT, True, 130), "SIGTERM to the process": (signal.SIGTERM, False, 143)}


@pytest.mark.parametrize("moment", MOMENTS)
@pytest.mark.parametrize("how", SIGNALS)
def test_a_stopped_build_says_so_and_leaves_nothing(stopped_repo, how: str, moment: str) -> None:
    root, first, second = stopped_repo
    stop, to_group, status = SIGNALS[how]
    rng = random.Random(f"{how} {moment}")
    for _ in range(2 if moment == "assembly" else 3):  # a stop then often lets a whole build finish
        before = _digest(root / "site")
        process = subprocess.Popen(
            [sys.executable, "-m", "recaps", "-C", str(root), "build"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        )
        reached = _wait_until(lambda: MOMENTS[moment](root, process.pid), process)
        time.sleep(rng.uniform(0, 0.05))
        sent = time.monotonic()
        if process.poll() is None:
            (os.killpg if to_group else os.kill)(process.pid, stop)
        out, err = process.communicate(timeout=60)
        took = time.monotonic() - sent

        assert reached or moment == "assembly", out + err
        assert took < 5, f"took {took:.1f} s to stop"
        assert err == "", err
        assert group_is_gone(process.pid), group_listing(process.pid)
        assert list(root.glob(TEMP_PREFIX + "*")) == []
        after = _digest(root / "site")
        if process.returncode == 0:  # the stop came once the new site was going in: built whole
            assert moment == "assembly", out
            assert out.splitlines()[-1].startswith("Built "), out
            assert after == second
        else:
            assert (process.returncode, out) == (status, STOPPED)
            assert after == before
        assert after in (first, second)
