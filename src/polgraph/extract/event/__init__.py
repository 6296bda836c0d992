"""The event a report is about: where, when, what kind, who organised it, for which term, and the
numbered documents it carries out or cites.

Everything here is regex and string work over one ``ReportText``, laid out once per report
(``lay_out``: a ``ReportLayout``) and handed to every rule that reads the layout: patterns are
matched on ``folded`` (lower case, modern tones, one dash) and spans are sliced out of ``text``. The
words that name area levels, bodies, abbreviations and document kinds come from the SKOS
vocabularies (``ontology/vocab/*.ttl``) through the reader's lexicon (``polgraph.extract.lexicon``),
built once per ``Vocabulary``.

Layout of a report (``polgraph.text.layout``): the first line is the headline when the next is blank
or a publication line; the *opening sentence* is the first body sentence that says who held the
event ("… tổ chức Hội nghị …", "… đã có buổi làm việc với …", "… tiếp xúc cử tri …"). Date,
organiser, kind and the host unit are read from the opening, because later sentences mention other
dates (documents, anniversaries) and other places (visitors, speakers' communes).
"""

from __future__ import annotations

from polgraph.extract.lexicon import LEVELS

from .dates import find_event_date
from .documents import DocumentReference, document_references, find_documents
from .kinds import find_event_kind
from .layout import ReportLayout, lay_out
from .locality import find_locality
from .organiser import find_organiser, find_term
from .results import EventDate, FoundDocument, Locality

__all__ = [
    "LEVELS",
    "DocumentReference",
    "EventDate",
    "FoundDocument",
    "Locality",
    "ReportLayout",
    "document_references",
    "find_documents",
    "find_event_date",
    "find_event_kind",
    "find_locality",
    "find_organiser",
    "find_term",
    "lay_out",
]
