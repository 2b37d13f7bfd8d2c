"""STAND-IN until i16-config lands (the agreed interface only): Decap's configuration."""

from __future__ import annotations

from pathlib import Path

import yaml


def _session_fields() -> list[dict]:
    neutral = {"i18n": "duplicate"}
    return [
        {"name": "id", "label": "id", "widget": "string", **neutral},
        {"name": "programme", "label": "programme", "widget": "string", **neutral},
        {"name": "number", "label": "number", "widget": "number", "value_type": "int", **neutral},
        {"name": "title", "label": "Titre", "widget": "string", "i18n": True},
        {"name": "dates", "label": "dates", "widget": "object", "i18n": False, "fields": [
            {"name": "start", "widget": "string"}, {"name": "end", "widget": "string"}]},
        {"name": "city", "label": "city", "widget": "string", **neutral},
        {"name": "host", "label": "host", "widget": "string", **neutral},
        {"name": "author", "label": "author", "widget": "string", "i18n": True},
        {"name": "published", "label": "published", "widget": "string", **neutral},
        {"name": "tags", "label": "tags", "widget": "list", "required": False, "i18n": False},
        {"name": "question", "label": "question", "widget": "string", "i18n": True},
        {"name": "summary", "label": "summary", "widget": "text", "i18n": True},
        {"name": "body", "label": "body", "widget": "markdown", "i18n": True, "modes": ["raw"]},
    ]


def decap_config(root: Path, backend: dict, extra: dict | None = None) -> dict:
    collections = []
    for folder in sorted((root / "sessions").iterdir()):
        if folder.is_dir():
            collections.append({
                "name": folder.name, "label": folder.name, "folder": f"sessions/{folder.name}",
                "create": True, "extension": "md", "format": "frontmatter",
                "identifier_field": "title", "slug": "{{fields.id}}",
                "i18n": True, "fields": _session_fields(),
            })
    config = {
        "backend": backend, "media_folder": "docs/assets", "public_folder": "/assets",
        "locale": "fr",
        "i18n": {"structure": "multiple_files", "locales": ["fr", "en"], "default_locale": "fr"},
        "collections": collections,
    }
    config.update(extra or {})
    return config


def config_yaml(config: dict) -> str:
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
