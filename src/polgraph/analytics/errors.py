"""What the analyses raise. Both are ``QueryError``s, so callers that already turn query errors
into messages handle them; an HTTP layer can answer ``NotFoundError`` with 404 and any other
``AnalysisError`` with 400."""

from __future__ import annotations

from polgraph.errors import QueryError


class AnalysisError(QueryError):
    """An argument is wrong: a date that is not YYYY-MM-DD, an unknown format, an ambiguous name."""


class NotFoundError(AnalysisError):
    """A person, place, body or post named in an argument is not in the store."""
