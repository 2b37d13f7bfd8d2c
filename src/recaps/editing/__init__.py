"""Editing in the browser with Decap CMS: its configuration, generated from the content models
(``decap_config``), and the admin page's own files (``admin/``: the page, the translation-state
widget, the preview templates), which ``recaps edit`` and ``recaps build`` serve at ``/admin/``.

Pure Python: it reads the content with ``recaps.content`` and knows nothing of MkDocs or of
the pages.
"""
