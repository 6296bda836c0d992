"""The layout of a report's text: its sentences, the sentence around a span, its headline, the
publication stamps near its top, and where its body starts. One rule set, used by the reader,
by the source reader (title and publication date of a file) and by the API's evidence.

Sentences (``sentences``):

* a line break ends a sentence, unless the next line goes on in lower case (a caption broken
  across lines: "Đồng chí Lê Văn An phát biểu tại\\nhội nghị");
* ". ! ?" (or a run of them) followed by a space, a line break or the end ends a sentence, with
  the closing quotes and brackets right after it;
* a dot after an abbreviation ("TP. Hà Tĩnh", "Đ/c. Lê Văn An": ``abbreviations``) does not;
* an ellipsis ("…", "...") ends a sentence only when what follows does not go on in lower case
  ("các xã A, B… đã tổ chức" is one sentence);
* a sentence's span leaves out the spaces around it.

Everything is matched on ``ReportText.folded`` and every span is an offset into ``text``.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from polgraph.text.abbreviations import DOTTED_ABBREVIATIONS
from polgraph.text.view import ReportText

Span = tuple[int, int]

_SENTENCE_END = re.compile(r"\n|[.!?…]+[\"”’»)\]]*(?=\s|$)")
_ELLIPSIS = re.compile(r"…|\.\.")
_WORD_BEFORE = re.compile(r"[\w/]+$")
_WORD_REACH = 8  # longer than any abbreviation: a word cut at this reach is none

HEADLINE_MAX = 250
_HEADLINE_ENDS = (".", "!", "?", "…", ":", ";", ",")
# A line opening with the day of the event ("Ngày 12/5/2021 tại xã …", "Sáng 3/4, …") is the
# report's first sentence with its full stop lost, not a headline.
_OPENS_WITH_DAY = re.compile(
    r"(?:(?:buổi )?(?:sáng|chiều|tối|trưa) (?:ngày )?|ngày )\d{1,2} ?[/.-] ?\d{1,2}(?!\d)"
)

# --- publication stamps ----------------------------------------------------------------------
# The labels of a page's posting and update lines, the words that may stand between a label and
# its date ("Ngày đăng: Thứ Tư, 08:30 ngày 20/12/2023"), and a numeric date, all in folded form.
POSTED_LABEL = r"(?:ngày\s+đăng(?:\s+(?:tin|bài))?|đăng\s+ngày|ngày\s+xuất\s+bản)"
UPDATED_LABEL = r"(?:ngày\s+cập\s+nhật|cập\s+nhật(?:\s+(?:lúc|ngày))?)"
WHEN = (
    r"\s*:?\s*(?:(?:lúc|vào|ngày|thứ\s+\w+|chủ\s+nhật)\s*,?\s*)*"
    r"(?:\d{1,2}\s*[:h]\s*\d{2}(?:\s*(?:am|pm|sa|ch))?\s*[,|-]?\s*(?:ngày\s+)?)?"
)
NUMERIC_DATE = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
# A line that opens with a posting or update label, whether or not its date reads.
_DATE_LABEL_LINE = re.compile(
    rf"[ \t]*(?:{POSTED_LABEL}|{UPDATED_LABEL})\s*(?::|\d|thứ\b|chủ\b|lúc\b|ngày\b)"
)
# The stamps a page carries near its top, as written or crawled: a posting line ("Ngày đăng:
# 05/02/2024"), an update line ("Cập nhật: …", used only when there is no other stamp), a
# crawler's header line (" date 2025-08-08"), a full date with the time of day ("04/01/2024
# 09:35", "Thứ Sáu, 14/04/2023, 17:42", "28-02-2019 - 08:06", a byline's "NV|05/6/2023|08:15"),
# a full date opening a line and followed by words or alone on it, not by a comma ("05/07/2022
# Trao …"), or a full date glued to the next word, where the page put it between headline and
# body ("… 14/12/2021Ngày 13/12").
_STAMP = re.compile(
    rf"{POSTED_LABEL}{WHEN}(?P<pd>\d{{1,2}})\s*[/.-]\s*(?P<pm>\d{{1,2}})\s*[/.-]\s*(?P<py>\d{{4}})"
    rf"|{UPDATED_LABEL}{WHEN}(?P<ud>\d{{1,2}})\s*[/.-]\s*(?P<um>\d{{1,2}})\s*[/.-]\s*(?P<uy>\d{{4}})"
    r"|(?:^|\n)[ \t]*date (?P<hy>\d{4})-(?P<hm>\d{2})-(?P<hd>\d{2})\b"
    r"|(?<![\d/.-])(?P<td>\d{1,2})[/.-](?P<tm>\d{1,2})[/.-](?P<ty>\d{4})"
    r"[,|]?[ \t]*(?:[-|][ \t]*)?\d{1,2}:\d{2}"
    r"|(?:^|\n)[ \t]*(?P<ld>\d{1,2})[/.-](?P<lm>\d{1,2})[/.-](?P<ly>\d{4})"
    r"(?=[ \t]*(?:[^\W\d_]|\n|$))"
    r"|(?<![\d/.-])(?P<gd>\d{1,2})[/.-](?P<gm>\d{1,2})[/.-](?P<gy>\d{4})(?=[^\W\d_])"
)
_STAMP_KINDS = "puhtlg"
STAMP_LINES = 8  # a page's stamps stand in its first lines…
STAMP_REACH = 600  # …and its first characters


@dataclass(frozen=True)
class Stamp:
    span: Span
    date: dt.date
    updated: bool = False  # an update line, not the posting


@dataclass(frozen=True)
class Layout:
    """A report's text laid out: headline, stamps, where the body starts, and every sentence."""

    text: ReportText
    headline: Span | None
    body: int
    stamps: tuple[Stamp, ...]
    sentences: tuple[Span, ...]

    @property
    def published(self) -> dt.date | None:
        return publication_date(self.stamps)

    def body_sentences(self, limit: int | None = None) -> list[Span]:
        """The sentences of the body, in order (the first ``limit`` of them)."""
        ends = [end for _, end in self.sentences]
        out = []
        for start, end in self.sentences[bisect_right(ends, self.body) :]:
            out.append(strip_span(self.text.text, max(start, self.body), end))
            if limit is not None and len(out) >= limit:
                break
        return out

    def sentence_around(self, start: int, end: int, reach: int = 400) -> Span:
        return sentence_around(self.text, self.sentences, start, end, reach)


def read_layout(rt: ReportText, abbreviations: frozenset[str] = DOTTED_ABBREVIATIONS) -> Layout:
    stamps = tuple(publication_stamps(rt))
    head = headline(rt, stamps)
    return Layout(
        rt,
        head,
        body_start(rt, head, stamps),
        stamps,
        tuple(sentences(rt, abbreviations=abbreviations)),
    )


# --- sentences -----------------------------------------------------------------------------------


def sentences(
    rt: ReportText,
    start: int = 0,
    end: int | None = None,
    abbreviations: frozenset[str] = DOTTED_ABBREVIATIONS,
) -> list[Span]:
    """The sentences of ``rt.text[start:end]`` (see the module docstring for the rules)."""
    text, folded = rt.text, rt.folded
    end = len(text) if end is None else end
    out: list[Span] = []
    begin = start
    for match in _SENTENCE_END.finditer(folded, start, end):
        at, after = match.start(), match.end()
        mark = match.group()
        # What follows, as written: the folded text is all lower case.
        following = (
            text[after : after + 1] if mark == "\n" else text[after : after + 2].lstrip()[:1]
        )
        if mark == "\n":
            if following.islower():
                continue  # a caption broken across lines
        elif mark == ".":
            word = _WORD_BEFORE.search(folded, max(begin, at - _WORD_REACH), at)
            if word and word.group() in abbreviations:
                continue
            if word and word.group().isdigit() and not text[begin : word.start()].strip():
                continue  # "1. Đồng chí: …": the number of a list's item opens the item
        elif _ELLIPSIS.match(mark) and following.islower():
            continue
        finish = at if mark == "\n" else after
        _add(text, begin, finish, out)
        begin = after
    _add(text, begin, end, out)
    return out


def _add(text: str, start: int, end: int, out: list[Span]) -> None:
    start, end = strip_span(text, start, end)
    if end > start:
        out.append((start, end))


def strip_span(text: str, start: int, end: int) -> Span:
    """``[start, end)`` without the spaces at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_around(
    rt: ReportText, spans: tuple[Span, ...] | list[Span], start: int, end: int, reach: int = 400
) -> Span:
    """The span of the sentence (of ``spans``, the text's sentences in order) that holds
    ``[start, end)``: from the sentence where the span starts to the one where it ends, cut to
    ``reach`` characters on either side of the span when a sentence runs on without an end."""
    length = len(rt.text)
    start, end = max(0, min(start, length)), max(0, min(end, length))
    end = max(start, end)
    ends = [e for _, e in spans]
    first = bisect_right(ends, start)  # the first sentence ending after ``start``
    last = bisect_left([s for s, _ in spans], end if end > start else end + 1) - 1
    begin = spans[first][0] if first < len(spans) else start
    finish = spans[last][1] if 0 <= last < len(spans) and last >= first else end
    begin, finish = min(begin, start), max(finish, end)
    begin, finish = max(begin, start - reach), min(finish, end + reach)
    return strip_span(rt.text, begin, finish)


# --- headline, stamps, body --------------------------------------------------------------------


def publication_stamps(rt: ReportText) -> list[Stamp]:
    """The publication stamps in the first lines of the page, in order (see ``_STAMP``)."""
    folded = rt.folded
    reach = min(len(folded), STAMP_REACH)
    line_end = -1
    for _ in range(STAMP_LINES):
        line_end = folded.find("\n", line_end + 1, reach)
        if line_end < 0:
            break
    else:
        reach = line_end
    stamps = []
    for match in _STAMP.finditer(folded, 0, reach):
        kind = next(k for k in _STAMP_KINDS if match.group(f"{k}y"))
        year, month, day = (int(match.group(f"{kind}{part}")) for part in "ymd")
        try:
            stamps.append(Stamp(match.span(), dt.date(year, month, day), kind == "u"))
        except ValueError:
            continue
    return stamps


def publication_date(stamps: tuple[Stamp, ...] | list[Stamp]) -> dt.date | None:
    """The date of the first stamp that is not an update; else of the first update."""
    posted = next((s for s in stamps if not s.updated), None) or next(iter(stamps), None)
    return posted.date if posted else None


def published(rt: ReportText) -> dt.date | None:
    """The page's publication date, from its stamps."""
    return publication_date(publication_stamps(rt))


def _opens_with_stamp(text: str, stamps: Iterable[Stamp], line_start: int) -> Stamp | None:
    for stamp in stamps:
        a = stamp.span[0] + 1 if text[stamp.span[0] : stamp.span[0] + 1] == "\n" else stamp.span[0]
        if a == line_start:
            return stamp
    return None


def headline(rt: ReportText, stamps: tuple[Stamp, ...] | list[Stamp] | None = None) -> Span | None:
    """The first non-blank line when it reads as a headline: at most ``HEADLINE_MAX`` characters,
    with a letter, not ending as a sentence or a clause does, not a posting line nor one opening
    with the event's day, and followed by a blank line or by a line that opens with a publication
    stamp or a posting label."""
    text, folded = rt.text, rt.folded
    stamps = publication_stamps(rt) if stamps is None else stamps
    start = 0
    while True:
        stop = text.find("\n", start)
        if stop < 0:
            return None  # no line follows
        if text[start:stop].strip():
            break
        start = stop + 1
    first_start, first_end = strip_span(text, start, stop)
    first = text[first_start:first_end]
    if (
        len(first) > HEADLINE_MAX
        or first.endswith(_HEADLINE_ENDS)
        or not any(c.isalpha() for c in first)
    ):
        return None
    if _DATE_LABEL_LINE.match(folded, start) or _OPENS_WITH_DAY.match(folded, first_start):
        return None
    second = stop + 1
    second_end = text.find("\n", second)
    second_end = len(text) if second_end < 0 else second_end
    if (
        text[second:second_end].strip()
        and not _DATE_LABEL_LINE.match(folded, second)
        and _opens_with_stamp(text, stamps, second) is None
    ):
        return None
    return start, stop


def body_start(rt: ReportText, head: Span | None, stamps: tuple[Stamp, ...] | list[Stamp]) -> int:
    """Where the body starts: after the headline, the blank lines, the posting lines and the
    lines that hold only a stamp."""
    text, folded = rt.text, rt.folded
    cursor = 0 if head is None else head[1] + 1
    while cursor < len(text):
        end = text.find("\n", cursor)
        end = len(text) if end < 0 else end
        stamp = _opens_with_stamp(text, stamps, cursor)
        only_stamp = stamp is not None and not folded[stamp.span[1] : end].strip()
        if (
            folded[cursor:end].strip()
            and not _DATE_LABEL_LINE.match(folded, cursor)
            and not only_stamp
        ):
            break
        cursor = end + 1
    return min(cursor, len(text))
