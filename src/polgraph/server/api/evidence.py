"""Where a fact comes from: its report, and the sentence of the report's text that states it.

Every fact the mapping draws from a text carries a span (``pg:evidence``: ``oa:start`` and
``oa:end``, code points into the report's ``pg:text``). Readers want the sentence around it,
so the text is cut at the nearest sentence ends on either side of the span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from polgraph.server.api.graph import select, values_block
from polgraph.server.api.ids import node

# A sentence ends at a line break, or at ". ! ? …" followed by a space. Reports put captions and
# speakers on lines of their own, so a line break is an end too.
_SENTENCE_END = re.compile(r"\n|[.!?…]+(?=\s)")
_REACH = 400  # the most taken on either side of a span when no sentence end comes first


def sentence_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence containing ``text[start:end]`` and the offset where it starts."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    low = max(0, start - _REACH)
    begin = low
    for found in _SENTENCE_END.finditer(text, low, start):
        begin = found.end()
    limit = min(len(text), max(start, end) + _REACH)
    following = _SENTENCE_END.search(text, max(start, end), limit)
    if following is None:
        finish = limit
    else:  # a sentence keeps its full stop, not the line break after it
        finish = following.start() if following.group() == "\n" else following.end()
    sentence = text[begin:finish]
    lead = len(sentence) - len(sentence.lstrip())
    return sentence.strip(), begin + lead


class Sources:
    """The reports some facts come from (key, title, text), read in one query for all the
    reports a caller names up front and one more for any it did not."""

    def __init__(self, store, reports: Iterable[str] = ()) -> None:
        self.store = store
        self.reports: dict[str, dict] = {}
        self.load(reports)

    def load(self, reports: Iterable[str]) -> None:
        wanted = {r for r in reports if r and r not in self.reports}
        if not wanted:
            return
        rows = select(self.store, f"""
            SELECT ?report ?key ?title ?text WHERE {{ {values_block("report", wanted)}
              OPTIONAL {{ ?report pg:reportKey ?key }} OPTIONAL {{ ?report pg:title ?title }}
              OPTIONAL {{ ?report pg:text ?text }}
            }}""")
        for row in rows:
            self.reports.setdefault(row["report"], row)
        for missing in wanted - set(self.reports):
            self.reports[missing] = {}

    def report(self, report: str) -> dict | None:
        self.load([report])
        found = self.reports[report]
        return node(report, key=found.get("key"), title=found.get("title"))

    def cite(self, report: str | None, start: int | None = None, end: int | None = None) -> dict | None:
        """``{report, start, end, quote, sentence, sentence_start}``; without a span (or the
        report's text) only the report is known and the rest is null."""
        if report is None:
            return None
        cited = {"report": self.report(report), "start": start, "end": end,
                 "quote": None, "sentence": None, "sentence_start": None}
        text = self.reports[report].get("text")
        if text is not None and start is not None and end is not None:
            sentence, offset = sentence_around(text, start, end)
            cited.update(quote=text[start:end], sentence=sentence, sentence_start=offset)
        return cited
