"""`recaps serve` builds everything again when a partial rebuild cannot show an edit (the plugin
raises FullBuildNeeded, recaps.build.update_site answers None)."""

from __future__ import annotations

from processes import get, wait_for

SESSION = "sessions/parcours-cec-industries/session-5.fr.md"
PROGRAMME = "/parcours-cec-industries/"  # lists its sessions by title


def test_a_new_title_is_served_after_a_full_build(served_repo) -> None:
    root, base, output, _ = served_repo
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
