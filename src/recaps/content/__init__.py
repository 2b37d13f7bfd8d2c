"""The content: reading files, the schema, validation, translations, the site model.

Nothing here imports MkDocs, Material or recaps.pages (import-linter contracts)."""
