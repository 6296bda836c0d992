"""Reports written for the search's tests (invented people, real communes), as structured files.

Two persons named Đặng Văn Đạt: one in xã Đức Lạng (Hà Tĩnh), named in a conference of 2019 and
a council session of 2021 as Phó Chủ tịch of the commune's People's Committee, so one person; and
a namesake in xã Yên Đồng (Ninh Bình), at a congress of the commune's Fatherland Front in 2024.
Names and places hold "đ", the letter the index folds itself.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

DUC_LANG = "xã Đức Lạng, huyện Đức Thọ, tỉnh Hà Tĩnh"
YEN_DONG = "xã Yên Đồng, huyện Yên Mô, tỉnh Ninh Bình"
NAMESAKE = "Đặng Văn Đạt"

CONFERENCE_TEXT = (
    "Đảng ủy xã Đức Lạng tổng kết công tác năm 2018\n"
    "Ngày 15/01/2019, Đảng ủy xã Đức Lạng tổ chức hội nghị tổng kết công tác xây dựng Đảng "
    "năm 2018. Đồng chí Đinh Thị Duyên, Bí thư Đảng ủy xã, chủ trì hội nghị. Đồng chí Đặng Văn "
    "Đạt, Phó Chủ tịch UBND xã, báo cáo kết quả phát triển kinh tế, trồng lúa và nuôi cá."
)
# The sentence of the conference report that "hoi nghi" finds best: the words one after the
# other, as typed.
CONFERENCE_SENTENCE = (
    "Ngày 15/01/2019, Đảng ủy xã Đức Lạng tổ chức hội nghị tổng kết công tác xây dựng Đảng "
    "năm 2018."
)

REPORTS: dict[str, dict[str, Any]] = {
    "duc-lang-2019": {
        "id": "duc-lang-2019",
        "report": {
            "title": "Đảng ủy xã Đức Lạng tổng kết công tác năm 2018",
            "published": "2019-01-16",
            "place": DUC_LANG,
            "text": CONFERENCE_TEXT,
        },
        "event": {
            "kind": "conference",
            "date": "2019-01-15",
            "place": DUC_LANG,
            "organiser": "Đảng ủy xã Đức Lạng",
            "name": "Hội nghị tổng kết công tác xây dựng Đảng năm 2018 của Đảng ủy xã Đức Lạng",
        },
        "persons": [
            {
                "name": "Đinh Thị Duyên",
                "roles": [{"post": "Bí thư", "org": "Đảng ủy xã Đức Lạng"}],
                "acts": ["chaired"],
            },
            {
                "name": NAMESAKE,
                "roles": [{"post": "Phó Chủ tịch", "org": "Ủy ban nhân dân xã Đức Lạng"}],
                "acts": ["presented_report"],
            },
        ],
        "documents": [],
    },
    "duc-lang-2021": {
        "id": "duc-lang-2021",
        "report": {
            "title": "HĐND xã Đức Lạng họp kỳ thứ hai",
            "published": "2021-07-21",
            "place": DUC_LANG,
            "text": (
                "HĐND xã Đức Lạng họp kỳ thứ hai\n"
                "Ngày 20/7/2021, Hội đồng nhân dân xã Đức Lạng họp kỳ thứ hai. Đồng chí Đặng Văn "
                "Đạt, Phó Chủ tịch UBND xã, trình bày tờ trình về kế hoạch đầu tư công."
            ),
        },
        "event": {
            "kind": "council_session",
            "date": "2021-07-20",
            "place": DUC_LANG,
            "organiser": "Hội đồng nhân dân xã Đức Lạng",
            "name": "Kỳ họp thứ hai Hội đồng nhân dân xã Đức Lạng",
        },
        "persons": [
            {
                "name": NAMESAKE,
                "roles": [{"post": "Phó Chủ tịch", "org": "Ủy ban nhân dân xã Đức Lạng"}],
                "acts": ["presented_report"],
            }
        ],
        "documents": [],
    },
    "yen-dong-2024": {
        "id": "yen-dong-2024",
        "report": {
            "title": "Đại hội Mặt trận Tổ quốc xã Yên Đồng",
            "published": "2024-05-11",
            "place": YEN_DONG,
            "text": (
                "Đại hội Mặt trận Tổ quốc xã Yên Đồng\n"
                "Sáng 10/5/2024, Ủy ban Mặt trận Tổ quốc xã Yên Đồng tổ chức Đại hội đại biểu "
                "lần thứ XX. Đồng chí Đặng Văn Đạt, Phó Chủ tịch Ủy ban MTTQ xã, đọc báo cáo "
                "chính trị."
            ),
        },
        "event": {
            "kind": "congress",
            "date": "2024-05-10",
            "place": YEN_DONG,
            "organiser": "Ủy ban Mặt trận Tổ quốc xã Yên Đồng",
            "name": "Đại hội đại biểu Mặt trận Tổ quốc xã Yên Đồng lần thứ XX",
        },
        "persons": [
            {
                "name": NAMESAKE,
                "roles": [{"post": "Phó Chủ tịch", "org": "Ủy ban Mặt trận Tổ quốc xã Yên Đồng"}],
                "acts": ["presented_report"],
            }
        ],
        "documents": [],
    },
}


def write_report(folder: Path, key: str, report: dict[str, Any] | None = None) -> Path:
    """``REPORTS[key]`` (or ``report``) as a YAML file in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{key}.yaml"
    content = report if report is not None else REPORTS[key]
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    return path


def write_reports(folder: Path) -> list[Path]:
    return [write_report(folder, key) for key in REPORTS]


def changed(key: str, **event: str) -> dict[str, Any]:
    """``REPORTS[key]`` with other facts about the same text (its event's fields as given): the
    same report, replaced when ingested again."""
    report = copy.deepcopy(REPORTS[key])
    report["event"].update(event)
    return report
