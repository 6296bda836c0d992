"""Who held the event and for which term: ``find_organiser`` reads the subject of the opening verb
verbatim, ``find_term`` the event's own "nhiệm kỳ" from the headline or the opening."""

from __future__ import annotations

import re

from polgraph.text.layout import strip_span

from .dates import _date_hits
from .layout import ReportLayout

# Openers before the subject: "Vừa qua,", "Thực hiện Kế hoạch …,", "tại Hội trường …,".
_INTRO = re.compile(
    r"\s*(?:vừa qua|mới đây|hôm qua|ngày hôm qua|sáng nay|chiều nay|hôm nay|tối qua|sáng qua|"
    r"trong (?:hai|hai ngày|\d+ ngày)[^,]*|(?:thực hiện|căn cứ|theo|hưởng ứng|chào mừng|nhằm|"
    r"được sự|dưới sự|với sự|tại|vào lúc|vào|trong|nhân dịp|nhân kỷ niệm)\b[^,]*)\s*,"
)
# Where the subject stops: an adverb or auxiliary before the verb, or a parenthesis.
_SUBJECT_STOP = re.compile(
    r"\s*\(|\s(?:đã|do|đang|vừa|sẽ|cũng|long trọng|trọng thể|trang trọng|chính thức|phối hợp|"
    r"đồng loạt|tiến hành|ứng cử|tại|thành công)\b"
)
# A trailing "khóa XX, nhiệm kỳ 2021 - 2026" qualifies the subject but is not its name.
_TRAILING_QUALIFIER = re.compile(
    r"(?:\s*,?\s*(?:khóa|khoá) [ivxlc\d]+|\s*,?\s*nhiệm kỳ \d{4}\s*-\s*\d{4})+\s*[,;:]?\s*$"
)
_PLACE_SUBJECT = re.compile(
    r"(?:thôn|xóm|ấp|bản|buôn|làng|khu phố|tổ dân phố|khối|xã|phường|"
    r"thị trấn|huyện|quận|thị xã|thành phố|tỉnh)\b"
)
_SUBJECT_LEAD = re.compile(r"[\s,;:)]*")
_LETTER = re.compile(r"[^\W\d_]")
_DELEGATION = re.compile(r"đoàn (?:công tác|kiểm tra|giám sát|khảo sát)(?: số \d+)?(?: của)? ")


def find_organiser(layout: ReportLayout) -> tuple[str, tuple[int, int]] | None:
    """The subject of the opening verb, verbatim: "Đảng uỷ xã Thạch Kim (huyện Lộc Hà) tổ chức…"
    gives "Đảng uỷ xã Thạch Kim"; a delegation "Đoàn công tác của X" gives X."""
    if layout.verb is None or layout.opening is None:
        return None
    text = layout.text
    folded = text.folded
    start, stop = layout.opening[0], layout.verb[0]
    # The subject follows the date when the date opens the sentence ("Sáng 12/1, UBND xã…").
    for hit in _date_hits(text, start, stop):
        if not hit.after_document and not hit.in_parentheses and (hit.year or hit.cued):
            if _LETTER.search(folded, hit.end, stop):
                start = hit.end
            break
    while True:
        intro = _INTRO.match(folded, start, stop)
        lead = _SUBJECT_LEAD.match(folded, start, stop)
        if lead and lead.end() > start:
            start = lead.end()
            continue
        if intro and intro.end() < stop:
            start = intro.end()
            continue
        break
    cut = _SUBJECT_STOP.search(folded, start, stop)
    end = cut.start() if cut else stop
    qualifier = _TRAILING_QUALIFIER.search(folded, start, end)
    if qualifier:
        end = qualifier.start()
    delegation = _DELEGATION.match(folded, start, end)
    if delegation:
        start = delegation.end()
    start, end = strip_span(text.text, start, end)
    while end > start and text.text[end - 1] in ",;:-":
        end -= 1
    if end <= start:
        return None
    subject = text.text[start:end]
    # An organiser is a body or a place: it starts with a capital or an area word ("thôn …").
    if not (subject[0].isupper() or _PLACE_SUBJECT.match(folded, start, end)):
        return None
    if len(subject.split()) > 25:
        return None
    return subject, (start, end)


_TERM = re.compile(r"\b(?:nhiệm kỳ|nk)\s*:?\s*(\d{4})\s*-\s*(\d{4})\b")


def find_term(layout: ReportLayout) -> str | None:
    """The event's own term ("nhiệm kỳ 2020 - 2025" → "2020-2025"), from the headline or the
    opening; later terms ("tiến tới Đại hội … nhiệm kỳ 2025 - 2030") are not the event's."""
    text = layout.text
    regions = []
    if layout.headline:
        regions.append(layout.headline)
    if layout.opening:
        regions.append((layout.body, layout.opening[1]))
    for start, end in regions:
        for match in _TERM.finditer(text.folded, start, end):
            first, last = int(match.group(1)), int(match.group(2))
            if 2 <= last - first <= 10:
                return f"{first}-{last}"
    return None
