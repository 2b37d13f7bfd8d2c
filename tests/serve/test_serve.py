"""`recaps serve`: a live preview of both languages that rebuilds on change and survives errors."""

from __future__ import annotations

import socket
import subprocess
import sys

from processes import get, wait_for

SESSION = "sessions/parcours-cec-industries/session-5.fr.md"


def test_serve_previews_both_languages_and_rebuilds(served_repo) -> None:
    root, base, output, process = served_repo
    page = "/parcours-cec-industries/session-5/"
    status, french = wait_for(lambda: (lambda r: r if r[0] == 200 else None)(get(base + page)), 60, "the French page")
    assert "Embarquer son écosystème" in french and '<html lang="fr"' in french
    status, english = get(base + "/en" + page)
    assert status == 200 and '<html lang="en"' in english and "Bringing your ecosystem on board" in english

    source = root / SESSION
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace('title: "Embarquer son écosystème"', 'title: "Embarquer tout son écosystème"'), encoding="utf-8")
    wait_for(lambda: "Embarquer tout son écosystème" in get(base + page)[1], 30, "the edited title")

    # A content error: reported in the `check` format, and shown in place of the pages
    # (tests/serve/test_serve_error_page.py).
    source.write_text(text.replace("number: 5", "number: five"), encoding="utf-8")
    wait_for(lambda: any(f"{SESSION}:" in line and "number: must be a whole number" in line for line in output),
              30, "the error report")
    assert process.poll() is None, "serve died on a content error"
    assert get(base + page)[0] == 500

    # Fixed again: the preview follows.
    source.write_text(text, encoding="utf-8")
    wait_for(lambda: (lambda r: r[0] == 200 and "Embarquer son écosystème" in r[1]
                       and "Embarquer tout son écosystème" not in r[1])(get(base + page)), 30, "the fixed page")
    assert process.poll() is None
    assert not any("Traceback" in line for line in output), "".join(output)


def test_serve_on_a_busy_port_says_so(copy_repo) -> None:
    root = copy_repo("busy")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "recaps", "-C", str(root), "serve", "--port", str(port)],
            capture_output=True, text=True, timeout=120,
        )
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == (
        f"error: cannot serve on 127.0.0.1:{port}: Address already in use; try another --port"
    )
    assert "Traceback" not in result.stdout + result.stderr


def test_serve_rebuilds_only_the_pages_an_edit_changes(served_repo) -> None:
    root, base, output, process = served_repo
    page = "/parcours-cec-industries/session-5/"
    wait_for(lambda: get(base + page)[0] == 200, 60, "the French page")
    source = root / SESSION
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("\n\n", "\n\nUne phrase de plus dans le récit.\n\n", 1), encoding="utf-8")
    wait_for(lambda: "Une phrase de plus dans le récit." in get(base + page)[1], 30, "the edited body")
    assert any(line.strip() == "Rebuilt the changed pages." for line in output), "".join(output)
    # The English translation is now out of date: its page says so at once.
    wait_for(lambda: "Translation may be out of date" in get(base + "/en" + page)[1], 30, "the stale notice")
    assert not any("Traceback" in line for line in output), "".join(output)
