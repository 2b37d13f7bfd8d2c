"""recaps serve reloads only the files an edit changed (recaps.content.load_cache.LoadCache)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import recaps.content.items
from recaps.content.loader import LoadCache, load_site

SESSION = "sessions/parcours-cec-industries/session-5.fr.md"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The content files read, in order."""
    seen: list[str] = []
    original = recaps.content.items.read_item_parts

    def counting(root, model, rel):
        seen.append(rel)
        return original(root, model, rel)

    monkeypatch.setattr(recaps.content.items, "read_item_parts", counting)
    return seen


def _aged(root: Path) -> Path:
    """The tree as an editor's checkout is: not written in the last seconds (such files are not
    cached, recaps.content.load_cache.RECENT_SECONDS)."""
    past = time.time() - 60
    for path in root.rglob("*"):
        os.utime(path, (past, past), follow_symlinks=False)
    return root


def _summary(root: Path, cache: LoadCache | None) -> tuple:
    site, report = load_site(root, cache=cache)
    return (
        [(row.kind, row.id, row.state) for row in site.status],
        {pid: ([s.id for s in p.sessions], p.content) for pid, p in site.programmes.items()},
        {s.id: (s.content, {lang: d.body for lang, d in s.documents.items()}) for s in site.sessions},
        {pid: p.content for pid, p in site.partners.items()},
        report.render(),
    )


def test_an_unchanged_site_is_not_read_again_and_loads_the_same(copy_repo, reads: list[str]) -> None:
    root = _aged(copy_repo("cache-same"))
    cache = LoadCache()
    first = _summary(root, cache)
    assert len(reads) >= 8
    reads.clear()
    second = _summary(root, cache)
    assert reads == []
    assert second == first == _summary(root, None)


def test_an_edit_reads_only_the_edited_item_again(copy_repo, reads: list[str]) -> None:
    root = _aged(copy_repo("cache-edit"))
    cache = LoadCache()
    load_site(root, cache=cache)
    path = root / SESSION
    path.write_text(path.read_text(encoding="utf-8").replace("\n\n", "\n\nUne phrase ajoutée.\n\n", 1), encoding="utf-8")
    reads.clear()
    site, report = load_site(root, cache=cache)
    assert not report
    assert sorted(reads) == sorted([SESSION, SESSION.replace(".fr.md", ".en.md")])
    session = next(s for s in site.sessions if s.paths["fr"] == SESSION)
    assert "Une phrase ajoutée." in session.body("fr")
    assert [s.id for s in site.programmes["parcours-cec-industries"].sessions] == [
        s.id for s in load_site(root)[0].programmes["parcours-cec-industries"].sessions
    ]


def test_an_error_made_then_fixed_is_reported_then_gone(copy_repo) -> None:
    root = _aged(copy_repo("cache-error"))
    cache = LoadCache()
    path = root / SESSION
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("\nnumber: 5\n", "\nnumber: five\n", 1), encoding="utf-8")
    _aged(root)
    _, report = load_site(root, cache=cache)
    assert f"{SESSION}:" in report.render()
    _, again = load_site(root, cache=cache)  # unchanged: the error comes from the cache, still reported
    assert again.render() == report.render()
    path.write_text(original, encoding="utf-8")
    _, fixed = load_site(root, cache=cache)
    assert not fixed


def test_a_removed_translation_is_noticed(copy_repo) -> None:
    root = _aged(copy_repo("cache-removed"))
    cache = LoadCache()
    load_site(root, cache=cache)
    (root / SESSION.replace(".fr.md", ".en.md")).unlink()
    site, _ = load_site(root, cache=cache)
    session = next(s for s in site.sessions if s.paths["fr"] == SESSION)
    assert "en" not in session.content


def test_loaded_items_survive_pickling_as_they_were(copy_repo) -> None:
    # The models pickle as pydantic's own do (no pickling of our own), for whatever process pool
    # may hand them over.
    import pickle

    site, report = load_site(copy_repo("pickled"))
    items = [*site.sessions, *site.programmes.values(), *site.partners.values(), *site.pages.values()]
    assert not report and len(items) >= 4
    for item in items:
        for model in item.content.values():
            back = pickle.loads(pickle.dumps(model))
            assert type(back) is type(model) and back == model
            assert back.model_fields_set == model.model_fields_set
            assert back.model_dump() == model.model_dump()


def test_a_file_written_in_the_last_seconds_is_read_again(copy_repo, reads: list[str]) -> None:
    # Where file times are coarse, a second same-size edit within one tick would look unchanged.
    root = _aged(copy_repo("cache-recent"))
    path = root / SESSION
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")  # just now
    cache = LoadCache()
    load_site(root, cache=cache)
    reads.clear()
    load_site(root, cache=cache)
    assert sorted(reads) == sorted([SESSION, SESSION.replace(".fr.md", ".en.md")])
