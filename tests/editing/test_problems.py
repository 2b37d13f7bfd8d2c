"""/admin/problems.json, what the preview pane of `recaps edit` shows of the last check
(recaps.editing.problems), and how the preview server answers it."""

from __future__ import annotations

import json
from pathlib import Path

from recaps.content.errors import ContentError
from recaps.editing.problems import problems_json
from recaps.mkdocs.preview_server import PreviewServer

SESSION = "sessions/p/session-1.fr.md"


def test_each_file_its_errors_sorted_in_french() -> None:
    from recaps.messages import message

    answer = problems_json([
        ContentError("sessions/p/session-2.en.md", 0, "", "the front matter is never closed"),
        ContentError(SESSION, 9, "tags[0]", "no tag 'inovation'"),
        ContentError(SESSION, 4, "dates", message("the range ends ({end}) before it starts ({start})",
                                                  end="2025-01-15", start="2025-01-16")),
        ContentError(SESSION, 9, "tags[0]", "no tag 'inovation'"),  # once only
    ])
    assert json.loads(answer) == {"files": {
        SESSION: [
            {"line": 4, "field": "dates",
             "message": "la période se termine (2025-01-15) avant de commencer (2025-01-16)"},
            {"line": 9, "field": "tags[0]", "message": "no tag 'inovation'"},
        ],
        "sessions/p/session-2.en.md": [{"line": 0, "field": "", "message": "the front matter is never closed"}],
    }}


def test_none_and_past_fifty_a_file_one_line_says_how_many_more() -> None:
    assert problems_json() == b'{"files": {}}'
    many = json.loads(problems_json([ContentError(SESSION, line, "", "e") for line in range(1, 53)]))
    assert len(many["files"][SESSION]) == 51
    assert many["files"][SESSION][-1] == {"line": 0, "field": "", "message": "… et 2 autres erreurs dans ce fichier"}


class Builder:
    error_page = None
    problems = b'{"files": {"a.fr.md": []}}'


def _ask(server: PreviewServer, path: str) -> tuple[str, dict, bytes]:
    answers = []
    body = server.serve_request({"PATH_INFO": path}, lambda status, headers: answers.append((status, dict(headers))))
    return answers[0][0], answers[0][1], b"".join(body)


def test_the_edit_server_answers_the_builders_problems_never_cached(tmp_path: Path) -> None:
    server = PreviewServer(builder=Builder(), host="127.0.0.1", port=0, root=str(tmp_path))
    server.admin = str(tmp_path)
    assert _ask(server, "/admin/problems.json") == ("200 OK", {
        "Content-Type": "application/json; charset=utf-8", "Content-Length": "26", "Cache-Control": "no-store",
    }, b'{"files": {"a.fr.md": []}}')


def test_recaps_serve_has_no_problems_json(tmp_path: Path) -> None:
    server = PreviewServer(builder=Builder(), host="127.0.0.1", port=0, root=str(tmp_path))
    status, _, _ = _ask(server, "/admin/problems.json")  # no /admin/ without `recaps edit`
    assert status == "404 Not Found"
