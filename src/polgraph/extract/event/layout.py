"""The layout of a report as the event rules read it: the page's layout (``polgraph.text.layout``:
headline, stamps, where the body starts, sentences) and the *opening*, the first body sentence
with the verb saying who held the event (see the package docstring). It is read once per report
(``lay_out``) and handed to every rule that needs it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from polgraph.text.layout import Layout, Span, Stamp, read_layout
from polgraph.text.view import ReportText

# The verb saying the subject held the event. "tổ chức" as a noun ("Ban Tổ chức", "các tổ chức",
# "về tổ chức đại hội") is ruled out by the lookbehinds and by requiring lower case in the text.
_OPENING_VERB = re.compile(
    r"(?<!ban )(?<!các )(?<!về )(?<!việc )(?<!công tác )\btổ chức\b"
    r"(?! đảng\b| cơ sở| chính trị| bộ máy| đoàn thể)"
    r"|\bcó buổi\b|\btiếp xúc (?:với )?cử tri\b|\blàm việc (?:với|tại)\b|\bđến thăm\b"
    r"|(?<!ban )(?<!đoàn )(?<!công tác )(?<!ủy ban )\b(?:kiểm tra|giám sát|khảo sát)\b"
    r"(?=[^.;\n]{0,60}\btại\b)"
)
_OPENING_SENTENCES = 4  # the opening is among the first few body sentences


@dataclass(frozen=True)
class ReportLayout:
    """The page's layout, its first body sentences, and the opening sentence with its verb."""

    page: Layout
    sentences: tuple[Span, ...]  # the first body sentences
    opening: Span | None  # the opening sentence
    verb: Span | None  # its verb ("tổ chức"…)

    @property
    def text(self) -> ReportText:
        return self.page.text

    @property
    def headline(self) -> Span | None:
        return self.page.headline

    @property
    def body(self) -> int:
        return self.page.body

    @property
    def stamps(self) -> tuple[Stamp, ...]:
        return self.page.stamps

    @property
    def published(self) -> dt.date | None:
        return self.page.published


_CHROME_LINES = 6  # at most this many lines of a page's chrome are passed over
_CHROME_WORDS = 8  # a line of chrome is short


def _chrome(rt: ReportText, span: Span) -> bool:
    """A short line with no sentence's ending, standing alone: a menu item, a section's name, a
    headline or a stamp, not a sentence of the report."""
    start, end = span
    text = rt.text[start:end]
    alone = (start == 0 or rt.text[start - 1] == "\n") and (
        end == len(rt.text) or rt.text[end] == "\n"
    )
    return (
        alone
        and len(text.split()) <= _CHROME_WORDS
        and not text.rstrip().endswith((".", "!", "?", ":"))
    )


def says_who_held(rt: ReportText, start: int, end: int) -> bool:
    """Whether [start, end) has a verb saying who held the event ("… tổ chức hội nghị")."""
    return any(rt.text[m.start()].islower() for m in _OPENING_VERB.finditer(rt.folded, start, end))


def lay_out(text: ReportText | Layout) -> ReportLayout:
    """The event's layout of a text, or of a page already laid out."""
    page = text if isinstance(text, Layout) else read_layout(text)
    rt = page.text
    # Lines of a page's chrome before the body ("Truy cập nội dung luôn", "Thời sự địa phương", a
    # stamp) are no sentences of the report: they do not count among the first few.
    every = page.body_sentences(_OPENING_SENTENCES + 2 + _CHROME_LINES)
    prose = [span for span in every if not _chrome(rt, span)]
    sentences = (prose or every)[: _OPENING_SENTENCES + 2]
    opening = verb = None
    for start, end in sentences[:_OPENING_SENTENCES]:
        for match in _OPENING_VERB.finditer(rt.folded, start, end):
            if rt.text[match.start()].islower():
                opening, verb = (start, end), match.span()
                break
        if opening:
            break
    if opening is None and sentences:
        opening = sentences[0]
    return ReportLayout(page, tuple(sentences), opening, verb)
