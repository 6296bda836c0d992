"""The search words as the store's REGEX reads them: the oracle the Python matching of
``polgraph.server.answers.search`` is checked against."""

from __future__ import annotations

from polgraph.server.answers.search import word_bodies


def word_patterns(query: str) -> list[str]:
    """One XPath regular expression per word of ``query``, matched at the start of the text or
    after a space, an apostrophe or a hyphen, as ``search.Keys`` matches a word."""
    return [f"(^|[\\s'-]){body}" for body in word_bodies(query)]
