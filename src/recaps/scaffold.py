"""New content files, pre-filled and commented from the models' field descriptions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from .loader import PARTNERS_DIR, SESSIONS_DIR
from .models import NEUTRAL_FIELDS, Partner, Session, Content
from .reader import read_markdown

_env = jinja2.Environment(
    loader=jinja2.PackageLoader("recaps", "templates"),
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
    autoescape=False,  # YAML, not HTML; values are quoted with the `yaml` filter
)
_env.filters["yaml"] = lambda value: '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


class ScaffoldError(Exception):
    """A problem with the command's arguments, worded for editors."""


@dataclass(frozen=True)
class NewFile:
    path: str
    text: str


def _describe(model: type[Content]) -> dict[str, str]:
    return {name: info.description or "" for name, info in model.model_fields.items()}


def _translated(model: type[Content]) -> set[str]:
    neutral = {path.split(".")[0] for path in NEUTRAL_FIELDS[model] if "." not in path}
    return set(model.model_fields) - neutral - {"translation_of"}


def new_session(root: Path, programme_id: str, number: int) -> list[NewFile]:
    folder = f"{SESSIONS_DIR}/{programme_id}"
    programme_file = f"{folder}/programme.fr.md"
    if not (root / programme_file).is_file():
        known = sorted(p.name for p in (root / SESSIONS_DIR).iterdir() if (p / "programme.fr.md").is_file()) \
            if (root / SESSIONS_DIR).is_dir() else []
        raise ScaffoldError(
            f"no programme '{programme_id}' ({programme_file} does not exist); "
            f"known programmes: {', '.join(known) or 'none'}"
        )
    programme, errors = read_markdown(root, programme_file)
    if programme is None:
        raise ScaffoldError(str(errors[0]))
    planned = programme.meta.get("sessions_planned")
    if isinstance(planned, int) and not 1 <= number <= planned:
        raise ScaffoldError(f"session {number} is outside the programme's {planned} planned sessions")
    if number < 1:
        raise ScaffoldError("the session number must be 1 or more")
    stem = f"session-{number}"
    context = {
        "id": stem,
        "programme": programme_id,
        "number": number,
        "next_number": number + 1 if isinstance(planned, int) and number < planned else None,
        "d": _describe(Session),
    }
    return _files(root, f"{folder}/{stem}", "session", context)


def new_partner(root: Path, partner_id: str) -> list[NewFile]:
    import re

    from .models import ID_PATTERN

    if not re.match(ID_PATTERN, partner_id):
        raise ScaffoldError(
            f"'{partner_id}' is not a valid id: use lowercase letters a-z, digits and hyphens"
        )
    context = {"id": partner_id, "d": _describe(Partner)}
    return _files(root, f"{PARTNERS_DIR}/{partner_id}", "partner", context)


def _files(root: Path, base: str, kind: str, context: dict) -> list[NewFile]:
    files = [
        NewFile(f"{base}.{lang}.md", _env.get_template(f"new-{kind}.{lang}.md.j2").render(**context))
        for lang in ("fr", "en")
    ]
    existing = [f.path for f in files if (root / f.path).exists()]
    if existing:
        verb = "already exists" if len(existing) == 1 else "already exist"
        raise ScaffoldError(f"{' and '.join(existing)} {verb}; nothing was written")
    return files


def write(root: Path, files: list[NewFile]) -> None:
    for new in files:
        target = root / new.path
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(new.text)
