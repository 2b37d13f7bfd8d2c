"""The editing interface as a folder (what /admin/ serves): the static files of
recaps.editing's admin/ (the page, the translation-state widget, the preview templates), Decap CMS
itself from the repository's node_modules/ (installed by `npm ci` from package-lock.json), and
config.yml, generated from the models for a given backend (recaps.editing.decap_config).

`recaps edit` writes it for decap-server, the local backend; `recaps build` writes it into the
site for Decap's GitHub backend when mkdocs.yml asks for it (``published_backend``)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from ..messages import message
from .decap_config import config_yaml, decap_config

STATIC = Path(__file__).with_name("admin")
DECAP_DIST = Path("node_modules/decap-cms/dist")  # in the repository
DECAP_SERVER = Path("node_modules/decap-server/dist/index.js")
# Decap CMS's script, the parts it loads when needed (code modes, the image encoders) and its licences.
_DECAP_FILE = re.compile(r"(\d+\.)?decap-cms\.js|decap-cms\.js\.LICENSE\.txt|[0-9a-f]+\.wasm")
_REPO = re.compile(r"[A-Za-z0-9-]+/[A-Za-z0-9._-]+")


class NodeToolsMissing(Exception):
    """Decap CMS or decap-server is not in the repository's node_modules/: the message says what to run."""


def node_tool(root: Path, tool: Path) -> Path:
    """``root / tool``, the file of an npm package; NodeToolsMissing when it is not installed."""
    path = root / tool
    if not path.exists():
        raise NodeToolsMissing(message("{file} is missing: run `npm ci` in {root} (it installs Decap CMS from "
                                       "package-lock.json; Node.js and npm: Debian's nodejs and npm)",
                                       file=tool.as_posix(), root=root))
    return path


def write_admin(root: Path, target: Path, backend: dict, extra: dict | None = None) -> None:
    """Write the editing interface for the repository at ``root`` into the new folder ``target``,
    its config.yml for ``backend`` (Decap's ``backend:``) and ``extra`` (more top-level keys)."""
    dist = node_tool(root, DECAP_DIST / "decap-cms.js").parent
    shutil.copytree(STATIC, target, ignore=shutil.ignore_patterns("__pycache__"))
    for path in sorted(dist.iterdir()):
        if _DECAP_FILE.fullmatch(path.name):
            shutil.copyfile(path, target / path.name)
    (target / "config.yml").write_text(config_yaml(decap_config(root, backend, extra)), encoding="utf-8")


def local_backend(port: int) -> dict:
    """Decap's backend for decap-server on 127.0.0.1:``port`` (`recaps edit`)."""
    return {"name": "proxy", "proxy_url": f"http://127.0.0.1:{port}/api/v1"}


def published_backend(repo: str | None, branch: str, base_url: str | None = None,
                      auth_endpoint: str | None = None) -> dict:
    """Decap's GitHub backend for ``repo`` (owner/name) and ``branch``, editors signing in through
    the authentication service at ``base_url`` + ``auth_endpoint`` (Decap's defaults: Netlify's, "auth").
    ValueError, naming the setting, when ``repo`` is not owner/name."""
    if repo is None or not _REPO.fullmatch(repo):
        raise ValueError(f"repo: {'missing' if repo is None else repr(repo)}: "
                         "the GitHub repository the edits go to, written owner/name")
    backend = {"name": "github", "repo": repo, "branch": branch}
    if base_url is not None:
        backend["base_url"] = base_url
    if auth_endpoint is not None:
        backend["auth_endpoint"] = auth_endpoint
    return backend


def publish_admin(root: Path, site_dir: Path, repo: str | None, branch: str, base_url: str | None = None,
                  auth_endpoint: str | None = None) -> None:
    """The editing interface into ``site_dir``/admin/, for Decap's GitHub backend (published_backend)
    and its editorial workflow: each edit a pull request, which CI builds and checks. ValueError
    naming the setting at fault, or NodeToolsMissing."""
    backend = published_backend(repo, branch, base_url, auth_endpoint)
    if (site_dir / "admin").exists():
        raise ValueError("publish: the site has an admin/ folder already (from docs/): it is the editing interface's")
    write_admin(root, site_dir / "admin", backend, {"publish_mode": "editorial_workflow"})
