"""The site model: every item in both languages, the registries, and each item's translation state.

Made by :func:`recaps.content.loader.load_site`; the pages are written from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from .image_files import ImageFile
from .models import SOURCE_LANGUAGE, Content, Page, Partner, Person, Programme, Session, Tag
from .reader import RawDocument
from .pairing import StandIns
from .translation import TranslationState

M = TypeVar("M", bound=Content)
MODELS: dict[str, type[Content]] = {"programme": Programme, "session": Session, "partner": Partner, "page": Page}


@dataclass
class Item(Generic[M]):
    """One piece of content in both languages."""

    kind: str
    id: str
    model: type[M]
    paths: dict[str, str] = field(default_factory=dict)
    documents: dict[str, RawDocument] = field(default_factory=dict)
    content: dict[str, M] = field(default_factory=dict)
    state: TranslationState = TranslationState.MISSING
    # What the translation lacks (items of notions and quotes, the photo's caption): its content
    # holds the French source's there (recaps.content.pairing).
    stand_ins: StandIns = field(default_factory=StandIns)

    @property
    def source(self) -> M:
        return self.content[SOURCE_LANGUAGE]

    def get(self, lang: str) -> M:
        """The content in ``lang``, or the French source where no translation exists."""
        return self.content.get(lang) or self.content[SOURCE_LANGUAGE]

    def body(self, lang: str) -> str:
        document = self.documents.get(lang) if lang in self.content else None
        return (document or self.documents[SOURCE_LANGUAGE]).body

    def is_translated(self, lang: str) -> bool:
        return lang == SOURCE_LANGUAGE or lang in self.content

    def stands_in(self, lang: str, path: str, index: int | None = None) -> bool:
        """Whether this language's translation lacks item ``index`` of the list at ``path``, or
        without an index the text at ``path`` ("image.caption"): the French source's is there."""
        if lang == SOURCE_LANGUAGE or lang not in self.content:
            return False
        if index is None:
            return path in self.stand_ins.texts
        return index in self.stand_ins.items.get(path, ())

    def text_language(self, lang: str, path: str, index: int | None = None) -> str:
        """The language of the text ``get(lang)`` gives there (``stands_in``)."""
        if self.is_translated(lang) and not self.stands_in(lang, path, index):
            return lang
        return SOURCE_LANGUAGE


@dataclass
class ProgrammeItem(Item[Programme]):
    sessions: list[Item[Session]] = field(default_factory=list)


@dataclass
class Site:
    root: Path
    programmes: dict[str, ProgrammeItem] = field(default_factory=dict)
    partners: dict[str, Item[Partner]] = field(default_factory=dict)
    pages: dict[str, Item[Page]] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    tags: dict[str, Tag] = field(default_factory=dict)
    status: list["StatusRow"] = field(default_factory=list)
    images: dict[str, "ImageFile"] = field(default_factory=dict)  # the checked image files, by path (image_checks)

    @property
    def sessions(self) -> list[Item[Session]]:
        return [s for p in self.programmes.values() for s in p.sessions]


@dataclass(frozen=True)
class StatusRow:
    kind: str
    id: str
    source: str | None
    translation: str | None
    state: TranslationState

    @property
    def english_file(self) -> str:
        """The English file, whether it exists or not (a missing one is to be written there)."""
        if self.translation is not None:
            return self.translation
        return (self.source or "").removesuffix(f".{SOURCE_LANGUAGE}.md") + ".en.md"
