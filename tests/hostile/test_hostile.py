"""Hostile and broken input: `recaps check` answers each with a clear error, fast, in bounded memory.

Same format as the golden cases (see tests/golden/README.md and tests/checkcases.py): each folder
here is a case with ``tree/`` laid over ``tests/golden/check/_base`` and the expected output in
English and French, ``expected.en.txt`` and ``expected.fr.txt``. What
cannot or should not be committed (50 MB files, symbolic links, pipes, raw control bytes, file
names that are not UTF-8) is made at run time by the case's function in ``SETUP``.

Every case must finish within its time budget and never raise; the cases in ``MEASURED`` also run
under tracemalloc, and must stay under ``MAX_PEAK_BYTES`` of Python allocations. The English run
is the one measured; the French one is run after it, on the same tree.
"""

from __future__ import annotations

import os
import signal
import time
import tracemalloc
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import pytest
from checkcases import assert_expected, build_tree, case_names, run_check

HERE = Path(__file__).parent
CASES = case_names(HERE)
SESSION = "sessions/parcours-demo/session-1.fr.md"
PARTNER = "partners/atelier-nord.fr.md"
MB = 1024 * 1024

DEFAULT_SECONDS = 5.0
SECONDS: dict[str, float] = {}
MEASURED = {"yaml-alias-bomb", "yaml-alias-bomb-registry", "yaml-deep-flow-100k", "yaml-deep-flow-mappings",
            "yaml-deep-block", "yaml-too-many-values", "file-50mb", "title-1mb", "body-1mb-line"}
MAX_PEAK_BYTES = 64 * MB


def _edit(tree: Path, rel: str, old: bytes, new: bytes) -> None:
    path = tree / rel
    data = path.read_bytes()
    assert old in data, f"{rel} has no {old!r}"
    path.write_bytes(data.replace(old, new, 1))


def _write(tree: Path, rel: str, data: bytes) -> None:
    path = tree / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _session(old: bytes, new: bytes) -> Callable[[Path], None]:
    return lambda tree: _edit(tree, SESSION, old, new)


def _big_file(tree: Path) -> None:
    # Valid front matter, then 50 MB of text: refused from its size, without being read.
    path = tree / PARTNER
    with path.open("ab") as handle:
        handle.write(b"Lorem ipsum dolor sit amet. " * (50 * MB // 28 + 1))


def _just_over(tree: Path) -> None:
    path = tree / PARTNER
    size = path.stat().st_size
    with path.open("ab") as handle:
        handle.write(b"a" * (2 * MB + 1 - size))


def _png(tree: Path) -> None:
    _write(tree, "partners/logo.fr.md", bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    ))


def _utf16(encoding: str) -> Callable[[Path], None]:
    def setup(tree: Path) -> None:
        path = tree / PARTNER
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    return setup


def _symlink(rel: str, target: str | Path) -> Callable[[Path], None]:
    def setup(tree: Path) -> None:
        link = tree / rel
        link.parent.mkdir(parents=True, exist_ok=True)
        if link.exists() or link.is_symlink():
            if link.is_dir() and not link.is_symlink():
                import shutil

                shutil.rmtree(link)
            else:
                link.unlink()
        os.symlink(target, link)
    return setup


def _outside(tree: Path) -> Path:
    """A folder next to the repository, with something secret-looking in it."""
    folder = tree.parent / "outside"
    folder.mkdir(exist_ok=True)
    (folder / "secret.fr.md").write_text("---\nid: secret\n---\nroot:x:0:0\n", encoding="utf-8")
    return folder


def _symlink_outside_folder(tree: Path) -> None:
    _symlink("docs/leak", _outside(tree))(tree)


def _symlink_outside_file(tree: Path) -> None:
    _symlink("partners/secret.fr.md", _outside(tree) / "secret.fr.md")(tree)
    _symlink("docs/passwd.fr.md", "/etc/passwd")(tree)


def _symlink_registry(tree: Path) -> None:
    _symlink("sessions/people.yml", "/etc/passwd")(tree)


def _symlink_top_folder(tree: Path) -> None:
    _symlink("docs", _outside(tree))(tree)


def _symlink_images_folder(tree: Path) -> None:
    # An images folder is not walked, yet its Markdown files are reported (tree.py): not through
    # a link out of the repository, whose file names are not the content's to say.
    _symlink("partners/images", _outside(tree))(tree)


def _symlink_inside_folder(tree: Path) -> None:
    _symlink("sessions/parcours-copie", "parcours-demo")(tree)
    _symlink("partners/atelier-copie.fr.md", "atelier-nord.fr.md")(tree)  # a file inside: followed


def _loop_and_dangling(tree: Path) -> None:
    _symlink("partners/boucle.fr.md", "boucle.fr.md")(tree)
    _symlink("partners/absent.fr.md", "nulle-part.fr.md")(tree)


def _fifo(tree: Path) -> None:
    os.mkfifo(tree / "partners/tuyau.fr.md")  # opening it for reading would wait for a writer


DEEP = 1500  # deeper than os.walk (and shutil.rmtree) recurse on Python 3.11, shorter than PATH_MAX


def _deep_folders(tree: Path) -> Callable[[], None]:
    path = tree / "docs"
    path.mkdir(exist_ok=True)
    for _ in range(DEEP):  # os.makedirs recurses too
        path = path / "d"
        path.mkdir()
    (path / "page.fr.md").write_text("# Deep\n", encoding="utf-8")

    def remove() -> None:  # pytest's clean-up of old temporary folders would recurse
        (path / "page.fr.md").unlink()
        folder = path
        while folder != tree / "docs":
            folder.rmdir()
            folder = folder.parent
    return remove


def _not_utf8_name(tree: Path) -> None:
    os.rename(tree / PARTNER, os.fsencode(tree / "partners") + b"/caf\xe9.fr.md")


def _newline_name(tree: Path) -> None:
    os.rename(tree / PARTNER, tree / "partners" / "atelier\nnord.fr.md")


def _deep_block(tree: Path) -> None:
    nested = "".join("  " * (i + 1) + "a:\n" for i in range(1000)) + "  " * 1001 + "b\n"
    _edit(tree, SESSION, b"city: Lille\n", b"city: Lille\nextra:\n" + nested.encode())


def _text_lengths(tree: Path) -> None:
    _edit(tree, SESSION, "text: \"Prendre le temps d’écouter.\"".encode(), b"text: \"" + b"n" * 2001 + b"\"")
    _edit(tree, SESSION, "text: \"Commençons ensemble.\"".encode(), b"text: \"" + b"q" * 5001 + b"\"")
    _edit(tree, SESSION, "summary: \"La première session.\"".encode(), b"summary: \"" + b"s" * 2000 + b"\"")
    _edit(tree, SESSION, "city: Lille".encode(), b"city: " + b"c" * 301)


def _bidi_controls(tree: Path) -> None:
    # The right-to-left override of the issue, in a title (published in pages, menus and feeds),
    # an isolate in a partner's body; a right-to-left mark beside a Hebrew name is accepted.
    _edit(tree, SESSION, b'title: "Se rencontrer"', 'title: "Se rencontrer \u202egpj.exe"'.encode())
    _edit(tree, PARTNER, "L’Atelier du Nord.\n".encode(), "L’Atelier du Nord, \u2067\u05e9\u05dc\u05d5\u05dd\u2069.\n".encode())
    _edit(tree, "sessions/people.yml", b"name: Paul Durand", "name: Paul Durand (\u05e4\u05d0\u05d5\u05dc\u200f)".encode())


def _partner_with_logo(tree: Path, pid: str, file: str, alt: str = "Le logo") -> None:
    alt_line = f'  alt: "{alt}"\n' if alt else ""
    _write(tree, f"partners/{pid}.fr.md", (
        f'---\nid: {pid}\nname: "Partenaire {pid}"\nkind: company\nwebsite: "https://{pid}.example"\n'
        f'mission: "Une mission."\nlogo:\n  file: "{file}"\n{alt_line}---\n\nUn partenaire.\n').encode())


def _images_every_problem(tree: Path) -> None:
    """Every problem an image file can have, one per item, with the fields' lines: made here, as
    no test commits an image (tests/fixture_images.py)."""
    import fixture_images as fx

    images = tree / "partners/images"
    _edit(tree, SESSION, b"next_session:", b'image:\n  file: images/absente.jpg\n  alt: " "\nnext_session:')
    _partner_with_logo(tree, "logo-absolu", "/etc/logo.png")
    _partner_with_logo(tree, "logo-dehors", "../../outside/logo.png")
    fx.logo(_outside(tree) / "logo.png")
    _partner_with_logo(tree, "logo-lien", "images/lien.png")
    _symlink("partners/images/lien.png", tree.parent / "outside/logo.png")(tree)
    _partner_with_logo(tree, "logo-texte", "images/texte.jpg")
    _write(tree, "partners/images/texte.jpg", b"Ceci n'est pas une image.\n")
    _partner_with_logo(tree, "logo-point", "images/point.png")
    fx.logo(images / "point.png", 1, 1)
    _partner_with_logo(tree, "logo-geant", "images/geant.png")
    fx.png_header(images / "geant.png", 10_000, 6_000)
    _partner_with_logo(tree, "logo-bombe", "images/bombe.png")
    fx.png_header(images / "bombe.png", 100_000, 100_000)
    _partner_with_logo(tree, "logo-lourd", "images/lourd.jpg")
    _write(tree, "partners/images/lourd.jpg", b"\xff\xd8\xff" + b"\0" * (21 * MB))
    _partner_with_logo(tree, "logo-coupe", "images/coupe.jpg")
    fx.cut_short(images / "coupe.jpg")
    _partner_with_logo(tree, "logo-gif", "images/anime.gif")
    fx.gif(images / "anime.gif")
    _partner_with_logo(tree, "logo-dossier", "images")
    _partner_with_logo(tree, "logo-sans-alt", "images/bon.png", alt="")
    fx.logo(images / "bon.png")
    _edit(tree, "sessions/people.yml", b'      en: "founder"\n', b'      en: "founder"\n    portrait:\n      file: images/paul.jpg\n')
    fx.photo(tree / "sessions/images/paul.jpg", 120, 160)


def _images_accepted(tree: Path) -> None:
    """A cover photo turned by its EXIF orientation (stored 900 px wide, shown 1300), a logo with
    transparency, a portrait; the English translates the photo's texts."""
    import fixture_images as fx

    _edit(tree, SESSION, b"next_session:", b'image:\n  file: images/salle.jpg\n  alt: "La salle."\n'
                                           b'  caption: "La salle."\n  credit: "X"\nnext_session:')
    fx.photo(tree / "sessions/parcours-demo/images/salle.jpg", 900, 1300, orientation=6)
    _edit(tree, "sessions/parcours-demo/session-1.en.md", b"next_session:",
          b'image:\n  alt: "The room."\n  caption: "The room."\nnext_session:')
    _edit(tree, PARTNER, b"people:", b'logo:\n  file: images/atelier.png\n  alt: "L\xe2\x80\x99Atelier du Nord"\npeople:')
    _edit(tree, "partners/atelier-nord.en.md", b"---\n\n", b'logo:\n  alt: "The Atelier du Nord"\n---\n\n')
    fx.logo(tree / "partners/images/atelier.png", 400, 200)
    _edit(tree, "sessions/people.yml", b'      en: "founder"\n', b'      en: "founder"\n    portrait:\n      file: images/paul.jpg\n')
    fx.photo(tree / "sessions/images/paul.jpg", 400, 400)


# Each makes what the case cannot commit; it may return a clean-up to run after the check.
SETUP: dict[str, Callable[[Path], Callable[[], None] | None]] = {
    "yaml-deep-flow-100k": _session(b"city: Lille\n", b"city: Lille\nextra: " + b"[" * 100_000 + b"]" * 100_000 + b"\n"),
    "yaml-deep-flow-mappings": _session(b"city: Lille\n", b"city: Lille\nextra: " + b"{a: " * 10_000 + b"}" * 10_000 + b"\n"),
    "yaml-deep-block": _deep_block,
    "yaml-too-many-values": _session(b"tags: [cooperation]", b"tags: [" + b"cooperation, " * 6000 + b"cooperation]"),
    "file-50mb": _big_file,
    "file-just-over-limit": _just_over,
    "binary-png": _png,
    "utf16-with-bom": _utf16("utf-16"),
    "utf16-without-bom": _utf16("utf-16-be"),
    "windows-1252-smart-quotes": lambda tree: _edit(tree, PARTNER, b'mission: "Relier', b"mission: \x93Relier"),
    "nul-byte": _session(b'title: "Se rencontrer"', b'title: "Se \x00rencontrer"'),
    "control-characters": _session(b'title: "Se rencontrer"', b'title: "Se \x1b[2Jrencontrer\x07"'),
    "bidi-controls": _bidi_controls,
    "line-separator": _session(b"Le r\xc3\xa9cit de la session.", "Le récit\u2028de la session.".encode()),
    "title-1mb": _session(b'title: "Se rencontrer"', b'title: "' + b"Se rencontrer " * (MB // 14 + 1) + b'"'),
    "text-length-limits": _text_lengths,
    "file-name-not-utf8": _not_utf8_name,
    "file-name-newline": _newline_name,
    "symlink-outside-file": _symlink_outside_file,
    "symlink-outside-folder": _symlink_outside_folder,
    "symlink-registry": _symlink_registry,
    "symlink-top-folder": _symlink_top_folder,
    "symlink-images-folder": _symlink_images_folder,
    "symlink-inside-folder": _symlink_inside_folder,
    "symlink-loop-and-dangling": _loop_and_dangling,
    "fifo": _fifo,
    "deep-folders": _deep_folders,
    "markdown-too-slow": _session(b"Le r\xc3\xa9cit de la session.", b"[" * 100_000),
    "markdown-nested-too-deep": _session(b"Le r\xc3\xa9cit de la session.", b"1. " * 5_000),
    "images-every-problem": _images_every_problem,
    "images-accepted": _images_accepted,
    "body-1mb-line": _session(b"Le r\xc3\xa9cit de la session.", b"Un long paragraphe sans fin, " * (MB // 29 + 1)),
}



@contextmanager
def _hang_guard(seconds: int) -> Iterator[None]:
    """Fail, rather than hang the test run, if the check does not return."""
    def fail(signum, frame):  # noqa: ARG001
        raise AssertionError(f"recaps check did not return within {seconds} s")
    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 40


def test_every_setup_has_its_case() -> None:
    assert set(SETUP) <= set(CASES)
    assert MEASURED <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_hostile(case: str, tmp_path: Path) -> None:
    tree = tmp_path / "repo"
    build_tree(HERE / case, tree)
    clean_up = SETUP.get(case, lambda tree: None)(tree)
    measured = case in MEASURED
    try:
        with _hang_guard(60):
            if measured:
                tracemalloc.start()
            start = time.perf_counter()
            try:
                english = run_check(tree, "en")
            finally:
                elapsed = time.perf_counter() - start
                peak = tracemalloc.get_traced_memory()[1] if measured else 0
                if measured:
                    tracemalloc.stop()
            french = run_check(tree, "fr")
    finally:
        if clean_up is not None:
            clean_up()
    assert_expected(HERE / case, {"en": english, "fr": french})
    assert elapsed < SECONDS.get(case, DEFAULT_SECONDS), f"took {elapsed:.2f} s"
    assert peak < MAX_PEAK_BYTES, f"peak {peak / MB:.1f} MB of Python allocations"
