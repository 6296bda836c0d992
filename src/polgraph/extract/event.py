"""The event a report is about: where, when, what kind, who organised it, for which term, and the
numbered documents it carries out or cites.

Everything here is regex and string work over one ``ReportText``: patterns are matched on
``folded`` (lower case, modern tones, one dash) and spans are sliced out of ``text``. The words that
name area levels, bodies, abbreviations and document kinds come from the SKOS vocabularies
(``ontology/vocab/*.ttl``) through a small lexicon built once per ``Vocabulary``.

Layout of a report (see the dev corpus README): line 1 is the headline when line 2 is blank or a
"Ngày đăng:" line; the *opening sentence* is the first body sentence that says who held the event
("… tổ chức Hội nghị …", "… đã có buổi làm việc với …", "… tiếp xúc cử tri …"). Date, organiser,
kind and the host unit are read from the opening, because later sentences mention other dates
(documents, anniversaries) and other places (visitors, speakers' communes).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from rdflib import Literal
from rdflib.namespace import RDF, SKOS

from polgraph.namespaces import PG
from polgraph.text.normalise import normalise_label
from polgraph.text.view import ReportText, fold

__all__ = [
    "Locality", "EventDate", "FoundDocument", "find_locality", "find_event_kind",
    "find_event_date", "find_organiser", "find_term", "find_documents", "published_from_text",
]

LEVELS = ("village", "commune", "district", "province")


# ----------------------------------------------------------------------------------------------
# Results
# ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Locality:
    commune: str | None    # normalised, with its level word: "xã Cẩm Lộc", "phường An Khánh"
    district: str | None   # "huyện Cẩm Xuyên", "quận Ninh Kiều", "thị xã X", "thành phố Vinh"
    province: str | None   # "tỉnh Hà Tĩnh", "thành phố Cần Thơ"
    village: str | None = None  # "thôn Làng Mới" when the event is at village level

    def place(self) -> str | None:
        """Most specific unit first, then its parents; a village-level event stops at its commune
        (the gold's convention), so ``village`` never enters the place."""
        parts = [unit for unit in (self.commune, self.district, self.province) if unit]
        return ", ".join(parts) or None


@dataclass(frozen=True)
class EventDate:
    date: str | None            # ISO YYYY-MM-DD of the event's (first) day
    year_inferred: bool
    span: tuple[int, int] | None  # [start, end) of the date expression in text
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class FoundDocument:
    number: str
    kind: str | None
    issuer: str | None
    date: str | None
    span: tuple[int, int]       # the number as written
    relation: str               # "implements" or "cites"


# ----------------------------------------------------------------------------------------------
# Layout: headline, body sentences, the opening sentence and its verb
# ----------------------------------------------------------------------------------------------

_PUBLISHED = re.compile(r"ngày đăng\s*:?\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
# A dot after these does not end a sentence ("TP. Cần Thơ", "ThS. Nguyễn…").
_DOTTED = frozenset({"tp", "tx", "tt", "q", "p", "h", "ths", "ts", "pgs", "gs", "bs", "đ/c", "đc"})
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
    if len(lines) > 1 and (not lines[1].strip() or _PUBLISHED.match(folded, len(lines[0]) + 1)) \
            and len(first) <= _HEADLINE_MAX and not first.endswith((".", "!", "?", "…", ":")):
        headline = (0, len(lines[0]))
        body = len(lines[0]) + 1
    cursor = body
    # Skip blank lines and the "Ngày đăng:" line before the body proper.
    while True:
        end = text.find("\n", cursor)
        end = len(text) if end < 0 else end
        line = folded[cursor:end].strip()
        if cursor < len(text) and (not line or _PUBLISHED.match(line)):
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


def published_from_text(text: ReportText) -> dt.date | None:
    """The date of a "Ngày đăng: DD/MM/YYYY" line, if the report has one."""
    match = _PUBLISHED.search(text.folded)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# ----------------------------------------------------------------------------------------------
# Dates
# ----------------------------------------------------------------------------------------------

# One day, a two-day range ("18 - 19/5/2020", "18 và 19/5"), numeric with "/", "-" or "." and the
# typos real portals make (stray space "5 /9/2023", doubled slash "15/11//2019", doubled digit
# "011/3/2023"), or written out ("03 tháng 7 năm 2024").
_DATE = re.compile(
    r"(?<![\w.,/-])(?:"
    r"(?P<r1>\d{1,2}) ?(?:-|và|,|đến) ?(?:ngày )?(?P<rd>\d{1,2}) ?[/.-] ?(?P<rm>\d{1,2})"
    r"(?: ?[/.-]{1,2} ?(?P<ry>\d{4}))?"
    r"|(?P<td>\d{1,3}) tháng (?P<tm>\d{1,3})(?:,? (?:năm )?(?P<ty>\d{4}))?"
    r"|(?P<d>\d{1,3}) {0,2}(?P<s1>[/.-]{1,2}) {0,2}(?P<m>\d{1,3})"
    r"(?: {0,2}(?P<s2>[/.-]{1,2}) {0,2}(?P<y>\d{4}))?"
    r")(?![\w/]|[.-]\d)"
)
# Words that announce a date: "ngày", a part of the day, "hôm nay"… (span starts here).
_DATE_CUE = re.compile(
    r"(?:(?:(?:buổi )?(?:sáng|chiều|tối|trưa|đêm|hôm)(?: nay| qua| mai)? (?:ngày )?)|ngày )$"
)
# "Sáng nay (12/1)": a parenthesised date that *is* the event's.
_TODAY_PAREN = re.compile(r"(?:sáng|chiều|tối|trưa|hôm|ngày) (?:nay|qua|mai) ?\($")
# A date right after a document number ("93-KH/HU ngày …") or "ban hành ngày" is the document's.
_AFTER_DOCUMENT = re.compile(r"(?:\d[\w./-]*[/-][\w./-]*[^\W\d_][\w./-]*|ban hành|ký)\s*,?\s*$")
# "Kế hoạch ngày 5/3/2024 của Huyện ủy": a date followed by its author is a document's.
_BEFORE_AUTHOR = re.compile(r"\s*,?\s*(?:của|do)\s")
# "tính đến ngày 31/12" is a cut-off; "chào mừng ngày 2/9" an anniversary: neither is the event.
_NOT_EVENT = re.compile(r"(?:tính đến|đến hết|tính từ)\s*$"
                        r"|(?:chào mừng|kỷ niệm|hướng tới|nhân dịp)\b[^,.;:()]{0,40}$")
_STRAY_SPACE = re.compile(r"\d {1,2}[/.-]|[/.-] {1,2}\d")
_SLACK_DAYS = 7  # a report may announce an event a few days ahead of publication


@dataclass(frozen=True)
class _DateHit:
    start: int                 # including its cue ("Chiều ngày")
    end: int
    day: str
    month: str
    year: str | None
    odd_separator: bool        # "//" or a stray space
    cued: bool
    in_parentheses: bool
    after_document: bool       # a document's date, a cut-off or an anniversary


def _date_hits(rt: ReportText, start: int, end: int) -> list[_DateHit]:
    folded = rt.folded
    hits = []
    for m in _DATE.finditer(folded, start, end):
        if m.group("rd"):
            day, month, year = m.group("r1"), m.group("rm"), m.group("ry")
            odd = False
        elif m.group("td"):
            day, month, year = m.group("td"), m.group("tm"), m.group("ty")
            odd = False
        else:
            day, month, year = m.group("d"), m.group("m"), m.group("y")
            seps = (m.group("s1") or "") + (m.group("s2") or "")
            odd = len(seps) > 2 or bool(_STRAY_SPACE.search(m.group()))
        before = folded[max(0, m.start() - 40):m.start()]
        cue = _DATE_CUE.search(before)
        today = _TODAY_PAREN.search(before)
        begin = m.start() - len(before) + (cue or today).start() if cue or today else m.start()
        finish = m.end() + 1 if today and folded.startswith(")", m.end()) else m.end()
        lead = folded[max(0, begin - 40):begin]
        in_paren = before.rstrip().endswith("(") and not today
        hits.append(_DateHit(
            begin, finish, day, month, year, odd, bool(cue or today),
            in_paren,
            bool(_AFTER_DOCUMENT.search(lead) or _NOT_EVENT.search(lead)
                 or _BEFORE_AUTHOR.match(folded, m.end())),
        ))
    return hits


def _fix_number(raw: str, what: str, warnings: list[str]) -> int | None:
    """A day or month as typed: a third digit is a doubled digit ("011" → 01, "003" → 03)."""
    if len(raw) <= 2:
        return int(raw)
    for i in range(len(raw) - 1):
        if raw[i] == raw[i + 1]:
            fixed = raw[:i] + raw[i + 1:]
            warnings.append(f"{what} '{raw}' read as {fixed} (doubled digit)")
            return int(fixed)
    if raw.startswith("0"):
        warnings.append(f"{what} '{raw}' read as {raw[1:]} (extra leading zero)")
        return int(raw[1:])
    warnings.append(f"{what} '{raw}' is not a {what}")
    return None


def _resolve(hit: _DateHit, published: dt.date | None, warnings: list[str],
             fallback_year: int | None = None) -> tuple[str | None, bool]:
    """The ISO date of a hit and whether its year was inferred."""
    day = _fix_number(hit.day, "day", warnings)
    month = _fix_number(hit.month, "month", warnings)
    if hit.odd_separator:
        written = f"{hit.day}/{hit.month}/{hit.year or ''}".rstrip("/")
        warnings.append(f"odd separators in date {written}")
    if day is None or month is None:
        return None, False
    inferred = hit.year is None
    if not inferred:
        year = int(hit.year)
    elif fallback_year is not None:
        year = fallback_year
    elif published is not None:
        year = published.year
    else:
        warnings.append(f"no year for {day}/{month} and no publication date")
        return None, True
    try:
        when = dt.date(year, month, day)
    except ValueError:
        warnings.append(f"impossible date {day}/{month}/{year}")
        return None, inferred
    if inferred and fallback_year is None and published is not None \
            and when > published + dt.timedelta(days=_SLACK_DAYS):
        # "sáng 28/12" in a report published on 2 January happened the year before.
        try:
            when = dt.date(year - 1, month, day)
        except ValueError:
            warnings.append(f"impossible date {day}/{month}/{year - 1}")
            return None, inferred
    return when.isoformat(), inferred


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def find_event_date(text: ReportText, published: dt.date | None) -> EventDate:
    """The first date of the opening that is the event's own: not a document's date, not an
    anniversary in parentheses, not a bare fraction ("9/17 chỉ tiêu")."""
    published = _as_date(published)
    layout = _layout(text)
    if layout.opening is None:
        return EventDate(None, False, None)
    for hit in _date_hits(text, layout.body, layout.opening[1]):
        if hit.after_document or hit.in_parentheses:
            continue
        if hit.year is None and not hit.cued:
            continue  # "12/13 chỉ tiêu", "24/25 phiếu"
        warnings: list[str] = []
        iso, inferred = _resolve(hit, published, warnings)
        return EventDate(iso, inferred and iso is not None, (hit.start, hit.end), tuple(warnings))
    return EventDate(None, False, None)


# ----------------------------------------------------------------------------------------------
# Event kind
# ----------------------------------------------------------------------------------------------

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
        ("council_session", r"\bkỳ họp\b"),
        ("other", r"\bngày hội\b|\blễ hội\b|\bhội thi\b|\bhội diễn\b|\bhội thao\b|" + _TOURNAMENT),
        ("ceremony", r"(?<!\w)lễ(?!\w)|\bmít tinh\b|\bmittinh\b"),
        ("congress", _CONGRESS),
        ("conference", r"\bhội nghị\b|\bhội thảo\b|\btọa đàm\b|\bsơ kết\b|\btổng kết\b"),
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
        ("conference", r"(?:hội nghị|hội thảo|tọa đàm)\b"),
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


def _kind_of_opening(rt: ReportText, layout: _Layout) -> str | None:
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


def find_event_kind(text: ReportText, headline: str | None) -> str:
    """conference | congress | council_session | voter_meeting | working_visit | ceremony | other,
    read from what the opening verb holds, then the headline, then the first sentences."""
    layout = _layout(text)
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


# ----------------------------------------------------------------------------------------------
# Organiser and term
# ----------------------------------------------------------------------------------------------

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
_PLACE_SUBJECT = re.compile(r"(?:thôn|xóm|ấp|bản|buôn|làng|khu phố|tổ dân phố|khối|xã|phường|"
                            r"thị trấn|huyện|quận|thị xã|thành phố|tỉnh)\b")
_SUBJECT_LEAD = re.compile(r"[\s,;:)]*")
_LETTER = re.compile(r"[^\W\d_]")
_DELEGATION = re.compile(r"đoàn (?:công tác|kiểm tra|giám sát|khảo sát)(?: số \d+)?(?: của)? ")


def find_organiser(text: ReportText) -> tuple[str, tuple[int, int]] | None:
    """The subject of the opening verb, verbatim: "Đảng uỷ xã Thạch Kim (huyện Lộc Hà) tổ chức…"
    gives "Đảng uỷ xã Thạch Kim"; a delegation "Đoàn công tác của X" gives X."""
    layout = _layout(text)
    if layout.verb is None or layout.opening is None:
        return None
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
    start, end = _strip_span(text.text, start, end)
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


def find_term(text: ReportText) -> str | None:
    """The event's own term ("nhiệm kỳ 2020 - 2025" → "2020-2025"), from the headline or the
    opening; later terms ("tiến tới Đại hội … nhiệm kỳ 2025 - 2030") are not the event's."""
    layout = _layout(text)
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


# ----------------------------------------------------------------------------------------------
# The lexicon: area levels, bodies, abbreviations and document kinds from the vocabularies
# ----------------------------------------------------------------------------------------------

# The cities directly under the central government are province-level; any other "thành phố" is a
# district-level city unless the text nests it above a district.
_CENTRAL_CITIES = frozenset({"hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế"})


@dataclass
class _Lexicon:
    level_words: dict[str, tuple[str, frozenset[str]]]   # folded label → (word, levels)
    exact_case: dict[str, frozenset[str]]                # abbreviation labels as written
    level_pattern: re.Pattern[str]
    committees: dict[str, tuple[str, frozenset[str]]]    # "huyện ủy" → ("huyện", {"district"})
    bodies: dict[str, tuple[str, str | None]]            # folded label → (prefLabel, level)
    max_body_words: int
    abbreviations: dict[str, str]                        # "UBND" → "Ủy ban nhân dân"
    doc_kinds: dict[str, str]                            # folded word → prefLabel
    doc_codes: dict[str, str]                            # folded code ("kh") → prefLabel
    doc_pattern: re.Pattern[str]
    kind_pattern: re.Pattern[str]                        # a document-kind word alone


_LEXICONS: dict[int, tuple[object, _Lexicon]] = {}


def _lexicon(vocabulary) -> _Lexicon:
    cached = _LEXICONS.get(id(vocabulary))
    if cached is not None and cached[0] is vocabulary:
        return cached[1]
    lexicon = _build_lexicon(vocabulary)
    _LEXICONS[id(vocabulary)] = (vocabulary, lexicon)
    return lexicon


def _vi_labels(graph, concept, *props) -> list[str]:
    return [str(label) for prop in props for label in graph.objects(concept, prop)
            if isinstance(label, Literal) and label.language in (None, "vi")]


def _build_lexicon(vocabulary) -> _Lexicon:
    graph = vocabulary.vocab
    # Area levels, dotted abbreviations included ("TP.", "Q."), which Vocabulary.area_levels drops.
    level_words: dict[str, tuple[str, set[str]]] = {}
    exact_case: dict[str, set[str]] = {}
    for concept in graph.subjects(RDF.type, PG.AreaLevel):
        pref = (_vi_labels(graph, concept, SKOS.prefLabel) or [""])[0]
        level = str(graph.value(concept, PG.level) or "")
        if not pref or level not in LEVELS:
            continue
        for label in _vi_labels(graph, concept, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            key = fold(label)
            if "trung ương" in key or "thuộc" in key:
                continue  # "thành phố thuộc tỉnh" describes a level; it does not precede names
            word, levels = level_words.setdefault(key, (fold(pref), set()))
            levels.add(level)
            if label != label.lower():
                exact_case.setdefault(key, set()).add(label)
    alternatives = sorted(level_words, key=len, reverse=True)
    # Party committees and youth unions whose name carries the level: "Huyện ủy Lệ Thủy".
    bodies: dict[str, tuple[str, str | None]] = {}
    committees: dict[str, tuple[str, frozenset[str]]] = {}
    for key, body in vocabulary.body_labels:
        folded_key = fold(key)
        bodies.setdefault(folded_key, (body.label, body.level))
        head, _, tail = fold(body.label).partition(" ")
        if body.level in ("district", "province") and tail in ("ủy", "đoàn") and " " not in tail:
            words = {word for word, levels in level_words.values()
                     if body.level in levels and (word == head or word.startswith(head + " "))}
            if len(words) == 1:
                # "Thành ủy Vinh" is a district-level city's: the word keeps both its levels.
                word = words.pop()
                levels = set().union(*(l for w, l in level_words.values() if w == word))
                committees[folded_key] = (word, frozenset(levels & {"district", "province"}))
    alternatives = sorted(set(alternatives) | set(committees), key=len, reverse=True)
    level_pattern = re.compile(
        r"(?<![\w.])(" + "|".join(re.escape(a) for a in alternatives) + r")(?=[\s.]|$)"
        if alternatives else r"(?!)"
    )
    abbreviations: dict[str, str] = {}
    for concept in graph.subjects(RDF.type, PG.Abbreviation):
        pref = (_vi_labels(graph, concept, SKOS.prefLabel) or [""])[0]
        for label in _vi_labels(graph, concept, SKOS.altLabel, SKOS.hiddenLabel):
            abbreviations.setdefault(label, pref)
    doc_kinds: dict[str, str] = {}
    doc_codes: dict[str, str] = {}
    for concept in graph.subjects(RDF.type, PG.DocumentKind):
        pref = (_vi_labels(graph, concept, SKOS.prefLabel) or [""])[0]
        doc_kinds[fold(pref)] = pref
        for label in _vi_labels(graph, concept, SKOS.altLabel, SKOS.hiddenLabel):
            doc_codes.setdefault(fold(label), pref)
    kinds = sorted(set(doc_kinds) | {"văn bản"}, key=len, reverse=True)
    kind_alt = "|".join(re.escape(k) for k in kinds)
    # "Kế hoạch số 93-KH/HU", "Nghị quyết 96/2023/QH15", "Luật Đất đai số 31/2024/QH15".
    doc_pattern = re.compile(
        r"(?<!\w)(?P<kind>" + kind_alt + r")"
        r"(?:\s+(?:số|số hiệu)\s*:?\s*|\s+(?P<title>[^\s,.;:()]+(?:\s+[^\s,.;:()]+){0,7}?)"
        r"\s+số\s*:?\s*|\s+)"
        r"(?P<number>\d+[a-zđ]?(?:[-/]{1,2}[0-9a-zđà-ỹ&]+(?:\.[0-9a-zđà-ỹ]+)*)+)(?![\w/])"
    )
    return _Lexicon(
        {k: (w, frozenset(l)) for k, (w, l) in level_words.items()},
        {k: frozenset(v) for k, v in exact_case.items()}, level_pattern, committees, bodies,
        max(len(k.split()) for k in bodies), abbreviations, doc_kinds, doc_codes, doc_pattern,
        re.compile(r"(?<!\w)(?:" + kind_alt + r")(?!\w)"),
    )


# ----------------------------------------------------------------------------------------------
# Units named in the text
# ----------------------------------------------------------------------------------------------

@dataclass
class _Unit:
    level: str          # village | commune | district | province | city (not yet resolved)
    word: str           # "xã", "thành phố"
    name: str           # normalised name ("Cẩm Lộc")
    start: int
    end: int

    @property
    def label(self) -> str:
        return f"{self.word} {self.name}"


_TOKEN = re.compile(r"[^\W_][\w'’]*")
_NAME_GAP = re.compile(r" (?:[-–—] )?")
_LEVEL_GAP = re.compile(r"\.? ?")
_DASHES = re.compile(r"[–—]")
_ROMAN = re.compile(r"^[IVXLC]+$")


def _name_after(text: str, pos: int, level: str, abbreviations: dict[str, str]) -> tuple[str, int]:
    """The capitalised name that starts at ``pos`` ("Cẩm Lộc", "Cư M’gar", "Nhơn Lộc 1",
    "thôn 3"); the empty string when none does."""
    tokens: list[str] = []
    end = pos
    cursor = pos
    while len(tokens) < 6:
        gap = _NAME_GAP.match(text, cursor) if tokens else None
        if tokens and (gap is None or not gap.group()):
            break
        dash = gap is not None and gap.group().strip() != ""
        if dash and level not in ("province", "city"):
            break  # "Bà Rịa - Vũng Tàu" is a name; "xã X - Bí thư" is not
        token = _TOKEN.match(text, cursor + (len(gap.group()) if gap else 0))
        if token is None:
            break
        word = token.group()
        follow = text[token.end():token.end() + 1]
        if len(word) > 1 and word.isupper() and not tokens and word in abbreviations:
            return normalise_label(abbreviations[word]), token.end()  # "TP. HCM"
        if follow in ("/", "@") or (follow == "." and len(word) <= 3 and word.isupper()):
            break  # "Đ/c", initials
        if word.isdigit():
            if level == "province" or len(word) > 3 or (tokens and not tokens[-1][0].isupper()):
                break
        elif not word[0].isupper():
            break
        elif len(word) > 1 and word.upper() == word and (word.isalpha() or _ROMAN.match(word)):
            break  # an abbreviation or a Roman numeral ("UBND", "khóa XX") ends the name
        tokens.append(word)
        end = token.end()
        cursor = token.end()
        if word.isdigit():
            break
    # Sliced from the text so that "Bà Rịa - Vũng Tàu" keeps its dash (one kind of dash).
    return normalise_label(_DASHES.sub("-", text[pos:end])) if tokens else "", end


def _units(rt: ReportText, lex: _Lexicon) -> list[_Unit]:
    text, folded = rt.text, rt.folded
    out: list[_Unit] = []
    pos = 0
    while True:
        match = lex.level_pattern.search(folded, pos)
        if match is None:
            break
        key = match.group(1)
        pos = match.end()
        if key in lex.exact_case and text[match.start():match.end()] not in lex.exact_case[key]:
            continue  # "TP." is a level word only as written; "tp" in prose is not
        if key in lex.committees:
            word, levels = lex.committees[key]
        else:
            word, levels = lex.level_words[key]
        after = _LEVEL_GAP.match(text, pos)
        name, end = _name_after(text, after.end(), _level_of(levels), lex.abbreviations)
        if not name:
            continue
        out.append(_Unit(_level_of(levels), word, name, match.start(), end))
        pos = end
    return out


def _level_of(levels: frozenset[str]) -> str:
    return "city" if len(levels) > 1 else next(iter(levels))


_NESTING = re.compile(r"\s*[,(]?\s*")


def _attached(text: str, first: _Unit, second: _Unit) -> bool:
    """Whether ``second`` qualifies ``first``: "xã X (huyện Y", "xã X, huyện Y"."""
    return first.end <= second.start \
        and _NESTING.fullmatch(text, first.end, second.start) is not None


def _resolve_cities(rt: ReportText, units: list[_Unit]) -> None:
    """A "thành phố" after a district is a province; before a province, or under a commune, a
    district; otherwise a province only if it is one of the centrally governed cities."""
    for i, unit in enumerate(units):
        if unit.level != "city":
            continue
        previous = units[i - 1] if i else None
        following = units[i + 1] if i + 1 < len(units) else None
        if previous and _attached(rt.text, previous, unit) and previous.level == "district":
            unit.level = "province"
        elif following and _attached(rt.text, unit, following) and following.level == "province":
            unit.level = "district"
        elif previous and _attached(rt.text, previous, unit) and previous.level == "commune":
            unit.level = "district"
        else:
            unit.level = "province" if fold(unit.name) in _CENTRAL_CITIES else "district"


def _confirm_names(units: list[_Unit]) -> None:
    """A long run such as "Gia Phú Hoàng Minh Tú" (title before a name) is cut back to the name of
    the same level seen on its own elsewhere ("Gia Phú"); unconfirmed runs of four or more words
    keep their first two (most place names have two syllables)."""
    by_level: dict[str, set[str]] = {}
    for unit in units:
        by_level.setdefault(unit.level, set()).add(unit.name)
    for unit in units:
        words = unit.name.split(" ")
        if len(words) < 3:
            continue
        for count in range(len(words) - 1, 0, -1):
            prefix = " ".join(words[:count])
            if prefix in by_level[unit.level]:
                unit.name = prefix
                break
        else:
            if len(words) >= 4 and "-" not in words:
                unit.name = " ".join(words[:2])


# ----------------------------------------------------------------------------------------------
# Locality
# ----------------------------------------------------------------------------------------------

def find_locality(text: ReportText, vocabulary) -> Locality:
    """The units the event takes place in: the most specific unit named in the opening (the host:
    "Đảng uỷ xã Thạch Kim (huyện Lộc Hà) tổ chức…", "… tiếp xúc cử tri … tại xã Diễn Kỷ"), then
    its parents, from the text nesting them ("xã X (huyện Y, tỉnh Z)") or else from the unit of
    that level the report names most."""
    lex = _lexicon(vocabulary)
    layout = _layout(text)
    units = _units(text, lex)
    _resolve_cities(text, units)
    _confirm_names(units)
    document_spans = [span for span in _document_reference_spans(text, lex)]

    def in_region(unit: _Unit, region: tuple[int, int] | None, skip_documents: bool = True) -> bool:
        if region is None or not (region[0] <= unit.start < region[1]):
            return False
        return not (skip_documents and any(s <= unit.start < e for s, e in document_spans))

    zones = [layout.opening, layout.headline]
    host: _Unit | None = None
    for level in ("commune", "district", "province"):
        for zone in zones:
            host = next((u for u in units if u.level == level and in_region(u, zone)), None)
            if host:
                break
        if host:
            break
    if host is None:
        host = _most_named(units, "commune") or _most_named(units, "district") \
            or _most_named(units, "province")
    village = _village(text, layout, units, in_region)
    if host is None:
        return Locality(None, None, None, village.label if village else None)

    found = {host.level: host}
    chain = host
    # Parents nested right after the host: "xã X (huyện Y, tỉnh Z)".
    for unit in units[units.index(host) + 1:]:
        if not _attached(text.text, chain, unit):
            break
        if LEVELS.index(unit.level) > LEVELS.index(chain.level) and unit.level not in found:
            found[unit.level] = unit
            chain = unit
    for level in LEVELS[LEVELS.index(host.level) + 1:]:
        if level in found:
            continue
        unit = next((u for u in units if u.level == level and in_region(u, layout.opening, False)),
                    None) or _most_named(units, level)
        if unit:
            found[level] = unit
    label = lambda level: found[level].label if level in found else None  # noqa: E731
    return Locality(label("commune"), label("district"), label("province"),
                    village.label if village else None)


def _village(rt: ReportText, layout: _Layout, units: list[_Unit], in_region) -> _Unit | None:
    """A village-level event is one a village holds ("thôn Làng Mới, xã Gia Phú tổ chức…") or
    one the headline places there; a village merely named in the opening is a venue."""
    organiser = find_organiser(rt)
    for zone in (organiser[1] if organiser else None, layout.headline):
        village = next((u for u in units if u.level == "village" and in_region(u, zone)), None)
        if village:
            return village
    return None


def _most_named(units: list[_Unit], level: str) -> _Unit | None:
    """The unit of a level named most often (ties: the first named)."""
    counts = Counter(u.name for u in units if u.level == level)
    if not counts:
        return None
    best = max(counts.values())
    return next(u for u in units if u.level == level and counts[u.name] == best)


# ----------------------------------------------------------------------------------------------
# Documents
# ----------------------------------------------------------------------------------------------

# After the number: its date, then "của <issuer>".
_DOC_DATE = re.compile(r"\s*,?\s*(?:ban hành\s+)?(?:ngày\s*)?(?=\d)")
_ISSUER_LEAD = re.compile(r"\s*,?\s*(?:của|do)\s+")
# Where an issuer's name ends.
_ISSUER_END = re.compile(
    r"\s*[,;:()\"“”\n]|\.(?:\s|$)|\s(?:về|v/v|thì|đã|để|nhằm|theo|với|cho|đối với|trong|tại|là|"
    r"được|ngày|đến|sẽ|tới|hướng dẫn|quy định|triển khai|số)\b|\s+(?P<and>và)\s+"
)
# The event carries the document out ("Thực hiện Kế hoạch số…", "theo Chỉ thị…"); reviewing
# "kết quả thực hiện Nghị quyết" or asking for "hướng dẫn thi hành Luật" only cites it.
_ABOUT = re.compile(r"\s+(?:về|v/v)\b[^,;.\n]*")
_IMPLEMENTS = re.compile(
    r"(?:(?<!kết quả )(?<!tình hình )(?<!việc )(?<!sơ kết )(?<!tổng kết )(?<!đánh giá )thực hiện"
    r"|theo|căn cứ(?: vào)?|(?<!việc )triển khai|nằm trong)\s+(?:các\s+|tinh thần\s+)?$"
)
_CONNECTOR = re.compile(r"^\s*(?:,|và|cùng|;)\s*$")


@dataclass(frozen=True)
class _RawDocument:
    number: str
    span: tuple[int, int]
    kind: str | None
    issuer_written: str | None
    date_hit: _DateHit | None
    start: int                       # the kind word
    end: int                         # end of the whole reference, its "về việc …" included


# find_locality and find_documents both need the raw references of the same text.
_last_documents: tuple = (None, None, None, ())


def _raw_documents(rt: ReportText, lex: _Lexicon) -> list[_RawDocument]:
    global _last_documents
    cached_rt, cached_text, cached_lex, found = _last_documents
    if cached_rt is rt and cached_text is rt.text and cached_lex is lex:
        return list(found)
    found = _read_documents(rt, lex)
    _last_documents = (rt, rt.text, lex, tuple(found))
    return found


def _read_documents(rt: ReportText, lex: _Lexicon) -> list[_RawDocument]:
    text, folded = rt.text, rt.folded
    out = []
    for match in lex.doc_pattern.finditer(folded):
        number_span = match.span("number")
        number = text[number_span[0]:number_span[1]]
        # Of the kind words before the number, the one its code names ("báo cáo kết quả thực hiện
        # Nghị quyết số 12-NQ/ĐU" is a Nghị quyết; "Thông báo kết luận số 12-TB/TU" a Thông báo),
        # else the nearest.
        # A generic "văn bản" takes its kind from the code ("123/UBND-VP" has none).
        kind_words = list(lex.kind_pattern.finditer(folded, match.start(), number_span[0]))
        named = [k for k in kind_words if k.group() in lex.doc_kinds] or kind_words
        coded = _kind_from_code(number, lex)
        kind_match = next((k for k in reversed(named) if lex.doc_kinds.get(k.group()) == coded),
                          named[-1]) if coded else named[-1]
        kind = lex.doc_kinds.get(kind_match.group()) or coded
        pos = number_span[1]
        date_hit = None
        lead = _DOC_DATE.match(folded, pos)
        if lead:
            hits = _date_hits(rt, lead.end(), min(len(text), lead.end() + 24))
            if hits and hits[0].start <= lead.end() + 1 and (hits[0].year or hits[0].cued):
                date_hit = hits[0]
                pos = hits[0].end
        issuer = None
        lead = _ISSUER_LEAD.match(folded, pos)
        if lead:
            begin = lead.end()
            end = _issuer_end(text, folded, begin, lex.kind_pattern)
            if end > begin:
                issuer, pos = text[begin:end], end
        # "… về việc tổ chức Đại hội Đảng bộ xã X": the subject belongs to the reference, so the
        # places it names are not the event's host.
        about = _ABOUT.match(folded, pos)
        if about:
            pos = about.end()
        out.append(_RawDocument(number, number_span, kind, issuer, date_hit, kind_match.start(),
                                pos))
    return out


_DOTTED_PLACE = re.compile(r"(?:^|\s)(?:tp|tx|tt|q|p|h)$")


def _issuer_end(text: str, folded: str, begin: int, kinds: re.Pattern[str]) -> int:
    """Where the issuer's name stops, allowing "TP. Cần Thơ" and at most a dozen words."""
    pos = begin
    limit = min(len(text), begin + 120)
    while True:
        stop = _ISSUER_END.search(folded, pos, limit)
        if stop is None:
            end = limit
            break
        if stop.group().startswith(".") and _DOTTED_PLACE.search(folded, begin, stop.start()):
            pos = stop.end()  # "UBND TP. Cần Thơ"
            continue
        if stop.group("and") and text[stop.end():stop.end() + 1].isupper() \
                and not kinds.match(folded, stop.end()):
            pos = stop.end()  # "Sở Tài nguyên và Môi trường"; not "… và Kế hoạch số …"
            continue
        end = stop.start()
        break
    words = text[begin:end].split()
    if len(words) > 14:
        return begin
    return _strip_span(text, begin, end)[1]


def _kind_from_code(number: str, lex: _Lexicon) -> str | None:
    """"56/KH-MTTQ-BTT" → Kế hoạch, from the kind code among the number's parts."""
    for part in re.split(r"[-/]", fold(number)):
        if part in lex.doc_codes and not part.isdigit():
            return lex.doc_codes[part]
    return None


def _document_reference_spans(rt: ReportText, lex: _Lexicon) -> list[tuple[int, int]]:
    return [(raw.start, raw.end) for raw in _raw_documents(rt, lex)]


def _expand_org(written: str, lex: _Lexicon) -> tuple[list[tuple[str, str | None]], str]:
    """Spell out a body's name word by word, longest vocabulary label first ("BTV Huyện ủy Lệ
    Thuỷ" → "Ban Thường vụ Huyện ủy Lệ Thủy"). Returns the parts (text, level of the body when
    the part is one) and the expanded name."""
    words = normalise_label(written).split(" ")
    parts: list[tuple[str, str | None]] = []
    i = 0
    while i < len(words):
        for n in range(min(lex.max_body_words, len(words) - i), 0, -1):
            chunk = " ".join(words[i:i + n])
            # A body's name starts with a capital ("Ban tuyên giáo", "BTV"); a lower-case run
            # such as "môi trường" is ordinary words of a longer name.
            if not chunk[0].isupper():
                continue
            key = fold(chunk).rstrip(".,")
            body = lex.bodies.get(key)
            if body is None and n == 1 and chunk in lex.abbreviations and chunk.isupper():
                parts.append((lex.abbreviations[chunk], None))
                i += 1
                break
            if body is not None:
                label, level = body
                parts.append((label, level or "body"))
                # "Đoàn xã" spells out as the Youth Union; keep the level word it carried.
                last = fold(words[i + n - 1])
                if n > 1 and last in lex.level_words and not fold(label).endswith(last):
                    parts.append((last, None))
                i += n
                break
        else:
            parts.append((words[i], None))
            i += 1
    return parts, normalise_label(" ".join(text for text, _ in parts))


def _complete_issuer(written: str, lex: _Lexicon, locality: Locality) -> str:
    """Expand abbreviations and add the locality the text leaves implicit: "Ban Chấp hành Đảng bộ
    xã" → "… xã Thạch Kim"; "Ban Thường vụ Tỉnh ủy" → "… Tỉnh ủy Thanh Hóa"."""
    parts, expanded = _expand_org(written, lex)
    if not parts:
        return expanded
    last_text, last_level = parts[-1]
    last_key = fold(last_text)
    units = {"commune": locality.commune, "district": locality.district,
             "province": locality.province}
    if last_key in lex.level_words:
        # A bare level word at the end: the report's unit of that level, if its word matches.
        word, levels = lex.level_words[last_key]
        for level in ("commune", "district", "province"):
            unit = units[level]
            if level in levels and unit and fold(unit).startswith(word + " "):
                return normalise_label(f"{expanded[:len(expanded) - len(last_text)]}{unit}")
        return expanded
    if last_key in lex.committees:
        word, levels = lex.committees[last_key]
        for level in ("district", "province"):
            unit = units[level]
            if level in levels and unit and fold(unit).startswith(word + " "):
                return normalise_label(f"{expanded} {unit[len(word) + 1:]}")
        return expanded
    if last_level in ("commune", "district", "province") and units.get(last_level):
        return normalise_label(f"{expanded} {units[last_level]}")
    return expanded


def _issuer_from_code(number: str, lex: _Lexicon, locality: Locality) -> str | None:
    """When the text names no issuer, the issuer code of the number, for codes that identify one
    body: national ones ("QH15" → Quốc hội) and party committees ("HU" → Huyện ủy + district)."""
    parts = [p for p in re.split(r"[-/]", number) if p and not p.isdigit()]
    for part in parts[1:] if len(parts) > 1 else parts:
        code = re.sub(r"\d+$", "", part)
        key = fold(code)
        if key in lex.doc_codes or not code:
            continue
        body = lex.bodies.get(key)
        if body is None:
            continue
        label, level = body
        if level == "national":
            return label
        if fold(label) in lex.committees or level == "commune":
            completed = _complete_issuer(code, lex, locality)
            if completed != label:
                return completed
    return None


def find_documents(text: ReportText, vocabulary, locality: Locality) -> list[FoundDocument]:
    """Numbered documents the report cites, with kind, issuer (spelt out and completed with the
    locality), date, and whether the event carries them out ("Thực hiện Kế hoạch số…")."""
    lex = _lexicon(vocabulary)
    published = published_from_text(text)
    found: dict[str, FoundDocument] = {}
    previous: tuple[_RawDocument, str] | None = None
    for raw in _raw_documents(text, lex):
        date = None
        if raw.date_hit is not None:
            year_in_number = re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", raw.number)
            date, _ = _resolve(raw.date_hit, published, [],
                               int(year_in_number.group()) if year_in_number else None)
        if raw.issuer_written:
            issuer = _complete_issuer(raw.issuer_written, lex, locality)
        else:
            issuer = _issuer_from_code(raw.number, lex, locality)
        lead = text.folded[max(0, raw.start - 40):raw.start]
        if _IMPLEMENTS.search(lead):
            relation = "implements"
        elif previous and _CONNECTOR.match(text.folded[previous[0].end:raw.start]):
            relation = previous[1]  # "theo Chỉ thị số … và Kế hoạch số …"
        else:
            relation = "cites"
        previous = (raw, relation)
        first = found.get(raw.number)
        if first is None:
            found[raw.number] = FoundDocument(raw.number, raw.kind, issuer, date, raw.span,
                                              relation)
        else:
            # Cited twice: keep the first mention, filling what it lacked.
            found[raw.number] = FoundDocument(
                first.number, first.kind or raw.kind, first.issuer or issuer, first.date or date,
                first.span, "implements" if "implements" in (first.relation, relation) else "cites")
    return list(found.values())
