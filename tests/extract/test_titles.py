"""Titles split into posts and bodies, bodies spelt out and completed with the locality; names
found in every style. The snippets are written for these tests."""

from dataclasses import dataclass

import pytest

from polgraph.extract.lexicon import lexicon
from polgraph.extract.mentions import MentionFinder
from polgraph.extract.titles import OrgCompleter, TitleParser
from polgraph.text.view import ReportText, fold


@dataclass(frozen=True)
class Place:
    commune: str | None = "xã Tân Phúc"
    district: str | None = "huyện Nông Cống"
    province: str | None = "tỉnh Thanh Hóa"
    village: str | None = None


@pytest.fixture(scope="module")
def titles():
    lex = lexicon()
    return TitleParser(lex, OrgCompleter(lex, Place()))


def roles(titles, text):
    return [(r.post, r.org) for r in titles.parse(text, fold(text), 0)]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Bí thư Đảng uỷ, Chủ tịch HĐND xã",
            [("Bí thư", "Đảng ủy xã Tân Phúc"), ("Chủ tịch", "Hội đồng nhân dân xã Tân Phúc")],
        ),
        ("PCT UBND huyện", [("Phó Chủ tịch", "Ủy ban nhân dân huyện Nông Cống")]),
        (
            "UVBTV, Trưởng Ban Tổ chức Huyện ủy",
            [
                ("Ủy viên Ban Thường vụ", "Huyện ủy Nông Cống"),
                ("Trưởng ban", "Ban Tổ chức Huyện ủy Nông Cống"),
            ],
        ),
        (
            "Ủy viên BTV Tỉnh ủy - Trưởng Ban dân vận",
            [
                ("Ủy viên Ban Thường vụ", "Tỉnh ủy Thanh Hóa"),
                ("Trưởng ban", "Ban Dân vận Tỉnh ủy Thanh Hóa"),
            ],
        ),
        ("PBT TT Đảng uỷ", [("Phó Bí thư Thường trực", "Đảng ủy xã Tân Phúc")]),
        ("Huyện ủy viên", [("Ủy viên Ban Chấp hành", "Đảng bộ huyện Nông Cống")]),
        ("Chủ tịch Ủy ban MTTQ xã", [("Chủ tịch", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Phúc")]),
        ("Chủ tịch Hội LHPN xã", [("Chủ tịch", "Hội Liên hiệp Phụ nữ xã Tân Phúc")]),
        ("Chỉ huy trưởng BCHQS xã", [("Chỉ huy trưởng", "Ban Chỉ huy Quân sự xã Tân Phúc")]),
        ("Trưởng Công an xã", [("Trưởng Công an", "Công an xã Tân Phúc")]),
        ("Trưởng phòng Văn hóa huyện", [("Trưởng phòng", "Phòng Văn hóa huyện Nông Cống")]),
        ("Phó Chánh Văn phòng Huyện ủy", [("Phó Chánh Văn phòng", "Văn phòng Huyện ủy Nông Cống")]),
        (
            "Bí thư Chi bộ, Trưởng thôn Đồng Tâm",
            [("Bí thư", "Chi bộ thôn Đồng Tâm"), ("Trưởng thôn", "thôn Đồng Tâm")],
        ),
        (
            "Trưởng Ban Văn hoá - Xã hội HĐND xã",
            [("Trưởng ban", "Ban Văn hóa - Xã hội Hội đồng nhân dân xã Tân Phúc")],
        ),
        (
            "Công chức Tư pháp - Hộ tịch xã",
            [("Công chức Tư pháp - Hộ tịch", "Ủy ban nhân dân xã Tân Phúc")],
        ),
        ("ĐBQH khóa XV", [("Đại biểu", "Quốc hội khóa XV")]),
        (
            "Phó Chủ tịch UBND xã kiêm Trưởng Công an xã",
            [
                ("Phó Chủ tịch", "Ủy ban nhân dân xã Tân Phúc"),
                ("Trưởng Công an", "Công an xã Tân Phúc"),
            ],
        ),
        (
            "Bí thư Đảng ủy và Chủ tịch HĐND xã",
            [("Bí thư", "Đảng ủy xã Tân Phúc"), ("Chủ tịch", "Hội đồng nhân dân xã Tân Phúc")],
        ),
        (
            "Chánh Văn phòng HĐND và UBND huyện",
            [("Chánh Văn phòng", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Nông Cống")],
        ),
    ],
)
def test_titles_become_posts_of_bodies(titles, title, expected):
    assert roles(titles, title) == expected


def test_a_body_written_out_in_full_keeps_its_own_locality(titles):
    assert roles(titles, "Chủ tịch UBND xã Hải Nhân") == [
        ("Chủ tịch", "Ủy ban nhân dân xã Hải Nhân")
    ]


def test_text_that_is_no_title_gives_no_role(titles):
    assert roles(titles, "đề nghị các chi bộ") == []


def names(titles, text):
    return [
        (m.name, [(r.post, r.org) for r in m.roles])
        for m in MentionFinder(titles).find(ReportText(text))
        if m.name
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dự hội nghị có đồng chí Lê Thị Thu – Phó Chủ tịch UBND huyện.",
            [("Lê Thị Thu", [("Phó Chủ tịch", "Ủy ban nhân dân huyện Nông Cống")])],
        ),
        (
            "Đ/c: Khổng Văn Tài- Bí thư Đảng uỷ phát biểu.",
            [("Khổng Văn Tài", [("Bí thư", "Đảng ủy xã Tân Phúc")])],
        ),
        (
            (
                "Các đồng chí: Tạ Văn Hùng, Bí thư Đảng ủy; "
                "Biện Thị Hoa, Chủ tịch UBND xã chủ trì hội nghị."
            ),
            [
                ("Tạ Văn Hùng", [("Bí thư", "Đảng ủy xã Tân Phúc")]),
                ("Biện Thị Hoa", [("Chủ tịch", "Ủy ban nhân dân xã Tân Phúc")]),
            ],
        ),
        (
            "Bí thư Đảng ủy xã Lò Văn Páo phát biểu khai mạc.",
            [("Lò Văn Páo", [("Bí thư", "Đảng ủy xã Tân Phúc")])],
        ),
        (
            "Ông Đỗ Quân, Chủ tịch Hội CCB xã, báo cáo.",
            [("Đỗ Quân", [("Chủ tịch", "Hội Cựu chiến binh xã Tân Phúc")])],
        ),
        (
            "Bà H'Lan Niê – Phó Chủ tịch HĐND xã điều hành thảo luận.",
            [("H'Lan Niê", [("Phó Chủ tịch", "Hội đồng nhân dân xã Tân Phúc")])],
        ),
    ],
)
def test_names_in_every_style(titles, text, expected):
    assert names(titles, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị diễn ra tại xã Thạch Kim, huyện Lộc Hà.",
        "Đồng bào Hà Nhì ở xã Y Tý đã tham gia.",
        "Đoàn Chủ tịch điều hành đại hội.",
        "Quận ủy Ninh Kiều tổ chức hội nghị.",
    ],
)
def test_places_bodies_and_peoples_are_not_persons(titles, text):
    assert names(titles, text) == []


def test_a_title_alone_refers_back(titles):
    found = MentionFinder(titles).find(
        ReportText("Phát biểu kết luận, đồng chí Bí thư Đảng ủy xã nhấn mạnh.")
    )
    references = [m for m in found if m.name is None]
    assert [(r.post, r.org) for r in references[0].roles] == [("Bí thư", "Đảng ủy xã Tân Phúc")]


def test_span_index_answers_like_a_scan():
    from hypothesis import given
    from hypothesis import strategies as st

    from polgraph.extract.mentions import _Spans

    @given(
        st.lists(st.integers(0, 500), max_size=30, unique=True),
        st.integers(0, 520),
        st.integers(1, 30),
    )
    def check(starts, pos, width):
        spans = [(s, s + 3) for s in sorted(starts) if all(not (t < s < t + 3) for t in starts)]
        index = _Spans(spans)
        assert index.covers(pos) == any(s <= pos < e for s, e in spans)
        assert index.any_start_in(pos, pos + width) == any(pos <= s < pos + width for s, _ in spans)
        assert index.last_end_before(pos, -1) == max((e for _, e in spans if e <= pos), default=-1)

    check()
