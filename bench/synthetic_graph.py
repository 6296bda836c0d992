"""A synthetic world of local elites for the network benchmarks: places, bodies, posts and who
held them when.

The world: 63 provinces of 16 districts of 10 communes (10,080 communes). A commune has 12
seats (Bí thư and Phó Bí thư of its Đảng ủy, Chủ tịch and two Phó Chủ tịch of its UBND, the
chairs of its HĐND, Front and mass organisations), a district 8, a province 6. A third of the
seats change hands once between 2020 and mid-2025, half of those by promoting the deputy (Phó
Chủ tịch → Chủ tịch). A commune also has 10 recurring local figures (village heads, veterans,
model farmers). ``synthetic_store`` turns it into reports.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from rdflib import URIRef

from polgraph.namespaces import ID
from polgraph.rdf import iris
from polgraph.text.normalise import name_key, stable_slug
from polgraph.vocab import Vocabulary

PG = "https://w3id.org/polgraph/ontology#"
ORG = "http://www.w3.org/ns/org#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
START, END = dt.date(2020, 1, 1), dt.date(2025, 6, 30)
SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Võ",
    "Phan",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Mai",
    "Đoàn",
    "Lương",
    "Trịnh",
    "Hà",
]
MIDDLE = [
    "Văn",
    "Thị",
    "Đức",
    "Hữu",
    "Xuân",
    "Minh",
    "Thanh",
    "Ngọc",
    "Công",
    "Đình",
    "Quang",
    "Thu",
]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hạnh",
    "Hùng",
    "Lan",
    "Loan",
    "Nam",
    "Ngọ",
    "Phúc",
    "Quang",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thắng",
    "Tuấn",
    "Vinh",
    "Yến",
    "Hiếu",
    "Khánh",
    "Long",
    "Mạnh",
    "Nga",
]
# (title, body) per seat; {unit} is "xã Phú 1-2-3", {place} the name without its level word.
COMMUNE_SEATS = [
    ("Bí thư", "Đảng ủy {unit}"),
    ("Phó Bí thư", "Đảng ủy {unit}"),
    ("Chủ tịch", "Ủy ban nhân dân {unit}"),
    ("Phó Chủ tịch", "Ủy ban nhân dân {unit}"),
    ("Phó Chủ tịch", "Ủy ban nhân dân {unit}"),
    ("Chủ tịch", "Hội đồng nhân dân {unit}"),
    ("Phó Chủ tịch", "Hội đồng nhân dân {unit}"),
    ("Chủ tịch", "Ủy ban Mặt trận Tổ quốc Việt Nam {unit}"),
    ("Chủ tịch", "Hội Liên hiệp Phụ nữ {unit}"),
    ("Chủ tịch", "Hội Cựu chiến binh {unit}"),
    ("Chủ tịch", "Hội Nông dân {unit}"),
    ("Bí thư", "Đoàn Thanh niên Cộng sản Hồ Chí Minh {unit}"),
]
DISTRICT_SEATS = [
    ("Bí thư", "Huyện ủy {place}"),
    ("Phó Bí thư", "Huyện ủy {place}"),
    ("Chủ tịch", "Ủy ban nhân dân {unit}"),
    ("Phó Chủ tịch", "Ủy ban nhân dân {unit}"),
    ("Phó Chủ tịch", "Ủy ban nhân dân {unit}"),
    ("Chủ tịch", "Hội đồng nhân dân {unit}"),
    ("Trưởng ban", "Ban Tuyên giáo Huyện ủy {place}"),
    ("Trưởng ban", "Ban Dân vận Huyện ủy {place}"),
]
PROVINCE_SEATS = [
    ("Bí thư", "Tỉnh ủy {place}"),
    ("Phó Bí thư", "Tỉnh ủy {place}"),
    ("Phó Bí thư", "Tỉnh ủy {place}"),
    ("Chủ tịch", "Ủy ban nhân dân {unit}"),
    ("Phó Chủ tịch", "Ủy ban nhân dân {unit}"),
    ("Phó Chủ tịch", "Ủy ban nhân dân {unit}"),
]


def lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass
class Unit:
    iri: str
    name: str  # "xã Phú 1-2-3"
    description: list[tuple[str, str, str]]  # its triples and those of the units above it


@dataclass
class Seat:
    post: str
    body: str
    title: str
    holders: list[tuple[str, dt.date, dt.date]] = field(default_factory=list)  # person, from, to

    def holder(self, on: dt.date) -> str:
        return next(p for p, start, end in self.holders if start <= on <= end)


@dataclass
class Commune:
    unit: Unit
    seats: list[Seat]
    figures: list[str]
    district_seats: list[Seat]
    province_seats: list[Seat]


class World:
    """Everything drawn once from a seed; ``describe`` gives a node's triples (a body with its
    parent bodies), which ``synthetic_store`` writes once, each node's into a graph of its own."""

    def __init__(self, vocabulary: Vocabulary, seed: int = 7) -> None:
        self.v = vocabulary
        self.rng = random.Random(seed)
        self.names: dict[str, str] = {}  # person IRI → name
        self.triples: dict[str, list[tuple[str, str, str]]] = {}
        self.parent: dict[str, str] = {}
        self.body_of: dict[str, str] = {}  # post IRI → body IRI
        self.communes: list[Commune] = []
        for p in range(1, 64):
            province = self.unit("province", f"{p:02d}", f"tỉnh Sông {p}", None)
            province_seats = self.seats(PROVINCE_SEATS, province, None)
            for d in range(16):
                district = self.unit("district", f"{p:02d}{d:02d}", f"huyện Đồi {p}-{d}", province)
                district_seats = self.seats(DISTRICT_SEATS, district, province_seats[0].body)
                for c in range(10):
                    commune = self.unit(
                        "commune", f"{p:02d}{d:02d}{c}", f"xã Phú {p}-{d}-{c}", district
                    )
                    seats = self.seats(COMMUNE_SEATS, commune, district_seats[0].body)
                    figures = [self.person() for _ in range(10)]
                    self.communes.append(
                        Commune(commune, seats, figures, district_seats, province_seats)
                    )

    def person(self) -> str:
        name = f"{self.rng.choice(SURNAMES)} {self.rng.choice(MIDDLE)} {self.rng.choice(GIVEN)}"
        iri = f"<{ID}person/{stable_slug(name_key(name))}-{len(self.names):07d}>"
        self.names[iri] = name
        return iri

    def unit(self, level: str, code: str, name: str, parent: Unit | None) -> Unit:
        iri = f"<{iris.unit('legacy', level, code)}>"
        cls = {"province": "Province", "district": "District", "commune": "Commune"}[level]
        own = [
            (iri, RDF_TYPE, f"<{PG}{cls}>"),
            (iri, LABEL, lit(name[0].upper() + name[1:])),
            (iri, f"<{PG}officialCode>", lit(code)),
            (iri, f"<{PG}adminStructure>", lit("legacy")),
        ]
        if parent is not None:
            own += [(iri, f"<{PG}partOf>", parent.iri), *parent.description]
        return Unit(iri, name, own)

    def body(self, label: str, unit: Unit, parent: str | None) -> str:
        iri = f"<{iris.organization(label)}>"
        if iri not in self.triples:
            found = self.v.body_type(label)
            own = [
                (iri, RDF_TYPE, f"<{PG}Organization>"),
                (iri, LABEL, lit(label)),
                (iri, f"<{PG}jurisdiction>", unit.iri),
            ]
            if found:
                own += [
                    (iri, RDF_TYPE, f"<{found[0].org_class}>"),
                    (iri, f"<{PG}bodyType>", f"<{found[0].concept}>"),
                ]
            if parent:
                own.append((iri, f"<{ORG}subOrganizationOf>", parent))
                self.parent[iri] = parent
            self.triples[iri] = own
        return iri

    def post(self, title: str, body: str, body_label: str) -> str:
        iri = f"<{iris.post(title, URIRef(body[1:-1]))}>"
        if iri not in self.triples:
            self.body_of[iri] = body
            concept = self.v.post_type(title)
            self.triples[iri] = [
                (iri, RDF_TYPE, f"<{PG}Post>"),
                (iri, f"<{PG}postTitle>", lit(title)),
                (iri, LABEL, lit(f"{title} {body_label}")),
                (iri, f"<{ORG}postIn>", body),
            ] + ([(iri, f"<{PG}postType>", f"<{concept}>")] if concept else [])
        return iri

    def describe(self, node: str) -> list[tuple[str, str, str]]:
        triples = list(self.triples[node])
        while node in self.parent:
            node = self.parent[node]
            triples += self.triples[node]
        return triples

    def seats(self, plan, unit: Unit, party_above: str | None) -> list[Seat]:
        place = unit.name.split(" ", 1)[1]
        seats: list[Seat] = []
        committee: str | None = None
        for title, template in plan:
            label = template.format(unit=unit.name, place=place)
            if template.startswith(("Đảng ủy", "Huyện ủy", "Tỉnh ủy")):
                parent = party_above
            elif template.startswith("Ban "):
                parent = committee  # a district's boards sit under its party committee
            else:
                parent = None
            body = self.body(label, unit, parent)
            committee = committee or (body if parent == party_above and party_above else None)
            seats.append(Seat(self.post(title, body, label), body, title))
        for seat in sorted(seats, key=lambda s: not s.title.startswith("Phó")):  # deputies first
            deputy = next(
                (s for s in seats if s.body == seat.body and s.title == f"Phó {seat.title}"), None
            )
            self.staff(seat, deputy)
        return seats

    def staff(self, seat: Seat, deputy: Seat | None) -> None:
        """One holder throughout, or two with a hand-over; a principal's successor is its deputy
        half the time, whose own seat then passes to someone new."""
        first = self.person()
        if self.rng.random() >= 1 / 3:
            seat.holders = [(first, START, END)]
            return
        change = START + dt.timedelta(days=self.rng.randrange(120, (END - START).days - 120))
        before = change - dt.timedelta(days=1)
        if deputy is not None and len(deputy.holders) == 1 and self.rng.random() < 0.5:
            promoted = deputy.holders[0][0]
            deputy.holders = [(promoted, START, before), (self.person(), change, END)]
            seat.holders = [(first, START, before), (promoted, change, END)]
        else:
            seat.holders = [(first, START, before), (self.person(), change, END)]
