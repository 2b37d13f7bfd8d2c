"""The benchmark behind ``scripts/bench.py``, one job a module.

- ``vocabulary.py``, ``prose.py``: the words, and pseudo-French / pseudo-English text from them;
- ``corpus.py``: the generated corpus, deterministic, importable by tests (``generate``);
- ``measure.py``: timing runs through public entry points (the command, ``check_site``,
  ``build_site``), with CPU time and peak memory;
- ``baseline.py``: the same content built by Material + mkdocs-static-i18n;
- ``profile.py``: where the time goes, from cProfile, by package/module and by phase.

Nothing here patches the code it measures.
"""
