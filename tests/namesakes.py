"""Three reports written for the tests of names given as parameters (invented people, real
communes): one man's name held by two persons of two provinces, and two communes called Tân Lập,
each with its own "Đảng ủy xã Tân Lập". ``namesakes_store`` ingests them into a fresh store."""

from __future__ import annotations

from pathlib import Path

import yaml

from polgraph.pipeline.ingest import Pipeline
from polgraph.store import OxigraphStore

NAMESAKE = "Lương Văn Khôi"  # two persons: Tân Lập (Hà Nội) and Nghi Phong (Nghệ An)
ONE_OF_A_KIND = "Đỗ Thị Ngọc Ánh"  # one person, chair of Tân Lập's People's Committee
SHARED_BODY = "Đảng ủy xã Tân Lập"  # two bodies: Đan Phượng's and Sông Lô's

REPORTS = {
    "tan-lap-ha-noi": {
        "report": {
            "title": "Đảng ủy xã Tân Lập họp phiên thường kỳ tháng 3",
            "published": "2022-03-11",
            "url": "https://example.org/tan-lap/hop-thuong-ky-thang-3",
        },
        "event": {
            "kind": "conference",
            "date": "2022-03-10",
            "date_year_inferred": False,
            "place": "xã Tân Lập, huyện Đan Phượng, thành phố Hà Nội",
            "organiser": "Đảng ủy xã Tân Lập",
        },
        "persons": [
            {
                "name": NAMESAKE,
                "roles": [
                    {"as_written": "Bí thư Đảng ủy xã", "post": "Bí thư", "org": SHARED_BODY}
                ],
                "acts": ["chaired"],
            },
            {
                "name": ONE_OF_A_KIND,
                "roles": [
                    {
                        "as_written": "Chủ tịch UBND xã",
                        "post": "Chủ tịch",
                        "org": "Ủy ban nhân dân xã Tân Lập",
                    }
                ],
                "acts": ["presented_report"],
            },
        ],
    },
    "nghi-phong": {
        "report": {
            "title": "HĐND xã Nghi Phong khai mạc kỳ họp giữa năm",
            "published": "2023-07-21",
            "url": "https://example.org/nghi-phong/ky-hop-giua-nam",
        },
        "event": {
            "kind": "council_session",
            "date": "2023-07-20",
            "date_year_inferred": False,
            "place": "xã Nghi Phong, thành phố Vinh, tỉnh Nghệ An",
            "organiser": "Hội đồng nhân dân xã Nghi Phong",
        },
        "persons": [
            {
                "name": NAMESAKE,
                "roles": [
                    {
                        "as_written": "Chủ tịch HĐND xã",
                        "post": "Chủ tịch",
                        "org": "Hội đồng nhân dân xã Nghi Phong",
                    }
                ],
                "acts": ["chaired"],
            },
            {
                "name": "Phan Đình Quý",
                "roles": [
                    {
                        "as_written": "Phó Chủ tịch UBND xã",
                        "post": "Phó Chủ tịch",
                        "org": "Ủy ban nhân dân xã Nghi Phong",
                    }
                ],
                "acts": ["presented_report"],
            },
        ],
    },
    "tan-lap-vinh-phuc": {
        "report": {
            "title": "Đảng ủy xã Tân Lập sơ kết công tác quý II",
            "published": "2024-06-28",
            "url": "https://example.org/tan-lap-song-lo/so-ket-quy-2",
        },
        "event": {
            "kind": "conference",
            "date": "2024-06-27",
            "date_year_inferred": False,
            "place": "xã Tân Lập, huyện Sông Lô, tỉnh Vĩnh Phúc",
            "organiser": SHARED_BODY,
        },
        "persons": [
            {
                "name": "Vũ Minh Tâm",
                "roles": [
                    {"as_written": "Bí thư Đảng ủy xã", "post": "Bí thư", "org": SHARED_BODY}
                ],
                "acts": ["chaired"],
            }
        ],
    },
}


def write_reports(folder: Path) -> list[Path]:
    """The reports as structured YAML files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for key, report in REPORTS.items():
        path = folder / f"{key}.yaml"
        path.write_text(yaml.safe_dump({"id": key, **report}, allow_unicode=True), "utf-8")
        paths.append(path)
    return paths


def namesakes_store(folder: Path, vocabulary, validator, path: Path | None = None) -> OxigraphStore:
    """A store (in memory, or at ``path``) holding the reports, persons and tenures resolved."""
    store = OxigraphStore(path)
    pipeline = Pipeline(store, vocabulary, validator)
    pipeline.ensure_model_graphs()
    outcome = pipeline.run(write_reports(folder))
    assert not outcome.rejected, [o.error for o in outcome.rejected]
    return store
