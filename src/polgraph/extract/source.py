"""Read a free-text report (plain text or a saved web page) into one ``SourceReport``.

The text a ``SourceReport`` carries is what every later character offset refers to, so it is kept
as written: NFC and ``\\n`` line endings, nothing else changed (tones and dashes are folded later,
on a twin of the text). A plain-text report keeps its headline in the text, so that offsets match
the file as people see it; a web page gives the article text trafilatura finds in it.

Unreadable input raises ``InputError`` naming the problem. Reports written in the legacy
Vietnamese encodings of old portals (TCVN3/ABC, VNI, Windows-1258) are recognised and named,
so the message says how to fix the file rather than only that a byte cannot be decoded.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from polgraph.errors import InputError
from polgraph.text import layout
from polgraph.text.normalise import nfc
from polgraph.text.view import ReportText

__all__ = ["MAX_BYTES", "TEXT_SUFFIXES", "SourceReport", "load_source", "read_source"]

TEXT_SUFFIXES = (".txt", ".html", ".htm")
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class SourceReport:
    text: str  # the report body as NFC text, what all character offsets refer to
    title: str | None  # headline
    published: dt.date | None
    url: str | None
    source: str  # file name or given name, for messages


# --- bytes to text ------------------------------------------------------------------------

_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])  # not \t \n \v \f \r
_CONTROL_SHARE = 0.05
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _check_size(size: int, source: str) -> None:
    if size > MAX_BYTES:
        raise InputError(source, f"the file is {size:,} bytes; the limit is {MAX_BYTES:,}")


def _check_suffix(suffix: str, source: str) -> str:
    suffix = suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        raise InputError(
            source,
            f"unknown kind of file {suffix or '(no suffix)'}; a text report is .txt, .html or .htm",
        )
    return suffix


def _looks_like_bomless_utf16(data: bytes) -> str | None:
    """ "UTF-16LE"/"UTF-16BE" when every other byte is mostly NUL and the rest decodes as text."""
    sample = data[: min(len(data), 4096) // 2 * 2]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    for offset, codec, name in ((1, "utf-16-le", "UTF-16LE"), (0, "utf-16-be", "UTF-16BE")):
        if sample[offset::2].count(0) < 0.4 * pairs:
            continue
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        readable = sum(ch.isalnum() or ch.isspace() or ch in ".,:;–-()\"'/" for ch in text)
        if readable >= 0.8 * len(text):
            return name
    return None


def _check_not_binary(data: bytes, source: str) -> None:
    if b"\x00" in data:
        utf16 = _looks_like_bomless_utf16(data)
        if utf16:
            raise InputError(
                source, f"looks like {utf16} text without a byte-order mark; save it as UTF-8"
            )
        raise InputError(source, "binary file, not a text report (it contains NUL bytes)")
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > _CONTROL_SHARE * len(data):
        raise InputError(source, "binary file, not a text report (too many control characters)")


def _check_text_not_binary(text: str, source: str) -> None:
    sample = text[: 1 << 20]
    controls = sum(1 for _ in _CONTROL_CHARS.finditer(sample))
    if controls and ("\x00" in sample or controls > _CONTROL_SHARE * len(sample)):
        raise InputError(source, "binary file, not a text report (too many control characters)")


def _decode(data: bytes, source: str, *, html: bool, charset: str | None = None) -> str:
    """Text of the bytes: UTF-8 (BOM or not), UTF-16 with a BOM, or a charset the server
    (``charset``, from its Content-Type) or an HTML page declares. Anything else is refused,
    naming a legacy Vietnamese encoding when it is one."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    source, f"not valid {name} (byte {exc.start} cannot be decoded)"
                ) from None
            _check_text_not_binary(text, source)
            return text
    _check_not_binary(data, source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        _check_text_not_binary(text, source)
        return text
    if html:
        declared = _known_charset(charset) or _declared_charset(data)
        if declared is not None:
            try:
                text = data.decode(declared)
            except UnicodeDecodeError:
                pass
            else:
                _check_text_not_binary(text, source)
                return text
    legacy = detect_legacy_encoding(data)
    if legacy is not None:
        raise InputError(
            source, f"not UTF-8: looks like the legacy {legacy} encoding; convert it to UTF-8 first"
        )
    raise InputError(source, f"not UTF-8 (byte {first_bad} cannot be decoded)")


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    if match is None:
        return None
    try:
        return _known_charset(match.group(1).decode("ascii"))
    except UnicodeDecodeError:
        return None


def _known_charset(name: str | None) -> str | None:
    """The codec of a declared charset other than UTF-8/16/32 (tried first anyway), or None."""
    if not name:
        return None
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    return None if info.name in ("utf-8", "utf-16", "utf-32") else info.name


# --- legacy Vietnamese encodings ---------------------------------------------------------
#
# Old portals and office files wrote Vietnamese in font encodings that reuse Latin-1 bytes:
#   TCVN3 (ABC, fonts ".VnTime"): one byte 0xA1-0xFE per precomposed letter; "Đảng" is
#       A7 B6 6E 67, which Windows-1252 shows as "§¶ng".
#   VNI (VNI-Windows, fonts "VNI-Times"): an ASCII vowel followed by a byte for its marks;
#       "Đảng" is "Ñaûng" in Windows-1252 (Ñ/ñ for Đ/đ, û for the hook above, ...).
#   Windows-1258: the Microsoft code page, base letters plus combining tone bytes.
# The detector decodes the bytes each way and counts how many of the words carrying non-ASCII
# letters come out as well-formed Vietnamese syllables; the right encoding scores near 100%,
# the wrong ones and non-Vietnamese text score low.

_TONES = {
    "grave": "\u0300",
    "acute": "\u0301",
    "tilde": "\u0303",
    "hook": "\u0309",
    "dot": "\u0323",
}


def _compose(base: str, *marks: str) -> str:
    return unicodedata.normalize("NFC", base + "".join(marks))


def _tcvn3_table() -> dict[int, str]:
    g, a, t, h, d = (_TONES[k] for k in ("grave", "acute", "tilde", "hook", "dot"))
    table = {
        0xA1: "Ă",
        0xA2: "Â",
        0xA3: "Ê",
        0xA4: "Ô",
        0xA5: "Ơ",
        0xA6: "Ư",
        0xA7: "Đ",
        0xA8: "ă",
        0xA9: "â",
        0xAA: "ê",
        0xAB: "ô",
        0xAC: "ơ",
        0xAD: "ư",
        0xAE: "đ",
        0xB0: g,
        0xB1: h,
        0xB2: t,
        0xB3: a,
        0xB4: d,
    }
    # Each vowel with its five tones, in TCVN3's order (grave, hook, tilde, acute, dot).
    rows = {
        "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
        "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
        "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
        "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
        "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
        "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
        "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
        "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
        "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE),
        "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
        "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
        "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
    }
    for vowel, codes in rows.items():
        for code, tone in zip(codes, (g, h, t, a, d), strict=True):
            table[code] = _compose(vowel, tone)
    return table


TCVN3 = _tcvn3_table()
# str.translate table
_TCVN3_DECODE = {code: TCVN3.get(code, "\ufffd") for code in range(0x80, 0x100)}


def _vni_table() -> dict[str, str]:
    """VNI-Windows sequences, as Windows-1252 shows them, to the letters they stand for."""
    g, a, t, h, d = (_TONES[k] for k in ("grave", "acute", "tilde", "hook", "dot"))
    plain = {"ù": a, "ø": g, "û": h, "õ": t, "ï": d}
    circumflex = {"â": "", "á": a, "à": g, "å": h, "ã": t, "ä": d}
    breve = {"ê": "", "é": a, "è": g, "ú": h, "ü": t, "ë": d}
    pairs: dict[str, str] = {}

    def add(base: str, mark: str, letter: str) -> None:
        for b, m, out in (
            (base, mark, letter),
            (base.upper(), mark.upper(), letter.upper()),
            (base.upper(), mark, letter.upper()),
        ):
            pairs.setdefault(b + m, out)

    for base in "aeouy":
        for mark, tone in plain.items():
            add(base, mark, _compose(base, tone))
    for base, hat in (("a", "â"), ("e", "ê"), ("o", "ô")):
        for mark, tone in circumflex.items():
            add(base, mark, _compose(hat, tone))
    for mark, tone in breve.items():
        add("a", mark, _compose("ă", tone))
    for base, horn in (("ô", "ơ"), ("ö", "ư")):  # VNI writes ơ as ô and ư as ö
        for mark, tone in plain.items():
            add(base, mark, _compose(horn, tone))
    singles = {
        "ñ": "đ",
        "ô": "ơ",
        "ö": "ư",
        "í": "í",
        "ì": "ì",
        "æ": "ỉ",
        "ó": "ĩ",
        "ò": "ị",
        "î": "ỵ",
    }
    for mark, letter in singles.items():
        pairs.setdefault(mark, letter)
        pairs.setdefault(mark.upper(), letter.upper())
    return pairs


VNI = _vni_table()
_VNI_SEQUENCE = re.compile("|".join(re.escape(k) for k in sorted(VNI, key=len, reverse=True)))

_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_NUCLEI = (
    "iêu oai oay oeo uây uôi uya uyê uyu ươi ươu yêu "  # the vowel runs of Vietnamese
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê "
    "a ă â e ê i o ô ơ u ư y"
).split()
_SYLLABLE = re.compile(f"{_ONSET}(?:{'|'.join(_NUCLEI)})(?:ch|ng|nh|[cmnpt])?")
_TONE_MARKS = set(_TONES.values())
_WORD = re.compile(r"[^\W\d_]+")
_VIETNAMESE_ONLY = re.compile("[ăđĩũơưĂĐĨŨƠƯ\u1ea0-\u1ef9]")  # letters no Western code page has


def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(ch in _TONE_MARKS for ch in decomposed)
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    return tones <= 1 and _SYLLABLE.fullmatch(bare) is not None


def _syllable_score(text: str) -> tuple[int, int]:
    """(well-formed, all) among the words that carry a non-ASCII letter."""
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    return sum(_is_syllable(w) for w in words), len(words)


def _as_tcvn3(data: bytes) -> str:
    return data.decode("latin-1").translate(_TCVN3_DECODE)


def _as_vni(data: bytes) -> str:
    return _VNI_SEQUENCE.sub(lambda m: VNI[m.group(0)], data.decode("latin-1"))


def _as_cp1258(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


_LEGACY = (("TCVN3 (ABC)", _as_tcvn3), ("VNI", _as_vni), ("Windows-1258", _as_cp1258))


def detect_legacy_encoding(
    data: bytes,
    *,
    min_words: int = 2,
    min_share: float = 0.6,
    candidates: tuple[str, ...] | None = None,
) -> str | None:
    """The name of the legacy Vietnamese encoding the bytes are most likely in, or None.

    An encoding qualifies when at least ``min_words`` words with non-ASCII letters, and at least
    ``min_share`` of them, decode to well-formed Vietnamese syllables; the best share wins."""
    sample = data[:65536]
    best: tuple[float, int, str] | None = None
    for name, decode in _LEGACY:
        if candidates is not None and name not in candidates:
            continue
        good, total = _syllable_score(decode(sample))
        if total and good >= min_words and good / total >= min_share:
            candidate = (good / total, good, name)
            best = candidate if best is None or candidate[:2] > best[:2] else best
    return best[2] if best else None


def _check_not_mojibake(text: str, source: str) -> None:
    """Refuse text already decoded as Windows-1252 from a legacy encoding (pages made for the
    .VnTime or VNI-Times fonts): it reads "§¶ng ñy" or "Ñaûng uûy" instead of "Đảng ủy"."""
    if _VIETNAMESE_ONLY.search(text[:65536]) or text.isascii():
        return
    raw = text[:65536].encode("cp1252", errors="replace")
    legacy = detect_legacy_encoding(
        raw, min_words=5, min_share=0.7, candidates=("TCVN3 (ABC)", "VNI")
    )
    if legacy is not None:
        raise InputError(
            source,
            f"the text is in the legacy {legacy} encoding shown as Windows-1252 "
            f"(it needs a {legacy} font to read); convert it to Unicode first",
        )


# --- headline and dates -------------------------------------------------------------------
# The headline and the posting date of a text are those of its layout (polgraph.text.layout); a
# web page may also carry its posting line in the markup, between tags.
_POSTED_IN_HTML = re.compile(
    rf"{layout.POSTED_LABEL}\s*:?\s*(?:<[^<>]{{0,200}}>\s*){{0,4}}"
    rf"{layout.WHEN}{layout.NUMERIC_DATE}",
    re.I,
)


def _as_date(match: re.Match[str] | None) -> dt.date | None:
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups()[-3:])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def published_in_text(text: str) -> dt.date | None:
    """The date of the publication stamps near the top (a "Ngày đăng: DD/MM/YYYY" line, else a
    "Cập nhật:" line, or a date the page put there with its time of day…)."""
    return layout.published(ReportText(text))


def headline(text: str) -> str | None:
    """The first line when it reads as a headline (``polgraph.text.layout.headline``)."""
    rt = ReportText(text)
    span = layout.headline(rt)
    return rt.text[span[0] : span[1]] if span else None


def _normalise(text: str) -> str:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return nfc(text)


# --- readers ------------------------------------------------------------------------------


def _read_text(text: str, source: str, published: dt.date | None, url: str | None) -> SourceReport:
    return SourceReport(
        text=text,
        title=headline(text),
        published=published or published_in_text(text),
        url=url,
        source=source,
    )


def _read_html(page: str, source: str, published: dt.date | None, url: str | None) -> SourceReport:
    import trafilatura  # imported here: it is slow to import and only pages need it
    from trafilatura.settings import Document

    try:
        document = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # noqa: BLE001 - a third-party parser on arbitrary pages
        raise InputError(
            source, f"the HTML page cannot be parsed ({type(exc).__name__}: {exc})"
        ) from None
    if not isinstance(document, Document):  # None: no article (a dict comes only as_dict=True)
        raise InputError(source, "no article text found in the HTML page")
    body = document.text or ""
    paragraphs = [line.strip() for line in _normalise(body).split("\n") if line.strip()]
    if not paragraphs:
        raise InputError(source, "no article text found in the HTML page")
    text = "\n\n".join(paragraphs)
    _check_not_mojibake(text, source)
    title = nfc(document.title).strip() if document.title else None
    if published is None and document.date:
        try:
            published = dt.date.fromisoformat(document.date[:10])
        except ValueError:
            published = None
    if published is None:
        published = _as_date(_POSTED_IN_HTML.search(page)) or published_in_text(text)
    return SourceReport(
        text=text,
        title=title or None,
        published=published,
        url=url or document.url or None,
        source=source,
    )


def read_source(
    data: bytes,
    source: str,
    suffix: str,
    *,
    published: dt.date | None = None,
    url: str | None = None,
    charset: str | None = None,
) -> SourceReport:
    """Read a report's bytes; ``suffix`` (".txt", ".html", ".htm") says which kind it is, and
    ``charset`` what a web server declared the page's encoding to be."""
    suffix = _check_suffix(suffix, source)
    _check_size(len(data), source)
    if not data.strip():
        raise InputError(
            source, "the file is empty" if not data else "the file is empty (only whitespace)"
        )
    is_html = suffix in (".html", ".htm")
    text = _normalise(_decode(data, source, html=is_html, charset=charset))
    if not text.strip():
        raise InputError(source, "the file is empty (only whitespace)")
    if is_html:
        return _read_html(text, source, published, url)
    _check_not_mojibake(text, source)
    return _read_text(text, source, published, url)


def load_source(path: Path, *, published: dt.date | None = None) -> SourceReport:
    """Read a report file, refusing one over ``MAX_BYTES`` before reading it."""
    source = str(path)
    suffix = _check_suffix(path.suffix, source)
    try:
        size = path.stat().st_size
        _check_size(size, source)
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(source, f"cannot be read ({exc.strerror or exc})") from None
    return read_source(data, source, suffix, published=published)
