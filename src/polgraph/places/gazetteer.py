"""Place names as reports write them → official Vietnamese administrative units and GSO codes.

Units, codes, former names and the 2025 conversion all come from the data files of
vietnamadminunits: the structure in force until 30 June 2025 ("legacy": province → district →
commune) and the one from 1 July 2025 ("2025": province → commune). A place resolves only when one
unit fits it better than every other; a tie gives None, never a guess.
"""

from __future__ import annotations

import datetime
import enum
import functools
import importlib.util
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal, NamedTuple

from polgraph.text.normalise import fold_diacritics, normalise_label

__all__ = ["REORGANISATION", "AdminUnit", "AdminUnits", "admin_units"]

LEGACY, NEW = "legacy", "2025"
PROVINCE, DISTRICT, COMMUNE = "province", "district", "commune"
REORGANISATION = datetime.date(2025, 7, 1)


@dataclass(frozen=True)
class AdminUnit:
    structure: str  # "legacy" (before 1 July 2025, with districts) or "2025"
    level: str  # "province" | "district" | "commune" (wards and townships are communes)
    code: str  # official code as the lists write it, e.g. "02923"
    # A unit is its (structure, level, code); names and parents play no part in == and hash.
    name: str = field(compare=False)  # "Xã Cẩm Lộc"
    short_name: str = field(compare=False)  # "Cẩm Lộc"
    parent: AdminUnit | None = field(default=None, compare=False)

    @property
    def chain(self) -> list[AdminUnit]:
        """The unit, then its parents up to the province."""
        units: list[AdminUnit] = []
        unit: AdminUnit | None = self
        while unit is not None:
            units.append(unit)
            unit = unit.parent
        return units


# -- how reports write places ---------------------------------------------------------------------

_KINDS = {  # type word → the kind of unit it names
    "tỉnh": "tinh",
    "thành phố": "thanhpho",
    "tp": "thanhpho",
    "huyện": "huyen",
    "h": "huyen",
    "quận": "quan",
    "q": "quan",
    "thị xã": "thixa",
    "tx": "thixa",
    "xã": "xa",
    "phường": "phuong",
    "p": "phuong",
    "thị trấn": "thitran",
    "tt": "thitran",
    "đặc khu": "dackhu",
}
_KINDS.update({fold_diacritics(word): kind for word, kind in list(_KINDS.items())})
_LEVELS = {
    "tinh": frozenset({PROVINCE}),
    "thanhpho": frozenset({PROVINCE, DISTRICT}),
    "huyen": frozenset({DISTRICT}),
    "quan": frozenset({DISTRICT}),
    "thixa": frozenset({DISTRICT}),
    "xa": frozenset({COMMUNE}),
    "phuong": frozenset({COMMUNE}),
    "thitran": frozenset({COMMUNE}),
    "dackhu": frozenset({COMMUNE}),
}
_ANY_LEVEL = frozenset({PROVINCE, DISTRICT, COMMUNE})
# Type words as written, longest first; one-letter abbreviations count only with their dot
# ("Q. Ninh Kiều"). Unaccented forms are tried only on unaccented text ("xa" is no "xã" in "Xa Lý").
_TYPE_WORDS = (
    "thành phố",
    "thị trấn",
    "thị xã",
    "đặc khu",
    "tỉnh",
    "huyện",
    "quận",
    "phường",
    "xã",
)
_ABBREVIATIONS = r"tp|tx|tt)(?:\s+|\.\s*)|(h|q|p)\.\s*)(?=\S)"
_TYPED = re.compile(r"(?:(" + "|".join(_TYPE_WORDS) + "|" + _ABBREVIATIONS)
_TYPED_ASCII = re.compile(
    r"(?:(" + "|".join(map(fold_diacritics, _TYPE_WORDS)) + "|" + _ABBREVIATIONS
)
# Villages, hamlets, residential groups and streets lie below communes: the chain skips them.
_BELOW = re.compile(
    r"(?:thôn|xóm|bản|ấp|làng|buôn|plei|khối|khóm|tổ dân phố|tổ|khu phố|khu dân cư|khu|số|đường"
    r"|phố|ngõ|ngách|hẻm|tdp|kp)(?:\s+|\.\s*)(?=\S)"
)
_BELOW_ASCII = re.compile(r"(?:thon|xom|to dan pho|khu pho|tdp|kp)(?:\s+|\.\s*)(?=\S)")
_SEPARATORS = re.compile(r"[,;()]")
# Tỉnh Thừa Thiên Huế became Thành phố Huế on 1 January 2025 and the lists keep only the new
# name, while reports before then write the old one.
_FORMER_PROVINCE_NAMES = {"thuathienhue": "thanhphohue"}


def _fold(text: str) -> str:
    """The accent-free matching key: "Ea M'Droh" → "eamdroh", "Phường 01" → "phuong1"."""
    key = re.sub(r"[^a-z0-9]", "", fold_diacritics(text).lower())
    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", key)


def _accent(text: str) -> str:
    """The accent-keeping key, which tells "Tân Thành" from "Tân Thạnh"."""
    key = re.sub(r"[\W_]", "", normalise_label(text).lower())
    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", key, flags=re.ASCII)


class _Reading(NamedTuple):
    """One way to read a part of a place: the levels it may name and its keys."""

    levels: frozenset[str]
    kind: str | None
    key: str
    typed_key: str  # the library's keywords also spell names with their type: "xacamloc"
    accent: str
    penalty: int  # reading a type word as part of the name (unaccented text only)


def _readings(part: str) -> tuple[_Reading, ...] | None:
    """The readings of one comma-separated part; None for a part below commune level."""
    lowered = part.lower()
    ascii_only = lowered.isascii()
    if (_BELOW_ASCII if ascii_only else _BELOW).match(lowered):
        return None
    readings = []
    typed = (_TYPED_ASCII if ascii_only else _TYPED).match(lowered)
    if typed:
        kind = _KINDS[typed.group(1) or typed.group(2)]
        name = part[typed.end() :]
        key = _fold(name)
        readings.append(_Reading(_LEVELS[kind], kind, key, kind + key, _accent(name), 0))
    # Without diacritics a type word cannot be told from a name ("Quan Hoa" is Huyện Quan Hóa).
    if not typed or (ascii_only and typed.group(1)):
        key = _fold(part)
        readings.append(_Reading(_ANY_LEVEL, None, key, key, _accent(part), int(bool(typed))))
    return tuple(readings)


_Parts = tuple[tuple[_Reading, ...], ...]  # a place's parts, each as its readings


@functools.lru_cache(maxsize=4096)
def _parse(place: str) -> _Parts:
    """The readings of a place's parts, most specific first, without those below communes."""
    parts = [p.strip() for p in _SEPARATORS.split(normalise_label(place))]
    readings = [_readings(p) for p in parts if p]
    # Keep what follows the last village or street, and nothing before a part typed as a commune.
    last_below = max((i for i, r in enumerate(readings) if r is None), default=-1)
    kept = [r for r in readings[last_below + 1 :] if r is not None and any(x.key for x in r)]
    first_commune = next((i for i, r in enumerate(kept) if r[0].levels == {COMMUNE}), 0)
    return tuple(kept[first_commune:])


# -- the lists ------------------------------------------------------------------------------------


class _Entry:
    """A unit with what matching needs: its kind, its keys and the library's own keys."""

    __slots__ = ("accent", "chain", "keys", "kind", "library_keys", "unit")

    def __init__(self, unit: AdminUnit, kind: str, parent: _Entry | None) -> None:
        self.unit, self.kind = unit, kind
        self.accent = _accent(unit.short_name)
        self.keys: dict[str, int] = {_fold(unit.short_name): 0}  # key → how loosely it fits
        self.chain: tuple[_Entry, ...] = (self, *(parent.chain if parent else ()))
        self.library_keys: list[str] = []


class _Structure:
    def __init__(self, name: str) -> None:
        self.name = name
        self.by_key: dict[str, list[_Entry]] = {}
        self.by_library_key: dict[str, _Entry] = {}
        self.by_code: dict[tuple[str, str], _Entry] = {}

    def add(
        self,
        level: str,
        code: str,
        name: str,
        parent: _Entry | None,
        library_key: str,
        keywords: list[str],
    ) -> _Entry | None:
        code = code if isinstance(code, str) else ""
        existing = self.by_code.get((level, code.lstrip("0")))
        if existing is not None:  # a unit listed twice (accent-sensitive lists): one entry
            entry = existing
        elif not code.isdigit() or not isinstance(name, str):
            return None  # the island districts' placeholder communes have neither
        else:
            name = normalise_label(name)
            kind_word = _type_word(name)
            short = name[len(kind_word) :].strip() or name
            unit = AdminUnit(self.name, level, code, name, short, parent.unit if parent else None)
            entry = _Entry(unit, _KINDS.get(kind_word.lower(), ""), parent)
            self.by_code[(level, code.lstrip("0"))] = entry
            self._index(entry, entry.keys)
        entry.library_keys.append(library_key)
        self.by_library_key[library_key] = entry
        self.alias(entry, keywords, 2)
        return entry

    def alias(self, entry: _Entry, keywords: list[str], looseness: int) -> None:
        """Other spellings and former names (merged communes, split districts) of a unit."""
        new = {}
        for keyword in keywords:
            key = _fold(keyword)
            if key and entry.keys.get(key, 99) > looseness:
                new[key] = entry.keys[key] = looseness
        self._index(entry, new)

    def _index(self, entry: _Entry, keys: dict[str, int]) -> None:
        for key in keys:
            bucket = self.by_key.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)


def _type_word(name: str) -> str:
    """The type word a unit's name begins with: "Thành phố" for "Thành phố Cần Thơ"."""
    lowered = name.lower()
    return next((name[: len(w)] for w in _TYPE_WORDS if lowered.startswith(w + " ")), "")


def _data(name: str) -> dict:
    # Located rather than imported: importing the library compiles its address patterns and
    # loads geocoding packages, none of which is needed here.
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("vietnamadminunits is not installed")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    return json.loads((folder / name).read_text(encoding="utf-8"))


def _build() -> tuple[_Structure, _Structure, dict[_Entry, _Entry]]:
    legacy, new = _Structure(LEGACY), _Structure(NEW)

    data = _data("parser_legacy.json")
    for pkey, p in data["DICT_PROVINCE"].items():
        legacy.add(PROVINCE, p["provinceCode"], p["province"], None, pkey, p["provinceKeywords"])
    for pkey, districts in data["DICT_PROVINCE_DISTRICT"].items():
        for dkey, d in districts.items():
            legacy.add(
                DISTRICT,
                d["districtCode"],
                d["district"],
                legacy.by_library_key[pkey],
                f"{pkey}_{dkey}",
                d["districtKeywords"],
            )
    # A district split or absorbed before the lists' date ("huyện Lộc Hà") names every district
    # that now holds part of it; the library's default, which holds most, fits more closely.
    for pkey, divided in data["DICT_PROVINCE_DISTRICT_DIVIDED"].items():
        for former in divided.values():
            for dkey, target in former["districts"].items():
                entry = legacy.by_library_key.get(f"{pkey}_{dkey}")
                looseness = 2 if target["districtDefault"] else 3
                if entry is not None:
                    legacy.alias(entry, former["dividedDistrictKeywords"], looseness)
    for table in ("NO_ACCENTED", "ACCENTED", "SHORT_ACCENTED"):
        for pkey, districts in data[f"DICT_PROVINCE_DISTRICT_WARD_{table}"].items():
            for dkey, wards in districts.items():
                district = legacy.by_library_key.get(f"{pkey}_{dkey}")
                for wkey, w in wards.items():
                    if district is not None:
                        legacy.add(
                            COMMUNE,
                            w["wardCode"],
                            w["ward"],
                            district,
                            f"{pkey}_{dkey}_{wkey}",
                            w["wardKeywords"],
                        )

    data = _data("parser_from_2025.json")
    for pkey, p in data["DICT_PROVINCE"].items():
        new.add(PROVINCE, p["provinceCode"], p["province"], None, pkey, p["provinceKeywords"])
    for table in ("NO_ACCENTED", "ACCENTED", "SHORT_ACCENTED"):
        for pkey, wards in data[f"DICT_PROVINCE_WARD_{table}"].items():
            for wkey, w in wards.items():
                new.add(
                    COMMUNE,
                    w["wardCode"],
                    w["ward"],
                    new.by_library_key[pkey],
                    f"{pkey}_{wkey}",
                    w["wardKeywords"],
                )

    for structure in (legacy, new):
        for former, pkey in _FORMER_PROVINCE_NAMES.items():
            structure.alias(structure.by_library_key[pkey], [former], 2)

    data = _data("converter_2025.json")
    successors: dict[_Entry, _Entry] = {}

    def link(old_key: str, new_key: str) -> None:
        old, successor = legacy.by_library_key.get(old_key), new.by_library_key.get(new_key)
        if old is not None and successor is not None:
            successors[old] = successor

    for new_pkey, old_pkeys in data["DICT_PROVINCE"].items():
        for old_key in old_pkeys:
            link(old_key, new_pkey)
    for new_pkey, wards in data["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_wkey, old_keys in wards.items():
            for old_key in old_keys:
                link(old_key, f"{new_pkey}_{new_wkey}")
    # A commune split between several new ones goes, as a whole, where the library's converter
    # sends it when no street tells the parts apart.
    for new_pkey, divided in data["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, options in divided.items():
            default = next((o for o in options if o["isDefaultNewWard"]), None)
            if default is not None:
                link(old_key, f"{new_pkey}_{default['newWardKey']}")
    return legacy, new, successors


# -- resolution -----------------------------------------------------------------------------------


class _Missing(enum.Enum):
    """No unit fits at all (as opposed to several)."""

    MISSING = enum.auto()


_MISSING: Final = _Missing.MISSING


def _fit(entry: _Entry, reading: _Reading) -> tuple[int, int] | None:
    """How loosely a unit fits one reading: (name looseness, type-word mismatches), or None."""
    if entry.unit.level not in reading.levels:
        return None
    looseness = entry.keys.get(reading.key)
    if looseness is None:
        looseness = entry.keys.get(reading.typed_key)
        if looseness is None:
            return None
    elif looseness == 0 and entry.accent != reading.accent:
        looseness = 1
    mismatch = int(reading.kind is not None and reading.kind != entry.kind) + reading.penalty
    return looseness, mismatch


def _fit_part(entry: _Entry, readings: tuple[_Reading, ...]) -> tuple[int, int] | None:
    fits = [f for r in readings if (f := _fit(entry, r)) is not None]
    return min(fits) if fits else None


class AdminUnits:
    """The official units, loaded on first use (well under a second) and kept."""

    def __init__(self) -> None:
        self._lists: tuple[_Structure, _Structure, dict[_Entry, _Entry]] | None = None
        self._cached = functools.lru_cache(maxsize=65536)(self._resolve)

    def _load(self) -> tuple[_Structure, _Structure, dict[_Entry, _Entry]]:
        if self._lists is None:
            self._lists = _build()
        return self._lists

    def _structure(self, name: str) -> _Structure:
        legacy, new, _ = self._load()
        return legacy if name == LEGACY else new

    def _entry(self, structure: str, level: str, code: str) -> _Entry | None:
        if structure not in (LEGACY, NEW):
            return None
        return self._structure(structure).by_code.get((level, str(code).strip().lstrip("0")))

    def get(self, structure: str, level: str, code: str) -> AdminUnit | None:
        """The unit of that official code ("2923" finds "02923")."""
        entry = self._entry(structure, level, code)
        return entry.unit if entry else None

    def successor(self, unit: AdminUnit) -> AdminUnit | None:
        """The 2025 unit a legacy commune or province became; None for districts (abolished)."""
        entry = self._entry(unit.structure, unit.level, unit.code)
        if entry is None or unit.structure != LEGACY:
            return None
        successor = self._load()[2].get(entry)
        return successor.unit if successor else None

    def names_a_unit(self, level: str, name: str) -> bool:
        """Whether some unit of ``level`` (in either list) goes by ``name``: its short name, a
        former name or another spelling. A reader checks with it that a capitalised word after a
        level word is a place at all ("tỉnh Phùng Bá Tùng" is not)."""
        key = _fold(name)
        return any(
            entry.unit.level == level
            for structure in self._load()[:2]
            for entry in structure.by_key.get(key, ())
        )

    def is_central_city(self, name: str) -> bool:
        """Whether ``name`` is a city governed by the centre, a province-level "thành phố" ("Hồ
        Chí Minh", "Huế"): a "thành phố Hà Tĩnh" is the province's district-level city."""
        key = _fold(name)
        return any(
            entry.unit.level == "province" and entry.kind == "thanhpho"
            for structure in self._load()[:2]
            for entry in structure.by_key.get(key, ())
        )

    def resolve(
        self, place: str, *, within: AdminUnit | None = None, on: datetime.date | None = None
    ) -> AdminUnit | None:
        """The one unit a place names (most specific part first), or None."""
        if not isinstance(place, str):
            raise TypeError(f"a place is a str, not {type(place).__name__}")
        if within is not None and not isinstance(within, AdminUnit):
            raise TypeError(f"within is an AdminUnit, not {type(within).__name__}")
        if on is not None and not isinstance(on, datetime.date):
            raise TypeError(f"on is a date, not {type(on).__name__}")
        return self._cached(place, within, on is not None and on >= REORGANISATION)

    def _resolve(self, place: str, within: AdminUnit | None, after: bool) -> AdminUnit | None:
        parts = _parse(place)
        if not parts:
            return None
        legacy, new, _ = self._load()
        # Districts exist only in the legacy lists; without one, the date picks which lists come
        # first and the other is tried when nothing at all fits.
        if any(all(r.levels == {DISTRICT} for r in part) for part in parts):
            order: tuple[_Structure, ...] = (legacy,)
        else:
            order = (new, legacy) if after else (legacy, new)
        for structure in order:
            found = self._match(structure, parts, within)
            if found is not _MISSING:
                break
        else:
            return None
        # A commune's bare name is too weak alone, even when it is unique in the lists: reports
        # name communes bare only inside a district or province they have already named.
        if found is not None and len(parts) == 1 and within is None and found.level == COMMUNE:
            return None
        return found

    def _match(
        self, structure: _Structure, parts: _Parts, within: AdminUnit | None
    ) -> AdminUnit | Literal[_Missing.MISSING] | None:
        """The one unit the first part names whose parents the other parts name, in order."""
        best: dict[_Entry, tuple[int, int]] = {}
        for reading in parts[0]:
            for key in {reading.key, reading.typed_key}:
                for entry in structure.by_key.get(key, ()):
                    score = self._score(entry, parts)
                    if score is None or (within is not None and not self._inside(entry, within)):
                        continue
                    if score < best.get(entry, (99, 99)):
                        best[entry] = score
        if not best:
            return _MISSING
        closest = min(looseness for looseness, _ in best.values())
        tied = {entry: mismatch for entry, (loose, mismatch) in best.items() if loose == closest}
        # Type words tell apart same-named units of one province (Huyện and Thị xã Kỳ Anh). Across
        # provinces they may be out of date: units are upgraded (huyện → thị xã, xã → phường).
        if len(tied) > 1 and len({entry.chain[-1] for entry in tied}) == 1:
            fewest = min(tied.values())
            tied = {entry: m for entry, m in tied.items() if m == fewest}
        return next(iter(tied)).unit if len(tied) == 1 else None

    @staticmethod
    def _score(entry: _Entry, parts: _Parts) -> tuple[int, int] | None:
        """The summed fit of a unit and its parents to the parts, or None if a part fits none."""
        fit = _fit_part(entry, parts[0])
        if fit is None:
            return None
        looseness, mismatch = fit
        above = iter(entry.chain[1:])  # each part names a unit above the one the part before named
        for readings in parts[1:]:
            fit = next((f for unit in above if (f := _fit_part(unit, readings)) is not None), None)
            if fit is None:
                return None
            looseness, mismatch = looseness + fit[0], mismatch + fit[1]
        return looseness, mismatch

    def _inside(self, entry: _Entry, within: AdminUnit) -> bool:
        unit = entry.unit
        if within.structure == unit.structure:
            return within in unit.chain or unit in within.chain
        # Across the two lists only provinces compare, each legacy one by the one it became.
        return self._province_2025(unit) == self._province_2025(within) is not None

    def _province_2025(self, unit: AdminUnit) -> AdminUnit | None:
        province = unit.chain[-1]
        return province if province.structure == NEW else self.successor(province)


@functools.cache
def admin_units() -> AdminUnits:
    """The shared instance."""
    return AdminUnits()
