"""Where a fact comes from: its report, and the sentence of the report's text that states it.

Every fact the mapping draws from a text carries a span (``pg:evidence``: ``oa:start`` and
``oa:end``, code points into the report's ``pg:text``). Readers want the sentence around it:
the sentence of the report's text, as ``polgraph.text.layout`` splits it, that holds the span.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any, overload

from polgraph.server.answers.graph import Readable, select, values_block
from polgraph.server.answers.ids import node
from polgraph.text import layout
from polgraph.text.view import ReportText, fold

# ``{report, start, end, quote, sentence, sentence_start}``: where a fact is stated.
Citation = dict[str, Any]

_REACH = 400  # the most taken on either side of a span when its sentence runs on without an end


@lru_cache(maxsize=64)
def _laid_out(text: str) -> tuple[ReportText, tuple[layout.Span, ...]]:
    """A stored text as a ``ReportText`` with its sentences (a page cites many facts of one
    report, so the last few texts are kept)."""
    rt = ReportText(text)
    if rt.text != text:  # not NFC as stored: the offsets are the stored text's
        rt.text, rt.folded = text, fold(text)
    return rt, tuple(layout.sentences(rt))


def sentence_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence containing ``text[start:end]`` (of ``polgraph.text.layout.sentences``, on
    the stored text) and the offset where it starts."""
    rt, spans = _laid_out(text)
    begin, finish = layout.sentence_around(rt, spans, start, end, _REACH)
    return text[begin:finish], begin


class Sources:
    """The reports some facts come from (key, title, text), read in one query for all the
    reports a caller names up front and one more for any it did not."""

    def __init__(self, store: Readable, reports: Iterable[str] = ()) -> None:
        self.store = store
        self.reports: dict[str, dict] = {}
        self.load(reports)

    def load(self, reports: Iterable[str]) -> None:
        wanted = {r for r in reports if r and r not in self.reports}
        if not wanted:
            return
        rows = select(
            self.store,
            f"""
            SELECT ?report ?key ?title ?text WHERE {{ {values_block("report", wanted)}
              OPTIONAL {{ ?report pg:reportKey ?key }} OPTIONAL {{ ?report pg:title ?title }}
              OPTIONAL {{ ?report pg:text ?text }}
            }}""",
        )
        for row in rows:
            self.reports.setdefault(row["report"], row)
        for missing in wanted - set(self.reports):
            self.reports[missing] = {}

    def report(self, report: str) -> dict[str, Any]:
        self.load([report])
        found = self.reports[report]
        return node(report, key=found.get("key"), title=found.get("title"))

    @overload
    def cite(self, report: str, start: int | None = None, end: int | None = None) -> Citation: ...
    @overload
    def cite(self, report: None, start: int | None = None, end: int | None = None) -> None: ...
    def cite(
        self, report: str | None, start: int | None = None, end: int | None = None
    ) -> Citation | None:
        """``{report, start, end, quote, sentence, sentence_start}``; without a span (or the
        report's text) only the report is known and the rest is null."""
        if report is None:
            return None
        cited: Citation = {
            "report": self.report(report),
            "start": start,
            "end": end,
            "quote": None,
            "sentence": None,
            "sentence_start": None,
        }
        text = self.reports[report].get("text")
        if text is not None and start is not None and end is not None:
            sentence, offset = sentence_around(text, start, end)
            cited.update(quote=text[start:end], sentence=sentence, sentence_start=offset)
        return cited
