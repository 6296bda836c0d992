"""The kind of event (conference, congress, council session, voter meeting, working visit,
ceremony or other): ``find_event_kind`` reads what the opening verb holds, then the headline, then
the first sentences."""

from __future__ import annotations

import re

from polgraph.text.view import ReportText, fold

from .layout import ReportLayout
from .organiser import _DELEGATION

# "giải bóng đá", not "giải pháp" or "giải quyết".
_TOURNAMENT = r"\bgiải (?:bóng|thể thao|chạy|việt dã|cờ|bơi|đua|vật|kéo co)"
_VOTER = r"tiếp xúc (?:với )?cử tri|gặp gỡ cử tri|đối thoại với cử tri"
_VISIT = (r"đoàn công tác|đoàn kiểm tra|đoàn giám sát|đoàn khảo sát|buổi làm việc|"
          r"làm việc (?:với|tại)|thăm và làm việc|thăm,? làm việc|"
          r"\bkiểm tra\b[^.;\n]{0,60}?\btại\b|\bgiám sát\b[^.;\n]{0,60}?\btại\b")
# Words that mention a congress without being one ("Nghị quyết Đại hội", "tiến tới Đại hội").
_CONGRESS = (r"(?<!nghị quyết )(?<!tiến tới )(?<!chuẩn bị )(?<!văn kiện )(?<!chào mừng )"
             r"(?<!đi dự )(?<!dự )\bđại hội\b")
_KIND_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern)) for kind, pattern in (
        ("voter_meeting", _VOTER),
        ("working_visit", _VISIT),
        # A People's Council meeting out of its schedule is a session too ("HĐND tỉnh … họp bất thường").
        ("council_session", r"\bkỳ họp\b|\b(?:hđnd|hội đồng nhân dân)\b[^.;\n]{0,60}?\bhọp (?:bất thường|chuyên đề)\b"),
        ("other", r"\bngày hội\b|\blễ hội\b|\bhội thi\b|\bhội diễn\b|\bhội thao\b|" + _TOURNAMENT),
        # Party badges are handed over at a ceremony, whether or not the page says "lễ".
        ("ceremony", r"(?<!\w)lễ(?!\w)|\bmít tinh\b|\bmittinh\b|\btrao (?:tặng )?huy hiệu\b"),
        ("congress", _CONGRESS),
        # A committee's sitting ("phiên họp lần thứ nhất", "họp phiên thường kỳ") is a conference.
        ("conference", r"\bhội nghị\b|\bhội thảo\b|\btọa đàm\b|\bsơ kết\b|\btổng kết\b"
                       r"|\bphiên họp\b|\bhọp phiên\b"),
    )
)
# What the opening verb's object starts with decides first ("tổ chức Lễ đón nhận…").
_OBJECT_HEAD: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(r"\s*(?:(?:buổi|cuộc|chương trình|thành công|trọng thể|long trọng)\s+)*"
                      + pattern))
    for kind, pattern in (
        ("other", r"(?:ngày hội|lễ hội|hội thi|hội diễn|hội thao)\b|" + _TOURNAMENT),
        ("ceremony", r"(?:lễ|mít tinh)(?!\w)"),
        ("congress", r"đại hội\b"),
        ("council_session", r"kỳ họp\b"),
        ("conference", r"(?:hội nghị|hội thảo|tọa đàm|phiên họp)\b"),
        ("working_visit", r"làm việc\b|(?:kiểm tra|giám sát|khảo sát)\b(?=[^.;\n]{0,60}\btại\b)"),
    )
)
_KIND_PATTERNS = dict(_KIND_WORDS)
# Voter meetings and visits qualify other words ("tiếp xúc cử tri trước Kỳ họp"), so they win;
# among the rest the earliest word wins.
_PRIORITY_KINDS = ("voter_meeting", "working_visit")


def _kind_in(folded: str) -> str | None:
    for kind in _PRIORITY_KINDS:
        if _KIND_PATTERNS[kind].search(folded):
            return kind
    best: tuple[int, str] | None = None
    for kind, pattern in _KIND_WORDS:
        if kind in _PRIORITY_KINDS:
            continue
        match = pattern.search(folded)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), kind)
    return best[1] if best else None


def _kind_of_opening(rt: ReportText, layout: ReportLayout) -> str | None:
    if layout.verb is None or layout.opening is None:
        return None
    folded = rt.folded
    verb = folded[layout.verb[0]:layout.verb[1]]
    if _KIND_PATTERNS["voter_meeting"].match(verb):
        return "voter_meeting"
    if verb.startswith(("làm việc", "đến thăm", "kiểm tra", "giám sát", "khảo sát")):
        return "working_visit"
    subject = folded[layout.opening[0]:layout.verb[0]]
    obj = folded[layout.verb[1]:min(layout.opening[1], layout.verb[1] + 120)]
    if _KIND_PATTERNS["voter_meeting"].search(obj, 0, 60):
        return "voter_meeting"  # "tổ chức Hội nghị tiếp xúc cử tri"
    for kind, pattern in _OBJECT_HEAD:
        if pattern.match(obj):
            return kind
    if _DELEGATION.search(subject):
        return "working_visit"  # "Đoàn công tác … tổ chức …"
    return None


def find_event_kind(layout: ReportLayout, headline: str | None) -> str:
    """conference | congress | council_session | voter_meeting | working_visit | ceremony | other,
    read from what the opening verb holds, then the headline, then the first sentences."""
    text = layout.text
    kind = _kind_of_opening(text, layout)
    if kind:
        return kind
    heads = []
    if headline:
        heads.append(fold(headline))
    if layout.headline:
        heads.append(text.folded[layout.headline[0]:layout.headline[1]])
    for head in heads:
        kind = _kind_in(head)
        if kind:
            return kind
    for start, end in layout.sentences[:2]:
        kind = _kind_in(text.folded[start:end])
        if kind:
            return kind
    return "other"
