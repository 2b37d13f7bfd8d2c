"""`recaps serve` builds everything again when a partial rebuild cannot show an edit (the plugin
raises FullBuildNeeded, recaps.build.update_site answers None)."""

from __future__ import annotations

import subprocess
import sys
import threading

from processes import free_port, get, wait_for

SESSION = "sessions/parcours-cec-industries/session-5.fr.md"
PROGRAMME = "/parcours-cec-industries/"  # lists its sessions by title


def test_a_new_title_is_served_after_a_full_build(copy_repo) -> None:
    root = copy_repo("served-title")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "recaps", "-C", str(root), "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(iter(process.stdout.readline, "")), daemon=True)
    reader.start()
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: "Rebuilt both languages.\n" in output, 90, "the first build")
        assert "Embarquer son écosystème" in get(base + PROGRAMME)[1]
        source = root / SESSION
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace('title: "Embarquer son écosystème"', 'title: "Embarquer tout son écosystème"'),
                          encoding="utf-8")
        wait_for(lambda: "Embarquer tout son écosystème" in get(base + PROGRAMME)[1], 60, "the new title on another page")
        wait_for(lambda: output.count("Rebuilt both languages.\n") == 2, 10, "the full build's line")
        assert [line for line in output if line.startswith(("Rebuilt", "error", "["))] == ["Rebuilt both languages.\n"] * 2
        assert not any("Traceback" in line for line in output), "".join(output)
    finally:
        process.terminate()
        process.wait(timeout=30)
        reader.join(timeout=10)
        process.stdout.close()
