"""Numbered documents a report cites ("Kế hoạch số 93-KH/HU ngày … của Huyện ủy …"): the raw
references with kind, date and issuer as written (shared with ``find_locality``, which skips the
places they name), and ``find_documents``, which spells the issuer out, completes it with the
locality and tells whether the event carries the document out or only cites it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from polgraph.extract.lexicon import Lexicon, lexicon
from polgraph.text.abbreviations import PLACE_ABBREVIATIONS
from polgraph.text.layout import strip_span
from polgraph.text.normalise import normalise_label
from polgraph.text.view import ReportText, fold
from polgraph.vocab import Vocabulary

from .dates import _date_hits, _DateHit, _resolve
from .results import FoundDocument, Locality

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
class DocumentReference:
    number: str
    span: tuple[int, int]
    kind: str | None
    issuer_written: str | None
    date_hit: _DateHit | None
    start: int  # the kind word
    end: int  # end of the whole reference, its "về việc …" included


def document_references(rt: ReportText, vocabulary: Vocabulary) -> list[DocumentReference]:
    """The numbered documents a text refers to, as written. ``find_locality`` (which skips the
    places they name) and ``find_documents`` both read them: the reader finds them once."""
    return _read_documents(rt, lexicon(vocabulary))


def _read_documents(rt: ReportText, lex: Lexicon) -> list[DocumentReference]:
    text, folded = rt.text, rt.folded
    out = []
    for match in lex.doc_pattern.finditer(folded):
        number_span = match.span("number")
        number = text[number_span[0] : number_span[1]]
        # Of the kind words before the number, the one its code names ("báo cáo kết quả thực hiện
        # Nghị quyết số 12-NQ/ĐU" is a Nghị quyết; "Thông báo kết luận số 12-TB/TU" a Thông báo),
        # else the nearest.
        # A generic "văn bản" takes its kind from the code ("123/UBND-VP" has none).
        kind_words = list(lex.kind_pattern.finditer(folded, match.start(), number_span[0]))
        named = [k for k in kind_words if k.group() in lex.doc_kinds] or kind_words
        coded = _kind_from_code(number, lex)
        kind_match = (
            next((k for k in reversed(named) if lex.doc_kinds.get(k.group()) == coded), named[-1])
            if coded
            else named[-1]
        )
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
        out.append(
            DocumentReference(number, number_span, kind, issuer, date_hit, kind_match.start(), pos)
        )
    return out


_DOTTED_PLACE = re.compile(r"(?:^|\s)(?:" + "|".join(sorted(PLACE_ABBREVIATIONS)) + r")$")


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
        if (
            stop.group("and")
            and text[stop.end() : stop.end() + 1].isupper()
            and not kinds.match(folded, stop.end())
        ):
            pos = stop.end()  # "Sở Tài nguyên và Môi trường"; not "… và Kế hoạch số …"
            continue
        end = stop.start()
        break
    words = text[begin:end].split()
    if len(words) > 14:
        return begin
    return strip_span(text, begin, end)[1]


def _kind_from_code(number: str, lex: Lexicon) -> str | None:
    """ "56/KH-MTTQ-BTT" → Kế hoạch, from the kind code among the number's parts."""
    for part in re.split(r"[-/]", fold(number)):
        if part in lex.doc_codes and not part.isdigit():
            return lex.doc_codes[part]
    return None


def _expand_org(written: str, lex: Lexicon) -> tuple[list[tuple[str, str | None]], str]:
    """Spell out a body's name word by word, longest vocabulary label first ("BTV Huyện ủy Lệ
    Thuỷ" → "Ban Thường vụ Huyện ủy Lệ Thủy"). Returns the parts (text, level of the body when
    the part is one) and the expanded name."""
    words = normalise_label(written).split(" ")
    parts: list[tuple[str, str | None]] = []
    i = 0
    while i < len(words):
        for n in range(min(lex.max_body_words, len(words) - i), 0, -1):
            chunk = " ".join(words[i : i + n])
            # A body's name starts with a capital ("Ban tuyên giáo", "BTV"); a lower-case run
            # such as "môi trường" is ordinary words of a longer name.
            if not chunk[0].isupper():
                continue
            key = fold(chunk).rstrip(".,")
            body = lex.bodies.get(key)
            if body is None and n == 1 and chunk in lex.expansions and chunk.isupper():
                parts.append((lex.expansions[chunk], None))
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


def _complete_issuer(written: str, lex: Lexicon, locality: Locality) -> str:
    """Expand abbreviations and add the locality the text leaves implicit: "Ban Chấp hành Đảng bộ
    xã" → "… xã Thạch Kim"; "Ban Thường vụ Tỉnh ủy" → "… Tỉnh ủy Thanh Hóa"."""
    parts, expanded = _expand_org(written, lex)
    if not parts:
        return expanded
    last_text, last_level = parts[-1]
    last_key = fold(last_text)
    units = {
        "commune": locality.commune,
        "district": locality.district,
        "province": locality.province,
    }
    if last_key in lex.level_words:
        # A bare level word at the end: the report's unit of that level, if its word matches.
        word, levels = lex.level_words[last_key]
        for level in ("commune", "district", "province"):
            unit = units[level]
            if level in levels and unit and fold(unit).startswith(word + " "):
                return normalise_label(f"{expanded[: len(expanded) - len(last_text)]}{unit}")
        return expanded
    if last_key in lex.committees:
        word, levels = lex.committees[last_key]
        for level in ("district", "province"):
            unit = units[level]
            if level in levels and unit and fold(unit).startswith(word + " "):
                return normalise_label(f"{expanded} {unit[len(word) + 1 :]}")
        return expanded
    if last_level in ("commune", "district", "province") and units.get(last_level):
        return normalise_label(f"{expanded} {units[last_level]}")
    return expanded


def _issuer_from_code(number: str, lex: Lexicon, locality: Locality) -> str | None:
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


def find_documents(
    text: ReportText,
    vocabulary: Vocabulary,
    locality: Locality,
    published: dt.date | None = None,
    references: list[DocumentReference] | None = None,
) -> list[FoundDocument]:
    """Numbered documents the report cites, with kind, issuer (spelt out and completed with the
    locality), date (a year left out is the publication year, ``published``), and whether the
    event carries them out ("Thực hiện Kế hoạch số…"). ``references``: those of
    ``document_references``, when already found."""
    lex = lexicon(vocabulary)
    if references is None:
        references = _read_documents(text, lex)
    found: dict[str, FoundDocument] = {}
    previous: tuple[DocumentReference, str] | None = None
    for raw in references:
        date = None
        if raw.date_hit is not None:
            year_in_number = re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", raw.number)
            date, _ = _resolve(
                raw.date_hit, published, [], int(year_in_number.group()) if year_in_number else None
            )
        issuer: str | None
        if raw.issuer_written:
            issuer = _complete_issuer(raw.issuer_written, lex, locality)
        else:
            issuer = _issuer_from_code(raw.number, lex, locality)
        lead = text.folded[max(0, raw.start - 40) : raw.start]
        if _IMPLEMENTS.search(lead):
            relation = "implements"
        elif previous and _CONNECTOR.match(text.folded[previous[0].end : raw.start]):
            relation = previous[1]  # "theo Chỉ thị số … và Kế hoạch số …"
        else:
            relation = "cites"
        previous = (raw, relation)
        first = found.get(raw.number)
        if first is None:
            found[raw.number] = FoundDocument(
                raw.number, raw.kind, issuer, date, raw.span, relation
            )
        else:
            # Cited twice: keep the first mention, filling what it lacked.
            found[raw.number] = FoundDocument(
                first.number,
                first.kind or raw.kind,
                first.issuer or issuer,
                first.date or date,
                first.span,
                "implements" if "implements" in (first.relation, relation) else "cites",
            )
    return list(found.values())
