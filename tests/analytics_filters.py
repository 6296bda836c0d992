"""The API's date-window parameters as ``KnowledgeGraph`` keywords, for tests that compare
``/api/analytics`` answers with the Python API's."""

from __future__ import annotations


def python_filters(params: dict) -> dict:
    """The query parameters as ``KnowledgeGraph`` keywords."""
    return {{"from": "start", "to": "end"}.get(k, k): v for k, v in params.items()}
