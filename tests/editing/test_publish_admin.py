"""`recaps build` with `edit: publish: true` in mkdocs.yml: the editing interface at admin/ of the
French site, for Decap's GitHub backend and its editorial workflow; off, no admin/ at all.
The page loads in Chromium from the built site alone: no request leaves 127.0.0.1."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from local_server import serve_directory
import yaml

from recaps.build import build_site

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts" / "editing"
OFF = """      edit:
        publish: false
"""  # as this repository's mkdocs.yml has it
PUBLISHED = """      edit:
        publish: true
        repo: example-org/recaps
        branch: published
        base_url: https://auth.example.org
        auth_endpoint: oauth/authorize
"""
# Decap's files, copied from node_modules/decap-cms/dist/: its script, the parts it loads when
# needed, its licences; never the source maps (25 MB each) nor the second build (cms.js).
DECAP_FILE = re.compile(r"decap-cms\.js|\d+\.decap-cms\.js|decap-cms\.js\.LICENSE\.txt|[0-9a-f]{20}\.wasm")


def publishing_repo(copy_repo, name: str, plugin: str) -> Path:
    root = copy_repo(name)
    (root / "node_modules").symlink_to(REPO / "node_modules", target_is_directory=True)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count(OFF) == 1
    config.write_text(text.replace(OFF, plugin), encoding="utf-8")
    return root


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and "node_modules" not in p.parts}


@pytest.fixture(scope="module")
def published(copy_repo) -> tuple[Path, Path]:
    """``(root, site)``: the real content built with the editing interface published."""
    root = publishing_repo(copy_repo, "published", PUBLISHED)
    before = snapshot(root)
    site = root.parent / "site"
    result = build_site(root, site_dir=site)
    assert result.ok, "\n".join(result.messages) or result.report.render()
    assert snapshot(root) == before  # the build wrote nothing but its site
    assert sorted(p.name for p in root.parent.iterdir()) == ["repo", "site"]
    return root, site


def test_the_published_configuration_is_for_github_and_the_editorial_workflow(published) -> None:
    from recaps.editing.admin_site import local_backend
    from recaps.editing.decap_config import decap_config

    root, site = published
    config = yaml.safe_load((site / "admin/config.yml").read_text(encoding="utf-8"))
    assert config.pop("backend") == {
        "name": "github",
        "repo": "example-org/recaps",
        "branch": "published",
        "base_url": "https://auth.example.org",
        "auth_endpoint": "oauth/authorize",
    }
    assert config.pop("publish_mode") == "editorial_workflow"
    # The rest is what `recaps edit` serves (tests/editing/test_edit_e2e.py drives it; the
    # configuration's own tests hold it to the models).
    served = decap_config(root, local_backend(8001))
    del served["backend"]
    assert config == served


def test_the_editing_interface_is_at_admin_of_the_french_site_only(published) -> None:
    root, site = published
    admin = {p.name for p in (site / "admin").iterdir()}
    static = {p.name for p in (REPO / "src/recaps/editing/admin").iterdir() if p.name != "__pycache__"}
    decap = {name for name in admin - static - {"config.yml"} if DECAP_FILE.fullmatch(name)}
    assert admin == static | decap | {"config.yml"}
    assert {"index.html", "decap-cms.js", "decap-cms.js.LICENSE.txt"} <= admin
    assert (site / "admin/decap-cms.js").read_bytes() == (REPO / "node_modules/decap-cms/dist/decap-cms.js").read_bytes()
    assert not (site / "en/admin").exists()
    assert "admin/" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_without_the_option_nothing_is_published(built_site: Path) -> None:
    assert not (built_site / "admin").exists() and not (built_site / "en/admin").exists()


def test_a_repository_not_written_owner_name_fails_the_build_and_keeps_the_site(copy_repo, published) -> None:
    root = publishing_repo(copy_repo, "bad-repo", PUBLISHED.replace("example-org/recaps", "example-org"))
    _, site = published
    before = snapshot(site)
    result = build_site(root, site_dir=site)
    assert not result.ok
    assert result.messages == ["[fr] mkdocs.yml: plugins: recaps: edit: repo: 'example-org': "
                               "the GitHub repository the edits go to, written owner/name"]
    assert snapshot(site) == before


def test_without_decap_installed_the_build_says_what_to_run(copy_repo, tmp_path: Path) -> None:
    root = publishing_repo(copy_repo, "no-decap", PUBLISHED)
    (root / "node_modules").unlink()
    result = build_site(root, site_dir=tmp_path / "site")
    assert not result.ok
    assert result.messages == [
        "[fr] mkdocs.yml: plugins: recaps: edit: node_modules/decap-cms/dist/decap-cms.js is missing: "
        f"run `npm ci` in {root} (it installs Decap CMS from package-lock.json; Node.js and npm: Debian's nodejs and npm)"]
    assert not (tmp_path / "site").exists()


def test_the_published_page_loads_offline(published, browser) -> None:
    root, site = published
    outside: list[str] = []

    def local_only(route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort("internetdisconnected")

    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    try:
        context.route("**/*", local_only)
        context.on("request", lambda r: None if urlsplit(r.url).hostname == "127.0.0.1" else outside.append(r.url))
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        with serve_directory(site) as base:
            page.goto(base + "admin/")
            # Decap's sign-in page for the GitHub backend, in French: it asks nothing of GitHub yet.
            page.get_by_role("button", name="Se connecter avec GitHub").wait_for(timeout=30_000)
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "published-admin.png"))
            print(f"screenshot: {ARTIFACTS / 'published-admin.png'}")
    finally:
        context.close()
    assert outside == [] and errors == []
