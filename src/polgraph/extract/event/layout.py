"""The layout of a report: its headline, where the body starts, the first body sentences, and the
opening sentence with the verb saying who held the event (see the package docstring). Also the
publication date of a "Ngày đăng:" line. The layout of the last text read is cached, since every
rule reads it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from polgraph.extract import lang_vi
from polgraph.text.view import ReportText

_PUBLISHED = re.compile(r"ngày đăng\s*:?\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
# A dot after these does not end a sentence ("TP. Cần Thơ", "ThS. Nguyễn…").
_DOTTED = lang_vi.DOTTED_ABBREVIATIONS | {"đ/c", "đc"}
_SENTENCE_END = re.compile(r"\n|[.!?…](?=[\s\"”’)]|$)")
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
_HEADLINE_MAX = 250


@dataclass(frozen=True)
class _Layout:
    headline: tuple[int, int] | None
    body: int                                   # where the body starts
    sentences: tuple[tuple[int, int], ...]      # body sentences
    opening: tuple[int, int] | None             # the opening sentence
    verb: tuple[int, int] | None                # its verb ("tổ chức"…)


# Each public function reads the layout; the orchestrator calls them one after the other on the
# same ReportText, so the last layout is kept, keyed on the object and its text (one tuple,
# replaced whole, so threads never see a mixed entry).
_last_layout: tuple = (None, None, None)


def _layout(rt: ReportText) -> _Layout:
    global _last_layout
    cached_rt, cached_text, layout = _last_layout
    if cached_rt is rt and cached_text is rt.text:
        return layout
    layout = _read_layout(rt)
    _last_layout = (rt, rt.text, layout)
    return layout


def _read_layout(rt: ReportText) -> _Layout:
    text, folded = rt.text, rt.folded
    lines = text.split("\n")
    headline, body = None, 0
    # Line 1 is a headline when line 2 is blank or a publication line (the seed has neither) and
    # it reads like one: short, without a closing full stop. A body whose first paragraph comes
    # first (the title kept elsewhere) then keeps its opening sentence.
    first = lines[0].rstrip()
    # A stamp's span starts at its line's "\n" when the stamp opens the line.
    stamped = [(a + 1 if text[a] == "\n" else a, b) for a, b in (s.span for s in publication_stamps(rt))]
    second = len(lines[0]) + 1
    if len(lines) > 1 and (not lines[1].strip() or _PUBLISHED.match(folded, second)
                           or any(a == second for a, _ in stamped)) \
            and len(first) <= _HEADLINE_MAX and not first.endswith((".", "!", "?", "…", ":")):
        headline = (0, len(lines[0]))
        body = len(lines[0]) + 1
    cursor = body
    # Skip blank lines, the "Ngày đăng:" line and lines that hold only a stamp before the body.
    while True:
        end = text.find("\n", cursor)
        end = len(text) if end < 0 else end
        line = folded[cursor:end].strip()
        only_stamp = any(a == cursor and not folded[b:end].strip() for a, b in stamped)
        if cursor < len(text) and (not line or _PUBLISHED.match(line) or only_stamp):
            cursor = end + 1
            continue
        break
    body = min(cursor, len(text))
    sentences = _sentences(rt, body, _OPENING_SENTENCES + 2)
    opening = verb = None
    for start, end in sentences[:_OPENING_SENTENCES]:
        for match in _OPENING_VERB.finditer(folded, start, end):
            if text[match.start()].islower():
                opening, verb = (start, end), match.span()
                break
        if opening:
            break
    if opening is None and sentences:
        opening = sentences[0]
    return _Layout(headline, body, tuple(sentences), opening, verb)


_LAST_WORD = re.compile(r"[\w/]+$")


def _sentences(rt: ReportText, start: int, limit: int) -> list[tuple[int, int]]:
    """The first ``limit`` body sentences: a line break or a dot followed by a space ends one,
    except after an abbreviation such as "TP." or "Đ/c."."""
    text, folded = rt.text, rt.folded
    out, begin = [], start
    for match in _SENTENCE_END.finditer(folded, start):
        if match.group() == ".":
            word = _LAST_WORD.search(folded, max(begin, match.start() - 6), match.start())
            if word and word.group() in _DOTTED:
                continue
        end = match.end() if match.group() != "\n" else match.start()
        if text[begin:end].strip():
            out.append(_strip_span(text, begin, end))
            if len(out) >= limit:
                return out
        begin = match.end()
    if text[begin:].strip():
        out.append(_strip_span(text, begin, len(text)))
    return out


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# The publication stamps a page carries near its top, as crawled: a crawler's header line
# (" date 2025-08-08"), a "Ngày đăng" line, a full date with the time of day ("04/01/2024 09:35",
# "Thứ Sáu, 14/04/2023, 17:42", "28-02-2019 - 08:06"), or a full date opening a line and followed
# by words or alone on it, not followed by a comma ("05/07/2022 Trao …"), or a full date glued to the next word, where the
# page put it between headline and body ("… 2020-2025 14/12/2021Ngày 13/12"). None is the event's.
_STAMP = re.compile(
    r"(?:^|\n)[ \t]*date (?P<hy>\d{4})-(?P<hm>\d{2})-(?P<hd>\d{2})\b"
    r"|ngày đăng\s*:?\s*(?P<pd>\d{1,2})\s*[/.-]\s*(?P<pm>\d{1,2})\s*[/.-]\s*(?P<py>\d{4})"
    r"|(?<![\d/.-])(?P<td>\d{1,2})[/.-](?P<tm>\d{1,2})[/.-](?P<ty>\d{4}),?[ \t]*(?:-[ \t]*)?\d{1,2}:\d{2}"
    r"|(?:^|\n)[ \t]*(?P<ld>\d{1,2})[/.-](?P<lm>\d{1,2})[/.-](?P<ly>\d{4})(?=[ \t]*(?:[^\W\d_]|\n|$))"
    r"|(?<![\d/.-])(?P<gd>\d{1,2})[/.-](?P<gm>\d{1,2})[/.-](?P<gy>\d{4})(?=[^\W\d_])"
)
_STAMP_REACH = 600  # characters from the top where a page's stamps stand


@dataclass(frozen=True)
class Stamp:
    span: tuple[int, int]
    date: dt.date


def publication_stamps(text: ReportText) -> list[Stamp]:
    """The publication stamps near the top of the page, in order (see ``_STAMP``)."""
    stamps = []
    for match in _STAMP.finditer(text.folded, 0, min(len(text.folded), _STAMP_REACH)):
        found = next(match.group(f"{kind}y", f"{kind}m", f"{kind}d") for kind in "hptlg"
                     if match.group(f"{kind}y"))
        year, month, day = (int(part) for part in found)
        try:
            stamps.append(Stamp(match.span(), dt.date(year, month, day)))
        except ValueError:
            continue
    return stamps


def published_from_text(text: ReportText) -> dt.date | None:
    """The date of the page's first publication stamp, if it has one."""
    stamps = publication_stamps(text)
    return stamps[0].date if stamps else None
