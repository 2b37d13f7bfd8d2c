"""`recaps build` writes its site only where it may, keeps the old site's hidden entries, and says
in one line why it cannot write: on a real clone of the repository with uncommitted work, every
file must still be there, byte for byte, whatever --site-dir says.

The system errors are real ones: an immutable or append-only folder (chattr), a read-only and a
full file system (tmpfs mounts). The tests run as root, as the suite does.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

DEFAULT = "choose another --site-dir (the default is site/ in the repository)"
SESSION = "sessions/parcours-cec-industries/session-5.fr.md"
STAMP = ".recaps-site"  # written out: a build that stops stamping its sites must fail here


def recaps(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`recaps build ...` run from the repository, as an editor would."""
    return subprocess.run([sys.executable, "-m", "recaps", "build", *args], cwd=root,
                          capture_output=True, text=True, timeout=120)


def tree(folder: Path, leave_out: tuple[Path, ...] = ()) -> dict[str, tuple[str, str]]:
    """Every file (its bytes), folder and link under ``folder``, but what is in ``leave_out``."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        dirnames[:] = [d for d in dirnames if here / d not in leave_out]
        for name in dirnames + filenames:
            path = here / name
            if path in leave_out:
                continue
            if path.is_symlink():
                found[path.relative_to(folder).as_posix()] = ("link", os.readlink(path))
            elif path.is_dir():
                found[path.relative_to(folder).as_posix()] = ("folder", "")
            else:
                found[path.relative_to(folder).as_posix()] = ("file", hashlib.sha256(path.read_bytes()).hexdigest())
    return found


def git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60)


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """A git clone of this repository with uncommitted work: an edited recap, a new file at the
    root, a new file in partners/; and a neighbour folder beside the clone."""
    root = tmp_path / "repo"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(root)], check=True, timeout=60)
    session = root / SESSION
    session.write_text(session.read_text(encoding="utf-8") + "\nUne phrase pas encore enregistrée.\n", encoding="utf-8")
    (root / "notes.txt").write_text("brouillon, jamais enregistré\n", encoding="utf-8")
    (root / "partners/a-contacter.txt").write_text("liste en cours\n", encoding="utf-8")
    (tmp_path / "neighbour").mkdir()
    (tmp_path / "neighbour/keep.txt").write_text("next to the repository\n", encoding="utf-8")
    return root.resolve()


def assert_untouched(root: Path, before: dict, git_status: str, leave_out: tuple[Path, ...] = ()) -> None:
    assert tree(root.parent, leave_out) == before
    log = git(root, "log", "--oneline", "-1")
    assert log.returncode == 0, log.stderr
    assert git(root, "status", "--porcelain").stdout == git_status


STATUS = " M sessions/parcours-cec-industries/session-5.fr.md\n?? notes.txt\n?? partners/a-contacter.txt\n"


# -- refused, whatever --force says --------------------------------------------------------------

NEVER = {
    ".": "{root}: it is the repository itself",
    "..": "{parent}: it contains the repository ({root})",
    "sessions": "{root}/sessions: it is the repository's sessions/ folder",
    "partners": "{root}/partners: it is the repository's partners/ folder",
    "docs": "{root}/docs: it is the repository's docs/ folder",
    "overrides": "{root}/overrides: it is the repository's overrides/ folder",
    "src": "{root}/src: it is the repository's src/ folder",
    ".git": "{root}/.git: it is the repository's .git/ folder",
    "sessions/parcours-cec-industries": "{root}/sessions/parcours-cec-industries: it is inside the repository's sessions/ folder",
    "docs/site": "{root}/docs/site: it is inside the repository's docs/ folder",
    ".git/site": "{root}/.git/site: it is inside the repository's .git/ folder",
}


@pytest.mark.parametrize("site_dir", list(NEVER))
def test_the_repository_and_its_folders_are_refused_even_with_force(clone: Path, site_dir: str) -> None:
    before = tree(clone.parent)
    where = NEVER[site_dir].format(root=clone, parent=clone.parent)
    for force in ([], ["--force"]):
        result = recaps(clone, "--site-dir", site_dir, *force)
        assert (result.returncode, result.stdout, result.stderr) == (
            1, f"error: cannot write the site to {where}; {DEFAULT}\n", "")
        assert_untouched(clone, before, STATUS)


@pytest.mark.parametrize("args", [(), ("--site-dir", "site")], ids=["default", "site-dir"])
def test_a_file_named_site_is_refused_not_deleted(clone: Path, args: tuple[str, ...]) -> None:
    (clone / "site").write_text("not a folder\n", encoding="utf-8")
    before = tree(clone.parent)
    for force in ([], ["--force"]):
        result = recaps(clone, *args, *force)
        assert (result.returncode, result.stdout, result.stderr) == (
            1, f"error: cannot write the site to {clone}/site: it is a file, not a folder; "
               "move it away or choose another --site-dir\n", "")
        assert_untouched(clone, before, STATUS + "?? site\n")


@pytest.mark.parametrize("link, where", [
    ("sessions", "{root}/sessions: it is the repository's sessions/ folder"),
    ("../repo", "{root}: it is the repository itself"),
    ("..", "{parent}: it contains the repository ({root})"),
], ids=["sessions", "repository", "parent"])
def test_a_link_is_followed_to_a_refused_place(clone: Path, link: str, where: str) -> None:
    (clone / "site").symlink_to(link)
    before = tree(clone.parent)
    for force in ([], ["--force"]):
        result = recaps(clone, *force)
        assert (result.returncode, result.stdout, result.stderr) == (
            1, f"error: cannot write the site to {clone}/site -> {where.format(root=clone, parent=clone.parent)}; "
               f"{DEFAULT}\n", "")
        assert_untouched(clone, before, STATUS + "?? site\n")


def test_a_content_folder_reached_through_a_link_is_refused(clone: Path) -> None:
    """partners/ is a link to a shared folder: the folder that holds that one holds the content."""
    shared = clone.parent / "shared"
    shared.mkdir()
    os.rename(clone / "partners", shared / "partners")
    (clone / "partners").symlink_to(shared / "partners")
    before = tree(clone.parent)
    for force in ([], ["--force"]):
        result = recaps(clone, "--site-dir", "../shared", *force)
        assert (result.returncode, result.stdout, result.stderr) == (
            1, f"error: cannot write the site to {shared}: it contains the repository's partners/ folder "
               f"({shared}/partners); {DEFAULT}\n", "")
        assert tree(clone.parent) == before


def test_a_loop_of_links_is_refused(clone: Path) -> None:
    (clone / "site").symlink_to("site")
    result = recaps(clone)
    assert (result.returncode, result.stdout, result.stderr) == (
        1, f"error: cannot write the site to {clone}/site: Symlink loop from '{clone}/site'; {DEFAULT}\n", "")


def test_refusals_come_before_the_content_is_read(clone: Path) -> None:
    """With content that does not load, the refusal is all that is said: nothing was read."""
    (clone / SESSION).write_text("---\ntitle: [\n", encoding="utf-8")
    (clone / "foreign").mkdir()
    (clone / "foreign/page.html").write_text("<p>mine</p>\n", encoding="utf-8")
    assert recaps(clone, "--site-dir", "fresh").stdout.startswith(f"{SESSION}:")  # it does not load
    before = tree(clone.parent)
    for site_dir in (".", "sessions", "foreign"):
        result = recaps(clone, "--site-dir", site_dir)
        assert result.returncode == 1
        assert result.stdout.startswith(f"error: cannot write the site to {clone}"), result.stdout
        assert result.stdout.count("\n") == 1 and result.stderr == ""
    assert tree(clone.parent) == before


# -- someone else's folder: refused, or replaced with --force --------------------------------------

FOREIGN = ("error: cannot write the site to {public}: it holds files that recaps did not build (no .recaps-site file), "
           "which a build would delete; empty it, choose another --site-dir, or pass --force to replace them "
           "(hidden entries such as .git are kept)\n")


def test_a_folder_recaps_did_not_build_is_refused_then_replaced_with_force(clone: Path) -> None:
    public = clone.parent / "public"
    (public / "old").mkdir(parents=True)
    (public / "index.html").write_text("<p>written by hand</p>\n", encoding="utf-8")
    (public / "old/page.html").write_text("<p>old</p>\n", encoding="utf-8")
    (public / ".htaccess").write_text("Options -Indexes\n", encoding="utf-8")
    before = tree(clone.parent)
    result = recaps(clone, "--site-dir", "../public")
    assert (result.returncode, result.stdout, result.stderr) == (1, FOREIGN.format(public=public), "")
    assert_untouched(clone, before, STATUS)

    result = recaps(clone, "--site-dir", "../public", "--force")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    assert_untouched(clone, {k: v for k, v in before.items() if not k.startswith("public")}, STATUS, (public,))
    assert (public / ".htaccess").read_text(encoding="utf-8") == "Options -Indexes\n"
    assert not (public / "old").exists()
    assert "written by hand" not in (public / "index.html").read_text(encoding="utf-8")
    assert (public / STAMP).is_file() and (public / "en/index.html").is_file()


def test_an_empty_folder_or_one_of_hidden_entries_only_is_taken(clone: Path) -> None:
    """Nothing in them would be lost (hidden entries are kept): they are taken. The content does
    not load here, so that no build runs: a refusal would have been said instead."""
    (clone / SESSION).write_text("---\ntitle: [\n", encoding="utf-8")
    (clone.parent / "empty").mkdir()
    (clone.parent / "checkout/.git").mkdir(parents=True)
    for site_dir in ("../empty", "../checkout"):
        result = recaps(clone, "--site-dir", site_dir)
        assert result.returncode == 1
        assert result.stdout.startswith(f"{SESSION}:"), result.stdout  # the content, not the folder


# -- builds that go through ---------------------------------------------------------------------


def test_a_link_is_followed_and_kept(clone: Path) -> None:
    webroot = clone.parent / "webroot"
    webroot.mkdir()
    (webroot / STAMP).write_text("built before\n", encoding="utf-8")
    (webroot / "stale.html").write_text("<p>gone in the next build</p>\n", encoding="utf-8")
    (clone / "site").symlink_to("../webroot")
    before = tree(clone.parent, (webroot,))
    result = recaps(clone)
    assert (result.returncode, result.stderr) == (0, ""), result.stdout
    assert result.stdout.splitlines()[-1].startswith("Built site/ (fr) and site/en/ (en) in ")
    assert os.readlink(clone / "site") == "../webroot"
    assert (webroot / "index.html").is_file() and (webroot / "en/index.html").is_file()
    assert not (webroot / "stale.html").exists()
    assert "Une phrase pas encore enregistrée." in (webroot / "parcours-cec-industries/session-5/index.html").read_text(encoding="utf-8")
    assert_untouched(clone, before, STATUS + "?? site\n", (webroot,))
    assert [p.name for p in clone.parent.iterdir() if p.name.startswith(".recaps-build-")] == []


def deployment_checkout(site: Path) -> dict[str, tuple[str, str]]:
    """``site``, a site built before, made a git checkout (as for a publishing branch), with a
    .nojekyll; what its hidden entries hold."""
    site.mkdir(parents=True)
    (site / STAMP).write_text("built before\n", encoding="utf-8")
    (site / "stale.html").write_text("<p>old</p>\n", encoding="utf-8")
    for command in (["init", "--quiet"], ["add", "-A"],
                    ["-c", "user.name=Bot", "-c", "user.email=bot@example.org", "commit", "--quiet", "-m", "Publish"]):
        assert git(site, *command).returncode == 0
    (site / ".nojekyll").write_text("", encoding="utf-8")
    return hidden(site)


def hidden(site: Path) -> dict[str, tuple[str, str]]:
    return {k: v for k, v in tree(site).items() if k.startswith(".") and not k.startswith(STAMP)}


def test_a_rebuild_keeps_the_hidden_entries_of_the_site(clone: Path) -> None:
    site = clone / "site"
    kept = deployment_checkout(site)
    before = tree(clone.parent, (site,))
    result = recaps(clone)
    assert (result.returncode, result.stderr) == (0, ""), result.stdout
    assert hidden(site) == kept
    assert git(site, "log", "--format=%s").stdout == "Publish\n"
    assert not (site / "stale.html").exists() and (site / "index.html").is_file()
    assert_untouched(clone, before, STATUS, (site,))


# -- failures put the hidden entries back -------------------------------------------------------


@contextmanager
def attribute(path: Path, flag: str) -> Iterator[None]:
    """``chattr +flag path`` for the time of the block."""
    subprocess.run(["chattr", f"+{flag}", str(path)], check=True)
    try:
        yield
    finally:
        subprocess.run(["chattr", f"-{flag}", str(path)], check=True)


def after_progress(stdout: str) -> str:
    """What a build that made both languages says after its line for each (`fr: 19 pages in 3.2 s`)."""
    progress = re.match(r"(?:(?:fr|en): 19 pages in \d+\.\d s\n){2}", stdout)
    assert progress, stdout
    return stdout[progress.end():]


PERMISSION = ("Operation not permitted{where}; check the permissions and attributes (`lsattr -d`) of that path "
              "and its folder, or choose another --site-dir; the site folder was left as it was\n")


def test_a_swap_refused_after_the_hidden_entries_were_moved_puts_them_back(clone: Path) -> None:
    """The folder that holds the site is append-only: the build, its work folder and the moves of
    the hidden entries go through, the swap is refused."""
    deploy = clone.parent / "deploy"
    site = deploy / "site"
    deployment_checkout(site)
    before = tree(site)
    with attribute(deploy, "a"):
        result = recaps(clone, "--site-dir", str(site))
    assert (result.returncode, after_progress(result.stdout), result.stderr) == (
        1, f"error: cannot write the site to {site}: " + PERMISSION.format(where=""), "")
    assert tree(site) == before
    assert git(site, "log", "--format=%s").stdout == "Publish\n"
    # Its work folder could not be removed from the append-only folder, but it was emptied.
    (leftover,) = [p for p in deploy.iterdir() if p != site]
    assert list(leftover.iterdir()) == []


def test_a_hidden_entry_that_cannot_be_moved_puts_back_those_that_were(clone: Path) -> None:
    site = clone / "site"
    deployment_checkout(site)
    (site / ".zz-immutable").write_text("cannot move\n", encoding="utf-8")
    before = tree(site)
    with attribute(site / ".zz-immutable", "i"):
        result = recaps(clone)
    assert (result.returncode, after_progress(result.stdout), result.stderr) == (
        1, f"error: cannot write the site to {site}: " + PERMISSION.format(where=f" ({site}/.zz-immutable)"), "")
    assert tree(site) == before  # .git and .nojekyll, moved first, are back
    assert [p for p in clone.iterdir() if p.name.startswith(".recaps-build-")] == []


def test_a_killed_build_that_had_moved_the_hidden_entries_has_them_put_back(clone: Path) -> None:
    """What a build killed between moving the hidden entries and the swap leaves: its work folder
    holds the new tree with .git and .nojekyll in it, and the list of what it moved."""
    site = clone / "site"
    kept = deployment_checkout(site)
    work = clone / f".recaps-build-{dead_pid()}-killed"
    (work / "fr").mkdir(parents=True)
    (work / "fr/index.html").write_text("<p>new</p>\n", encoding="utf-8")
    for name in (".git", ".nojekyll"):
        os.rename(site / name, work / "fr" / name)
    moved = {"site": str(site), "into": str(work / "fr"), "entries": [".git", ".nojekyll"]}
    (work / "moved.json").write_text(json.dumps(moved), encoding="utf-8")
    result = recaps(clone)
    assert (result.returncode, result.stderr) == (0, ""), result.stdout
    assert hidden(site) == kept
    assert git(site, "log", "--format=%s").stdout == "Publish\n"
    assert not work.exists()


# -- system errors: one line, the path, what to do; the site as it was ----------------------------


def test_an_immutable_site_folder(clone: Path) -> None:
    site = clone / "site"
    site.mkdir()
    (site / STAMP).write_text("built before\n", encoding="utf-8")
    (site / "index.html").write_text("<p>previous</p>\n", encoding="utf-8")
    before = tree(clone.parent)
    with attribute(site, "i"):
        result = recaps(clone)
    assert (result.returncode, after_progress(result.stdout), result.stderr) == (
        1, f"error: cannot write the site to {site}: " + PERMISSION.format(where=""), "")
    assert_untouched(clone, before, STATUS)


@contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "--lazy", str(folder)], check=True)


def test_a_read_only_file_system(clone: Path) -> None:
    with tmpfs(clone.parent / "mnt", "1m") as mount:
        site = mount / "site"
        site.mkdir()
        (site / STAMP).write_text("built before\n", encoding="utf-8")
        (site / "index.html").write_text("<p>previous</p>\n", encoding="utf-8")
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        before = tree(clone.parent)
        result = recaps(clone, "--site-dir", str(site))
        assert (result.returncode, result.stdout, result.stderr) == (
            1, f"error: cannot write the site to {site}: Read-only file system ({mount}); remount it read-write "
               "or choose another --site-dir; the site folder was left as it was\n", "")
        assert_untouched(clone, before, STATUS)


def test_a_full_file_system(clone: Path) -> None:
    """The site (1.6 MB) does not fit: the language builds fail in their own processes."""
    with tmpfs(clone.parent / "mnt", "512k") as mount:
        site = mount / "site"
        site.mkdir()
        (site / STAMP).write_text("built before\n", encoding="utf-8")
        (site / "index.html").write_text("<p>previous</p>\n", encoding="utf-8")
        before = tree(clone.parent)
        result = recaps(clone, "--site-dir", str(site))
        assert (result.returncode, result.stderr) == (1, ""), result.stderr
        assert result.stdout.startswith(f"error: cannot write the site to {site}: No space left on device"), result.stdout
        assert result.stdout.endswith("; free some space on that disk or choose another --site-dir; "
                                      "the site folder was left as it was\n")
        assert result.stdout.count("\n") == 1
        assert_untouched(clone, before, STATUS)  # and no work folder left on the full disk


def test_a_mount_point_is_refused(clone: Path) -> None:
    with tmpfs(clone.parent / "mnt", "1m") as mount:
        before = tree(clone.parent)
        result = recaps(clone, "--site-dir", str(mount))
        assert (result.returncode, result.stdout, result.stderr) == (
            1, f"error: cannot write the site to {mount}: it is a mount point, which a build cannot replace; "
               f"build into a folder inside it (--site-dir {mount}/site) or choose another --site-dir\n", "")
        assert_untouched(clone, before, STATUS)


def dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_a_build_stopped_between_two_renames_has_the_old_site_put_back(tmp_path: Path) -> None:
    """The old site is renamed into the work folder, then the new one into its place: stopped in
    between, the next build puts the old one back, with the hidden entries already moved into the
    new tree."""
    from recaps.build import clean_stale_temp_dirs

    site = tmp_path / "site"
    work = tmp_path / f".recaps-build-{dead_pid()}-stopped"
    (work / "previous").mkdir(parents=True)
    (work / "previous/index.html").write_text("<p>old</p>\n", encoding="utf-8")
    (work / "fr/.git").mkdir(parents=True)
    (work / "fr/.git/HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    moved = {"site": str(site), "into": str(work / "fr"), "entries": [".git"]}
    (work / "moved.json").write_text(json.dumps(moved), encoding="utf-8")
    clean_stale_temp_dirs(tmp_path)
    assert tree(tmp_path) == {
        "site": ("folder", ""),
        "site/index.html": ("file", hashlib.sha256(b"<p>old</p>\n").hexdigest()),
        "site/.git": ("folder", ""),
        "site/.git/HEAD": ("file", hashlib.sha256(b"ref: refs/heads/main\n").hexdigest()),
    }


def test_a_list_of_moved_entries_cut_short_means_nothing_was_moved(tmp_path: Path) -> None:
    from recaps.build import clean_stale_temp_dirs

    (tmp_path / "site").mkdir()
    work = tmp_path / f".recaps-build-{dead_pid()}-cut"
    (work / "fr").mkdir(parents=True)
    (work / "moved.json").write_text('{"site": "', encoding="utf-8")
    clean_stale_temp_dirs(tmp_path)
    assert tree(tmp_path) == {"site": ("folder", "")}


# -- found by a hostile review --------------------------------------------------------------------

INSIDE = ("error: cannot write the site to {folder}: it is a folder of the repository that recaps did not build "
          f"(no {STAMP} file); {DEFAULT}; --force is not taken there\n")


@pytest.mark.parametrize("site_dir", ["tests", "scripts", ".ci", "stash"])
def test_a_folder_of_the_repository_is_refused_even_with_force(clone: Path, site_dir: str) -> None:
    """--force replaces someone else's files outside the repository, never the repository's own:
    its tests, scripts, CI, or a folder a content file links to."""
    (clone / "stash").mkdir()
    os.rename(clone / SESSION, clone / "stash/session-5.fr.md")
    (clone / SESSION).symlink_to("../../stash/session-5.fr.md")
    before = tree(clone.parent)
    for force in ([], ["--force"]):
        result = recaps(clone, "--site-dir", site_dir, *force)
        assert (result.returncode, result.stdout, result.stderr) == (
            1, INSIDE.format(folder=clone / site_dir), "")
        assert tree(clone.parent) == before


def test_a_folder_of_other_hidden_files_is_not_taken_for_empty(clone: Path) -> None:
    home = clone.parent / "home"
    (home / ".cache").mkdir(parents=True)
    (home / ".bashrc").write_text("alias ll='ls -l'\n", encoding="utf-8")
    before = tree(clone.parent)
    result = recaps(clone, "--site-dir", "../home")
    assert (result.returncode, result.stdout, result.stderr) == (1, FOREIGN.format(public=home), "")
    assert tree(clone.parent) == before


def test_a_history_kept_elsewhere_is_refused_even_with_force(tmp_path: Path) -> None:
    """A clone made with --separate-git-dir (or a worktree) has a .git file naming its history."""
    root, history = tmp_path / "repo", tmp_path / "history"
    subprocess.run(["git", "clone", "--quiet", f"--separate-git-dir={history}", str(REPO), str(root)],
                   check=True, timeout=60)
    before = tree(tmp_path)
    for site_dir in (str(history), str(history / "site")):
        result = recaps(root, "--site-dir", site_dir, "--force")
        assert (result.returncode, result.stdout, result.stderr) == (
            1, f"error: cannot write the site to {site_dir}: it holds the repository's history ({history}); "
               f"{DEFAULT}\n", "")
    assert tree(tmp_path) == before
    assert git(root, "log", "--oneline", "-1").returncode == 0


def test_the_site_folder_keeps_its_mode_owner_and_group(clone: Path) -> None:
    """A web root readable by the server's group, with its setgid bit: the swap replaces the
    folder, so it must hand the new one the same access."""
    webroot = clone.parent / "webroot"
    webroot.mkdir()
    (webroot / STAMP).write_text("built before\n", encoding="utf-8")
    os.chown(webroot, 0, 65534)
    os.chmod(webroot, 0o2750)
    result = recaps(clone, "--site-dir", "../webroot")
    assert (result.returncode, result.stderr) == (0, ""), result.stdout
    info = os.stat(webroot)
    assert (oct(info.st_mode & 0o7777), info.st_uid, info.st_gid) == ("0o2750", 0, 65534)
    assert (webroot / "en/index.html").is_file()
