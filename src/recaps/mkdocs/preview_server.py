"""The preview's web server: MkDocs' live-reload server, answering every page with the error page
(recaps.pages.error_page) while the last rebuild failed, and the built site otherwise.

In `recaps edit` it also serves the editing interface's folder at /admin/, as it is: never
waiting for a build, never with the reload script (a reload would lose what an editor is typing),
and /admin/problems.json, the builder's ``problems``: the last check's content errors for the
preview pane (the published interface has no such file: its pane shows none).

MkDocs' server reloads the open pages when a build ends (its script in each page polls
/livereload/<epoch>/<id> until the epoch of the site it shows is out of date), whether the build
worked or not: the switch to the error page and the switch back both reload them.
"""

from __future__ import annotations

import os
import posixpath
import wsgiref.util

from mkdocs.livereload import LiveReloadServer

LIVE_RELOAD = "/livereload/"  # MkDocs' poll: always MkDocs' own answer
ADMIN = "/admin/"
PROBLEMS = "problems.json"  # in ADMIN; recaps.editing.problems
TYPES = {".yml": "text/yaml; charset=utf-8", ".wasm": "application/wasm"}  # that Python may not know


class PreviewServer(LiveReloadServer):
    """``builder`` rebuilds the site when a watched file changes and keeps in ``error_page``
    the page to show (UTF-8 HTML) while the site does not build, None when it does."""

    admin = None  # the folder served at /admin/ (`recaps edit`), if any

    def _serve_request(self, environ, start_response):
        if self.admin is not None and (environ["PATH_INFO"] + "/").startswith(ADMIN):
            return self._admin_answer(environ["PATH_INFO"], start_response)
        if not _is_page(environ["PATH_INFO"]):
            return super()._serve_request(environ, start_response)
        while True:
            # As MkDocs does: nothing is answered from a site half built...
            with self._epoch_cond:
                self._epoch_cond.wait_for(self._built)
            # ...and no build starts (MkDocs sets _wanted_epoch holding _rebuild_cond) until
            # the answer is made: the page's reload script then polls from the epoch of the
            # build whose outcome chose the answer, and reloads once a later build ends.
            with self._rebuild_cond:
                if self._built():
                    epoch, page = self._visible_epoch, self.builder.error_page
                    if page is None:
                        return super()._serve_request(environ, start_response)
                    break
        return self._error_answer(page, epoch, start_response)

    def _admin_answer(self, path: str, start_response):
        """A file of the editing interface's folder; None (404) for any other path."""
        if path == ADMIN.rstrip("/"):
            start_response("302 Found", [("Location", ADMIN)])
            return []
        relative = path[len(ADMIN):] + ("index.html" if path.endswith("/") else "")
        if relative == PROBLEMS:
            return self._problems_answer(start_response)
        file_path = os.path.join(self.admin, posixpath.normpath("/" + relative).lstrip("/"))
        if not os.path.isfile(file_path):
            return None
        start_response("200 OK", [
            ("Content-Type", TYPES.get(os.path.splitext(file_path)[1]) or self._guess_type(file_path)),
            ("Content-Length", str(os.path.getsize(file_path))),
            ("Cache-Control", "no-store"),  # a later `recaps edit` may serve another configuration
        ])
        return wsgiref.util.FileWrapper(open(file_path, "rb"))

    def _problems_answer(self, start_response):
        """The last check's problems (JSON), as they are now: the pane asks again until they change."""
        body = self.builder.problems
        start_response("200 OK", [
            ("Content-Type", "application/json; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "no-store"),
        ])
        return [body]

    def _built(self) -> bool:
        return self._visible_epoch == self._wanted_epoch

    def _error_answer(self, page: bytes, epoch: int, start_response):
        """The error page, with MkDocs' reload script, as a server error: the page asked for
        cannot be made from the content as it is (a link checker or ``curl -f`` sees it)."""
        body = self._inject_js_into_html(page, epoch)
        start_response("500 Internal Server Error", [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "no-store"),  # going back to it later asks again
        ])
        return [body]


def _is_page(path: str) -> bool:
    """A request for a page: a folder, an .html file or a name without a suffix (not an asset,
    a feed or the search index, which still come from the last build that worked)."""
    if path.startswith(LIVE_RELOAD):
        return False
    name = path.rsplit("/", 1)[-1]
    return name.endswith(".html") or "." not in name
