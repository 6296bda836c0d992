"""Dates in a report: every date expression with its cue and what it follows (a document number, a
cut-off, an anniversary), how a hit resolves to an ISO date with its typos fixed and its year
inferred, and ``find_event_date``, the event's own date in the opening."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from polgraph.extract.lexicon import Lexicon
from polgraph.text.view import ReportText

from .layout import ReportLayout, says_who_held
from .results import EventDate

# One day, a two-day range ("18 - 19/5/2020", "18 và 19/5"), numeric with "/", "-" or "." and the
# typos real portals make (stray space "5 /9/2023", doubled slash "15/11//2019", doubled digit
# "011/3/2023"), or written out ("03 tháng 7 năm 2024").
_DATE = re.compile(
    r"(?<![\w.,/-])(?:"
    r"(?P<r1>\d{1,2}) ?(?:-|và|,|đến) ?(?:ngày )?(?P<rd>\d{1,2}) ?[/.-] ?(?P<rm>\d{1,2})"
    r"(?: ?[/.-]{1,2} ?(?P<ry>\d{4}))?"
    r"|(?P<w1>\d{1,2}) ?(?:-|và|,|đến) ?(?:ngày )?\d{1,2} tháng (?P<wm>\d{1,2})"
    r"(?:,? (?:năm )?(?P<wy>\d{4}))?"
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
_TODAY_PAREN = re.compile(
    r"(?:(?:sáng|chiều|tối|trưa|hôm|ngày) (?:nay|qua|mai)|vừa qua|mới đây"
    r"|trong (?:\d+|hai|ba) ngày) ?\((?:ngày )?$"
)
# A date right after a document number ("93-KH/HU ngày …") or "ban hành ngày" is the document's.
_AFTER_DOCUMENT = re.compile(r"(?:\d[\w./-]*[/-][\w./-]*[^\W\d_][\w./-]*|ban hành|ký)\s*,?\s*$")
# "Kế hoạch ngày 5/3/2024 của Huyện ủy": a date followed by its author is a document's.
_BEFORE_AUTHOR = re.compile(r"\s*,?\s*(?:của|do)\s")
# "tính đến ngày 31/12" is a cut-off; "chào mừng ngày 2/9" an anniversary: neither is the event.
_NOT_EVENT = re.compile(
    r"(?:tính đến|đến hết|tính từ)\s*$"
    r"|(?:chào mừng|kỷ niệm|hướng tới|nhân dịp)\b[^,.;:()]{0,40}$"
)
_STRAY_SPACE = re.compile(r"\d {1,2}[/.-]|[/.-] {1,2}\d")
# Years the content gives when the event's date has none and the page no publication date: a
# year written out ("6 tháng đầu năm 2018") and, failing that, the first year of the term the
# body sits in ("nhiệm kỳ 2021 – 2026": its first sessions are in that year).
_YEAR_WRITTEN = re.compile(r"\bnăm (\d{4})\b")
_YEAR_REVIEWED = re.compile(r"\btổng kết\b[^.;\n]{0,60}?\bnăm (\d{4})\b")
_REVIEW_MONTHS = 3  # a year is reviewed in its last weeks or the first months of the next
# "Kỳ họp thứ 5, Quốc hội khóa XV": the National Assembly's session and term, and the year each
# term was elected.
_ASSEMBLY_SESSION = re.compile(r"\bkỳ họp thứ (\d{1,2})\W{0,3}quốc hội (?:khóa )?([xvi]+)\b")
_ASSEMBLY_TERMS = {"xii": 2007, "xiii": 2011, "xiv": 2016, "xv": 2021, "xvi": 2026}
_TERM_START = re.compile(r"\bnhiệm kỳ:? ?\(?(\d{4}) ?[-–—] ?\d{4}")
_PLAUSIBLE_YEARS = (1945, 2100)  # an anniversary's count gives a year of the reports' time
_DATED_SENTENCES = 4  # the first body sentences where the event's date may stand
_SLACK_DAYS = 7  # a report may announce an event a few days ahead of publication


@dataclass(frozen=True)
class _DateHit:
    start: int  # including its cue ("Chiều ngày")
    end: int
    day: str
    month: str
    year: str | None
    odd_separator: bool  # "//" or a stray space
    cued: bool
    in_parentheses: bool
    after_document: bool  # a document's date, a cut-off or an anniversary


def _date_hits(rt: ReportText, start: int, end: int) -> list[_DateHit]:
    folded = rt.folded
    hits = []
    for m in _DATE.finditer(folded, start, end):
        if m.group("rd"):
            day, month, year = m.group("r1"), m.group("rm"), m.group("ry")
            odd = False
        elif m.group("w1"):  # "ngày 5 và 6 tháng 3": the first day
            day, month, year = m.group("w1"), m.group("wm"), m.group("wy")
            odd = False
        elif m.group("td"):
            day, month, year = m.group("td"), m.group("tm"), m.group("ty")
            odd = False
        else:
            day, month, year = m.group("d"), m.group("m"), m.group("y")
            seps = (m.group("s1") or "") + (m.group("s2") or "")
            odd = len(seps) > 2 or bool(_STRAY_SPACE.search(m.group()))
        before = folded[max(0, m.start() - 40) : m.start()]
        cue = _DATE_CUE.search(before)
        today = _TODAY_PAREN.search(before)
        opener = cue or today
        begin = m.start() - len(before) + opener.start() if opener else m.start()
        finish = m.end() + 1 if today and folded.startswith(")", m.end()) else m.end()
        lead = folded[max(0, begin - 40) : begin]
        # Inside parentheses still open ("(23/11/1946 - 23/11/2021)"): an anniversary's dates.
        in_paren = before.rfind("(") > before.rfind(")") and not today
        hits.append(
            _DateHit(
                begin,
                finish,
                day,
                month,
                year,
                odd,
                bool(cue or today),
                in_paren,
                bool(
                    _AFTER_DOCUMENT.search(lead)
                    or _NOT_EVENT.search(lead)
                    or _BEFORE_AUTHOR.match(folded, m.end())
                ),
            )
        )
    return hits


def _fix_number(raw: str, what: str, warnings: list[str]) -> int | None:
    """A day or month as typed: a third digit is a doubled digit ("011" → 01, "003" → 03)."""
    if len(raw) <= 2:
        return int(raw)
    for i in range(len(raw) - 1):
        if raw[i] == raw[i + 1]:
            fixed = raw[:i] + raw[i + 1 :]
            warnings.append(f"{what} '{raw}' read as {fixed} (doubled digit)")
            return int(fixed)
    if raw.startswith("0"):
        warnings.append(f"{what} '{raw}' read as {raw[1:]} (extra leading zero)")
        return int(raw[1:])
    warnings.append(f"{what} '{raw}' is not a {what}")
    return None


def _resolve(
    hit: _DateHit, published: dt.date | None, warnings: list[str], fallback_year: int | None = None
) -> tuple[str | None, bool]:
    """The ISO date of a hit and whether its year was inferred."""
    day = _fix_number(hit.day, "day", warnings)
    month = _fix_number(hit.month, "month", warnings)
    if hit.odd_separator:
        written = f"{hit.day}/{hit.month}/{hit.year or ''}".rstrip("/")
        warnings.append(f"odd separators in date {written}")
    if day is None or month is None:
        return None, False
    inferred = hit.year is None
    if hit.year is not None:  # not inferred
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
    if (
        inferred
        and fallback_year is None
        and published is not None
        and when > published + dt.timedelta(days=_SLACK_DAYS)
    ):
        # "sáng 28/12" in a report published on 2 January happened the year before.
        try:
            when = dt.date(year - 1, month, day)
        except ValueError:
            warnings.append(f"impossible date {day}/{month}/{year - 1}")
            return None, inferred
    return when.isoformat(), inferred


def _as_date(value: dt.date | dt.datetime | None) -> dt.date | None:
    """A datetime's date (a date is one too, and passes unchanged)."""
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _year_from_content(
    text: ReportText,
    stamps: list[tuple[int, int]],
    month: int | None = None,
    lexicon: Lexicon | None = None,
) -> int | None:
    """The year the content places the report in: the latest year of a full date in it (a
    document's, an anniversary's: the event is not older than what it cites), else the year of
    the anniversary it marks ("kỷ niệm 90 năm Ngày thành lập …", from ``lexicon``), else the
    latest year written out, else the first year of its term. A year's review ("tổng kết năm
    2023") held in the first months is held the year after."""

    def outside_stamps(start: int) -> bool:
        return not any(a <= start < b for a, b in stamps)

    def reviewed_after(year: int) -> int:
        reviewed = {int(m.group(1)) for m in _YEAR_REVIEWED.finditer(text.folded)}
        return (
            year + 1 if month is not None and month <= _REVIEW_MONTHS and year in reviewed else year
        )

    dated = [
        int(hit.year)
        for hit in _date_hits(text, 0, len(text.folded))
        if hit.year is not None and outside_stamps(hit.start)
    ]
    if dated:
        return reviewed_after(max(dated))
    marked = _anniversary_year(text.folded, lexicon) if lexicon is not None else None
    if marked is not None:
        return marked
    written = [
        int(m.group(1)) for m in _YEAR_WRITTEN.finditer(text.folded) if outside_stamps(m.start())
    ]
    if written:
        return reviewed_after(max(written))
    session = _ASSEMBLY_SESSION.search(text.folded)
    if session and session.group(2) in _ASSEMBLY_TERMS:
        # Two regular sessions a year from the election year on: the 5th of the 15th term (2021)
        # sat in 2023.
        return _ASSEMBLY_TERMS[session.group(2)] + (int(session.group(1)) - 1) // 2
    term = _TERM_START.search(text.folded)
    return int(term.group(1)) if term else None


def _anniversary_year(folded: str, lexicon: Lexicon) -> int | None:
    """The year of the first anniversary the text marks that the lexicon knows: "kỷ niệm 90 năm
    Ngày thành lập Mặt trận Tổ quốc Việt Nam" is 1930 + 90."""
    for match in lexicon.anniversary_pattern.finditer(folded):
        year = lexicon.anniversary_origins[re.sub(r"\s+", " ", match.group("name"))]
        year += int(match.group("years"))
        if _PLAUSIBLE_YEARS[0] <= year <= _PLAUSIBLE_YEARS[1]:
            return year
    return None


def find_event_date(
    layout: ReportLayout, published: dt.date | None, lexicon: Lexicon | None = None
) -> EventDate:
    """The first date of the opening that is the event's own: not a document's date, not an
    anniversary in parentheses, not a bare fraction ("9/17 chỉ tiêu"), not the page's publication
    stamp. A date without a year takes the publication year, else the content's (``lexicon``:
    the anniversaries it knows, for the year of one the report marks)."""
    published = _as_date(published)
    text = layout.text
    if layout.opening is None:
        return EventDate(None, False, None)
    stamps = [stamp.span for stamp in layout.stamps]
    # The opening first. Where no sentence read as the opening (no "tổ chức"…: the first one is
    # taken, often a caption or a title line), the date may stand in the next sentences.
    later = (
        []
        if layout.verb is not None
        else [
            (start, end)
            for start, end in layout.sentences[:_DATED_SENTENCES]
            if start >= layout.opening[1]
        ]
    )
    hits = [
        hit
        for start, end in [(layout.body, layout.opening[1]), *later]
        for hit in _date_hits(text, start, end)
    ]
    # An opening without a date may be a headline read as a sentence ("X tổ chức hội nghị …."):
    # the next sentence that says who held the event again may carry the date ("Sáng ngày 30/3, X
    # tổ chức hội nghị …").
    retold = (
        []
        if layout.verb is None
        else [
            (start, end)
            for start, end in layout.sentences[:_DATED_SENTENCES]
            if start >= layout.opening[1] and says_who_held(text, start, end)
        ]
    )
    hits += [hit for start, end in retold for hit in _date_hits(text, start, end)]
    for hit in hits:
        if hit.after_document or hit.in_parentheses:
            continue
        if any(a < hit.end and hit.start < b for a, b in stamps):
            continue
        if hit.year is None and not hit.cued:
            continue  # "12/13 chỉ tiêu", "24/25 phiếu"
        warnings: list[str] = []
        content_year = (
            None
            if hit.year is not None or published is not None
            else _year_from_content(
                text,
                stamps,
                int(hit.month) if hit.month.isdigit() and len(hit.month) <= 2 else None,
                lexicon,
            )
        )
        iso, inferred = _resolve(hit, published, warnings, content_year)
        return EventDate(iso, inferred and iso is not None, (hit.start, hit.end), tuple(warnings))
    return EventDate(None, False, None)
