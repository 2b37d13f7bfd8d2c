"""An item's content as far as it validates (recaps.content.partial_validation)."""

from __future__ import annotations

import datetime

from recaps.content.models import DateRange, Partner, Quote, Session
from recaps.content.partial_validation import partial_content

SESSION = {
    "id": "session-1", "programme": "parcours-demo", "number": 1, "title": "Se rencontrer",
    "dates": {"start": datetime.date(2025, 1, 16), "end": datetime.date(2025, 1, 17)}, "city": "Lille",
    "host": "atelier-nord", "author": "La rédaction", "published": datetime.date(2025, 2, 1),
    "tags": ["cooperation"], "question": "Comment commencer ?", "summary": "La première session.",
    "quotes": [{"speaker": "paul-durand", "lang": "fr", "text": "Commençons ensemble."}],
}


def test_valid_data_gives_the_content_itself() -> None:
    assert partial_content(Session, SESSION) == Session.model_validate(SESSION)


def test_each_field_that_validates_has_its_value_read_as_the_model_reads_it() -> None:
    content = partial_content(Session, {**SESSION, "number": "2", "title": "", "sumary": "x", "published": "2025-02-30"})
    assert (content.number, content.title, content.published, content.host) == (2, None, None, "atelier-nord")
    assert content.city == "Lille" and content.tags == ["cooperation"]


def test_a_missing_field_is_none_or_its_default() -> None:
    data = {key: value for key, value in SESSION.items() if key not in ("host", "tags")}
    content = partial_content(Session, {**data, "title": ""})
    assert content.host is None and content.tags == [] and content.next_session is None


def test_a_list_keeps_its_items_in_place_each_as_far_as_it_validates() -> None:
    content = partial_content(Session, {
        **SESSION,
        "tags": ["cooperation", "Pas-Un-Id", 5, "gouvernance"],
        "quotes": [{"speker": "paul-durand", "text": "Mot."}, "pas une citation", {"speaker": "anne-martin", "text": ""}],
    })
    assert content.tags == ["cooperation", None, None, "gouvernance"]
    assert content.quotes == [
        Quote.model_construct(speaker=None, text="Mot.", lang="fr"),
        None,
        Quote.model_construct(speaker="anne-martin", text=None, lang="fr"),
    ]


def test_a_mapping_whose_own_rule_fails_is_none_and_one_whose_field_fails_keeps_the_others() -> None:
    reversed_range = {"start": datetime.date(2025, 1, 16), "end": datetime.date(2025, 1, 15)}
    assert partial_content(Session, {**SESSION, "title": "", "dates": reversed_range}).dates is None
    content = partial_content(Session, {**SESSION, "title": "", "dates": {"start": "2025-02-30", "end": datetime.date(2025, 3, 1)}})
    assert content.dates == DateRange.model_construct(start=None, end=datetime.date(2025, 3, 1))


def test_what_is_not_a_mapping_gives_nothing() -> None:
    assert partial_content(Session, ["id", "session-1"]) is None
    assert partial_content(Partner, "atelier-nord") is None
    assert partial_content(Partner, {"people": "paul-durand"}).people is None
