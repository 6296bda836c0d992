"""Synthetic structured reports drawn from the vocabularies, for benchmarks.

The people and places are invented; titles and bodies come from ontology/vocab so the reports
exercise the same lookups as real ones. A seeded generator makes runs repeatable.
"""

from __future__ import annotations

import random

from rdflib import Literal
from rdflib.namespace import RDF, SKOS

from polgraph.extract.schema import Extraction
from polgraph.namespaces import PG
from polgraph.vocab import Vocabulary

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Biện", "Khổng", "Tạ", "Mai", "Đoàn", "Lương"]
MIDDLE = ["Văn", "Thị", "Đức", "Hữu", "Xuân", "Minh", "Thanh", "Ngọc", "Công", "Đình"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Hùng", "Lan", "Loan", "Nam", "Ngọ", "Phúc",
         "Quang", "Sơn", "Tâm", "Thảo", "Thắng", "Tuấn", "Vinh", "Yến"]
COMMUNE_STEMS = ["An", "Bình", "Hòa", "Hưng", "Lộc", "Phú", "Tân", "Thạch", "Xuân", "Yên"]
BODY_PREFIXES = ["Đảng ủy", "Ủy ban nhân dân", "Hội đồng nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam",
                 "Hội Liên hiệp Phụ nữ", "Hội Cựu chiến binh", "Hội Nông dân"]
KINDS = ["conference", "congress", "council_session", "voter_meeting", "working_visit", "ceremony", "other"]
ACTS = ["attended", "chaired", "presented_report", "speech", "directive_speech", "moderated"]


def _vi(vocabulary: Vocabulary, concept) -> str:
    return next(str(l) for l in vocabulary.vocab.objects(concept, SKOS.prefLabel)
                if isinstance(l, Literal) and l.language == "vi")


def post_titles(vocabulary: Vocabulary) -> list[str]:
    return sorted(_vi(vocabulary, c) for c in vocabulary.vocab.subjects(RDF.type, PG.PostType))


def synthetic_report(index: int, vocabulary: Vocabulary, titles: list[str]) -> Extraction:
    rng = random.Random(index)
    commune = f"xã {rng.choice(COMMUNE_STEMS)} {COMMUNE_STEMS[index % 10]} {index // 100}"
    district = f"huyện {COMMUNE_STEMS[index % 7]} {index // 1000}"
    persons = []
    for _ in range(rng.randint(5, 10)):
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        roles = [{"post": rng.choice(titles), "org": f"{rng.choice(BODY_PREFIXES)} {commune}"}
                 for _ in range(rng.randint(0, 2))]
        persons.append({"name": name, "roles": roles, "acts": rng.sample(ACTS, rng.randint(1, 2))})
    return Extraction.model_validate({
        "id": f"synthetic-{index:06d}",
        "report": {"title": f"Hội nghị số {index}", "published": f"2023-{index % 12 + 1:02d}-15"},
        "event": {"kind": rng.choice(KINDS), "date": f"2023-{index % 12 + 1:02d}-{index % 27 + 1:02d}",
                  "place": f"{commune}, {district}", "organiser": f"Đảng ủy {commune}", "term": "2020-2025"},
        "persons": persons,
        "documents": [{"number": f"{index}-KH/ĐU", "kind": "Kế hoạch", "issuer": f"Đảng ủy {commune}"}],
    })
