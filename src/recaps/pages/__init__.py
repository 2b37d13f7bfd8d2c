"""The site model as Markdown pages for one language: view models, templates, labels, feeds.

Nothing here imports MkDocs or Material (an import-linter contract)."""
