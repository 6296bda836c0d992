"""Administrative units named in the text ("xã Cẩm Lộc", "TP. Cần Thơ"): found through the
lexicon's level words, their names read up to where they stop, "thành phố" resolved to a province
or a district, and overlong names cut back to a name seen elsewhere."""

from __future__ import annotations

import re
from dataclasses import dataclass

from polgraph.extract import lang_vi
from polgraph.extract.lexicon import Lexicon as _Lexicon
from polgraph.places.gazetteer import admin_units
from polgraph.text.normalise import normalise_label
from polgraph.text.view import ReportText, fold


@dataclass
class _Unit:
    level: str  # village | commune | district | province | city (not yet resolved)
    word: str  # "xã", "thành phố"
    name: str  # normalised name ("Cẩm Lộc")
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
_PARENTHESISED = re.compile(r"\s*\(([^\W\d_][^()]{1,40})\)")


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
        follow = text[token.end() : token.end() + 1]
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
        if key in lex.exact_case and text[match.start() : match.end()] not in lex.exact_case[key]:
            continue  # "TP." is a level word only as written; "tp" in prose is not
        if _in_title_case(text, match.start(), match.end()):
            continue  # "Mùa Xuân Trên Thành Phố Hồ Chí Minh": a song's or a book's title
        if key in lex.committees:
            word, levels = lex.committees[key]
        else:
            word, levels = lex.level_words[key]
        after = _LEVEL_GAP.match(text, pos)
        assert after is not None  # the pattern matches the empty string
        if "." in after.group() and key not in lex.exact_case:
            continue  # "… HĐND tỉnh. Tại buổi …": a dot after a whole level word ends the sentence
        name, end = _name_after(text, after.end(), _level_of(levels), lex.expansions)
        if not name or _names_a_person(name):
            continue  # "Phó Chủ tịch UBND tỉnh Lò Văn Tiến": a title before a name, not a province
        real = _a_real_unit(text, name, after.end(), end, _level_of(levels))
        if real is None:
            continue  # "HĐND tỉnh khóa XX gồm các ông, bà: Phùng Bá Tùng": no province of that name
        name, end = real
        out.append(_Unit(_level_of(levels), word, name, match.start(), end))
        pos = end
        province = _PARENTHESISED.match(text, end) if out[-1].level == "district" else None
        if (
            province
        ):  # newspapers write "huyện Yên Thành (Nghệ An)": the province, without its level word
            name, _ = _name_after(text, province.start(1), "province", lex.expansions)
            if name and province.end(1) == province.start(1) + len(name):
                word = "thành phố" if admin_units().is_central_city(name) else "tỉnh"
                out.append(_Unit("province", word, name, province.start(1), province.end(1)))
    return out


_GAZETTEER_LEVELS = {
    "province": ("province",),
    "district": ("district",),
    "commune": ("commune",),
    "city": ("province", "district"),
}
_NEXT_NAME_WORD = re.compile(r" ([^\W\d_][\w'’]*)")


def _a_real_unit(text: str, name: str, start: int, end: int, level: str) -> tuple[str, int] | None:
    """The name if the gazetteer has a unit of that level so called; else its longest first words
    that name one ("huyện Kỳ Anh Trần Văn Bình": a name follows the place), else the name read on
    by up to two capitalised words (cut short: "huyện Yên" of "Yên Thành"); None when no unit fits
    (a person's or a newspaper's name after a level word). Villages are in no gazetteer."""
    levels = _GAZETTEER_LEVELS.get(level)
    if levels is None:
        return name, end
    units = admin_units()

    def known(candidate: str) -> bool:
        return any(units.names_a_unit(lv, candidate) for lv in levels)

    if known(name):
        return name, end
    words = name.split(" ")
    for count in range(len(words) - 1, 0, -1):
        shorter = " ".join(words[:count])
        if known(shorter):
            return shorter, start + len(" ".join(text[start:end].split(" ")[:count]))
    extended, stop = name, end
    for _ in range(2):
        word = _NEXT_NAME_WORD.match(text, stop)
        if word is None:
            break
        extended, stop = f"{extended} {word.group(1)}", word.end()
        if known(extended):
            # "huyện ủy Đô lương": a syllable typed in lower case is still the name's.
            return " ".join(w[:1].upper() + w[1:] for w in extended.split(" ")), stop
        if not word.group(1)[0].isupper():
            break
    return None


_DATELINE = re.compile(r"[ \t]*([^\W\d_][^\W\d_ ]*(?: [^\W\d_][^\W\d_ ]*){0,3})[ \t]*[-–—][ \t]")


def _dateline(rt: ReportText, body: int) -> _Unit | None:
    """A newspaper's dateline opening the body, in capitals ("QUẢNG NGÃI - Sáng 5/3, …"): the
    province it names, when the gazetteer has one so called."""
    match = _DATELINE.match(rt.text, body)
    if match is None or not match.group(1).isupper():
        return None
    name = " ".join(w.capitalize() for w in match.group(1).split())
    if not admin_units().names_a_unit("province", name):
        return None
    word = "thành phố" if admin_units().is_central_city(name) else "tỉnh"
    return _Unit("province", word, name, match.start(1), match.end(1))


def _in_title_case(text: str, start: int, end: int) -> bool:
    """A level word of several words, each capitalised, after a capitalised word that is no
    abbreviation: part of a title written in title case, not a unit's level word."""
    words = text[start:end].split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    before = text[max(0, start - 20) : start].split()
    return bool(before) and before[-1][:1].isupper() and not before[-1].isupper()


def _names_a_person(name: str) -> bool:
    """ "Lê Văn Tiến": a family name, then a middle name of a Kinh personal name (places are not
    named "X Văn Y")."""
    words = fold(name).split(" ")
    return (
        3 <= len(words) <= 5
        and words[0] in lang_vi.SURNAMES
        and words[1] in lang_vi.KINH_MIDDLE_NAMES
    )


def _level_of(levels: frozenset[str]) -> str:
    return "city" if len(levels) > 1 else next(iter(levels))


_NESTING = re.compile(r"\s*[,(]?\s*")


def _attached(text: str, first: _Unit, second: _Unit) -> bool:
    """Whether ``second`` qualifies ``first``: "xã X (huyện Y", "xã X, huyện Y"."""
    return (
        first.end <= second.start and _NESTING.fullmatch(text, first.end, second.start) is not None
    )


def _resolve_cities(rt: ReportText, units: list[_Unit]) -> None:
    """A "thành phố" after a district is a province; before a province, or under a commune, a
    district; otherwise a province only if it is one of the centrally governed cities."""
    for i, unit in enumerate(units):
        if unit.level != "city":
            continue
        previous = units[i - 1] if i else None
        following = units[i + 1] if i + 1 < len(units) else None
        if admin_units().is_central_city(unit.name) or (
            previous and _attached(rt.text, previous, unit) and previous.level == "district"
        ):
            unit.level = "province"  # a centrally governed city is never a district
        elif (
            following and _attached(rt.text, unit, following) and following.level == "province"
        ) or (previous and _attached(rt.text, previous, unit) and previous.level == "commune"):
            unit.level = "district"
        else:
            unit.level = "province" if admin_units().is_central_city(unit.name) else "district"


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
