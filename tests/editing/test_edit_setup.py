"""What `recaps edit` is installed with: Decap CMS and decap-server from the npm registry, pinned
by package-lock.json, and scripts/node-tools, which installs them and says what is missing."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REGISTRY = "https://registry.npmjs.org/"


def test_decap_comes_from_the_registry_pinned_by_the_lock() -> None:
    manifest = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    assert manifest["dependencies"] == {"decap-cms": "~3.16.3", "decap-server": "~3.11.3"}
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    packages = {name: entry for name, entry in lock["packages"].items() if name}
    assert packages["node_modules/decap-cms"]["version"].startswith("3.16.")
    assert packages["node_modules/decap-server"]["version"].startswith("3.11.")
    # Every package named by name and version (fetched from the registry npm is set to use: the
    # npm registry's, by default) and checked by its SHA-512; none from Git, a file or another address.
    for name, entry in packages.items():
        assert entry["integrity"].startswith("sha512-"), name
        assert entry.get("resolved", REGISTRY).startswith(REGISTRY), name
        assert ":" not in entry["version"] and "link" not in entry, name
    # Only the Nu Html Checker runs code at install time (it was so before Decap came).
    assert [name for name, entry in packages.items() if entry.get("hasInstallScript")] == ["node_modules/vnu-jar"]


def test_node_tools_without_node_says_what_to_install(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"  # what the script needs, and no node or npm
    bin_dir.mkdir()
    for tool in ("bash", "dirname", "cmp", "cp"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    result = subprocess.run([str(bin_dir / "bash"), str(REPO / "scripts/node-tools")],
                            capture_output=True, text=True, env={"PATH": str(bin_dir)})
    assert (result.returncode, result.stdout, result.stderr) == (
        1, "", "node-tools: Node.js and npm are not installed (on Debian: sudo apt install nodejs npm)\n")


def test_node_tools_installs_nothing_when_the_lock_is_installed() -> None:
    # run-tests ran it before this session: node_modules/ holds what the lock pins.
    installed = REPO / "node_modules/.installed-lock.json"
    assert installed.read_bytes() == (REPO / "package-lock.json").read_bytes()
    before = installed.stat().st_mtime_ns
    result = subprocess.run([str(REPO / "scripts/node-tools")], capture_output=True, text=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert installed.stat().st_mtime_ns == before
    assert (REPO / "node_modules/decap-cms/dist/decap-cms.js").is_file()
    assert (REPO / "node_modules/decap-server/dist/index.js").is_file()
