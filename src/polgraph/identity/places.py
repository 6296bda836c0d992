"""Place names as reports write them → official administrative units with their GSO codes.

The units and their codes come from vietnamadminunits: the structure before 1 July 2025
(province → district → commune) and the one after (province → commune), with the conversion
between them. A place is resolved only when exactly one unit fits: a name that several units
share and nothing in the text tells apart gives None, never a guess.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import product

from polgraph.text.normalise import fold_diacritics, name_key, normalise_label

REORGANISATION = dt.date(2025, 7, 1)

# Type words, longest first, and the levels a part starting with one can be. "Thành phố" names
# both province-level cities (Cần Thơ) and district-level ones.
_TYPE_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("thành phố", ("province", "district")), ("tp.", ("province", "district")),
    ("tp", ("province", "district")), ("thị trấn", ("commune",)), ("thị xã", ("district",)),
    ("tỉnh", ("province",)), ("huyện", ("district",)), ("quận", ("district",)),
    ("phường", ("commune",)), ("xã", ("commune",)),
]
_VILLAGE_WORDS = ("thôn", "ấp", "bản", "làng", "tổ dân phố", "khu phố", "khối", "buôn", "plei",
                  "xóm", "tổ", "khu dân cư", "khu vực")
_TYPE_SPELLING = {"tp.": "thành phố", "tp": "thành phố"}
_LEVEL_RANK = {"commune": 0, "district": 1, "province": 2}


@dataclass(frozen=True)
class AdminUnit:
    structure: str  # "legacy" (before 1 July 2025, with districts) or "2025"
    level: str      # "province" | "district" | "commune" (wards and townships are communes)
    code: str
    name: str       # "Xã Cẩm Lộc"
    short_name: str  # "Cẩm Lộc"
    parent: AdminUnit | None = None

    @property
    def chain(self) -> list[AdminUnit]:
        units, unit = [], self
        while unit is not None:
            units.append(unit)
            unit = unit.parent
        return units


def _keys(short_name: str) -> tuple[str, str]:
    """The accent-sensitive key (modern tones, lower case, no spaces or apostrophes) and the
    accent-free one, tried when the first finds nothing."""
    exact = re.sub(r"[\s'’\-.]", "", name_key(short_name))
    return exact, fold_diacritics(exact)


def _split(part: str) -> tuple[tuple[str, ...] | None, str, str]:
    """"huyện Cẩm Xuyên" → (("district",), "Cẩm Xuyên", "huyện"); a part with no type word →
    (None, part, "")."""
    text = normalise_label(part).strip(" .")
    lowered = text.lower()
    for word in _VILLAGE_WORDS:
        if lowered.startswith(word + " "):
            return (), text[len(word):].strip(), word
    for word, levels in _TYPE_WORDS:
        if lowered.startswith(word + " ") or (word.endswith(".") and lowered.startswith(word)):
            return levels, text[len(word):].strip(), _TYPE_SPELLING.get(word, word)
    return None, text, ""


class _Structure:
    """One structure's units with an index from (level, key) to the units of that name."""

    def __init__(self) -> None:
        self.by_name: dict[tuple[str, str], list[AdminUnit]] = defaultdict(list)
        self.by_key: dict[str, AdminUnit] = {}  # the library's own keys, for the conversion

    def add(self, key: str, unit: AdminUnit) -> None:
        self.by_key[key] = unit
        for name_form in set(_keys(unit.short_name)):
            self.by_name[(unit.level, name_form)].append(unit)

    def named(self, levels: tuple[str, ...], short: str) -> list[AdminUnit]:
        exact, folded = _keys(short)
        for form in (exact, folded):
            found = [u for level in levels for u in self.by_name.get((level, form), [])]
            if found:
                return list(dict.fromkeys(found))
        return []


def _complete(ward: dict) -> bool:
    # A few entries of the library's data lack a name or a code; they cannot be matched anyway.
    return all(isinstance(ward.get(k), str) and ward.get(k) for k in ("ward", "wardShort", "wardCode"))


def _data(name: str) -> dict:
    path = resources.files("vietnamadminunits") / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


class AdminUnits:
    """The official units; built on first use (about a second), then shared."""

    def __init__(self) -> None:
        self._loaded = False

    def _load(self) -> None:
        if self._loaded:
            return
        self.legacy, self.current = _Structure(), _Structure()
        legacy = _data("parser_legacy.json")
        for pkey, p in legacy["DICT_PROVINCE"].items():
            province = AdminUnit("legacy", "province", p["provinceCode"], p["province"], p["provinceShort"])
            self.legacy.add(pkey, province)
            for dkey, d in legacy["DICT_PROVINCE_DISTRICT"].get(pkey, {}).items():
                district = AdminUnit("legacy", "district", d["districtCode"], d["district"],
                                     d["districtShort"], province)
                self.legacy.add(f"{pkey}_{dkey}", district)
        # Wards whose names differ only by accents are listed apart; take both lists, once each.
        for table in ("DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED", "DICT_PROVINCE_DISTRICT_WARD_ACCENTED"):
            for pkey, districts in legacy[table].items():
                for dkey, wards in districts.items():
                    district = self.legacy.by_key.get(f"{pkey}_{dkey}")
                    for wkey, w in wards.items():
                        key = f"{pkey}_{dkey}_{wkey}"
                        if district is None or key in self.legacy.by_key or not _complete(w):
                            continue
                        self.legacy.add(key, AdminUnit("legacy", "commune", w["wardCode"], w["ward"],
                                                       w["wardShort"], district))
        current = _data("parser_from_2025.json")
        for pkey, p in current["DICT_PROVINCE"].items():
            self.current.add(pkey, AdminUnit("2025", "province", p["provinceCode"], p["province"],
                                             p["provinceShort"]))
        for pkey, wards in current["DICT_PROVINCE_WARD_NO_ACCENTED"].items():
            province = self.current.by_key[pkey]
            for wkey, w in wards.items():
                if not _complete(w):
                    continue
                self.current.add(f"{pkey}_{wkey}", AdminUnit("2025", "commune", w["wardCode"], w["ward"],
                                                             w["wardShort"], province))
        self._successors: dict[AdminUnit, AdminUnit] = {}
        conversion = _data("converter_2025.json")
        for new_pkey, old_pkeys in conversion["DICT_PROVINCE"].items():
            for old in old_pkeys:
                if old in self.legacy.by_key and new_pkey in self.current.by_key:
                    self._successors[self.legacy.by_key[old]] = self.current.by_key[new_pkey]
        for new_pkey, wards in conversion["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
            for new_wkey, old_keys in wards.items():
                new = self.current.by_key.get(f"{new_pkey}_{new_wkey}")
                for old in old_keys:
                    if new is not None and old in self.legacy.by_key:
                        self._successors[self.legacy.by_key[old]] = new
        # A commune split between several new ones goes, as a whole, to the library's default.
        for new_pkey, divided in conversion["DICT_PROVINCE_WARD_DIVIDED"].items():
            for old, parts in divided.items():
                default = next((p for p in parts if p.get("isDefaultNewWard")), parts[0] if parts else None)
                new = self.current.by_key.get(f"{new_pkey}_{default['newWardKey']}") if default else None
                if new is not None and old in self.legacy.by_key:
                    self._successors[self.legacy.by_key[old]] = new
        self._loaded = True

    def get(self, structure: str, level: str, code: str) -> AdminUnit | None:
        self._load()
        table = self.legacy if structure == "legacy" else self.current
        return next((u for u in table.by_key.values() if u.level == level and u.code == code), None)

    def successor(self, unit: AdminUnit) -> AdminUnit | None:
        """The 2025 unit a legacy commune or province became; None for districts (abolished)."""
        self._load()
        return self._successors.get(unit) if unit.structure == "legacy" else None

    def resolve(self, place: str, *, within: AdminUnit | None = None,
                on: dt.date | None = None) -> AdminUnit | None:
        if not isinstance(place, str):
            raise TypeError(f"a place is a string, not {type(place).__name__}")
        self._load()
        return self._resolve(place, within, on is not None and on >= REORGANISATION)

    @lru_cache(maxsize=4096)
    def _resolve(self, place: str, within: AdminUnit | None, after_2025: bool) -> AdminUnit | None:
        parts = [p for p in (_split(x) for x in place.split(",") if x.strip()) if p[0] != () and p[1]]
        if not parts:
            return None
        has_district = any(levels and "district" in levels and "province" not in levels
                           for levels, _, _ in parts)
        structures = [self.legacy] if has_district else (
            [self.current, self.legacy] if after_2025 else [self.legacy, self.current])
        for structure in structures:
            if within is not None and within.structure != (structure is self.legacy and "legacy" or "2025"):
                continue
            found = self._match(structure, parts, within)
            if found is not None:
                return found
        return None

    @staticmethod
    def _match(structure: _Structure, parts: list, within: AdminUnit | None) -> AdminUnit | None:
        """The one unit whose chain the parts name in order, most specific first."""
        all_levels = ("commune", "district", "province")
        choices = []
        for levels, short, word in parts:
            named = structure.named(levels or all_levels, short)
            # "huyện Phong Điền" is not "thị xã Phong Điền": the type word tells them apart.
            typed = [u for u in named if word and u.name.lower().startswith(word + " ")]
            choices.append(typed or named)
        fits = set()
        for combination in product(*choices) if len(parts) <= 3 else []:
            ranks = [_LEVEL_RANK[u.level] for u in combination]
            chain_ok = all(later in earlier.chain[1:] for earlier, later in zip(combination, combination[1:]))
            if ranks == sorted(ranks) and len(set(ranks)) == len(ranks) and chain_ok:
                if within is None or within in combination[0].chain:
                    fits.add(combination[0])
        return fits.pop() if len(fits) == 1 else None


@cache
def admin_units() -> AdminUnits:
    return AdminUnits()
