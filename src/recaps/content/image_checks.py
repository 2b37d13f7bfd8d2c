"""Every image the content names, checked once all items are loaded (a step of ``loader``).

A recap's cover photo (``image.file``), a partner's logo (``logo.file``) and a person's portrait
(``portrait.file`` in sessions/people.yml) are language-neutral: written in the French file, or in
the registry, and checked there, each error at the line of its ``file`` field (``image_files``).
They are checked on every load, like the references: the item that names a file may be reused
by ``recaps serve`` while the file itself changed (``image_files`` keeps what it read of each
file while its size, time, device and inode stay the same). The files that pass go into ``Site.images``.
"""

from __future__ import annotations


from .errors import ErrorReport
from .image_files import ImageFile, check_image, image_path
from .models import Person
from .reader import RawDocument, read_yaml_file
from .references import Written
from .sitemodel import Item, Site
from .tree import PEOPLE_FILE

# The field of each kind of item that names an image, and the kind of image it is.
IMAGE_FIELDS = {"session": ("image", "cover"), "partner": ("logo", "logo")}


def check_images(site: Site, report: ErrorReport, written: list[Written], people: list[Person]) -> None:
    """Check the image of each item (as far as it validated) and each person's portrait (``people``:
    the registry's list, in its order)."""
    for w in written:
        field, kind = IMAGE_FIELDS.get(w.files.kind, (None, None))
        value = getattr(w.content, field, None) if field else None
        if value is not None and getattr(value, "file", None) is not None:
            _check(site, report, w.doc, (field, "file"), value.file, kind)
    portraits = [(i, p) for i, p in enumerate(people) if p.portrait is not None]
    if portraits:
        document, _ = read_yaml_file(site.root, PEOPLE_FILE)  # read, and reported, already: its lines
        if document is not None:
            for index, person in portraits:
                _check(site, report, document, ("people", index, "portrait", "file"), person.portrait.file, "portrait")


def _check(site: Site, report: ErrorReport, doc: RawDocument, location: tuple, file: str, kind: str) -> None:
    image, problem = check_image(site.root, doc.path, file, kind)
    if image is not None:
        site.images[image.path] = image
    else:
        name = ".".join(str(part) for part in location if isinstance(part, str))
        if location[0] == "people":
            name = f"people[{location[1] + 1}].portrait.file"
        report.add(doc.path, doc.line_of(location), name, problem)


def image_of(site: Site, item: Item, field: str) -> ImageFile | None:
    """The checked file of an item's image (``image`` of a session, ``logo`` of a partner), or None."""
    value = getattr(item.source, field, None)
    if value is None:
        return None
    return site.images.get(image_path(item.paths["fr"], value.file))


def portrait_of(site: Site, person_id: str) -> ImageFile | None:
    person = site.people.get(person_id)
    if person is None or person.portrait is None:
        return None
    return site.images.get(image_path(PEOPLE_FILE, person.portrait.file))
