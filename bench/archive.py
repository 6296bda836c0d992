"""A seeded archive of one portal: Vietnamese text reports in which the same communes, bodies and
officials recur over 2015–2025, each report with the facts it states.

Store benchmarks that draw every report on its own (each body in one or two reports, invented
places) hide the costs that grow when nodes recur. A district's portal names the same twenty
communes, their party committees, councils and mass organisations, and the same few hundred
officials in thousands of reports over a decade. This module models that:

- the official units of one district, or of several districts of one province (the structure
  before 1 July 2025, from vietnamadminunits), villages with invented names, and the communes
  they became on 1 July 2025;
- officials as persons who hold posts for years. Posts are renewed at party congresses (2015,
  2020), at the congresses of the Front and the mass organisations and at the first sessions of
  the People's Councils (2016, 2021); between them seats fall vacant and are filled by moving
  deputies up, by promoting commune leaders to the district, or by newcomers; people retire.
  Common names make namesakes in different communes. On 1 July 2025 the leaders of the old
  communes and of the abolished district staff the merged communes;
- reports in phrasings the project's reader reads (titles after or before the name, "Đ/c:"
  captions, "Các đồng chí: …" lists, abbreviations, a bare "xã" in a commune's own report),
  1–3 KB each: a dated opening, guests, chairs, reports, speeches with their topics, directive
  speeches, elections, cited documents.

    generate(count, *, seed=0, district=None) -> Iterator[GeneratedReport]    # in date order
    write(folder, count, *, seed=0, district=None) -> ArchiveSummary
    .venv/bin/python bench/archive.py OUT_DIR --reports 10000 [--seed 1] [--district "huyện X"]…

The same arguments give byte-identical reports; the officials depend on the seed and the
districts only. Each report's ``truth`` lists the persons it names (an official's id is the same
in every report), the posts and bodies written with them, what they did, the event's kind, date
and unit, and the documents it cites.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import functools
import heapq
import importlib.util
import itertools
import random
import sqlite3
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from polgraph.places.gazetteer import REORGANISATION, AdminUnit, admin_units

__all__ = [
    "DEFAULT_DISTRICT",
    "ArchiveSummary",
    "GeneratedReport",
    "PersonTruth",
    "Role",
    "Truth",
    "Unit",
    "generate",
    "write",
]

DEFAULT_DISTRICT = "huyện Cẩm Xuyên"
FIRST_YEAR = 2015
_ONE_OFF_SHARE = 0.12  # congresses, first sessions and additional elections among the reports
_AFTER_SHARE = 0.02  # reports about the communes of 1 July 2025


# -- what a report states ---------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """An official unit as reports write it: "xã Cẩm Lộc" is kind "xã", name "Cẩm Lộc"."""

    kind: str
    name: str
    code: str
    era: str = "legacy"  # "legacy" (until 30 June 2025) or "2025"

    def __str__(self) -> str:
        return f"{self.kind} {self.name}"


@dataclass(frozen=True)
class Role:
    post: str  # as the posts vocabulary spells it: "Phó Bí thư Thường trực"
    body: str  # spelt out and located: "Ủy ban nhân dân xã Cẩm Lộc"
    elected: bool = False  # won at this event


@dataclass(frozen=True)
class PersonTruth:
    id: str  # an official's id is the same in every report; citizens (voters…) have "c:…"
    name: str
    roles: tuple[Role, ...]
    acts: tuple[str, ...]


@dataclass(frozen=True)
class Truth:
    # conference, congress, council_session, voter_meeting, working_visit, ceremony, other
    kind: str
    date: dt.date
    place: Unit  # the host: a commune, or the district for the district's own events
    district: Unit | None  # None for the communes of 1 July 2025
    province: Unit
    persons: tuple[PersonTruth, ...]
    documents: tuple[str, ...]  # the numbers of the documents cited

    @property
    def commune(self) -> Unit | None:
        return None if self.place == self.district else self.place


@dataclass(frozen=True)
class GeneratedReport:
    name: str  # "xa-cam-loc-2023-05-16-1.txt"
    text: str
    published: dt.date
    truth: Truth


# -- small helpers ----------------------------------------------------------------------------

Weighted = tuple[tuple[str, int], ...]


def _pick(rng: random.Random, weighted: Weighted) -> str:
    """One of the choices, by weight (``rng.choices`` without its per-call set-up)."""
    population, cumulative = _cumulative(weighted)
    return population[bisect.bisect(cumulative, rng.random() * cumulative[-1])]


@functools.cache
def _cumulative(weighted: Weighted) -> tuple[list[str], list[int]]:
    return [w for w, _ in weighted], list(itertools.accumulate(n for _, n in weighted))


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in plain).split())


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, number = divmod(number, value)
        out += letters * count
    return out


def _decimal(value: float, places: int = 1) -> str:
    return f"{value:.{places}f}".replace(".", ",")


# -- names ------------------------------------------------------------------------------------

_SURNAMES = (
    ("Nguyễn", 30),
    ("Trần", 11),
    ("Lê", 10),
    ("Phạm", 6),
    ("Phan", 5),
    ("Hoàng", 4),
    ("Võ", 4),
    ("Hồ", 3),
    ("Đặng", 3),
    ("Vũ", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Ngô", 2),
    ("Dương", 2),
    ("Đinh", 2),
    ("Trương", 1),
    ("Lương", 1),
    ("Mai", 1),
    ("Cao", 1),
    ("Thái", 1),
    ("Trịnh", 1),
    ("Tạ", 1),
    ("Lâm", 1),
    ("Đoàn", 1),
    ("Chu", 1),
    ("Kiều", 1),
)
_MIDDLE_MALE = (
    ("Văn", 30),
    ("Đình", 6),
    ("Đức", 8),
    ("Hữu", 6),
    ("Xuân", 5),
    ("Minh", 5),
    ("Quang", 5),
    ("Công", 4),
    ("Thanh", 4),
    ("Ngọc", 3),
    ("Trọng", 3),
    ("Viết", 2),
    ("Sỹ", 2),
    ("Tiến", 2),
    ("Duy", 2),
    ("Anh", 2),
    ("Bá", 1),
    ("Khắc", 1),
)
_MIDDLE_FEMALE = (
    ("Thị", 60),
    ("Thị Thu", 4),
    ("Thị Thanh", 4),
    ("Thị Hồng", 3),
    ("Thị Kim", 2),
    ("Thị Minh", 2),
    ("Thị Ngọc", 2),
    ("Thu", 3),
    ("Thanh", 3),
    ("Ngọc", 3),
    ("Hồng", 2),
    ("Minh", 2),
    ("Diệu", 1),
    ("Phương", 1),
)
_GIVEN_MALE = (
    ("Hùng", 9),
    ("Dũng", 8),
    ("Tuấn", 8),
    ("Minh", 7),
    ("Sơn", 7),
    ("Hải", 7),
    ("Nam", 6),
    ("Thắng", 6),
    ("Hòa", 5),
    ("Bình", 5),
    ("Cường", 5),
    ("Long", 4),
    ("Quân", 4),
    ("Phong", 4),
    ("Trung", 4),
    ("Hiếu", 4),
    ("Thành", 4),
    ("Toàn", 3),
    ("Tâm", 3),
    ("Hưng", 3),
    ("Đạt", 3),
    ("Khánh", 3),
    ("Lộc", 3),
    ("Phúc", 3),
    ("Quang", 3),
    ("Tiến", 3),
    ("Vinh", 3),
    ("Lợi", 2),
    ("Nghĩa", 2),
    ("Tùng", 2),
    ("Việt", 2),
    ("Đông", 2),
    ("Kiên", 2),
    ("Thuận", 2),
    ("Chiến", 2),
    ("Giang", 2),
    ("Đức", 2),
    ("Hậu", 1),
    ("Sáu", 1),
    ("Lực", 1),
    ("Thọ", 1),
)
_GIVEN_FEMALE = (
    ("Hương", 8),
    ("Lan", 7),
    ("Hoa", 7),
    ("Hà", 6),
    ("Nga", 6),
    ("Hằng", 6),
    ("Thảo", 5),
    ("Trang", 5),
    ("Thủy", 5),
    ("Mai", 5),
    ("Linh", 4),
    ("Hạnh", 4),
    ("Hiền", 4),
    ("Yến", 3),
    ("Phương", 3),
    ("Loan", 3),
    ("Huyền", 3),
    ("Ngân", 3),
    ("Dung", 3),
    ("Vân", 3),
    ("Oanh", 2),
    ("Nhung", 2),
    ("Liên", 2),
    ("Tuyết", 2),
    ("Nhàn", 2),
    ("Quyên", 1),
    ("Hoài", 1),
    ("Sương", 1),
)
# Villages get invented names made of these.
_VILLAGE_FIRST = (
    "Trung",
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Hòa",
    "Phú",
    "Yên",
    "Thượng",
    "Hạ",
    "Xuân",
    "Thanh",
    "Minh",
    "Quyết",
    "Đồng",
    "Hưng",
    "Vĩnh",
    "Trường",
    "Hồng",
    "Kim",
    "Ngọc",
)
_VILLAGE_SECOND = (
    "Sơn",
    "Lộc",
    "Hòa",
    "Thịnh",
    "Phú",
    "Tiến",
    "Thành",
    "Mỹ",
    "Lợi",
    "Bình",
    "Hà",
    "Long",
    "Hải",
    "Yên",
    "Thủy",
    "Quang",
    "Giang",
    "Phong",
    "Đình",
    "Lạc",
    "Châu",
)


class _Names:
    """Draws names, each unused among the officials of the units given: those one report may
    bring together. Namesakes therefore serve units that no report names side by side."""

    def __init__(self) -> None:
        self.used: dict[Unit, set[str]] = {}

    def draw(self, rng: random.Random, female: bool, avoid: Iterable[Unit]) -> str:
        avoid = list(avoid)
        while True:
            middle = _pick(rng, _MIDDLE_FEMALE if female else _MIDDLE_MALE)
            given = _pick(rng, _GIVEN_FEMALE if female else _GIVEN_MALE)
            name = f"{_pick(rng, _SURNAMES)} {middle} {given}"
            if self.free(name, avoid):
                return name

    def free(self, name: str, units: Iterable[Unit]) -> bool:
        return not any(name in self.used.get(unit, ()) for unit in units)

    def claim(self, name: str, unit: Unit) -> None:
        self.used.setdefault(unit, set()).add(name)


# -- the gazetteer ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Commune:
    unit: Unit
    district: Unit
    villages: tuple[str, ...]  # "thôn Trung Sơn"
    successor: Unit | None  # the commune it became on 1 July 2025
    activity: float  # how often the portal writes about it
    council_chair: str  # the party seat whose holder chairs the People's Council


@dataclass(frozen=True)
class _District:
    unit: Unit
    communes: tuple[_Commune, ...]


def _unit(admin: AdminUnit) -> Unit:
    kind = admin.name[: len(admin.name) - len(admin.short_name)].strip().lower()
    return Unit(kind, admin.short_name, admin.code, admin.structure)


def _district_unit(spec: str) -> AdminUnit:
    """A district by its code ("446") or its name, with its type word or without."""
    units = admin_units()
    spec = spec.strip()
    if spec.isdigit():
        found = units.get("legacy", "district", spec)
    else:
        found = units.resolve(spec)
        if found is None or found.level != "district":
            typed = {
                u.code: u
                for kind in ("huyện", "thị xã", "thành phố", "quận")
                if (u := units.resolve(f"{kind} {spec}")) is not None
                and u.level == "district"
                and u.name.lower().startswith(kind + " ")
            }
            found = next(iter(typed.values())) if len(typed) == 1 else None
    if found is None or found.level != "district":
        raise ValueError(
            f"no district {spec!r} in the official lists before 2025; give its "
            f"code or its name with its type word, e.g. {DEFAULT_DISTRICT!r}"
        )
    return found


def _communes_of(district: AdminUnit) -> list[AdminUnit]:
    # The library's database lists a district's communes; it is read without importing the
    # library, whose import compiles its address patterns.
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("vietnamadminunits is not installed")
    database = Path(next(iter(spec.submodule_search_locations))) / "data" / "dataset.db"
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        rows = connection.execute(
            "SELECT DISTINCT wardCode FROM admin_units_legacy WHERE districtCode = ? "
            "AND wardCode IS NOT NULL ORDER BY wardCode",
            (district.code,),
        )
        codes = [code for (code,) in rows]
    units = admin_units()
    return [u for code in codes if (u := units.get("legacy", "commune", code)) is not None]


def _gazetteer(specs: Sequence[str], rng: random.Random) -> tuple[Unit, list[_District]]:
    """The province and the districts named, with their communes and invented villages."""
    admins = [_district_unit(spec) for spec in specs]
    if len({a.code for a in admins}) != len(admins):
        raise ValueError("a district is named twice")
    if len({a.parent.code for a in admins if a.parent}) != 1:
        raise ValueError("the districts of one archive belong to one province")
    communes = {a.code: _communes_of(a) for a in admins}
    taken = {c.short_name for units in communes.values() for c in units}
    # Village names are unique in the archive and never a commune's: a report's truth never
    # depends on which "thôn Trung Sơn" it means.
    pairs = [
        f"{a} {b}"
        for a, b in itertools.product(_VILLAGE_FIRST, _VILLAGE_SECOND)
        if a != b and f"{a} {b}" not in taken
    ]
    villages = iter(rng.sample(pairs, len(pairs)))
    districts = [
        _District(_unit(a), tuple(_commune(c, _unit(a), villages, rng) for c in communes[a.code]))
        for a in admins
    ]
    return _unit(admins[0].parent), districts


def _commune(
    admin: AdminUnit, district: Unit, villages: Iterator[str], rng: random.Random
) -> _Commune:
    unit = _unit(admin)
    word = "thôn" if unit.kind == "xã" else "khu phố"
    successor = admin_units().successor(admin)
    own = tuple(f"{word} {next(villages)}" for _ in range(rng.randint(5, 9)))
    activity = rng.uniform(0.8, 1.25)
    council_chair = "secretary" if rng.random() < 0.7 else "deputy_standing"
    return _Commune(
        unit, district, own, _unit(successor) if successor else None, activity, council_chair
    )


# -- bodies and seats -------------------------------------------------------------------------

# District and province bodies whose name carries the level ("Huyện ủy Cẩm Xuyên"), and the
# code of the party committee's documents ("93-KH/HU").
_COMMITTEE_WORDS = {
    "huyện": ("Huyện ủy", "Huyện Đoàn", "HU"),
    "thị xã": ("Thị ủy", "Thị Đoàn", "TU"),
    "thành phố": ("Thành ủy", "Thành Đoàn", "TU"),
    "quận": ("Quận ủy", "Quận Đoàn", "QU"),
    "tỉnh": ("Tỉnh ủy", "Tỉnh Đoàn", "TU"),
}
# Each body kind's full name: {unit} "xã Cẩm Lộc", {name} "Cẩm Lộc", {uy} "Huyện ủy",
# {doan} "Huyện Đoàn".
_BODY_NAMES = {
    "party": "Đảng ủy {unit}",
    "council": "Hội đồng nhân dân {unit}",
    "committee": "Ủy ban nhân dân {unit}",
    "front": "Ủy ban Mặt trận Tổ quốc Việt Nam {unit}",
    "farmers": "Hội Nông dân {unit}",
    "women": "Hội Liên hiệp Phụ nữ {unit}",
    "youth": "Đoàn Thanh niên Cộng sản Hồ Chí Minh {unit}",
    "veterans": "Hội Cựu chiến binh {unit}",
    "inspection": "Ủy ban Kiểm tra Đảng ủy {unit}",
    "police": "Công an {unit}",
    "military": "Ban Chỉ huy Quân sự {unit}",
    "council_economy": "Ban Kinh tế - Xã hội Hội đồng nhân dân {unit}",
    "cell": "Chi bộ {village}",
    "committee_party": "{uy} {name}",
    "party_organisation": "Đảng bộ {unit}",
    "propaganda": "Ban Tuyên giáo {uy} {name}",
    "organisation": "Ban Tổ chức {uy} {name}",
    "mobilisation": "Ban Dân vận {uy} {name}",
    "district_inspection": "Ủy ban Kiểm tra {uy} {name}",
    "office": "Văn phòng {uy} {name}",
    "district_youth": "{doan} {name}",
    "politics_centre": "Trung tâm Chính trị {unit}",
    "home_affairs": "Phòng Nội vụ {unit}",
}
_PARTY_BODIES = ("party", "committee_party", "party_organisation")


@dataclass(frozen=True)
class _Body:
    kind: str
    unit: Unit
    village: str | None = None

    @property
    def name(self) -> str:
        uy, doan, _ = _COMMITTEE_WORDS.get(self.unit.kind, ("", "", ""))
        return _BODY_NAMES[self.kind].format(
            unit=self.unit, name=self.unit.name, uy=uy, doan=doan, village=self.village
        )


@dataclass(frozen=True)
class _Held:
    """A post held in a body."""

    post: str
    body: _Body

    def role(self, elected: bool = False) -> Role:
        return Role(self.post, self.body.name, elected)


@dataclass(frozen=True)
class _SeatSpec:
    key: str
    body: str  # the body kind
    post: str
    renewal: str  # the calendar that renews it ("party", "council", …); "" for appointed posts
    profile: str  # who is drawn for it: leader, deputy, youth, women, veteran, elder
    # Seats whose holders move up into it, with weights: "" a newcomer, "c:" a seat of the
    # communes below, "d:" one of the district above (for the province: of its districts).
    sources: Weighted = (("", 1),)
    count: int = 1


_COMMUNE_SEATS = (
    _SeatSpec(
        "secretary",
        "party",
        "Bí thư",
        "party",
        "leader",
        (("deputy_standing", 3), ("chair_committee", 3), ("d:vice_propaganda", 1), ("", 1)),
    ),
    _SeatSpec(
        "deputy_standing",
        "party",
        "Phó Bí thư Thường trực",
        "party",
        "leader",
        (("chair_front", 2), ("inspection", 2), ("vice_committee", 1), ("", 1)),
    ),
    _SeatSpec(
        "inspection", "inspection", "Chủ nhiệm", "party", "deputy", (("vice_front", 1), ("", 2))
    ),
    _SeatSpec(
        "chair_committee",
        "committee",
        "Chủ tịch",
        "council",
        "leader",
        (("vice_committee", 4), ("deputy_standing", 1), ("", 1)),
    ),
    _SeatSpec(
        "vice_committee",
        "committee",
        "Phó Chủ tịch",
        "council",
        "deputy",
        (("chair_farmers", 1), ("youth", 2), ("military", 1), ("", 3)),
        count=2,
    ),
    _SeatSpec(
        "vice_council",
        "council",
        "Phó Chủ tịch",
        "council",
        "deputy",
        (("chair_veterans", 1), ("chair_women", 1), ("", 2)),
    ),
    _SeatSpec("council_economy", "council_economy", "Trưởng ban", "council", "deputy"),
    _SeatSpec(
        "chair_front",
        "front",
        "Chủ tịch",
        "front",
        "leader",
        (("vice_front", 2), ("chair_farmers", 1), ("", 1)),
    ),
    _SeatSpec("vice_front", "front", "Phó Chủ tịch", "front", "deputy"),
    _SeatSpec(
        "chair_farmers", "farmers", "Chủ tịch", "farmers", "deputy", (("vice_farmers", 3), ("", 1))
    ),
    _SeatSpec("vice_farmers", "farmers", "Phó Chủ tịch", "farmers", "deputy"),
    _SeatSpec("chair_women", "women", "Chủ tịch", "women", "women", (("vice_women", 3), ("", 1))),
    _SeatSpec("vice_women", "women", "Phó Chủ tịch", "women", "women"),
    _SeatSpec("youth", "youth", "Bí thư", "youth", "youth", (("vice_youth", 3), ("", 1))),
    _SeatSpec("vice_youth", "youth", "Phó Bí thư", "youth", "youth"),
    _SeatSpec("chair_veterans", "veterans", "Chủ tịch", "veterans", "veteran"),
    _SeatSpec("police", "police", "Trưởng Công an", "", "deputy"),
    _SeatSpec("military", "military", "Chỉ huy trưởng", "", "deputy"),
)
_CELL = _SeatSpec("cell", "cell", "Bí thư", "cell", "elder")  # one in each village
_DISTRICT_SEATS = (
    _SeatSpec(
        "secretary",
        "committee_party",
        "Bí thư",
        "party",
        "leader",
        (("chair_committee", 2), ("deputy_standing", 1), ("", 2)),
    ),
    _SeatSpec(
        "deputy_standing",
        "committee_party",
        "Phó Bí thư Thường trực",
        "party",
        "leader",
        (("head_organisation", 2), ("head_propaganda", 1), ("chair_front", 1), ("", 1)),
    ),
    _SeatSpec(
        "chair_committee",
        "committee",
        "Chủ tịch",
        "council",
        "leader",
        (("vice_committee", 3), ("", 1)),
    ),
    _SeatSpec(
        "vice_committee",
        "committee",
        "Phó Chủ tịch",
        "council",
        "leader",
        (("c:chair_committee", 2), ("c:secretary", 2), ("home_affairs", 1), ("", 1)),
        count=3,
    ),
    _SeatSpec(
        "vice_council",
        "council",
        "Phó Chủ tịch",
        "council",
        "deputy",
        (("c:secretary", 2), ("", 1)),
    ),
    _SeatSpec(
        "council_economy",
        "council_economy",
        "Trưởng ban",
        "council",
        "deputy",
        (("c:deputy_standing", 1), ("", 1)),
    ),
    _SeatSpec(
        "head_propaganda",
        "propaganda",
        "Trưởng ban",
        "party",
        "leader",
        (("vice_propaganda", 2), ("c:secretary", 2), ("", 1)),
    ),
    _SeatSpec(
        "vice_propaganda",
        "propaganda",
        "Phó Trưởng ban",
        "party",
        "deputy",
        (("c:deputy_standing", 2), ("", 1)),
    ),
    _SeatSpec(
        "head_organisation",
        "organisation",
        "Trưởng ban",
        "party",
        "leader",
        (("c:secretary", 2), ("", 1)),
    ),
    _SeatSpec(
        "head_mobilisation",
        "mobilisation",
        "Trưởng ban",
        "party",
        "leader",
        (("chair_front", 1), ("c:secretary", 2), ("", 1)),
    ),
    _SeatSpec(
        "inspection",
        "district_inspection",
        "Chủ nhiệm",
        "party",
        "leader",
        (("c:deputy_standing", 1), ("", 1)),
    ),
    _SeatSpec("office", "office", "Chánh Văn phòng", "party", "deputy"),
    _SeatSpec("chair_front", "front", "Chủ tịch", "front", "leader", (("c:secretary", 2), ("", 1))),
    _SeatSpec(
        "chair_farmers",
        "farmers",
        "Chủ tịch",
        "farmers",
        "leader",
        (("c:chair_farmers", 3), ("", 1)),
    ),
    _SeatSpec(
        "chair_women", "women", "Chủ tịch", "women", "women", (("c:chair_women", 3), ("", 1))
    ),
    _SeatSpec("youth", "district_youth", "Bí thư", "youth", "youth", (("c:youth", 3), ("", 1))),
    _SeatSpec(
        "chair_veterans",
        "veterans",
        "Chủ tịch",
        "veterans",
        "veteran",
        (("c:chair_veterans", 2), ("", 1)),
    ),
    _SeatSpec(
        "politics_centre",
        "politics_centre",
        "Giám đốc",
        "",
        "leader",
        (("vice_propaganda", 2), ("", 1)),
    ),
    _SeatSpec("home_affairs", "home_affairs", "Trưởng phòng", "", "deputy"),
)
_PROVINCE_SEATS = (
    _SeatSpec(
        "deputy_secretary",
        "committee_party",
        "Phó Bí thư",
        "party",
        "leader",
        (("d:secretary", 1), ("", 2)),
    ),
    _SeatSpec("head_mobilisation", "mobilisation", "Trưởng ban", "party", "leader"),
    _SeatSpec(
        "vice_committee",
        "committee",
        "Phó Chủ tịch",
        "council",
        "leader",
        (("d:chair_committee", 1), ("", 2)),
    ),
    _SeatSpec("vice_council", "council", "Phó Chủ tịch", "council", "leader"),
)
# The communes of 1 July 2025 are staffed from the communes merged into them ("c:") and from
# their districts ("d:").
_NEW_COMMUNE_SEATS = (
    _SeatSpec(
        "secretary",
        "party",
        "Bí thư",
        "party",
        "leader",
        (
            ("d:deputy_standing", 2),
            ("d:vice_committee", 2),
            ("d:head_mobilisation", 1),
            ("c:secretary", 2),
        ),
    ),
    _SeatSpec(
        "deputy_standing",
        "party",
        "Phó Bí thư Thường trực",
        "party",
        "leader",
        (("c:secretary", 3), ("c:deputy_standing", 1)),
    ),
    _SeatSpec(
        "chair_committee",
        "committee",
        "Chủ tịch",
        "council",
        "leader",
        (("d:vice_committee", 2), ("c:chair_committee", 2), ("d:head_organisation", 1)),
    ),
    _SeatSpec(
        "vice_committee",
        "committee",
        "Phó Chủ tịch",
        "council",
        "deputy",
        (("c:chair_committee", 2), ("c:vice_committee", 1)),
        count=2,
    ),
    _SeatSpec(
        "vice_council",
        "council",
        "Phó Chủ tịch",
        "council",
        "deputy",
        (("c:deputy_standing", 2), ("c:vice_council", 1)),
    ),
    _SeatSpec(
        "chair_front",
        "front",
        "Chủ tịch",
        "front",
        "leader",
        (("c:chair_front", 3), ("d:chair_front", 1)),
    ),
)
_DISTRICT_STANDING = (
    "head_propaganda",
    "head_organisation",
    "head_mobilisation",
    "inspection",
    "chair_front",
)
_DISTRICT_MEMBERS = (
    "vice_council",
    "chair_farmers",
    "chair_women",
    "youth",
    "chair_veterans",
    "politics_centre",
    "vice_propaganda",
    "office",
)
# Posts that come with a seat: (level, seat) → (post, body kind in the same unit).
_WITH_SEAT = {
    ("commune", "chair_committee"): (("Phó Bí thư", "party"),),
    ("commune", "chair_front"): (("Ủy viên Ban Thường vụ", "party"),),
    ("district", "deputy_standing"): (("Chủ tịch", "council"),),
    ("district", "chair_committee"): (("Phó Bí thư", "committee_party"),),
    **{
        ("district", key): (("Ủy viên Ban Thường vụ", "committee_party"),)
        for key in _DISTRICT_STANDING
    },
    **{
        ("district", key): (("Ủy viên Ban Chấp hành", "party_organisation"),)
        for key in _DISTRICT_MEMBERS
    },
    ("province", "vice_committee"): (("Ủy viên Ban Thường vụ", "committee_party"),),
    ("province", "head_mobilisation"): (("Ủy viên Ban Thường vụ", "committee_party"),),
}
# A newcomer's age range, and the age he or she leaves office at.
_PROFILES = {
    "leader": (38, 52, 60),
    "deputy": (29, 47, 60),
    "youth": (24, 30, 60),
    "women": (30, 48, 58),
    "veteran": (56, 64, 72),
    "elder": (42, 64, 72),
}
# Each calendar's congress (or first-session) years, the months each level holds them in, and
# the range the number of the term before 2015 is drawn from.
_CALENDARS = {
    "party": (
        (2015, 2020),
        {"commune": (4, 6), "district": (7, 8), "province": (10, 10)},
        (18, 27),
    ),
    "council": (
        (2016, 2021),
        {"commune": (6, 7), "district": (6, 7), "province": (6, 7)},
        (17, 20),
    ),
    "front": ((2019, 2024), {"commune": (5, 7), "district": (8, 9)}, (10, 17)),
    "farmers": ((2018, 2023), {"commune": (3, 5), "district": (6, 7)}, (7, 10)),
    "women": ((2016, 2021), {"commune": (3, 5), "district": (6, 7)}, (18, 23)),
    "youth": ((2017, 2022), {"commune": (4, 6), "district": (7, 8)}, (20, 27)),
    "veterans": ((2017, 2022), {"commune": (3, 5), "district": (6, 7)}, (4, 7)),
    "cell": ((2017, 2020, 2022), {"commune": (2, 4)}, (1, 1)),
}


# -- persons and the simulation ---------------------------------------------------------------


@dataclass(eq=False)
class _Person:
    id: str
    name: str
    female: bool
    born: int
    leaves: dt.date  # retirement
    tenures: list[_Tenure] = field(default_factory=list)

    def age(self, on: dt.date) -> int:
        return on.year - self.born


@dataclass(eq=False)
class _Tenure:
    person: _Person
    seat: _Seat
    start: dt.date
    end: dt.date | None = None

    def covers(self, on: dt.date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)


@dataclass(eq=False)
class _Seat:
    spec: _SeatSpec
    level: str  # commune | district | province | new (a commune of 1 July 2025)
    unit: Unit
    body: _Body
    tenures: list[_Tenure] = field(default_factory=list)
    starts: list[dt.date] = field(default_factory=list)

    def holder(self, on: dt.date) -> _Person | None:
        index = bisect.bisect_right(self.starts, on) - 1
        if index < 0:
            return None
        tenure = self.tenures[index]
        return tenure.person if tenure.covers(on) else None

    def current(self) -> _Tenure | None:
        return self.tenures[-1] if self.tenures and self.tenures[-1].end is None else None


@dataclass(frozen=True)
class _Renewal:
    """A term renewal: a congress or a People's Council's first session."""

    date: dt.date
    calendar: str
    level: str
    unit: Unit
    village: int | None = None  # the cell of that village, for a cell's congress


@dataclass(frozen=True)
class _Change:
    """A seat filled between renewals, and who held it before."""

    date: dt.date
    seat: _Seat
    before: _Person


class _World:
    """The units, their seats and the persons who held them, simulated from 2015 to 2025."""

    def __init__(self, province: Unit, districts: list[_District], rng: random.Random) -> None:
        self.rng = rng
        self.province = province
        self.districts = districts
        self.communes = [c for d in districts for c in d.communes]
        self.commune_of = {c.unit: c for c in self.communes}
        self.district_of = {c.unit: d.unit for d in districts for c in d.communes}
        self.new_communes = sorted(
            {c.successor for c in self.communes if c.successor}, key=lambda u: u.code
        )
        self.merged_into = {
            n: [c for c in self.communes if c.successor == n] for n in self.new_communes
        }
        self.persons: list[_Person] = []
        self.seats: dict[tuple[Unit, str], list[_Seat]] = {}
        self.renewals: list[_Renewal] = []
        self.changes: list[_Change] = []
        self.names = _Names()
        self._unit_seats: dict[Unit, list[_Seat]] = {}
        self._renewed: dict[tuple[Unit, str], list[dt.date]] = {}
        self._numbers: dict[tuple[Unit, str], int] = {}
        self._queue: list[tuple[dt.date, int, str, object]] = []
        self._order = itertools.count()
        self._simulate()

    # -- looking up -----------------------------------------------------------------------------
    def seat(self, unit: Unit, key: str, index: int = 0) -> _Seat | None:
        seats = self.seats.get((unit, key), ())
        return seats[index] if index < len(seats) else None

    def holder(self, unit: Unit, key: str, on: dt.date, index: int = 0) -> _Person | None:
        seat = self.seat(unit, key, index)
        return seat.holder(on) if seat else None

    def seats_of(self, unit: Unit) -> list[_Seat]:
        return self._unit_seats.get(unit, [])

    def held(self, person: _Person, on: dt.date) -> list[_Held]:
        """The posts a person holds on a day, party posts first, as titles list them."""
        helds = []
        for tenure in person.tenures:
            if tenure.covers(on):
                seat = tenure.seat
                helds.append(_Held(seat.spec.post, seat.body))
                helds += [
                    _Held(post, _Body(kind, seat.unit)) for post, kind in self.with_seat(seat)
                ]
        return sorted(helds, key=lambda h: h.body.kind not in _PARTY_BODIES)

    def with_seat(self, seat: _Seat) -> tuple[tuple[str, str], ...]:
        """The posts that come with a seat; a commune's People's Council is chaired by its party
        secretary or by the standing deputy, a district's by the standing deputy."""
        level = "commune" if seat.level == "new" else seat.level
        extra = _WITH_SEAT.get((level, seat.spec.key), ())
        if level == "commune" and seat.spec.key == self.council_chair_seat(seat.unit):
            extra += (("Chủ tịch", "council"),)
        return extra

    def council_chair_seat(self, unit: Unit) -> str:
        commune = self.commune_of.get(unit)
        if commune is not None:
            return commune.council_chair
        return "secretary" if unit.era == "2025" else "deputy_standing"

    def term(self, unit: Unit, calendar: str, on: dt.date) -> tuple[int, int, int]:
        """The term in force on a day: its number, its first and its last year."""
        if unit.era == "2025":
            return 1, 2025, 2030
        years = _CALENDARS[calendar][0]
        passed = bisect.bisect_right(self._renewed[(unit, calendar)], on)
        start = years[passed - 1] if passed else years[0] - 5
        if calendar == "cell":
            return passed, start, years[passed] if passed < len(years) else 2025
        return self._numbers[(unit, calendar)] + passed, start, start + 5

    def neighbours(self, unit: Unit) -> list[Unit]:
        """The units whose officials a report about ``unit`` may name beside its own."""
        if unit in self.district_of:
            return [unit, self.district_of[unit], self.province]
        if unit.era == "2025":
            return [unit, self.province]
        if unit == self.province:
            return [unit, *(d.unit for d in self.districts), *(c.unit for c in self.communes)]
        return [
            unit,
            self.province,
            *(c.unit for c in self.communes if self.district_of[c.unit] == unit),
        ]

    # -- building -------------------------------------------------------------------------------
    def _add_seats(self, level: str, unit: Unit, specs: Sequence[_SeatSpec]) -> list[_Seat]:
        added = []
        for spec in specs:
            seats = [_Seat(spec, level, unit, _Body(spec.body, unit)) for _ in range(spec.count)]
            self.seats[(unit, spec.key)] = seats
            added += seats
        self._unit_seats.setdefault(unit, []).extend(added)
        return added

    def _add_cells(self, commune: _Commune) -> list[_Seat]:
        seats = [
            _Seat(_CELL, "commune", commune.unit, _Body("cell", commune.unit, village))
            for village in commune.villages
        ]
        self.seats[(commune.unit, "cell")] = seats
        self._unit_seats.setdefault(commune.unit, []).extend(seats)
        return seats

    def _newcomer(self, seat: _Seat, on: dt.date) -> _Person:
        low, high, leaving_age = _PROFILES[seat.spec.profile]
        female = seat.spec.profile == "women" or (
            seat.spec.profile != "veteran" and self.rng.random() < 0.22
        )
        born = on.year - self.rng.randint(low, high)
        name = self.names.draw(self.rng, female, self.neighbours(seat.unit))
        leaves = dt.date(born + leaving_age, self.rng.randint(1, 12), 1)
        person = _Person(f"p{len(self.persons) + 1:05d}", name, female, born, leaves)
        self.persons.append(person)
        return person

    # -- the simulation, in date order ----------------------------------------------------------
    def _simulate(self) -> None:
        start = dt.date(FIRST_YEAR, 1, 1)
        seats = self._add_seats("province", self.province, _PROVINCE_SEATS)
        for district in self.districts:
            seats += self._add_seats("district", district.unit, _DISTRICT_SEATS)
            for commune in district.communes:
                seats += self._add_seats("commune", commune.unit, _COMMUNE_SEATS)
                seats += self._add_cells(commune)
        for seat in seats:
            since = start - dt.timedelta(days=self.rng.randint(30, 1500))
            self._take(seat, self._newcomer(seat, start), since)
        self._schedule_renewals()
        self._schedule_departures(seats)
        self._push(REORGANISATION, "reorganisation", None)
        while self._queue:  # each event is handled by its _on_<what> method
            on, _, what, subject = heapq.heappop(self._queue)
            getattr(self, f"_on_{what}")(on, subject)

    def _push(self, on: dt.date, what: str, subject: object) -> None:
        heapq.heappush(self._queue, (on, next(self._order), what, subject))

    def _schedule_renewals(self) -> None:
        for calendar, (years, months, numbers) in _CALENDARS.items():
            for level, (first, last) in months.items():
                for unit in self._units(level):
                    self._numbers[(unit, calendar)] = self.rng.randint(*numbers)
                    for year in years:
                        on = dt.date(year, self.rng.randint(first, last), self.rng.randint(3, 27))
                        self._renewed.setdefault((unit, calendar), []).append(on)
                        self._schedule_renewal(_Renewal(on, calendar, level, unit))

    def _schedule_renewal(self, renewal: _Renewal) -> None:
        if renewal.calendar != "cell":
            self._push(renewal.date, "renewal", renewal)
            return
        for index in range(len(self.seats[(renewal.unit, "cell")])):  # each cell on its own day
            day = renewal.date + dt.timedelta(days=self.rng.randint(0, 40))
            self._push(day, "renewal", _Renewal(day, "cell", renewal.level, renewal.unit, index))

    def _units(self, level: str) -> list[Unit]:
        if level == "province":
            return [self.province]
        if level == "district":
            return [d.unit for d in self.districts]
        return [c.unit for c in self.communes]

    def _schedule_departures(self, seats: list[_Seat]) -> None:
        """Moves between renewals: a seat falls vacant in about one year of twelve."""
        for seat in seats:
            if seat.spec.renewal == "cell":
                continue
            for year in range(FIRST_YEAR, 2025):
                if self.rng.random() < 0.08:
                    on = dt.date(year, self.rng.randint(1, 12), self.rng.randint(1, 28))
                    self._push(on, "departure", seat)

    def _on_renewal(self, on: dt.date, renewal: _Renewal) -> None:
        self.renewals.append(renewal)
        seats = [s for s in self.seats_of(renewal.unit) if s.spec.renewal == renewal.calendar]
        if renewal.village is not None:
            seats = [seats[renewal.village]]
        vacant = [seat for seat in seats if self._stands_down(seat, on)]
        for seat in vacant:
            self._release(seat, on)
        for seat in vacant:
            if seat.current() is None:  # not taken meanwhile by someone moving up
                self._fill(seat, on)

    def _stands_down(self, seat: _Seat, on: dt.date) -> bool:
        holder = seat.holder(on)
        if holder is None or (holder.leaves - on).days < 700:
            return True
        if seat.spec.profile == "youth" and holder.age(on) > 31:
            return True
        return self.rng.random() > (0.65 if seat.spec.profile == "elder" else 0.55)

    def _on_departure(self, on: dt.date, seat: _Seat) -> None:
        before = seat.holder(on)
        if on < REORGANISATION and before is not None:
            self._release(seat, on)
            self._fill(seat, on, before=before)

    def _on_retirement(self, on: dt.date, person: _Person) -> None:
        if on >= REORGANISATION:
            return
        for tenure in [t for t in person.tenures if t.end is None]:
            self._release(tenure.seat, on)
            self._fill(tenure.seat, on, before=person)

    def _on_reorganisation(self, on: dt.date, _: object) -> None:
        """1 July 2025: the districts go, communes merge, and their leaders staff the new ones."""
        for unit in self.new_communes:
            for seat in self._add_seats("new", unit, _NEW_COMMUNE_SEATS):
                self._fill(seat, on)
        for seats in self.seats.values():
            for seat in seats:
                if seat.level in ("commune", "district"):
                    self._release(seat, on)
        for unit in self.new_communes:
            congress = dt.date(2025, self.rng.choice((8, 9)), self.rng.randint(3, 27))
            self.renewals.append(_Renewal(congress, "party", "new", unit))

    @staticmethod
    def _release(seat: _Seat, on: dt.date) -> None:
        tenure = seat.current()
        if tenure is not None:
            tenure.end = on

    def _take(self, seat: _Seat, person: _Person, on: dt.date) -> None:
        tenure = _Tenure(person, seat, on)
        seat.tenures.append(tenure)
        seat.starts.append(on)
        person.tenures.append(tenure)
        self.names.claim(person.name, seat.unit)
        if person.leaves < REORGANISATION:
            self._push(max(person.leaves, on + dt.timedelta(days=1)), "retirement", person)

    def _fill(
        self, seat: _Seat, on: dt.date, depth: int = 0, before: _Person | None = None
    ) -> None:
        """Fill a seat by moving someone up (whose seat is filled in turn) or with a newcomer."""
        person = self._candidate(seat, on) if depth < 3 else None
        if person is None:
            self._take(seat, self._newcomer(seat, on), on)
        else:
            left = [t.seat for t in person.tenures if t.end is None]
            for old in left:
                self._release(old, on)
            self._take(seat, person, on)
            for old in left:
                if on < REORGANISATION:
                    self._fill(old, on, depth + 1, before=person)
        if before is not None:
            self.changes.append(_Change(on, seat, before))

    def _candidate(self, seat: _Seat, on: dt.date) -> _Person | None:
        options = seat.spec.sources
        while options:
            key = _pick(self.rng, options)
            options = tuple((k, w) for k, w in options if k != key)
            if not key:
                return None
            people = [p for p in self._source_holders(seat, key, on) if self._fits(seat, p, on)]
            if people:
                return self.rng.choice(people)
        return None

    def _source_holders(self, seat: _Seat, key: str, on: dt.date) -> list[_Person]:
        if key.startswith("c:"):
            units = self._communes_under(seat)
        elif key.startswith("d:"):
            units = self._districts_over(seat)
        else:
            units = [seat.unit]
        key = key.split(":")[-1]
        return [p for unit in units for s in self.seats.get((unit, key), ()) if (p := s.holder(on))]

    def _communes_under(self, seat: _Seat) -> list[Unit]:
        if seat.level == "new":
            return [c.unit for c in self.merged_into[seat.unit]]
        return [c.unit for d in self.districts if d.unit == seat.unit for c in d.communes]

    def _districts_over(self, seat: _Seat) -> list[Unit]:
        if seat.level == "province":
            return [d.unit for d in self.districts]
        if seat.level == "new":
            return sorted({c.district for c in self.merged_into[seat.unit]}, key=lambda u: u.code)
        return [self.district_of[seat.unit]]

    def _fits(self, seat: _Seat, person: _Person, on: dt.date) -> bool:
        profile = seat.spec.profile
        if (profile == "women" and not person.female) or (
            profile == "youth" and person.age(on) > 30
        ):
            return False
        if (person.leaves - on).days < 500:
            return False
        if any(t.seat is seat for t in person.tenures if t.end is None):
            return False
        own = {t.seat.unit for t in person.tenures}
        return self.names.free(person.name, [u for u in self.neighbours(seat.unit) if u not in own])


# -- writing: titles and mentions -------------------------------------------------------------

# How reports write the head of each body kind's name, with weights.
_HEADS: dict[str, Weighted] = {
    "party": (("Đảng ủy", 5), ("Đảng uỷ", 2)),
    "council": (("HĐND", 5), ("Hội đồng nhân dân", 2)),
    "committee": (("UBND", 6), ("Ủy ban nhân dân", 2)),
    "front": (
        ("Ủy ban MTTQ Việt Nam", 2),
        ("UBMTTQ", 2),
        ("Ủy ban MTTQ", 2),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam", 1),
    ),
    "farmers": (("Hội Nông dân", 5), ("Hội ND", 1)),
    "women": (("Hội LHPN", 3), ("Hội Liên hiệp Phụ nữ", 2), ("Hội Phụ nữ", 1)),
    "youth": (("Đoàn", 3), ("Đoàn thanh niên", 2)),
    "veterans": (("Hội CCB", 2), ("Hội Cựu chiến binh", 3)),
    "inspection": (("UBKT Đảng ủy", 2), ("Ủy ban Kiểm tra Đảng ủy", 2)),
    "military": (("Ban CHQS", 2), ("Ban Chỉ huy Quân sự", 2)),
    "council_economy": (("Kinh tế - Xã hội HĐND", 2), ("Kinh tế - Xã hội Hội đồng nhân dân", 1)),
    "politics_centre": (("Trung tâm Chính trị", 1),),
    "propaganda": (("Tuyên giáo", 1),),
    "organisation": (("Tổ chức", 1),),
    "mobilisation": (("Dân vận", 1),),
    "district_inspection": (("UBKT", 1), ("Ủy ban Kiểm tra", 1)),
}
_POST_FORMS: dict[str, Weighted] = {
    "Phó Chủ tịch": (("Phó Chủ tịch", 8), ("PCT", 1)),
    "Phó Bí thư Thường trực": (
        ("Phó Bí thư Thường trực", 6),
        ("Phó Bí thư thường trực", 2),
        ("PBT TT", 1),
    ),
    "Trưởng ban": (("Trưởng Ban", 3), ("Trưởng ban", 2)),
    "Phó Trưởng ban": (("Phó Trưởng Ban", 3), ("Phó Trưởng ban", 2)),
    "Ủy viên Ban Thường vụ": (("Ủy viên Ban Thường vụ", 3), ("UVBTV", 2), ("Ủy viên BTV", 1)),
}
# Bodies named after their committee: "Ban Tuyên giáo Huyện ủy", "Huyện Đoàn".
_IN_COMMITTEE = (
    "committee_party",
    "district_youth",
    "office",
    "propaganda",
    "organisation",
    "mobilisation",
    "district_inspection",
)
_SEPARATORS: Weighted = ((", ", 6), (" - ", 2))
_DASHES: Weighted = ((" – ", 5), (" - ", 4), ("- ", 1), (" — ", 1))
_EVENT_WORDS = {
    "conference": "hội nghị",
    "congress": "đại hội",
    "council_session": "kỳ họp",
    "working_visit": "buổi làm việc",
    "voter_meeting": "buổi tiếp xúc",
    "ceremony": "buổi lễ",
    "other": "ngày hội",
}


@dataclass(frozen=True)
class _Plan:
    date: dt.date
    template: str
    unit: Unit  # the host
    subject: object = None  # a renewal, additional elections, or a mass organisation's calendar


class _Writer:
    """One report being written: its paragraphs, the units it has named, what it says of whom."""

    def __init__(self, world: _World, plan: _Plan, rng: random.Random, key: str) -> None:
        self.world, self.plan, self.rng, self.key = world, plan, rng, key
        self.date = plan.date
        self.host = plan.unit
        district = world.district_of.get(plan.unit, plan.unit)
        self.district = None if plan.unit.era == "2025" else district
        self.kind = "other"
        self.with_year = True  # whether the opening's date carries its year
        self.paragraphs: list[str] = []
        self.documents: list[str] = []
        self.named: set[Unit] = {self.host}  # units the text has named, with their type word
        self.named_persons: set[str] = set()
        self.said: dict[str, tuple[_Person, dict[Role, None], dict[str, None]]] = {}

    @property
    def event_word(self) -> str:
        """How the text calls the event: "hội nghị", "đại hội", "kỳ họp"…"""
        return _EVENT_WORDS[self.kind]

    # -- who holds what -------------------------------------------------------------------------
    def official(self, key: str, index: int = 0, *, on: dt.date | None = None) -> _Person | None:
        return self.world.holder(self.host, key, on or self.date, index)

    def above(self, key: str, index: int = 0) -> _Person | None:
        """A holder in the district above the host, or in the province for a district or for a
        commune of 1 July 2025."""
        unit = self.world.province if self.district in (None, self.host) else self.district
        return self.world.holder(unit, key, self.date, index)

    def council_chair(self, on: dt.date | None = None) -> _Person | None:
        return self.official(self.world.council_chair_seat(self.host), on=on)

    def cells(self) -> list[_Person]:
        seats = self.world.seats.get((self.host, "cell"), ())
        return [p for s in seats if (p := s.holder(self.date))]

    def fresh(self, *people: _Person | None) -> list[_Person]:
        """The people, once each, without empty seats and without those the text has named."""
        out: list[_Person] = []
        for person in people:
            if person is not None and person.id not in self.named_persons and person not in out:
                out.append(person)
        return out

    # -- titles ---------------------------------------------------------------------------------
    def title(self, helds: Sequence[_Held], person: _Person, *, elected: bool = False) -> str:
        """The title as written; the report then states each of its posts of the person."""
        parts = []
        for index, held in enumerate(helds):
            # "Phó Bí thư, Chủ tịch UBND xã": a commune's party post may go without its body.
            bare = (
                index == 0
                and len(helds) > 1
                and held.body.kind == "party"
                and held.body.unit == self.host
                and held.post != "Ủy viên Ban Thường vụ"
                and self.rng.random() < 0.15
            )
            parts.append(held.post if bare else self._written(held, index < len(helds) - 1))
            self.state(person, held.role(elected))
        self.named_persons.add(person.id)
        text = parts[0]
        for part in parts[1:]:
            text += _pick(self.rng, _SEPARATORS) + part
        return text

    def titles_of(self, person: _Person, on: dt.date | None = None) -> list[_Held]:
        """The person's posts: all of them, or, as reports often write, only the main one."""
        helds = self.world.held(person, on or self.date)
        if len(helds) > 1 and self.rng.random() < 0.35:
            return [helds[-1]] if self.rng.random() < 0.8 else [helds[0]]
        return helds

    def _written(self, held: _Held, followed: bool) -> str:
        body, unit = held.body, held.body.unit
        post = _pick(self.rng, _POST_FORMS.get(held.post, ((held.post, 1),)))
        if body.kind == "cell":
            return f"{post} {self.rng.choice(('Chi bộ', 'chi bộ'))} {body.village}"
        if body.kind == "youth":
            return f"{post} {self._youth(unit)}"
        if body.kind == "party_organisation":
            return self._member(unit, followed)
        if body.kind in _IN_COMMITTEE:
            return f"{post} {self._in_committee(body)}"
        if body.kind == "police":
            return f"Trưởng Công an {self._unit_words(unit, bare=False)}"
        if body.kind == "home_affairs":
            return f"Trưởng phòng Nội vụ {self._unit_words(unit, bare=False)}"
        words = self._unit_words(unit, bare=body.kind in ("party", "inspection"))
        return f"{post} {_pick(self.rng, _HEADS[body.kind])} {words}".rstrip()

    def _member(self, unit: Unit, followed: bool) -> str:
        """ "Huyện ủy viên", read only before another post, or "Ủy viên BCH Đảng bộ huyện X"."""
        if (
            followed
            and unit.kind != "thành phố"
            and self._may_shorten(unit)
            and self.rng.random() < 0.7
        ):
            return f"{_COMMITTEE_WORDS[unit.kind][0]} viên"
        member = self.rng.choice(("Ủy viên Ban Chấp hành", "Ủy viên BCH"))
        return f"{member} Đảng bộ {self._unit_words(unit, bare=False)}"

    def _youth(self, unit: Unit) -> str:
        """ "Đoàn xã" in the commune's own report, else "Đoàn thanh niên xã Cẩm Lộc": "Đoàn"
        before a capitalised word reads as a surname ("Đoàn Thanh", "Đoàn TNCS Hồ Chí Minh")."""
        if unit == self.host and _pick(self.rng, _HEADS["youth"]) == "Đoàn":
            return f"Đoàn {unit.kind}"
        return f"Đoàn thanh niên {self._unit_words(unit, bare=False)}"

    def _in_committee(self, body: _Body) -> str:
        """ "Huyện ủy", "Ban Tuyên giáo Huyện ủy Cẩm Xuyên", "Huyện Đoàn"."""
        uy, doan, _ = _COMMITTEE_WORDS[body.unit.kind]
        word = doan if body.kind == "district_youth" else uy
        # "Thành ủy" alone reads as a province's committee, even in its city's own report.
        shorten = (
            self._may_shorten(body.unit)
            and body.unit.kind != "thành phố"
            and self.rng.random() < 0.65
        )
        committee = word if shorten else f"{word} {body.unit.name}"
        if body.kind in ("committee_party", "district_youth", "office"):
            return committee
        return f"{_pick(self.rng, _HEADS[body.kind])} {committee}"

    def _may_shorten(self, unit: Unit) -> bool:
        """A body's unit may go unnamed only when it is the host or a unit above it the report
        has named: the reader completes a bare "xã" with the host, "huyện" with its district.
        A city is always named, for "thành phố" names a district or a province."""
        if unit.kind == "thành phố" and unit != self.host:
            return False
        above = unit in self.named and unit in (self.district, self.world.province)
        return unit == self.host or above

    def _unit_words(self, unit: Unit, *, bare: bool) -> str:
        """ "" (only for some bodies of the host), "xã", or "xã Cẩm Lộc"."""
        if self._may_shorten(unit):
            forms = ((unit.kind, 9), (str(unit), 5))
            return _pick(self.rng, (*forms, ("", 6)) if bare and unit == self.host else forms)
        self.named.add(unit)
        return str(unit)

    # -- mentions -------------------------------------------------------------------------------
    def introduce(
        self,
        person: _Person,
        helds: Sequence[_Held] | None = None,
        *,
        style: str = "",
        on: dt.date | None = None,
    ) -> str:
        """A person named with a title the first time (the posts held ``on`` a day, the event's
        by default), by name afterwards."""
        if person.id in self.named_persons and helds is None:
            return self.again(person)
        helds = self.titles_of(person, on) if helds is None else helds
        if not helds:
            return self.again(person)
        style = style or _pick(self.rng, (("dash", 5), ("comma", 3), ("before", 2)))
        title = self.title(helds, person)
        if style == "before" and self._may_precede(title, person):
            return f"{title} {person.name}"
        separator = ", " if style == "comma" else _pick(self.rng, _DASHES)
        return f"{self.cue(person)} {person.name}{separator}{title}"

    @staticmethod
    def _may_precede(title: str, person: _Person) -> bool:
        """Whether a title can stand before the name: not when it ends in a place's name ("xã
        Cẩm Thạch Cao Thị Linh" reads "Thạch Cao Thị Linh"), nor before a name of four words
        ("huyện Dương Thị Kim Tuyết" reads a district "Dương Thị")."""
        return title.rsplit(" ", 1)[-1].islower() and len(person.name.split()) == 3

    def cue(self, person: _Person) -> str:
        if self.rng.random() < 0.2:
            return "bà" if person.female else "ông"
        return "đồng chí"

    def again(self, person: _Person) -> str:
        self.state(person)
        self.named_persons.add(person.id)
        return f"{'bà' if person.female and self.rng.random() < 0.3 else 'đồng chí'} {person.name}"

    def citizen(self) -> _Person:
        """A voter or a party veteran: named once, in this report only."""
        female = self.rng.random() < 0.35
        taken = {p.name for p, _, _ in self.said.values()}
        neighbours = self.world.neighbours(self.host)
        while (name := self.world.names.draw(self.rng, female, neighbours)) in taken:
            continue
        return _Person(f"c:{self.key}:{len(self.said)}", name, female, 1950, dt.date(2100, 1, 1))

    # -- what the report says of whom -----------------------------------------------------------
    def state(self, person: _Person, role: Role | None = None, act: str | None = None) -> None:
        _, roles, acts = self.said.setdefault(person.id, (person, {}, {}))
        if role is not None:
            if role.elected:
                roles.pop(Role(role.post, role.body), None)
            if Role(role.post, role.body, True) not in roles:
                roles[role] = None
        if act is not None:
            acts[act] = None

    def act(self, person: _Person, act: str) -> None:
        self.state(person, act=act)

    def add(self, *sentences: str) -> None:
        text = " ".join(s for s in sentences if s)
        if text:
            self.paragraphs.append(text[0].upper() + text[1:])

    def caption(self, text: str) -> None:
        """A photo caption, on its own line as portals keep them."""
        if self.rng.random() < 0.45:
            self.paragraphs.append(text)

    def text(self, headline: str, published: dt.date) -> str:
        """The report as a portal's page reads once copied: headline, publication date (always
        when the opening's date lacks its year), paragraphs."""
        head = [headline]
        if not self.with_year or self.rng.random() < 0.5:
            head.append(f"Ngày đăng: {published:%d/%m/%Y}")
        between = "\n\n" if self.rng.random() < 0.7 else "\n"
        return "\n\n".join(head) + "\n\n" + between.join(self.paragraphs) + "\n"

    def truth(self) -> tuple[PersonTruth, ...]:
        return tuple(
            PersonTruth(p.id, p.name, tuple(roles), tuple(acts))
            for p, roles, acts in self.said.values()
        )


# -- writing: what reports say besides names --------------------------------------------------

_FIGURES_ECONOMY = (
    "tổng giá trị sản xuất ước đạt {value} tỷ đồng, tăng {growth}% so với cùng kỳ",
    "thu nhập bình quân đầu người đạt {income} triệu đồng/người/năm",
    "tỷ lệ hộ nghèo giảm còn {poor}%",
    "thu ngân sách trên địa bàn đạt {budget}% dự toán",
    "làm mới và nâng cấp {roads} km đường giao thông nông thôn",
    "{met}/{goals} chỉ tiêu chủ yếu đạt và vượt kế hoạch",
    "tỷ lệ người dân tham gia bảo hiểm y tế đạt {insured}%",
)
_FIGURES_PARTY = (
    "kết nạp {members} đảng viên mới",
    "tổ chức {checks} cuộc kiểm tra, giám sát",
    "{good}/{cells} chi bộ được đánh giá hoàn thành tốt nhiệm vụ trở lên",
    "ban hành {resolutions} nghị quyết chuyên đề",
)
_FIGURES_MASS = {
    "farmers": (
        "{n} hộ hội viên đăng ký danh hiệu sản xuất, kinh doanh giỏi",
        "Quỹ Hỗ trợ nông dân đạt {money} triệu đồng",
        "phát triển thêm {small} mô hình kinh tế tập thể",
    ),
    "women": (
        "giúp {n} hội viên khó khăn có việc làm",
        "vận động tiết kiệm được {money} triệu đồng",
        "duy trì {small} câu lạc bộ gia đình hạnh phúc",
    ),
    "youth": (
        "thực hiện {n} công trình, phần việc thanh niên",
        "giới thiệu {small} đoàn viên ưu tú cho Đảng xem xét kết nạp",
        "hỗ trợ {small} đoàn viên vay vốn phát triển kinh tế",
    ),
    "veterans": (
        "{n} hội viên có mô hình kinh tế cho thu nhập khá",
        "Quỹ Nghĩa tình đồng đội đạt {money} triệu đồng",
        "giúp {small} hội viên thoát nghèo",
    ),
    "front": (
        "Quỹ Vì người nghèo vận động được {money} triệu đồng",
        "hỗ trợ xây mới {small} nhà đại đoàn kết",
        "{n} hộ gia đình đạt danh hiệu gia đình văn hóa",
    ),
}
_SHORTCOMINGS = (
    (
        "Tuy vậy, tiến độ giải phóng mặt bằng một số công trình còn chậm; việc thu gom, xử lý rác "
        "thải có nơi chưa thường xuyên."
    ),
    (
        "Bên cạnh đó, sản xuất nông nghiệp còn chịu ảnh hưởng lớn của thời tiết; "
        "một số chỉ tiêu đạt thấp so với kế hoạch."
    ),
    "Một số chi bộ sinh hoạt chưa đều, nội dung sinh hoạt có lúc còn đơn điệu.",
    "Tình trạng vi phạm hành lang an toàn giao thông, lấn chiếm đất công vẫn còn xảy ra.",
    "Công tác chuyển đổi số, cải cách hành chính có mặt còn hạn chế.",
)
_TASKS = (
    "tập trung lãnh đạo hoàn thành các chỉ tiêu nghị quyết đã đề ra",
    "đẩy mạnh chuyển đổi cơ cấu cây trồng, vật nuôi, nâng cao giá trị sản xuất",
    "quan tâm công tác phát triển đảng viên, nhất là ở các chi bộ còn khó khăn",
    "giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn",
    "làm tốt công tác giải phóng mặt bằng các công trình, dự án",
    "nâng cao chất lượng sinh hoạt chi bộ, tăng cường kiểm tra, giám sát",
    "thực hiện tốt công tác cải cách hành chính, chuyển đổi số",
    "chủ động các phương án phòng, chống thiên tai, dịch bệnh",
    "chăm lo đời sống gia đình chính sách, hộ nghèo, hộ cận nghèo",
    "quản lý chặt chẽ đất đai, tài nguyên, môi trường",
    "phát huy sức mạnh khối đại đoàn kết toàn dân tộc",
)
_PRAISE = (
    "ghi nhận, biểu dương những kết quả đạt được trong thời gian qua",
    "đánh giá cao sự đoàn kết, nỗ lực của cấp ủy, chính quyền và Nhân dân",
    "biểu dương những kết quả nổi bật, đồng thời chỉ ra một số hạn chế cần sớm khắc phục",
)
_TOPICS = {  # what the holder of a post in a body of that kind speaks about
    "cell": (
        "công tác vận động Nhân dân hiến đất, mở rộng đường giao thông nông thôn",
        "kinh nghiệm xây dựng khu dân cư kiểu mẫu",
        "nâng cao chất lượng sinh hoạt chi bộ ở khu dân cư",
        "vận động Nhân dân giữ gìn vệ sinh môi trường",
    ),
    "women": (
        "vai trò của hội viên phụ nữ trong xây dựng gia đình no ấm, tiến bộ, hạnh phúc",
        "mô hình tiết kiệm giúp nhau phát triển kinh tế",
    ),
    "farmers": (
        "phong trào nông dân thi đua sản xuất, kinh doanh giỏi",
        "hiệu quả nguồn vốn Quỹ Hỗ trợ nông dân",
        "liên kết sản xuất theo chuỗi giá trị",
    ),
    "youth": (
        "phong trào thanh niên lập nghiệp, khởi nghiệp",
        "vai trò xung kích của đoàn viên trong chuyển đổi số",
    ),
    "veterans": (
        "phong trào cựu chiến binh gương mẫu",
        "công tác giáo dục truyền thống cho thế hệ trẻ",
    ),
    "front": (
        "cuộc vận động Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh",
        "công tác giám sát, phản biện xã hội của Mặt trận",
    ),
    "police": (
        "công tác bảo đảm an ninh trật tự trên địa bàn",
        "phong trào toàn dân bảo vệ an ninh Tổ quốc",
    ),
    "military": (
        "công tác tuyển chọn và gọi công dân nhập ngũ",
        "xây dựng lực lượng dân quân vững mạnh, rộng khắp",
    ),
    "committee": (
        "công tác cải cách hành chính",
        "tiến độ thu ngân sách trên địa bàn",
        "công tác quản lý đất đai, trật tự xây dựng",
        "công tác giải phóng mặt bằng",
    ),
    "party": (
        "công tác phát triển đảng viên",
        "công tác chính trị tư tưởng trong cán bộ, đảng viên",
        "công tác kiểm tra, giám sát của Đảng",
    ),
}
_VOTER_ASKS = (
    "đề nghị sớm nâng cấp tuyến đường liên thôn đã xuống cấp",
    "phản ánh tình trạng ô nhiễm môi trường tại khu chăn nuôi tập trung",
    "kiến nghị hỗ trợ kinh phí kiên cố hóa kênh mương nội đồng",
    "đề nghị đẩy nhanh việc cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân",
    "đề nghị lắp đặt hệ thống điện chiếu sáng trên các tuyến đường thôn",
    "phản ánh giá vật tư nông nghiệp tăng cao, đề nghị có giải pháp bình ổn",
    "đề nghị quan tâm chế độ chính sách cho người có công và gia đình chính sách",
)
_VISIT_SUBJECTS = (
    "tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội",
    "tiến độ xây dựng nông thôn mới nâng cao",
    "công tác giải phóng mặt bằng các dự án trên địa bàn",
    "việc thực hiện Quy chế dân chủ ở cơ sở",
    "công tác thu ngân sách và quản lý đất đai",
    "công tác xây dựng Đảng và hệ thống chính trị",
)
_PLANS = (
    "công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
    "kế hoạch thu ngân sách nhà nước",
    "công tác chuyển đổi số",
    "kế hoạch xây dựng nông thôn mới nâng cao",
    "công tác cấp giấy chứng nhận quyền sử dụng đất",
    "công tác phòng cháy, chữa cháy",
)
# Speakers in a commune's own report, besides the village party cells, by seat.
_COMMUNE_VOICES = (
    "chair_women",
    "chair_farmers",
    "youth",
    "chair_veterans",
    "police",
    "military",
    "chair_front",
    "vice_committee",
)
# Who comes from the level above, by the kind of event.
_GUEST_KEYS = {
    "party": (
        "head_propaganda",
        "head_organisation",
        "head_mobilisation",
        "inspection",
        "vice_propaganda",
        "deputy_standing",
        "secretary",
        "vice_committee",
        "politics_centre",
    ),
    "council": ("vice_council", "council_economy", "deputy_standing", "vice_committee"),
    "government": ("vice_committee", "home_affairs", "chair_committee"),
    "province": ("deputy_secretary", "head_mobilisation", "vice_committee", "vice_council"),
}


class _Organisation(NamedTuple):
    name: str
    seats: tuple[str, ...]  # its chair's, then its deputy's
    members: str
    board: str  # what its executive committee is called after "Ban Chấp hành"
    work: str  # what its year-end review reviews


_MASS = {  # by the calendar that renews it
    "farmers": _Organisation(
        "Hội Nông dân",
        ("chair_farmers", "vice_farmers"),
        "hội viên nông dân",
        "Hội",
        "công tác Hội và phong trào nông dân",
    ),
    "women": _Organisation(
        "Hội Liên hiệp Phụ nữ",
        ("chair_women", "vice_women"),
        "hội viên phụ nữ",
        "Hội",
        "công tác Hội và phong trào phụ nữ",
    ),
    "youth": _Organisation(
        "Đoàn TNCS Hồ Chí Minh",
        ("youth", "vice_youth"),
        "đoàn viên, thanh niên",
        "Đoàn",
        "công tác Đoàn và phong trào thanh thiếu nhi",
    ),
    "veterans": _Organisation(
        "Hội Cựu chiến binh",
        ("chair_veterans",),
        "hội viên cựu chiến binh",
        "Hội",
        "công tác Hội và phong trào cựu chiến binh",
    ),
    "front": _Organisation(
        "Ủy ban MTTQ Việt Nam",
        ("chair_front", "vice_front"),
        "tầng lớp Nhân dân",
        "Ủy ban",
        "công tác Mặt trận",
    ),
}
_BADGE_DAYS = {
    2: ("3/2", 1930, "Ngày thành lập Đảng Cộng sản Việt Nam"),
    5: ("19/5", 1890, "Ngày sinh Chủ tịch Hồ Chí Minh"),
    9: ("2/9", 1945, "Cách mạng Tháng Tám và Quốc khánh 2/9"),
    11: ("7/11", 1917, "Cách mạng Tháng Mười Nga"),
}
# The Politburo's directive on the party congresses of each round.
_CONGRESS_DIRECTIVES = {
    2015: ("36-CT/TW", "30/5/2014"),
    2020: ("35-CT/TW", "30/5/2019"),
    2025: ("45-CT/TW", "14/4/2025"),
}


def _figures(r: _Writer, bank: Sequence[str], count: int) -> str:
    years = r.date.year - FIRST_YEAR
    met, good = r.rng.randint(12, 20), r.rng.randint(10, 22)
    values = {
        "value": r.rng.randint(180, 650),
        "growth": _decimal(r.rng.uniform(5, 12)),
        "income": _decimal(26 + 3.2 * years + r.rng.uniform(-2, 2)),
        "poor": _decimal(max(0.6, 6.5 - 0.55 * years + r.rng.uniform(-0.5, 0.5)), 2),
        "budget": r.rng.randint(55, 135),
        "roads": _decimal(r.rng.uniform(1, 9)),
        "met": met,
        "goals": met + r.rng.randint(0, 3),
        "insured": _decimal(r.rng.uniform(85, 97)),
        "members": r.rng.randint(3, 12),
        "checks": r.rng.randint(4, 18),
        "good": good,
        "cells": good + r.rng.randint(0, 3),
        "resolutions": r.rng.randint(2, 7),
        "n": r.rng.randint(40, 900),
        "money": r.rng.randint(120, 1500),
        "small": r.rng.randint(3, 30),
    }
    chosen = r.rng.sample(list(bank), min(count, len(bank)))
    return "; ".join(figure.format(**values) for figure in chosen)


def _tasks(r: _Writer) -> str:
    return "; ".join(r.rng.sample(_TASKS, r.rng.randint(2, 3)))


def _topic(r: _Writer, person: _Person) -> str:
    if r.date.year in (2020, 2021) and r.rng.random() < 0.25:
        return "công tác phòng, chống dịch Covid-19 trên địa bàn"
    helds = r.world.held(person, r.date)
    kind = helds[-1].body.kind if helds else "party"
    return r.rng.choice(_TOPICS.get(kind, _TOPICS["party"]))


def _dated(r: _Writer) -> tuple[str, bool]:
    """The opening's date, "Sáng ngày 16/5/2023", and whether it carries the year (when it does
    not, the report prints its publication date, as portals do)."""
    d = r.date
    part = _pick(r.rng, (("Sáng", 5), ("Chiều", 3), ("", 1)))
    style = _pick(r.rng, (("slash", 6), ("padded", 2), ("words", 1), ("no-year", 1)))
    if style == "words":
        hour = r.rng.choice((7, 8, 14))
        return f"Vào lúc {hour} giờ ngày {d.day:02d} tháng {d.month} năm {d.year}", True
    if style == "no-year":
        return f"{part or 'Ngày'} {d.day}/{d.month}", False
    if style == "slash":
        day = f"{d.day}/{d.month}/{d.year}"
    else:
        day = f"{d.day:02d}/{d.month:02d}/{d.year}"
    if part and r.rng.random() < 0.7:
        return f"{part} ngày {day}", True
    return f"{part or 'Ngày'} {day}", True


def _where(r: _Writer) -> str:
    """The host's parents after its name: " (huyện Cẩm Xuyên, tỉnh Hà Tĩnh)". A commune's name
    alone may not locate it, so a commune's report names its district (or, from 1 July 2025,
    its province); a district's may name its province."""
    province = r.world.province
    if r.district == r.host and r.rng.random() < 0.5:
        return ""
    if r.district in (None, r.host):
        r.named.add(province)
        return f" ({province})"
    r.named.add(r.district)
    if r.rng.random() < 0.5:
        r.named.add(province)
        return f" ({r.district}, {province})"
    return r.rng.choice((f" ({r.district})", f", {r.district},"))


def _opening(
    r: _Writer, subject: str, rest: str, document: str = "", *, placed: bool = True
) -> None:
    """ "Sáng ngày 16/5/2023, Đảng ủy xã X (huyện Y) tổ chức …", after a cited plan or not."""
    when, r.with_year = _dated(r)
    if document:
        when = when[0].lower() + when[1:]
    r.add(f"{document}{when}, {subject}{_where(r) if placed else ''} {rest}.")


def _term_text(r: _Writer, start: int, end: int) -> str:
    return f"{start}{_pick(r.rng, ((' – ', 4), (' - ', 4), ('-', 2)))}{end}"


def _party_of(r: _Writer, formal: bool) -> str:
    """The host's party committee: "Ban Chấp hành Đảng bộ xã X", "Đảng ủy xã X", "Huyện ủy X"."""
    if r.host == r.district:
        uy = _COMMITTEE_WORDS[r.host.kind][0]
        return f"Ban Chấp hành Đảng bộ {r.host}" if formal else f"{uy} {r.host.name}"
    if formal and r.rng.random() < 0.6:
        return f"Ban Chấp hành Đảng bộ {r.host}"
    return f"{_pick(r.rng, _HEADS['party'])} {r.host}"


def _council_of(r: _Writer) -> str:
    return f"{_pick(r.rng, _HEADS['council'])} {r.host}"


def _plan_document(r: _Writer, subject: str) -> str:
    """ "Thực hiện Kế hoạch số 93-KH/HU ngày … của Ban Thường vụ Huyện ủy X về …, "."""
    if r.district is None or r.rng.random() < 0.7:
        return ""
    uy, _, code = _COMMITTEE_WORDS[r.district.kind]
    issued = r.date - dt.timedelta(days=r.rng.randint(12, 80))
    kind, short = r.rng.choice((("Kế hoạch", "KH"), ("Hướng dẫn", "HD"), ("Chương trình", "CTr")))
    number = f"{r.rng.randint(12, 260)}-{short}/{code}"
    r.documents.append(number)
    return (
        f"Thực hiện {kind} số {number} ngày {issued.day}/{issued.month}/{issued.year} của "
        f"Ban Thường vụ {uy} {r.district.name} về {subject}, "
    )


def _central_plenum(on: dt.date) -> tuple[int, str]:
    """The latest plenum of the Party's Central Committee a conference would study."""
    if on < dt.date(2016, 3, 1):
        return 11, "XI"
    if on < dt.date(2021, 3, 1):
        return min(15, 1 + (on - dt.date(2016, 3, 1)).days // 125), "XII"
    return min(13, 1 + (on - dt.date(2021, 3, 1)).days // 140), "XIII"


# -- writing: the parts of a report -----------------------------------------------------------


def _guests(r: _Writer, pool: str, count: int) -> list[_Person]:
    """Leaders from the level above: the district's for a commune, the province's otherwise."""
    keys = _GUEST_KEYS["province" if r.district in (None, r.host) else pool]
    chosen = r.rng.sample(keys, min(count, len(keys)))
    return r.fresh(
        *(r.above(k, r.rng.randrange(3) if k == "vice_committee" else 0) for k in chosen)
    )


def _voices(r: _Writer, count: int) -> list[_Person]:
    """Speakers of the host: village party cells and the heads of its bodies, or, in a
    district's own report, leaders of its communes."""
    if r.host == r.district:
        units = [u for u in r.world.commune_of if r.world.district_of[u] == r.host]
        people = [
            r.world.holder(u, r.rng.choice(("secretary", "chair_committee")), r.date)
            for u in r.rng.sample(units, min(4, len(units)))
        ]
    else:
        people = r.cells() + [r.official(k) for k in _COMMUNE_VOICES]
        r.rng.shuffle(people)
    return r.fresh(*people)[:count]


def _attendance(r: _Writer, guests: Sequence[_Person]) -> None:
    if not guests:
        return
    named = "; ".join(r.introduce(g) for g in guests)
    for guest in guests:
        r.act(guest, "attended")
    what = r.event_word
    opening = r.rng.choice((f"Dự {what} có", f"Về dự {what} có", f"Tới dự {what} có", "Tham dự có"))
    tail = r.rng.choice(
        (
            "",
            " cùng đại diện lãnh đạo các ban, ngành, đoàn thể",
            ("; các đồng chí Ủy viên Ban Chấp hành Đảng bộ, bí thư các chi bộ trực thuộc"),
        )
    )
    r.add(f"{opening} {named}{tail}.")


def _chairs(r: _Writer, chairs: Sequence[_Person], on: dt.date | None = None) -> None:
    """Who chaired, in one of the three styles portals use."""
    if not chairs:
        return
    for person in chairs:
        r.act(person, "chaired")
    what = r.event_word
    style = _pick(r.rng, (("list", 4), ("block", 2), ("each", 3))) if len(chairs) > 1 else "each"
    if style == "list":
        named = "; ".join(f"{p.name}, {r.title(r.titles_of(p, on), p)}" for p in chairs)
        r.add(f"Các đồng chí: {named} chủ trì {what}.")
    elif style == "block":
        lines = [f"Đ/c {p.name} - {r.title(r.titles_of(p, on), p)};" for p in chairs]
        r.paragraphs.append("\n".join([f"Chủ trì {what}:", *lines]))
        r.add(f"Toàn cảnh {what}.")  # a line naming nobody ends the block
    else:
        named = "; ".join(r.introduce(p, style="dash", on=on) for p in chairs)
        r.add(f"{named} chủ trì {what}.")


def _presidium(r: _Writer, chairs: Sequence[_Person], on: dt.date) -> None:
    """A congress's presidium: "Đoàn Chủ tịch đại hội gồm các đồng chí: A, title; B, title"."""
    if not chairs:
        return
    for person in chairs:
        r.act(person, "chaired")
    named = "; ".join(f"{p.name}, {r.title(r.titles_of(p, on), p)}" for p in chairs)
    r.add(f"Đoàn Chủ tịch đại hội gồm các đồng chí: {named}.")


def _presents(
    r: _Writer,
    person: _Person | None,
    report: str,
    bank: Sequence[str],
    *,
    behalf: str = "",
    on: dt.date | None = None,
) -> None:
    if person is None:
        return
    r.act(person, "presented_report")
    verb = r.rng.choice(("trình bày", "thông qua", "trình bày"))
    who = r.introduce(person, on=on)
    if behalf and r.rng.random() < 0.6:
        lead = f"Thay mặt {behalf}, "
    else:
        lead = r.rng.choice(("", f"Tại {r.event_word}, "))
    shortcoming = r.rng.choice(_SHORTCOMINGS) if r.rng.random() < 0.5 else ""
    r.add(
        f"{lead}{who} {verb} {report}.",
        f"Theo đó, {_figures(r, bank, r.rng.randint(2, 4))}.",
        shortcoming,
    )


def _moderates(r: _Writer, person: _Person | None) -> None:
    if person is None:
        return
    r.act(person, "moderated")
    if person.id in r.named_persons or r.rng.random() < 0.5:
        r.add(f"{r.introduce(person)} điều hành phần thảo luận.")
    else:
        title = r.title(r.titles_of(person), person)
        r.add(f"Đ/c {person.name}{_pick(r.rng, _DASHES)}{title} điều hành thảo luận")


def _discussion(r: _Writer, speakers: Sequence[_Person]) -> None:
    if not speakers:
        return
    r.add(
        r.rng.choice(
            (
                f"{r.event_word} đã nghe {len(speakers):02d} ý kiến tham luận.",
                ("Các ý kiến thảo luận tập trung làm rõ kết quả đạt được và đề xuất giải pháp."),
                f"Có {len(speakers)} ý kiến tham luận, phát biểu tại {r.event_word}.",
            )
        )
    )
    for person in speakers:
        r.act(person, "speech")
        topic = _topic(r, person)
        style = _pick(r.rng, (("caption", 3), ("colon", 2), ("sentence", 3)))
        if person.id in r.named_persons or style == "sentence":
            r.add(f"{r.introduce(person)} phát biểu về {topic}.")
        elif style == "caption":
            title = r.title(r.titles_of(person), person)
            r.add(f"Đ/c {person.name}{_pick(r.rng, _DASHES)}{title} tham luận về {topic}")
        else:
            title = r.title(r.titles_of(person), person)
            r.add(f"Đ/c: {person.name} - {title} phát biểu tham luận về {topic}")


def _directive(r: _Writer, person: _Person | None) -> None:
    if person is None:
        return
    r.act(person, "directive_speech")
    praise, what = r.rng.choice(_PRAISE), r.event_word
    if r.rng.random() < 0.5:
        r.add(
            f"Phát biểu chỉ đạo {what}, {r.introduce(person)} {praise}.",
            f"Đồng chí đề nghị thời gian tới {_tasks(r)}.",
        )
    else:
        r.add(
            f"{r.introduce(person)} phát biểu chỉ đạo tại {what}.",
            f"Đồng chí {praise}; đề nghị {_tasks(r)}.",
        )


def _concludes(r: _Writer, person: _Person | None) -> None:
    """The host's leader closes the event (a speech), named again or by a party title the
    report has given him or her: "Kết luận hội nghị, đồng chí Bí thư Đảng ủy …"."""
    if person is None or person.id not in r.named_persons:
        return
    r.act(person, "speech")
    stated = r.said[person.id][1]
    party = next(
        (
            h
            for h in r.world.held(person, r.date)
            if h.role() in stated
            and h.body.kind in ("party", "committee_party")
            and h.body.unit == r.host
        ),
        None,
    )
    if party is not None and r.rng.random() < 0.5:
        if party.body.kind == "committee_party":
            committee = _COMMITTEE_WORDS[r.host.kind][0]
        else:
            committee = _pick(r.rng, _HEADS["party"])
        r.add(
            f"Kết luận {r.event_word}, đồng chí {party.post} {committee} tiếp thu ý kiến chỉ đạo "
            "và đề nghị các chi bộ, ban, ngành, đoàn thể phân công rõ người, rõ việc, hoàn thành "
            "các chỉ tiêu đã đề ra."
        )
    else:
        r.add(
            f"Kết luận {r.event_word}, {r.again(person)} đề nghị các cấp ủy, chính quyền và "
            f"đoàn thể {_tasks(r)}."
        )


def _elections(r: _Writer, results: Sequence[tuple[_Person, _Held, bool]], intro: str) -> None:
    """Who was elected to what ("được bầu giữ chức", "tái cử chức"), in one sentence."""
    clauses = []
    for person, held, again in results:
        r.act(person, "elected")
        if again:
            words = r.rng.choice(("tái cử chức", "tiếp tục được bầu giữ chức"))
        else:
            words = r.rng.choice(("được bầu giữ chức", "được bầu làm"))
        clauses.append(f"{r.again(person)} {words} {r.title([held], person, elected=True)}")
    if clauses:
        r.add(intro + "; ".join(clauses) + ".")


def _renewed(r: _Writer, calendar: str, before: dt.date) -> list[tuple[_Person, _Held, bool]]:
    """The host's seats a calendar renews: who holds each now, and whether he or she did."""
    results = []
    for seat in r.world.seats_of(r.host):
        person = seat.holder(r.date)
        if seat.spec.renewal == calendar and person is not None:
            held = _Held(seat.spec.post, seat.body)
            results.append((person, held, seat.holder(before) is person))
    return results


def _stood_down(r: _Writer, calendar: str, before: dt.date) -> None:
    for seat in r.world.seats_of(r.host):
        gone = seat.holder(before)
        if seat.spec.renewal == calendar and gone is not None and not r.world.held(gone, r.date):
            retiring = (gone.leaves - r.date).days < 800
            reason = "đủ tuổi nghỉ hưu" if retiring else "chuyển công tác khác"
            r.add(f"{r.again(gone)} không tái cử do {reason}.")
            return


# -- the kinds of report ----------------------------------------------------------------------
# Each writes its paragraphs and returns its headline; the host is a commune, a commune of
# 1 July 2025 or, for conferences, sessions and congresses, the district itself.


def _conference_purpose(r: _Writer) -> tuple[str, str, str, str]:
    """What a party conference does, by its month: (what, headline, the report presented, the
    subject of the plan it follows)."""
    year, month = r.date.year, r.date.month
    short = _party_of(r, formal=False)
    if month == 7:
        return (
            (
                f"sơ kết công tác lãnh đạo, chỉ đạo 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng "
                f"cuối năm {year}"
            ),
            f"{short} sơ kết công tác 6 tháng đầu năm {year}",
            f"báo cáo kết quả 6 tháng đầu năm {year}",
            "sơ kết công tác 6 tháng đầu năm",
        )
    if month in (12, 1):
        done = year if month == 12 else year - 1
        return (
            (
                f"tổng kết công tác xây dựng Đảng và hệ thống chính trị năm {done}, triển khai "
                f"nhiệm vụ năm {done + 1}"
            ),
            f"{short} tổng kết công tác năm {done}",
            f"báo cáo tổng kết công tác năm {done}",
            f"tổng kết công tác xây dựng Đảng năm {done}",
        )
    if year in (2017, 2018, 2022, 2023) and r.host.era == "legacy":
        number, start, end = r.world.term(r.host, "party", r.date)
        return (
            (
                f"sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ {r.host.kind} lần thứ "
                f"{_roman(number)}, nhiệm kỳ {_term_text(r, start, end)}"
            ),
            f"{short} sơ kết giữa nhiệm kỳ",
            "báo cáo sơ kết giữa nhiệm kỳ",
            "sơ kết giữa nhiệm kỳ thực hiện nghị quyết đại hội đảng bộ các cấp",
        )
    plenum, term = _central_plenum(r.date)
    return (
        (
            f"nghiên cứu, học tập, quán triệt Nghị quyết Hội nghị lần thứ {plenum} Ban Chấp hành "
            f"Trung ương Đảng khóa {term}"
        ),
        f"{short} quán triệt Nghị quyết Trung ương {plenum} khóa {term}",
        "báo cáo kết quả thực hiện các nhiệm vụ trọng tâm",
        "việc học tập, quán triệt các nghị quyết của Trung ương",
    )


def _party_conference(r: _Writer) -> str:
    r.kind = "conference"
    what, headline, report, plan = _conference_purpose(r)
    leaders = r.fresh(
        r.official("secretary"), r.official("deputy_standing"), r.official("chair_committee")
    )
    _opening(r, _party_of(r, formal=True), f"tổ chức Hội nghị {what}", _plan_document(r, plan))
    guests = _guests(r, "party", r.rng.randint(1, 2))
    _attendance(r, guests)
    _chairs(r, leaders[: r.rng.randint(1, 3)])
    r.caption("Toàn cảnh hội nghị")
    _presents(
        r,
        r.official("deputy_standing") or r.official("secretary"),
        report,
        _FIGURES_PARTY + _FIGURES_ECONOMY,
        behalf="Ban Thường vụ",
    )
    if r.rng.random() < 0.4:
        _moderates(r, r.official("chair_committee"))
    _discussion(r, _voices(r, r.rng.randint(2, 4)))
    _directive(r, guests[0] if guests else None)
    _concludes(r, r.official("secretary"))
    return headline


def _committee_conference(r: _Writer) -> str:
    r.kind = "conference"
    plan = f"{r.rng.choice(_PLANS)} năm {r.date.year}"
    committee = f"{_pick(r.rng, _HEADS['committee'])} {r.host}"
    _opening(r, committee, f"tổ chức hội nghị triển khai {plan}")
    guests = _guests(r, "government", 1)
    _attendance(r, guests)
    _chairs(r, r.fresh(r.official("chair_committee")))
    _presents(
        r,
        r.official("vice_committee", r.rng.randrange(2)),
        f"dự thảo kế hoạch {plan}",
        _FIGURES_ECONOMY,
    )
    _discussion(r, _voices(r, r.rng.randint(1, 3)))
    for guest in guests:
        r.act(guest, "speech")
        r.add(f"Phát biểu tại hội nghị, {r.introduce(guest)} đề nghị {r.host.kind} {_tasks(r)}.")
    _concludes(r, r.official("chair_committee"))
    return f"{committee} triển khai {plan}"


def _council_session(r: _Writer) -> str:
    r.kind = "council_session"
    number, start, end = r.world.term(r.host, "council", r.date)
    late = r.date.month >= 11
    session = max(2, 2 * (r.date.year - start) + late + 1 + (r.date.year - start) // 2)
    council = _council_of(r)
    _opening(
        r,
        council,
        f"khóa {_roman(number)}, nhiệm kỳ {_term_text(r, start, end)} tổ chức kỳ "
        f"họp thứ {session} – kỳ họp thường lệ {'cuối' if late else 'giữa'} năm "
        f"{r.date.year}",
    )
    guests = _guests(r, "council", 1)
    _chairs(r, r.fresh(r.council_chair(), r.official("vice_council"))[: r.rng.randint(1, 2)])
    _attendance(r, guests)
    period = "năm" if late else "6 tháng đầu năm"
    _presents(
        r,
        r.official("chair_committee"),
        f"báo cáo tình hình kinh tế - xã hội {period} {r.date.year}",
        _FIGURES_ECONOMY,
        behalf=f"UBND {r.host.kind}",
    )
    _presents(
        r,
        r.official("council_economy"),
        f"báo cáo thẩm tra các báo cáo, tờ trình của UBND {r.host.kind}",
        _FIGURES_ECONOMY,
    )
    _moderates(r, r.official("vice_council"))
    _discussion(r, _voices(r, r.rng.randint(0, 2)))
    for guest in guests:
        r.act(guest, "speech")
        r.add(f"Phát biểu tại kỳ họp, {r.introduce(guest)} đề nghị {_tasks(r)}.")
    resolution = f"{r.rng.randint(10, 90)}/NQ-HĐND"
    r.documents.append(resolution)
    coming = f"năm {r.date.year + 1}" if late else f"6 tháng cuối năm {r.date.year}"
    r.add(
        f"Kỳ họp đã thông qua {r.rng.randint(4, 12)} nghị quyết, trong đó có Nghị quyết số "
        f"{resolution} về nhiệm vụ phát triển kinh tế - xã hội {coming}."
    )
    return r.rng.choice(
        (
            f"{council} tổ chức kỳ họp thứ {session}",
            f"Kỳ họp thứ {session} {council} khóa {_roman(number)}",
        )
    )


def _council_first_session(r: _Writer) -> str:
    r.kind = "council_session"
    before = r.date - dt.timedelta(days=1)
    number, start, end = r.world.term(r.host, "council", r.date)
    term, council = _term_text(r, start, end), _council_of(r)
    _opening(r, council, f"khóa {_roman(number)}, nhiệm kỳ {term} tổ chức kỳ họp thứ nhất")
    _attendance(r, _guests(r, "council", 1))
    _chairs(r, r.fresh(r.official("secretary", on=before)), on=before)
    r.add(
        f"Tại kỳ họp, Ủy ban bầu cử {r.host.kind} báo cáo kết quả bầu cử đại biểu HĐND "
        f"{r.host.kind} nhiệm kỳ {term}; {r.rng.randint(20, 32)} đại biểu trúng cử đều đủ tư "
        "cách đại biểu."
    )
    results = _renewed(r, "council", before)
    chair = r.council_chair()
    if chair is not None:
        chaired = _Held("Chủ tịch", _Body("council", r.host))
        results.insert(0, (chair, chaired, r.council_chair(before) is chair))
    _elections(
        r,
        results,
        r.rng.choice(
            ("Kỳ họp đã bầu các chức danh chủ chốt. Kết quả, ", "Với tỷ lệ tán thành cao, ")
        ),
    )
    if chair is not None:
        r.act(chair, "speech")
        r.add(
            f"Phát biểu nhận nhiệm vụ, {r.again(chair)} cảm ơn sự tín nhiệm của các đại biểu "
            "và cử tri."
        )
    return f"Kỳ họp thứ nhất {council} khóa {_roman(number)}, nhiệm kỳ {term}"


def _additional_election(r: _Writer) -> str:
    calendar, changes = r.plan.subject
    before = r.date - dt.timedelta(days=1)
    if calendar == "council":
        r.kind = "council_session"
        number, start, end = r.world.term(r.host, "council", r.date)
        council = _council_of(r)
        _opening(
            r,
            council,
            f"khóa {_roman(number)}, nhiệm kỳ {_term_text(r, start, end)} tổ "
            "chức kỳ họp chuyên đề để kiện toàn nhân sự",
        )
        _attendance(r, _guests(r, "council", 1))
        _chairs(r, r.fresh(r.council_chair()))
        r.add(
            f"Kỳ họp đã nghe tờ trình của Thường trực HĐND {r.host.kind} về việc miễn nhiệm và "
            "bầu bổ sung chức danh theo quy định; các đại biểu thảo luận, thống nhất cao với "
            "nhân sự được giới thiệu."
        )
        headline = f"{council} kiện toàn chức danh chủ chốt"
    else:
        r.kind = "conference"
        _opening(r, _party_of(r, formal=True), "tổ chức hội nghị để kiện toàn công tác cán bộ")
        guests = _guests(r, "party", 1)
        _attendance(r, guests)
        for guest in guests:
            r.act(guest, "presented_report")
            r.add(f"{r.again(guest)} công bố quyết định của Ban Thường vụ về công tác cán bộ.")
        headline = f"{_party_of(r, formal=False)} kiện toàn công tác cán bộ"
    for change in changes:
        _replaced(r, change, before)
    newcomer = changes[0].seat.holder(r.date)
    if newcomer is not None:
        r.act(newcomer, "speech")
        r.add(
            f"Phát biểu nhận nhiệm vụ, {r.again(newcomer)} cảm ơn sự tín nhiệm, hứa cùng tập "
            f"thể {_tasks(r)}."
        )
    return headline


def _replaced(r: _Writer, change: _Change, before: dt.date) -> None:
    seat, person, gone = change.seat, change.seat.holder(r.date), change.before
    if gone is not person and gone.id not in r.named_persons:
        left = (
            "nghỉ hưu theo chế độ"
            if (gone.leaves - r.date).days < 400
            else "được phân công công tác khác"
        )
        old = [h for h in r.world.held(gone, before) if h == _Held(seat.spec.post, seat.body)]
        r.add(f"Do {left}, {r.introduce(gone, old, style='comma')} thôi giữ chức.")
    if person is not None:
        r.act(person, "elected")
        who = r.introduce(person, on=before)
        votes = r.rng.randint(18, 30)
        title = r.title([_Held(seat.spec.post, seat.body)], person, elected=True)
        r.add(
            f"Với {votes}/{votes + r.rng.randint(0, 3)} đại biểu tán thành, {who} được bầu giữ "
            f"chức {title}."
        )


def _party_congress(r: _Writer) -> str:
    r.kind = "congress"
    before = r.date - dt.timedelta(days=1)
    number, start, end = r.world.term(r.host, "party", r.date)
    term = _term_text(r, start, end)
    directive, issued = _CONGRESS_DIRECTIVES[start]
    r.documents.append(directive)
    _opening(
        r,
        f"Đảng bộ {r.host}",
        f"tổ chức Đại hội đại biểu lần thứ {_roman(number)}, nhiệm kỳ {term}",
    )
    r.add(
        f"Đại hội được tổ chức theo Chỉ thị số {directive} ngày {issued} của Bộ Chính trị về "
        "đại hội đảng bộ các cấp."
    )
    guests = _guests(r, "party", 2)
    _attendance(r, guests)
    leaders = ("secretary", "deputy_standing", "chair_committee")
    _presidium(r, r.fresh(*(r.official(key, on=before) for key in leaders)), before)
    r.caption("Quang cảnh đại hội")
    behalf = f"Ban Chấp hành Đảng bộ khóa {_roman(number - 1)}" if number > 1 else ""
    _presents(
        r,
        r.official("deputy_standing", on=before) or r.official("secretary", on=before),
        "Báo cáo chính trị trình Đại hội",
        _FIGURES_ECONOMY + _FIGURES_PARTY,
        behalf=behalf,
        on=before,
    )
    _discussion(r, _voices(r, r.rng.randint(1, 3)))
    _directive(r, guests[0] if guests else None)
    delegates = (
        ""
        if r.host.era == "2025"
        else f"; bầu {r.rng.randint(8, 16)} đại biểu đi dự Đại hội đại biểu Đảng bộ cấp trên"
    )
    r.add(
        f"Đại hội đã bầu Ban Chấp hành Đảng bộ khóa {_roman(number)} gồm "
        f"{r.rng.randint(13, 19)} đồng chí{delegates}."
    )
    _elections(
        r,
        _congress_results(r, before, first=number == 1),
        f"Tại hội nghị lần thứ nhất, Ban Chấp hành khóa mới đã bầu Ban Thường vụ gồm "
        f"{r.rng.randint(3, 7)} đồng chí; ",
    )
    _stood_down(r, "party", before)
    return f"Đại hội đại biểu Đảng bộ {r.host} lần thứ {_roman(number)}, nhiệm kỳ {term}"


def _congress_results(r: _Writer, before: dt.date, first: bool) -> list[tuple]:
    """The party posts a congress fills; the People's Committee's chair becomes the other
    deputy secretary. A first congress re-elects nobody."""
    results = _renewed(r, "party", before)
    chair = r.official("chair_committee")
    if chair is not None:
        committee = _Body("committee_party" if r.host == r.district else "party", r.host)
        again = r.official("chair_committee", on=before) is chair
        results.insert(2, (chair, _Held("Phó Bí thư", committee), again))
    return [(person, held, again and not first) for person, held, again in results]


def _cell_congress(r: _Writer) -> str:
    r.kind = "congress"
    before = r.date - dt.timedelta(days=1)
    seat = r.world.seats[(r.host, "cell")][r.plan.subject.village]
    village = seat.body.village
    _, start, end = r.world.term(r.host, "cell", r.date)
    term = _term_text(r, start, end)
    _opening(r, f"Chi bộ {village}, {r.host}", f"tổ chức Đại hội nhiệm kỳ {term}")
    guest = r.fresh(
        r.official(r.rng.choice(("deputy_standing", "chair_front", "inspection", "vice_committee")))
    )
    _attendance(r, guest)
    old = seat.holder(before)
    if old is not None:
        r.act(old, "chaired")
        r.act(old, "presented_report")
        _, was, ended = r.world.term(r.host, "cell", before)
        r.add(
            f"{r.introduce(old, style='dash', on=before)} chủ trì đại hội và trình bày báo cáo "
            f"chính trị của chi bộ nhiệm kỳ {_term_text(r, was, ended)}.",
            f"Theo đó, {_figures(r, _FIGURES_ECONOMY, 2)}.",
        )
    _directive(r, guest[0] if guest else None)
    new = seat.holder(r.date)
    if new is not None:
        _elections(
            r, [(new, _Held("Bí thư", seat.body), new is old)], "Đại hội đã bầu chi ủy khóa mới; "
        )
    return f"Đại hội Chi bộ {village} nhiệm kỳ {term}"


def _mass_congress(r: _Writer) -> str:
    r.kind = "congress"
    calendar = r.plan.subject.calendar
    organisation = _MASS[calendar]
    before = r.date - dt.timedelta(days=1)
    number, start, end = r.world.term(r.host, calendar, r.date)
    term = _term_text(r, start, end)
    _opening(
        r,
        f"{organisation.name} {r.host}",
        f"tổ chức Đại hội đại biểu lần thứ {_roman(number)}, nhiệm kỳ {term}",
    )
    if r.host == r.district:
        guests = r.fresh(r.official(r.rng.choice(("deputy_standing", "head_mobilisation"))))
    else:
        guests = r.fresh(
            r.above(organisation.seats[0]),
            r.official(r.rng.choice(("deputy_standing", "secretary"))),
        )
    _attendance(r, guests)
    r.add(
        f"Đại hội có {r.rng.randint(80, 200)} đại biểu chính thức, đại diện cho hơn "
        f"{r.rng.randint(6, 40) * 100} {organisation.members} trong toàn {r.host.kind}."
    )
    chairs = r.fresh(*(r.official(key, on=before) for key in organisation.seats))
    _presidium(r, chairs, before)
    _presents(
        r,
        chairs[0] if chairs else None,
        f"báo cáo tổng kết nhiệm kỳ {_term_text(r, start - 5, start)}",
        _FIGURES_MASS[calendar],
        behalf=f"Ban Chấp hành khóa {_roman(number - 1)}",
        on=before,
    )
    _discussion(r, _voices(r, r.rng.randint(1, 2)))
    _directive(r, guests[-1] if guests else None)
    r.add(
        f"Đại hội đã bầu Ban Chấp hành {organisation.board} khóa {_roman(number)} gồm "
        f"{r.rng.randint(9, 21)} đồng chí."
    )
    results = [
        (p, _Held(s.spec.post, s.body), s.holder(before) is p)
        for key in organisation.seats
        if (s := r.world.seat(r.host, key)) is not None and (p := s.holder(r.date)) is not None
    ]
    _elections(r, results, "Tại phiên họp thứ nhất, ")
    _stood_down(r, calendar, before)
    return f"Đại hội {organisation.name} {r.host} lần thứ {_roman(number)}, nhiệm kỳ {term}"


def _mass_conference(r: _Writer) -> str:
    r.kind = "conference"
    calendar = r.plan.subject
    organisation = _MASS[calendar]
    done = r.date.year if r.date.month == 12 else r.date.year - 1
    _opening(
        r,
        f"{organisation.name} {r.host}",
        f"tổ chức hội nghị tổng kết {organisation.work} "
        f"năm {done}, triển khai nhiệm vụ năm {done + 1}",
    )
    guests = r.fresh(
        r.above(organisation.seats[0]) if r.rng.random() < 0.5 else None,
        r.official(r.rng.choice(("deputy_standing", "secretary"))),
    )
    _attendance(r, guests)
    chairs = r.fresh(*(r.official(key) for key in organisation.seats))
    _chairs(r, chairs)
    _presents(
        r,
        chairs[-1] if chairs else None,
        f"báo cáo tổng kết công tác năm {done}",
        _FIGURES_MASS[calendar],
    )
    _discussion(r, _voices(r, r.rng.randint(1, 2)))
    _directive(r, guests[-1] if guests else None)
    if guests and r.rng.random() < 0.6:
        r.act(guests[0], "awarded")
        r.add(
            f"Dịp này, {r.again(guests[0])} trao Giấy khen cho {r.rng.randint(2, 6)} tập thể và "
            f"{r.rng.randint(3, 12)} cá nhân có thành tích xuất sắc."
        )
    return f"{organisation.name} {r.host} tổng kết công tác năm {done}"


def _working_visit(r: _Writer) -> str:
    r.kind = "working_visit"
    keys = (
        ("secretary", "chair_committee", "deputy_standing")
        if r.district
        else ("deputy_secretary", "vice_committee")
    )
    lead = r.fresh(r.above(r.rng.choice(keys)))
    if not lead:
        return _party_conference(r)
    leader = lead[0]
    r.act(leader, "attended")
    above = r.district or r.world.province
    team = f"Ban Thường vụ {_COMMITTEE_WORDS[above.kind][0]} {above.name}"
    subject = r.rng.choice(_VISIT_SUBJECTS)
    _opening(
        r,
        f"đoàn công tác của {team} do {r.introduce(leader, style='dash')} làm trưởng đoàn",
        f"đã có buổi làm việc với {_party_of(r, formal=False)}{_where(r)} về {subject}",
        placed=False,
    )
    companions = _guests(r, "party", r.rng.randint(1, 2))
    if companions:
        for person in companions:
            r.act(person, "attended")
        r.add(f"Cùng đi có {'; '.join(r.introduce(p) for p in companions)}.")
    hosts = r.fresh(r.official("secretary"), r.official("chair_committee"))
    for person in hosts:
        r.act(person, "attended")
    if hosts:
        welcomed = "; ".join(r.introduce(p, style="comma") for p in hosts)
        r.add(
            f"Tiếp và làm việc với đoàn có {welcomed} cùng các đồng chí trong Ban Thường vụ "
            f"Đảng ủy {r.host.kind}."
        )
    reporter = r.official("chair_committee") or r.official("deputy_standing")
    if reporter is not None:
        r.act(reporter, "presented_report")
        r.add(
            f"Báo cáo với đoàn công tác, {r.introduce(reporter)} cho biết: "
            f"{_figures(r, _FIGURES_ECONOMY, 3)}."
        )
    secretary = r.official("secretary")
    if secretary is not None:
        r.act(secretary, "speech")
        r.add(
            f"Tại buổi làm việc, {r.introduce(secretary)} kiến nghị cấp trên quan tâm hỗ trợ "
            "nguồn lực đầu tư hạ tầng."
        )
    r.act(leader, "directive_speech")
    r.add(
        f"Phát biểu kết luận, chỉ đạo buổi làm việc, {r.again(leader)} {r.rng.choice(_PRAISE)}; "
        f"đề nghị {_tasks(r)}."
    )
    return f"Đoàn công tác {team} làm việc tại {r.host}"


def _voter_meeting(r: _Writer) -> str:
    r.kind = "voter_meeting"
    district = r.district
    number, _, _ = r.world.term(district, "council", r.date)
    timing = f"trước kỳ họp thường lệ {'giữa' if r.date.month <= 7 else 'cuối'} năm {r.date.year}"
    keys = r.rng.sample(
        (
            "vice_committee",
            "head_propaganda",
            "head_organisation",
            "council_economy",
            "chair_front",
            "inspection",
        ),
        2,
    )
    delegates = r.fresh(*(r.above(key, r.rng.randrange(3)) for key in keys))
    r.named.update((district, r.host))
    _opening(
        r,
        f"Tổ đại biểu HĐND {district} ứng cử tại {r.host}",
        f"tổ chức tiếp xúc cử tri {timing}",
        placed=False,
    )
    chair = r.fresh(r.official("chair_front"))
    if chair:
        r.act(chair[0], "chaired")
        r.add(f"Chủ trì buổi tiếp xúc có {r.introduce(chair[0])}.")
    if delegates:
        delegate = _Held("Đại biểu", _Body("council", district))
        for person in delegates:
            r.act(person, "attended")
        team = "; ".join(r.introduce(p, [delegate, *r.titles_of(p)]) for p in delegates)
        r.add(f"Tham gia Tổ đại biểu có {team}.")
        r.act(delegates[0], "presented_report")
        r.add(
            f"{r.again(delegates[0])} thông báo dự kiến nội dung, chương trình kỳ họp HĐND "
            f"{district.kind} khóa {_roman(number)}."
        )
    _voters(r)
    if delegates:
        r.act(delegates[0], "speech")
        r.add(
            f"Thay mặt Tổ đại biểu, {r.again(delegates[0])} tiếp thu, giải trình các ý kiến "
            f"thuộc thẩm quyền của {district.kind}."
        )
    chair_committee = r.official("chair_committee")
    if chair_committee is not None:
        r.act(chair_committee, "speech")
        r.add(
            f"{r.introduce(chair_committee)} giải trình các ý kiến thuộc thẩm quyền của "
            f"{r.host.kind}."
        )
    return f"Tiếp xúc cử tri tại {r.host} trước kỳ họp HĐND {district.kind}"


def _voters(r: _Writer) -> None:
    """Two to four voters, each with a request: "Cử tri A (thôn B) đề nghị …"."""
    villages = r.world.commune_of[r.host].villages
    for ask in r.rng.sample(_VOTER_ASKS, r.rng.randint(2, 4)):
        voter = r.citizen()
        r.state(voter, act="speech")
        village = r.rng.choice(villages)
        where = f"({village})" if r.rng.random() < 0.5 else f"ở {village}"
        r.add(f"Cử tri {voter.name} {where} {ask}.")


def _badge_ceremony(r: _Writer) -> str:
    r.kind = "ceremony"
    day, since, occasion = _BADGE_DAYS[r.date.month]
    _opening(
        r,
        _party_of(r, formal=False),
        f"tổ chức Lễ trao tặng Huy hiệu Đảng đợt {day} cho {r.rng.randint(4, 30)} đảng viên",
    )
    r.add(f"Buổi lễ được tổ chức nhân kỷ niệm {r.date.year - since} năm {occasion}.")
    guests = _guests(r, "party", 1)
    _attendance(r, guests)
    givers = r.fresh(*guests, r.official("secretary"))
    for person in givers:
        r.act(person, "awarded")
    if givers:
        years = r.rng.choice((30, 40, 45, 50, 55, 60))
        r.add(
            f"{' và '.join(r.introduce(p) for p in givers)} trao Huy hiệu {years} năm tuổi "
            "Đảng cho các đảng viên."
        )
    elder = r.citizen()
    r.state(elder, act="speech")
    cells = r.world.seats.get((r.host, "cell"))
    member = f", đảng viên Chi bộ {r.rng.choice(cells).body.village}" if cells else ""
    r.add(
        f"Thay mặt các đảng viên được nhận Huy hiệu, đồng chí {elder.name}{member} phát biểu "
        "cảm ơn, hứa giữ gìn phẩm chất người đảng viên."
    )
    secretary = r.official("secretary")
    if secretary is not None:
        r.act(secretary, "speech")
        r.add(
            f"Phát biểu tại buổi lễ, {r.introduce(secretary)} chúc mừng các đồng chí được nhận "
            "Huy hiệu Đảng; khẳng định đây là phần thưởng cao quý ghi nhận những đóng góp của "
            "các đảng viên đối với quê hương. Đồng chí mong các đảng viên tiếp tục là tấm gương "
            "sáng cho con cháu, tích cực tham gia xây dựng chi bộ, khu dân cư."
        )
    return f"{_party_of(r, formal=False)} trao Huy hiệu Đảng đợt {day}"


def _enlistment_ceremony(r: _Writer) -> str:
    r.kind = "ceremony"
    _opening(
        r,
        f"Hội đồng nghĩa vụ quân sự {r.host}",
        f"tổ chức Lễ tiễn công dân lên đường nhập ngũ năm {r.date.year}",
    )
    guests = _guests(r, "government", 1)
    _attendance(r, guests)
    chair = r.fresh(r.official("chair_committee"))
    _chairs(r, chair)
    recruits = r.rng.randint(8, 30)
    r.add(
        f"Năm {r.date.year}, {r.host} có {recruits} công dân lên đường làm nghĩa vụ quân sự và "
        f"nghĩa vụ tham gia Công an nhân dân, trong đó {r.rng.randint(1, 6)} công dân có trình "
        "độ cao đẳng, đại học; 100% công dân đủ tiêu chuẩn sức khỏe, lý lịch theo quy định."
    )
    military = r.fresh(r.official("military"))
    if military:
        r.act(military[0], "presented_report")
        r.add(
            f"{r.introduce(military[0])} thông qua danh sách {recruits} công dân lên đường "
            "nhập ngũ."
        )
    if chair:
        r.act(chair[0], "speech")
        r.add(
            f"Phát biểu giao nhiệm vụ, {r.again(chair[0])} căn dặn các tân binh ra sức học tập, "
            "rèn luyện, chấp hành nghiêm kỷ luật quân đội, giữ gìn phẩm chất, xứng đáng với "
            "truyền thống quê hương."
        )
    youth = r.fresh(r.official("youth"))
    if youth:
        r.act(youth[0], "awarded")
        r.add(f"{r.introduce(youth[0])} tặng quà cho các tân binh.")
    for guest in guests:
        r.act(guest, "speech")
        r.add(
            f"Phát biểu tại buổi lễ, {r.again(guest)} mong các tân binh phát huy truyền thống "
            "quê hương."
        )
    host = f"{r.host.kind.capitalize()} {r.host.name}"
    return f"{host} tiễn công dân lên đường nhập ngũ năm {r.date.year}"


def _unity_festival(r: _Writer) -> str:
    r.kind = "other"
    seat = r.rng.choice(r.world.seats[(r.host, "cell")])
    village = seat.body.village
    _opening(
        r,
        f"Ban công tác Mặt trận {village}, {r.host}",
        f"tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm {r.date.year}",
    )
    guests = _guests(r, "government", 1) + r.fresh(r.official("chair_front"))
    _attendance(r, guests)
    r.add(
        f"Năm qua, Nhân dân {village} đã đoàn kết, chung sức thực hiện các phong trào thi đua; "
        f"{_figures(r, _FIGURES_MASS['front'], 2)}.",
        "Ngày hội diễn ra trong không khí vui "
        "tươi với nhiều hoạt động văn hóa, thể thao và trò chơi dân gian.",
    )
    cell = seat.holder(r.date)
    if cell is not None:
        r.act(cell, "speech")
        r.add(
            f"{r.introduce(cell)} phát biểu ôn lại truyền thống {r.date.year - 1930} năm Ngày "
            "thành lập Mặt trận Dân tộc Thống nhất Việt Nam."
        )
    if guests:
        r.act(guests[0], "speech")
        r.add(
            f"Phát biểu chúc mừng, {r.again(guests[0])} đề nghị Nhân dân trong khu dân cư tiếp "
            "tục phát huy tinh thần đoàn kết."
        )
        r.act(guests[-1], "awarded")
        r.add(
            f"Dịp này, {r.again(guests[-1])} trao quà cho {r.rng.randint(5, 20)} hộ gia đình có "
            "hoàn cảnh khó khăn."
        )
    return f"Ngày hội Đại đoàn kết toàn dân tộc ở {village}, {r.host}"


_TEMPLATES: dict[str, Callable[[_Writer], str]] = {
    "party_conference": _party_conference,
    "committee_conference": _committee_conference,
    "council_session": _council_session,
    "council_first_session": _council_first_session,
    "additional_election": _additional_election,
    "party_congress": _party_congress,
    "cell_congress": _cell_congress,
    "mass_congress": _mass_congress,
    "mass_conference": _mass_conference,
    "working_visit": _working_visit,
    "voter_meeting": _voter_meeting,
    "badge_ceremony": _badge_ceremony,
    "enlistment_ceremony": _enlistment_ceremony,
    "unity_festival": _unity_festival,
}


# -- the archive: which reports, in date order ------------------------------------------------

Window = tuple[int, int, int]  # a month, its first day, its last day
_ALL_YEAR: tuple[Window, ...] = (
    (3, 1, 28),
    (4, 1, 28),
    (5, 1, 28),
    (6, 1, 28),
    (8, 1, 28),
    (9, 1, 28),
    (10, 1, 28),
    (11, 1, 28),
)
# The reports a portal writes every year: template, host level, weight, dates.
_RECURRING: tuple[tuple[str, str, int, tuple[Window, ...]], ...] = (
    (
        "party_conference",
        "commune",
        20,
        ((1, 5, 25), (7, 3, 28), (12, 10, 28), (3, 1, 28), (4, 1, 28), (8, 1, 28), (10, 1, 28)),
    ),
    (
        "committee_conference",
        "commune",
        6,
        ((2, 15, 28), (3, 1, 28), (5, 1, 28), (8, 1, 28), (9, 1, 28), (10, 1, 28)),
    ),
    ("council_session", "commune", 13, ((7, 5, 25), (12, 8, 28))),
    ("voter_meeting", "commune", 8, ((6, 1, 20), (11, 20, 30))),
    ("mass_conference", "commune", 11, ((12, 10, 28), (1, 5, 20))),
    ("working_visit", "commune", 9, _ALL_YEAR),
    ("badge_ceremony", "commune", 5, ((2, 1, 3), (5, 17, 19), (9, 1, 2), (11, 5, 7))),
    ("enlistment_ceremony", "commune", 2, ((2, 10, 20),)),
    ("unity_festival", "commune", 3, ((11, 8, 18),)),
    (
        "party_conference",
        "district",
        4,
        ((1, 5, 25), (7, 3, 28), (12, 10, 28), (4, 1, 28), (10, 1, 28)),
    ),
    ("council_session", "district", 3, ((7, 5, 25), (12, 8, 28))),
)
# Reports about the communes of 1 July 2025, besides their congresses.
_AFTER: tuple[tuple[str, str, int, tuple[Window, ...]], ...] = (
    ("party_conference", "new", 3, ((7, 10, 28), (8, 1, 28), (10, 1, 28), (12, 10, 28))),
    ("working_visit", "new", 2, ((7, 10, 28), (8, 1, 28), (9, 1, 28), (10, 1, 28), (11, 1, 28))),
    ("badge_ceremony", "new", 2, ((9, 1, 2), (11, 5, 7))),
)
# How likely the portal reported each kind of one-off event.
_ONE_OFF_WEIGHTS = {
    "party_congress": 5,
    "council_first_session": 4,
    "additional_election": 3,
    "mass_congress": 2,
    "cell_congress": 1,
}
_RENEWAL_TEMPLATES = {
    "party": "party_congress",
    "council": "council_first_session",
    "cell": "cell_congress",
}


def _plans(world: _World, count: int, rng: random.Random) -> list[_Plan]:
    one_offs = _one_offs(world)
    taken = min(len(one_offs), round(count * _ONE_OFF_SHARE))
    # A weighted sample without replacement: each item's key is u ** (1 / weight).
    ranked = sorted(one_offs, key=lambda item: rng.random() ** (1 / item[1]), reverse=True)
    plans = [plan for plan, _ in ranked[:taken]]
    after = min(round(count * _AFTER_SHARE) if world.new_communes else 0, count - len(plans))
    plans += [_recurring(world, _AFTER, rng) for _ in range(after)]
    plans += [_recurring(world, _RECURRING, rng) for _ in range(count - len(plans))]
    return sorted(plans, key=lambda p: (p.date, p.unit.era, p.unit.code, p.template))


def _one_offs(world: _World) -> list[tuple[_Plan, int]]:
    """Congresses, first sessions and additional elections, each with its weight."""
    plans = []
    for renewal in world.renewals:
        if renewal.level != "province":
            template = _RENEWAL_TEMPLATES.get(renewal.calendar, "mass_congress")
            plan = _Plan(renewal.date, template, renewal.unit, renewal)
            plans.append((plan, _ONE_OFF_WEIGHTS[template]))
    renewed = {(r.unit, r.date) for r in world.renewals}
    groups: dict[tuple[dt.date, Unit, str], list[_Change]] = {}
    for change in world.changes:
        seat = change.seat
        if (
            seat.level in ("commune", "district")
            and seat.spec.renewal in ("party", "council")
            and (seat.unit, change.date) not in renewed
        ):
            groups.setdefault((change.date, seat.unit, seat.spec.renewal), []).append(change)
    weight = _ONE_OFF_WEIGHTS["additional_election"]
    for (on, unit, calendar), changes in groups.items():
        plans.append((_Plan(on, "additional_election", unit, (calendar, changes)), weight))
    return plans


def _recurring(
    world: _World, table: Sequence[tuple[str, str, int, tuple[Window, ...]]], rng: random.Random
) -> _Plan:
    template, level, _, windows = rng.choices(table, [row[2] for row in table])[0]
    if level == "commune":
        communes = world.communes
        unit = rng.choices([c.unit for c in communes], [c.activity for c in communes])[0]
    elif level == "new":
        unit = rng.choice(world.new_communes)
    else:
        unit = rng.choice([d.unit for d in world.districts])
    subject = rng.choice(list(_MASS)) if template == "mass_conference" else None
    while True:
        month, first, last = rng.choice(windows)
        year = 2025 if level == "new" else rng.randint(FIRST_YEAR, 2025)
        on = dt.date(year, month, rng.randint(first, last))
        if (on >= REORGANISATION) == (level == "new"):
            return _Plan(on, template, unit, subject)


def _world(specs: Sequence[str], seed: int) -> _World:
    rng = random.Random(f"world:{seed}")
    return _World(*_gazetteer(specs, rng), rng)


def _file_stems(world: _World) -> dict[Unit, str]:
    """Each host's file-name stem: its slug, with its district's when two communes share it."""
    units = [
        *(d.unit for d in world.districts),
        *(c.unit for c in world.communes),
        *world.new_communes,
    ]
    slugs = [_slug(str(u)) for u in units]
    stems = {}
    for unit, slug in zip(units, slugs, strict=True):
        shared = slugs.count(slug) > 1 and unit in world.district_of
        stems[unit] = f"{slug}-{_slug(world.district_of[unit].name)}" if shared else slug
    return stems


def _render(world: _World, plan: _Plan, name: str, seed: int) -> GeneratedReport:
    rng = random.Random(f"report:{seed}:{name}")
    writer = _Writer(world, plan, rng, name.removesuffix(".txt"))
    headline = _TEMPLATES[plan.template](writer)
    published = plan.date + dt.timedelta(days=rng.choice((0, 0, 1, 1, 2, 3)))
    truth = Truth(
        writer.kind,
        plan.date,
        plan.unit,
        writer.district,
        world.province,
        writer.truth(),
        tuple(writer.documents),
    )
    return GeneratedReport(name, writer.text(headline, published), published, truth)


def generate(
    count: int, *, seed: int = 0, district: str | Sequence[str] | None = None
) -> Iterator[GeneratedReport]:
    """``count`` reports of one portal's archive, in date order. ``district`` names the district
    (by its code or its name: "huyện Cẩm Xuyên"), or several districts of one province."""
    if count < 0:
        raise ValueError("count must not be negative")
    if district is None:
        specs = [DEFAULT_DISTRICT]
    else:
        specs = [district] if isinstance(district, str) else list(district)
    world = _world(specs, seed)
    stems = _file_stems(world)
    numbers: dict[str, int] = {}
    for plan in _plans(world, count, random.Random(f"plan:{seed}:{count}")):
        stem = f"{stems[plan.unit]}-{plan.date.isoformat()}"
        numbers[stem] = numbers.get(stem, 0) + 1
        yield _render(world, plan, f"{stem}-{numbers[stem]}.txt", seed)


@dataclass(frozen=True)
class ArchiveSummary:
    reports: int
    communes: int  # communes (before 1 July 2025) the reports are about
    new_communes: int  # communes of 1 July 2025 the reports are about
    persons: int  # officials named, each counted once
    citizens: int  # voters and party veterans, each named in one report
    bodies: int  # bodies named
    seconds: float


def write(
    folder: Path | str, count: int, *, seed: int = 0, district: str | Sequence[str] | None = None
) -> ArchiveSummary:
    """Write the reports of ``generate`` as UTF-8 ``.txt`` files into ``folder``."""
    started = time.perf_counter()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    communes: set[Unit] = set()
    persons: set[str] = set()
    bodies: set[str] = set()
    reports = 0
    for report in generate(count, seed=seed, district=district):
        (folder / report.name).write_bytes(report.text.encode("utf-8"))
        reports += 1
        if report.truth.commune is not None:
            communes.add(report.truth.commune)
        persons.update(person.id for person in report.truth.persons)
        bodies.update(role.body for person in report.truth.persons for role in person.roles)
    citizens = sum(person.startswith("c:") for person in persons)
    new = sum(unit.era == "2025" for unit in communes)
    return ArchiveSummary(
        reports,
        len(communes) - new,
        new,
        len(persons) - citizens,
        citizens,
        len(bodies),
        time.perf_counter() - started,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write a seeded archive of one portal's reports (UTF-8 .txt files)."
    )
    parser.add_argument("out", type=Path, help="the folder to write into")
    parser.add_argument(
        "--reports", type=int, default=10_000, help="how many reports (default 10000)"
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="the same seed writes the same files (default 0)"
    )
    parser.add_argument(
        "--district",
        action="append",
        help=f"a district by code or name (default {DEFAULT_DISTRICT!r}); repeat "
        "it for several districts of one province",
    )
    args = parser.parse_args(argv)
    try:
        summary = write(args.out, args.reports, seed=args.seed, district=args.district)
    except ValueError as error:
        parser.error(str(error))
    print(
        f"wrote {summary.reports} reports to {args.out} in {summary.seconds:.1f} s: "
        f"{summary.communes} communes (and {summary.new_communes} of 1 July 2025), "
        f"{summary.persons} persons (and {summary.citizens} citizens named once), "
        f"{summary.bodies} bodies"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
