"""Full-text search over what the store holds: persons, bodies, places, events and reports'
text, accents optional, in an SQLite FTS5 index kept beside the store.

It sits after ``identity`` in the package's map: it indexes the persons identity resolution
makes, and the pipeline, which resolves them, keeps the index in step with each ingest; the
server reads it. ``location.index_for(store)`` is a store's index; ``SearchIndex`` builds,
updates and checks it; ``finding.find`` asks it; ``snippets`` cuts a report's matching
sentence.
"""

from polgraph.search.finding import Found, find
from polgraph.search.index import IndexUpdate, SearchIndex, counts_line
from polgraph.search.location import index_for
from polgraph.search.snippets import Snippet, matching_sentence

__all__ = [
    "Found",
    "IndexUpdate",
    "SearchIndex",
    "Snippet",
    "counts_line",
    "find",
    "index_for",
    "matching_sentence",
]
