"""New content files, pre-filled and commented from the models' field descriptions."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .pages.fieldref import description
from .content.loader import PARTNERS_DIR, PEOPLE_FILE, SESSIONS_DIR, TAGS_FILE
from .content.models import ID_PATTERN, Content, CoverImage, Logo, Partner, Session
from .content.errors import ContentError
from .content.reader import read_markdown, read_yaml_file
from .content.unwritten import PLACEHOLDER_BODIES, PREFILLED, is_blank_file
from .messages import Message, message

# recaps' own templates only, not a site's overrides/recaps/ (recaps.pages.page_templates): a new file
# has the fields the schema asks for, which an override would not follow as the schema changes.
_env = jinja2.Environment(
    loader=jinja2.PackageLoader("recaps.pages", "templates"),
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
    autoescape=False,  # YAML, not HTML: only ids and numbers are filled in
)


class ScaffoldError(Exception):
    """A problem with the command's arguments, worded for editors (``problem``, said in their language)."""

    def __init__(self, problem: Message | ContentError) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class NewFile:
    path: str
    text: str
    action: str = "create"  # "create"; "replace" a file that holds only whitespace; "keep" one that holds more


def _descriptions(model: type[Content], lang: str) -> dict[str, str]:
    """Each field's description in ``lang``, for the comments of a new file."""
    return {name: description(info, lang) for name, info in model.model_fields.items()}


def _known_ids(root: Path) -> dict[str, str]:
    """The ids an editor may refer to, listed in comments of a new file."""
    partners = sorted(p.name[: -len(".fr.md")] for p in (root / PARTNERS_DIR).glob("*.fr.md")) \
        if (root / PARTNERS_DIR).is_dir() else []
    known = {"partners": partners, "people": _registry_ids(root, PEOPLE_FILE, "people"),
             "tags": _registry_ids(root, TAGS_FILE, "tags")}
    return {name: ", ".join(ids) or "-" for name, ids in known.items()}


def _registry_ids(root: Path, rel: str, name: str) -> list[str]:
    """The ids of the registry at ``rel`` (a list named ``name``), sorted; none if it does not read."""
    document, _ = read_yaml_file(root, rel) if (root / rel).is_file() else (None, [])
    entries = document.meta.get(name) if document else None
    return sorted(e["id"] for e in entries or [] if isinstance(e, dict) and isinstance(e.get("id"), str))


def _known_programmes(root: Path) -> Message:
    known = sorted(p.name for p in (root / SESSIONS_DIR).iterdir() if (p / "programme.fr.md").is_file()) \
        if (root / SESSIONS_DIR).is_dir() else []
    return message("known programmes: {programmes}", programmes=", ".join(known) or message("none"))


def _programme_id(root: Path, given: str) -> str:
    """The programme ``given`` names: its id, or its folder as tab completion types it
    (``<id>/``, ``sessions/<id>/``). Any other path is refused, never resolved."""
    bare = given.rstrip("/")
    if bare.startswith(f"{SESSIONS_DIR}/"):
        bare = bare[len(SESSIONS_DIR) + 1 :]
    if "/" in bare or bare in (".", ".."):
        raise ScaffoldError(message("{given} is a path, not a programme id (the name of its folder in {folder}/); "
                                    "{known}", given=repr(given), folder=SESSIONS_DIR, known=_known_programmes(root)))
    if not re.fullmatch(ID_PATTERN, bare):
        raise ScaffoldError(message("{given} is not a valid id: use lowercase letters a-z, digits and hyphens; {known}",
                                    given=repr(given), known=_known_programmes(root)))
    return bare


def new_session(root: Path, programme: str, number: int) -> list[NewFile]:
    programme_id = _programme_id(root, programme)
    folder = f"{SESSIONS_DIR}/{programme_id}"
    programme_file = f"{folder}/programme.fr.md"
    if not (root / programme_file).is_file():
        raise ScaffoldError(message("no programme '{programme}' ({file} does not exist); {known}",
                                    programme=programme_id, file=programme_file, known=_known_programmes(root)))
    document, errors = read_markdown(root, programme_file)
    if document is None:
        raise ScaffoldError(errors[0])
    planned = document.meta.get("sessions_planned")
    if isinstance(planned, int) and not 1 <= number <= planned:
        raise ScaffoldError(message("session {number} is outside the programme's {planned} planned sessions",
                                    number=number, planned=planned))
    if number < 1:
        raise ScaffoldError(message("the session number must be 1 or more"))
    stem = f"session-{number}"
    next_number = number + 1 if isinstance(planned, int) and number < planned else None
    context = {
        "id": stem,
        "programme": programme_id,
        "number": number,
        "next_number": next_number,
        "known": _known_ids(root),
        **_slots(root, f"{folder}/{stem}.fr.md", {"notions": 1, "quotes": 1, "next_session": bool(next_number)}),
    }
    return _files(root, f"{folder}/{stem}", "session", Session, context)


def new_partner(root: Path, partner_id: str) -> list[NewFile]:
    if not re.fullmatch(ID_PATTERN, partner_id):
        raise ScaffoldError(_not_a_partner_id(partner_id))
    base = f"{PARTNERS_DIR}/{partner_id}"
    context = {"id": partner_id, "known": _known_ids(root), **_slots(root, f"{base}.fr.md", {"quotes": 0})}
    return _files(root, base, "partner", Partner, context)


def _slots(root: Path, french: str, default: dict[str, int | bool]) -> dict[str, int | bool]:
    """What the English file has a place for: as many notions and quotes as the French file
    has, if it exists and reads, and a next session if it announces one; else ``default``."""
    document, _ = read_markdown(root, french) if (root / french).is_file() else (None, [])
    if document is None:
        return default
    return {
        name: isinstance(document.meta.get(name), dict) if isinstance(value, bool)
        else len(document.meta[name]) if isinstance(document.meta.get(name), list) else 0
        for name, value in default.items()
    }


def _not_a_partner_id(given: str) -> Message:
    """Why ``given`` is not a partner id, and the id it may mean (a path or file name, as
    tab completion types them, is not taken for one: the files do not exist yet)."""
    if "/" not in given and not given.endswith(".md"):
        return message("{given} is not a valid id: use lowercase letters a-z, digits and hyphens", given=repr(given))
    meant = re.sub(r"\.(?:fr\.|en\.)?md$", "", given.removeprefix(f"{PARTNERS_DIR}/").rstrip("/"))
    if re.fullmatch(ID_PATTERN, meant):
        if "/" in given:
            return message("{given} is a path, not a partner id: give the id alone: recaps new partner {id}",
                           given=repr(given), id=meant)
        return message("{given} is a file name, not a partner id: give the id alone: recaps new partner {id}",
                       given=repr(given), id=meant)
    if "/" in given:
        return message("{given} is a path, not a partner id: give the id alone, in lowercase letters a-z, digits and "
                       "hyphens", given=repr(given))
    return message("{given} is a file name, not a partner id: give the id alone, in lowercase letters a-z, digits "
                   "and hyphens", given=repr(given))


def _files(root: Path, base: str, kind: str, model: type[Content], context: dict) -> list[NewFile]:
    """Both files of the new item: each written where there is none or it holds only whitespace
    (a web editor saves an emptied file so), kept where it holds anything."""
    files = [
        NewFile(
            f"{base}.{lang}.md",
            _env.get_template(f"new-{kind}.{lang}.md.j2").render(
                d=_descriptions(model, lang), prefilled=PREFILLED[model], body=PLACEHOLDER_BODIES[model],
                image=_descriptions(CoverImage, lang), logo=_descriptions(Logo, lang), **context),
            _action(root, f"{base}.{lang}.md"),
        )
        for lang in ("fr", "en")
    ]
    existing = [f.path for f in files if f.action == "keep"]
    if len(existing) == 2:
        raise ScaffoldError(message(
            "{first} and {second} already exist; nothing was written (`recaps status` says what each "
            "translation needs next)", first=existing[0], second=existing[1]))
    return files


def _action(root: Path, rel: str) -> str:
    if not os.path.lexists(root / rel):
        return "create"
    return "replace" if is_blank_file(root, rel) else "keep"


def write(root: Path, files: list[NewFile]) -> None:
    for new in files:
        if new.action == "keep":
            continue
        target = root / new.path
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "x" if new.action == "create" else "w", encoding="utf-8", newline="\n") as handle:
            handle.write(new.text)
