"""What the home page shows: the latest recap, then the programmes, each with its timeline.
Pure functions of the site model for one language."""

from __future__ import annotations

from typing import Any

from . import pictures, views
from ..content.loader import ProgrammeItem, Site
from ..content.urls import programme_uri, session_uri


def home_programmes(site: Site) -> list[ProgrammeItem]:
    """The programmes, latest recapped session first, those without one last."""
    return sorted(
        site.programmes.values(),
        key=lambda p: (max((s.source.dates.start for s in p.sessions), default=None) is None,
                       [-s.source.dates.start.toordinal() for s in p.sessions[-1:]], p.id),
    )


def latest_recap(site: Site, lang: str) -> dict[str, Any] | None:
    """The recap published last (the first of the feed), as the home page leads with it."""
    recaps = [(session.source.published, programme.id, session.source.number, programme, session)
              for programme in site.programmes.values() for session in programme.sessions]
    if not recaps:
        return None
    *_, programme, session = max(recaps, key=lambda recap: recap[:3])
    return {
        "session": session.get(lang), "lang": views.shown_in(session, lang),
        "uri": session_uri(programme.id, session.source.number),
        "programme": programme.get(lang), "programme_lang": views.shown_in(programme, lang),
        "programme_uri": programme_uri(programme.id),
        "cover": pictures.cover(site, lang, session),
    }


def home_view(site: Site, lang: str, shown: int) -> dict[str, Any]:
    """The home template's context: the latest recap, the first ``shown`` programmes (each with
    its text, the language of that text, and its timeline), and whether there are more."""
    programmes = home_programmes(site)
    return {
        "latest": latest_recap(site, lang),
        "programmes": [(p, p.get(lang), views.shown_in(p, lang), views.timeline(p, lang)) for p in programmes[:shown]],
        "more": len(programmes) > shown,
    }
