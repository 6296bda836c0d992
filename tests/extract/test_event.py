"""The event rules: date, kind, locality, organiser, term and documents of a report.

The unit tests use short snippets written for these tests (real place names, invented events).
The last tests read the shared dev corpus (../shared/dev-corpus) and skip when it is absent.
Whole reports read for their event fields alone are cases in cases/reader (test_reader_cases.py).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polgraph.extract.event import (
    Locality,
    find_documents,
    find_event_date,
    find_event_kind,
    find_locality,
    find_organiser,
    lay_out,
)
from polgraph.extract.event.layout import ReportLayout
from polgraph.extract.lexicon import lexicon
from polgraph.text.view import ReportText

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "dev-corpus"


def rt(text: str) -> ReportLayout:
    """A text laid out as the reader lays out a report, once, for the rules that read it."""
    return lay_out(ReportText(text))


def report(
    body: str, headline: str = "Tin hoạt động cơ sở", published: str | None = None
) -> ReportLayout:
    """A report laid out like the portals: headline, optional "Ngày đăng:" line, blank, body."""
    lines = [headline]
    if published:
        lines.append(f"Ngày đăng: {published}")
    return rt("\n".join(lines) + "\n\n" + body)


# ----------------------------------------------------------------------------------------------
# Dates
# ----------------------------------------------------------------------------------------------


def test_the_date_span_covers_the_expression_as_written():
    text = report("Chiều ngày 9/8/2022, Hội Nông dân xã Kỳ Tân tổ chức Đại hội.")
    date = find_event_date(text, None)
    assert text.text.text[date.span[0] : date.span[1]] == "Chiều ngày 9/8/2022"


DATE_TYPOS = [
    # (body, date, a word the warning must contain)
    ("Ngày 022/4/2023, Đảng ủy xã Kỳ Hoa tổ chức hội nghị.", "2023-04-02", "doubled digit"),
    ("Ngày 004/5/2022, Đảng ủy xã Kỳ Hoa tổ chức hội nghị.", "2022-05-04", "doubled digit"),
    ("Ngày 12/10//2021, Đảng ủy xã Kỳ Hoa tổ chức hội nghị.", "2021-10-12", "separators"),
    ("Chiều 7 /8/2022, Đảng ủy xã Kỳ Hoa tổ chức hội nghị.", "2022-08-07", "separators"),
    ("Ngày 31/2/2023, Đảng ủy xã Kỳ Hoa tổ chức hội nghị.", None, "impossible"),
    ("Ngày 14/13/2023, Đảng ủy xã Kỳ Hoa tổ chức hội nghị.", None, "impossible"),
]


@pytest.mark.parametrize(("body", "expected", "warning"), DATE_TYPOS)
def test_malformed_dates_are_repaired_or_dropped_with_a_warning(body, expected, warning):
    date = find_event_date(report(body), None)
    assert date.date == expected
    assert any(warning in w for w in date.warnings), date.warnings


def test_a_missing_year_without_publication_date_gives_no_date_and_a_warning():
    date = find_event_date(report("Sáng 12/1, UBND xã Kỳ Hoa tổ chức hội nghị."), None)
    assert date.date is None and not date.year_inferred
    assert any("no year" in w for w in date.warnings)


# Pages as crawled: the publication stamp comes in many shapes, and none is the event's date.
STAMPED_PAGES = [
    # a crawler's header line
    (
        (
            " date 2024-11-05 Xã Kỳ Hoa tổng kết công tác Mặt trận\n\nChiều 4/11, "
            "Ủy ban MTTQ Việt Nam "
            "xã Kỳ Hoa tổ chức hội nghị tổng kết."
        ),
        "2024-11-05",
        "2024-11-04",
    ),
    # a date with the time of day, and the page's view count
    (
        (
            "Kỳ Hoa tổng kết công tác Mặt trận 05/11/2024 08:30 Lượt xem: "
            "12\nChiều 4/11, Ủy ban MTTQ "
            "Việt Nam xã Kỳ Hoa tổ chức hội nghị tổng kết."
        ),
        "2024-11-05",
        "2024-11-04",
    ),
    (
        (
            "Thứ Ba, 05/11/2024, 08:30 (GMT+7)\nChiều 4/11, Ủy "
            "ban MTTQ Việt Nam xã Kỳ Hoa tổ chức hội nghị tổng kết."
        ),
        "2024-11-05",
        "2024-11-04",
    ),
    # a date alone on the first line, then a title line with no verb, then the date of the event
    (
        (
            "05/11/2024\nTrao Huy hiệu Đảng tại xã Kỳ Hoa\nChiều ngày 4/11, đồng "
            "chí Trần Văn An trao "
            "Huy hiệu 40 năm tuổi Đảng cho đảng viên xã Kỳ Hoa."
        ),
        "2024-11-05",
        "2024-11-04",
    ),
    # a date glued to the first word of the body
    (
        (
            "Xã Kỳ Hoa khai mạc Đại hội đại biểu Đảng bộ xã, nhiệm kỳ 2025 - "
            "2030\n05/11/2024Sáng nay "
            "(5/11), Đảng bộ xã Kỳ Hoa khai mạc Đại hội."
        ),
        "2024-11-05",
        "2024-11-05",
    ),
]


@pytest.mark.parametrize(("page", "published", "expected"), STAMPED_PAGES)
def test_a_publication_stamp_gives_the_year_and_is_never_the_event_date(page, published, expected):
    text = rt(page)
    assert text.published == dt.date.fromisoformat(published)
    found = find_event_date(text, text.published)
    assert found.date == expected and found.year_inferred


def test_a_bylines_date_is_a_stamp_not_the_event_date():
    # "initials|date|time" between headline and body: the page's, a day after the event.
    page = rt(
        "CÔNG TÁC HỘI\n\nHội nghị triển khai công tác năm 2023\n\nNV|14/3/2023|09:20\n\n"
        "Thực hiện Kế hoạch 05/KH-CCB ngày 09/01/2023 của Hội Cựu chiến binh huyện. Vừa qua, "
        "ngày 13/3/2023 tại hội trường xã Kỳ Hoa đã tổ chức Hội nghị triển khai công tác Hội."
    )
    assert page.published == dt.date(2023, 3, 14)
    assert find_event_date(page, page.published).date == "2023-03-13"


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        # 1930 + 92: the front's anniversary, the day in the week before it
        ("Nhân kỷ niệm 92 năm Ngày thành lập Mặt trận Tổ quốc Việt Nam, chiều 12/11", "2022-11-12"),
        ("Hướng tới kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam, sáng 20/1", "2025-01-20"),
        ("Nhân kỷ niệm 76 năm Ngày Thương binh - Liệt sĩ, sáng 25/7", "2023-07-25"),
        # a local body's own anniversary counts from a day no vocabulary knows
        ("Nhân kỷ niệm 30 năm Ngày thành lập Hội Nông dân huyện, sáng 14/10", None),
        ("Kỷ niệm 70 năm Ngày thành lập Đảng bộ tỉnh, sáng 14/10", None),
    ],
)
def test_without_a_publication_date_the_anniversary_a_report_marks_gives_the_year(
    vocabulary, opening, expected
):
    text = rt(f"{opening}, UBND xã Kỳ Hoa tổ chức gặp mặt các gia đình tiêu biểu.")
    found = find_event_date(text, None, lexicon(vocabulary))
    assert found.date == expected
    assert found.year_inferred == (expected is not None)
    # Without the vocabulary, no year is to be had.
    assert find_event_date(text, None).date is None


def test_a_full_date_at_the_start_of_a_sentence_is_no_stamp():
    assert rt("15/3/2024, Đảng ủy xã Kỳ Hoa tổ chức hội nghị.").published is None


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Sáng",
                "ngày",
                " ",
                "/",
                "//",
                "-",
                ".",
                "0",
                "1",
                "3",
                "12",
                "29",
                "31",
                "99",
                "011",
                "2023",
                "tháng",
                "năm",
                "(",
                ")",
                ",",
                "tổ chức",
                "UBND xã Kỳ Hoa",
                "số",
                "KH/HU",
                "\n",
            ]
        ),
        max_size=30,
    )
)
def test_date_reading_never_raises(pieces):
    date = find_event_date(rt("".join(pieces)), dt.date(2024, 1, 10))
    assert date.date is None or dt.date.fromisoformat(date.date)


# ----------------------------------------------------------------------------------------------
# Publication line
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tiêu đề\nNgày đăng: 05/02/2024\n\nNội dung.", dt.date(2024, 2, 5)),
        ("Tiêu đề\nNgày đăng : 5-2-2024\n\nNội dung.", dt.date(2024, 2, 5)),
        ("Tiêu đề\nNgày đăng: 31/02/2024\n\nNội dung.", None),
        ("Tiêu đề\n\nSáng 5/2/2024, UBND xã tổ chức hội nghị.", None),
    ],
)
def test_the_publication_date_of_the_layout(text, expected):
    assert rt(text).published == expected


# ----------------------------------------------------------------------------------------------
# Locality
# ----------------------------------------------------------------------------------------------

LOCALITIES = [
    # (body, place, village)
    (
        "Sáng 3/7/2024, Đảng ủy xã Kỳ Hoa (huyện Kỳ Anh) tổ chức hội nghị.",
        "xã Kỳ Hoa, huyện Kỳ Anh",
        None,
    ),
    (
        "Sáng 3/7/2024, UBND phường Trung Đô, thành phố Vinh, tỉnh Nghệ An tổ chức hội nghị.",
        "phường Trung Đô, thành phố Vinh, tỉnh Nghệ An",
        None,
    ),
    (
        "Sáng 3/7/2024, Đoàn TN phường Hưng Lợi (quận Ninh Kiều, TP. Cần Thơ) tổ chức Đại hội.",
        "phường Hưng Lợi, quận Ninh Kiều, thành phố Cần Thơ",
        None,
    ),
    # Old tone placement and a typographic apostrophe are normalised.
    (
        "Sáng 3/7/2024, UBND xã Hoà Tiến tổ chức hội nghị. Dự có lãnh đạo Huyện uỷ Hoà Vang.",
        "xã Hòa Tiến, huyện Hòa Vang",
        None,
    ),
    (
        "Sáng 3/7/2024, UBND xã Ia Tơi (huyện Ia H’Drai, tỉnh Kon Tum) tổ chức hội nghị.",
        "xã Ia Tơi, huyện Ia H'Drai, tỉnh Kon Tum",
        None,
    ),
    # The party committee names the district; the province comes from its committee too.
    (
        (
            "Thực hiện Kế hoạch số 30-KH/HU của BTV Huyện ủy Thạch Hà, sáng "
            "3/7/2024, Đảng ủy thị trấn "
            "Thạch Hà tổ chức hội nghị. Dự có đại diện Ban Tổ chức Tỉnh ủy Hà Tĩnh."
        ),
        "thị trấn Thạch Hà, huyện Thạch Hà, tỉnh Hà Tĩnh",
        None,
    ),
    # A commune named in a document's subject ("về việc …") is not the host.
    (
        (
            "Thực hiện Kế hoạch số 5-KH/HU ngày 1/3/2025 của Ban Thường vụ Huyện "
            "ủy Kỳ Anh về việc chỉ "
            "đạo Đại hội điểm Đảng bộ xã Kỳ Tân, sáng 12/3, "
            "Chi bộ thôn Bắc Sơn, xã Kỳ Hoa tổ chức Đại hội."
        ),
        "xã Kỳ Hoa, huyện Kỳ Anh",
        "thôn Bắc Sơn",
    ),
    # A village-level event stops at its commune.
    (
        (
            "Sáng 20/11/2023, thôn Đồng Tâm, xã Cẩm Sơn (huyện Cẩm Xuyên) tổ chức "
            "Ngày hội Đại đoàn kết."
        ),
        "xã Cẩm Sơn, huyện Cẩm Xuyên",
        "thôn Đồng Tâm",
    ),
    # A centrally governed city named alone is a province.
    (
        "Sáng 3/7/2024, UBND phường Hòa Khánh Bắc tổ chức hội nghị. Dự có lãnh đạo TP. Đà Nẵng.",
        "phường Hòa Khánh Bắc, thành phố Đà Nẵng",
        None,
    ),
    # A hyphenated province keeps its dash.
    (
        "Ngày 8/5/2024, Tỉnh ủy Bà Rịa – Vũng Tàu tổ chức Hội nghị Ban Chấp hành.",
        "tỉnh Bà Rịa - Vũng Tàu",
        None,
    ),
    ("Vừa qua, nhiều đại biểu đã phát biểu.", None, None),
]


@pytest.mark.parametrize(("body", "place", "village"), LOCALITIES)
def test_locality(vocabulary, body, place, village):
    locality = find_locality(report(body), vocabulary)
    assert (locality.place(), locality.village) == (place, village)


def test_the_host_commune_beats_communes_named_more_often(vocabulary):
    body = (
        "Chiều 4/4/2024, Đoàn công tác của Ban Thường vụ Huyện ủy Thạch Hà do đồng chí Bí thư "
        "Huyện ủy làm trưởng đoàn đã có buổi làm việc với Đảng ủy xã Thạch Đài.\n\n"
        "Cùng dự có Chủ tịch UBND xã Thạch Khê và Bí thư Đảng ủy xã Thạch Khê, hai xã kết "
        "nghĩa; xã Thạch Khê đã chia sẻ kinh nghiệm."
    )
    locality = find_locality(report(body), vocabulary)
    assert locality == Locality("xã Thạch Đài", "huyện Thạch Hà", None)


def test_a_district_level_event_has_no_commune(vocabulary):
    body = (
        "Sáng 14/7/2023, Ban Chấp hành Đảng bộ huyện Mường Khương tổ chức Hội nghị lần thứ "
        "20.\n\nĐ/c Lò Văn Hải - Bí thư Đảng ủy xã Pha Long phát biểu tham luận; đồng chí "
        "Phó Bí thư Tỉnh ủy Lào Cai phát biểu chỉ đạo."
    )
    locality = find_locality(report(body), vocabulary)
    assert locality == Locality(None, "huyện Mường Khương", "tỉnh Lào Cai")


def test_a_title_written_before_a_name_does_not_stretch_the_place(vocabulary):
    body = (
        "Sáng 5/5/2024, Hội LHPN xã Kỳ Tân tổ chức Đại hội. Dự có Chủ tịch UBND huyện Kỳ Anh "
        "Trần Văn Bình và Bí thư Đảng ủy xã Kỳ Tân Lê Thị Hoa."
    )
    locality = find_locality(report(body), vocabulary)
    assert (locality.commune, locality.district) == ("xã Kỳ Tân", "huyện Kỳ Anh")


def test_place_lists_the_known_levels_most_specific_first():
    assert Locality("xã Kỳ Hoa", None, "tỉnh Hà Tĩnh").place() == "xã Kỳ Hoa, tỉnh Hà Tĩnh"
    assert (
        Locality("xã Kỳ Hoa", "huyện Kỳ Anh", None, "thôn Bắc Sơn").place()
        == "xã Kỳ Hoa, huyện Kỳ Anh"
    )
    assert Locality(None, None, None).place() is None


# ----------------------------------------------------------------------------------------------
# Organiser and term
# ----------------------------------------------------------------------------------------------

ORGANISERS = [
    (
        "Sáng 3/3/2024, Hội Cựu chiến binh xã Kỳ Tân (huyện Kỳ Anh) long trọng tổ chức Đại hội.",
        "Hội Cựu chiến binh xã Kỳ Tân",
    ),
    (
        "Chiều ngày 9/8/2022 Ban Chấp hành Đảng bộ thị trấn Nghèn đã tổ chức Hội nghị sơ kết.",
        "Ban Chấp hành Đảng bộ thị trấn Nghèn",
    ),
    ("Vừa qua, Chi bộ thôn Bắc Sơn tổ chức Đại hội nhiệm kỳ 2025 - 2027.", "Chi bộ thôn Bắc Sơn"),
    (
        (
            "Sáng 12/4/2024, tại Hội trường UBND xã, Đảng "
            "ủy, HĐND, UBND xã Hoà Tiến tổ chức Lễ kỷ niệm."
        ),
        "Đảng ủy, HĐND, UBND xã Hoà Tiến",
    ),
    (
        "Sáng 12/4/2024, HĐND xã Hoà Tiến khóa XII, nhiệm kỳ 2021 - 2026 tổ chức kỳ họp thứ 14.",
        "HĐND xã Hoà Tiến",
    ),
    (
        (
            "Chiều 4/4/2024, Đoàn công tác của Thường trực HĐND tỉnh do đồng chí Phó Chủ tịch HĐND "
            "tỉnh làm trưởng đoàn đã có buổi làm việc với UBND xã Kỳ Hoa."
        ),
        "Thường trực HĐND tỉnh",
    ),
    (
        (
            "Sáng 4/4/2024, Tổ đại biểu HĐND huyện Kỳ Anh ứng cử tại đơn vị bầu cử số 2 đã tiếp "
            "xúc cử tri xã Kỳ Hoa."
        ),
        "Tổ đại biểu HĐND huyện Kỳ Anh",
    ),
    (
        (
            "Thực hiện Kế hoạch số 41/KH-MTTQ-BTT của Ban Thường trực Ủy ban MTTQ huyện, sáng "
            "15/11, thôn Đồng Tâm, xã Cẩm Sơn (huyện Cẩm Xuyên) tổ chức Ngày hội."
        ),
        "thôn Đồng Tâm, xã Cẩm Sơn",
    ),
    ("Vừa qua, nhiều đại biểu đã phát biểu.", None),
]


@pytest.mark.parametrize(("body", "expected"), ORGANISERS)
def test_organiser_is_the_verbatim_subject_of_the_opening(body, expected):
    text = report(body)
    found = find_organiser(text)
    if expected is None:
        assert found is None
    else:
        name, (start, end) = found
        assert name == expected
        assert text.text.text[start:end] == expected


# ----------------------------------------------------------------------------------------------
# Documents
# ----------------------------------------------------------------------------------------------

KY_TAN = Locality("xã Kỳ Tân", "huyện Kỳ Anh", "tỉnh Hà Tĩnh")
DOCUMENTS = [
    # (sentence, locality, (number, kind, issuer, date, relation))
    (
        (
            "Thực hiện Kế hoạch số 21-KH/HU ngày 02/3/2023 "
            "của Ban Thường vụ Huyện ủy Kỳ Anh về sơ kết."
        ),
        KY_TAN,
        ("21-KH/HU", "Kế hoạch", "Ban Thường vụ Huyện ủy Kỳ Anh", "2023-03-02", "implements"),
    ),
    (
        (
            "Đồng chí Phó Bí thư trình bày báo cáo kết quả thực hiện Nghị quyết số 08-NQ/ĐU ngày "
            "15/12/2023 của Ban Chấp hành Đảng bộ xã về nhiệm vụ năm 2024."
        ),
        KY_TAN,
        ("08-NQ/ĐU", "Nghị quyết", "Ban Chấp hành Đảng bộ xã Kỳ Tân", "2023-12-15", "cites"),
    ),
    (
        (
            "Đồng chí Phó Chủ tịch công bố Quyết định số 1520/QĐ-UBND ngày 30/11/2023 của UBND "
            "tỉnh về việc công nhận xã đạt chuẩn."
        ),
        KY_TAN,
        ("1520/QĐ-UBND", "Quyết định", "Ủy ban nhân dân tỉnh Hà Tĩnh", "2023-11-30", "cites"),
    ),
    (
        "Kỳ họp lấy phiếu tín nhiệm theo Nghị quyết 73/2022/QH15 về lấy phiếu tín nhiệm.",
        KY_TAN,
        ("73/2022/QH15", "Nghị quyết", "Quốc hội", None, "implements"),
    ),
    (
        "Cử tri đề nghị sớm hướng dẫn thi hành Luật Thanh niên số 57/2020/QH14.",
        KY_TAN,
        ("57/2020/QH14", "Luật", "Quốc hội", None, "cites"),
    ),
    (
        (
            "Về công tác cán bộ, thực hiện Công văn số 2145-CV/TU ngày 4/7/2023 của BTV Tỉnh ủy, "
            "hội nghị đã bầu bổ sung."
        ),
        KY_TAN,
        ("2145-CV/TU", "Công văn", "Ban Thường vụ Tỉnh ủy Hà Tĩnh", "2023-07-04", "implements"),
    ),
    (
        (
            "Thực hiện Kế hoạch số 41/KH-MTTQ-BTT ngày 8/9/2023 của Ban Thường trực Ủy ban MTTQ "
            "Việt Nam huyện Kỳ Anh, thôn tổ chức ngày hội."
        ),
        KY_TAN,
        (
            "41/KH-MTTQ-BTT",
            "Kế hoạch",
            "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam huyện Kỳ Anh",
            "2023-09-08",
            "implements",
        ),
    ),
    (
        "Theo Kế hoạch số 35-KH/HU ngày 3/3/2024 của BTV Huyện uỷ Hoà Vang, xã tổ chức hội nghị.",
        Locality("xã Hòa Tiến", "huyện Hòa Vang", None),
        ("35-KH/HU", "Kế hoạch", "Ban Thường vụ Huyện ủy Hòa Vang", "2024-03-03", "implements"),
    ),
    (
        "Theo Kế hoạch số 35-KH/HU ngày 3/3/2024 của Ban Thường vụ Huyện ủy, xã tổ chức hội nghị.",
        Locality("xã Hòa Tiến", "huyện Hòa Vang", None),
        ("35-KH/HU", "Kế hoạch", "Ban Thường vụ Huyện ủy Hòa Vang", "2024-03-03", "implements"),
    ),
    (
        (
            "Căn cứ Quyết định số 12/QĐ-STNMT ngày 3/5/2024 "
            "của Sở Tài nguyên và Môi trường, xã triển khai."
        ),
        KY_TAN,
        ("12/QĐ-STNMT", "Quyết định", "Sở Tài nguyên và Môi trường", "2024-05-03", "implements"),
    ),
    # Typos in a document's date are resolved like the event's.
    (
        "Thực hiện Kế hoạch số 9-KH/ĐU ngày 022/4/2023 của Ban Thường vụ Đảng ủy, xã tổ chức.",
        KY_TAN,
        ("9-KH/ĐU", "Kế hoạch", "Ban Thường vụ Đảng ủy xã Kỳ Tân", "2023-04-02", "implements"),
    ),
    (
        "Thực hiện Hướng dẫn số 3-HD/BTC ngày 12/10//2021 của Ban Tổ chức Huyện ủy, xã tổ chức.",
        KY_TAN,
        ("3-HD/BTC", "Hướng dẫn", "Ban Tổ chức Huyện ủy Kỳ Anh", "2021-10-12", "implements"),
    ),
    (
        "Thực hiện Kế hoạch số 7-KH/UBND ngày 7 /8/2022 của UBND xã, thôn tổ chức.",
        KY_TAN,
        ("7-KH/UBND", "Kế hoạch", "Ủy ban nhân dân xã Kỳ Tân", "2022-08-07", "implements"),
    ),
]


@pytest.mark.parametrize(("sentence", "locality", "expected"), DOCUMENTS)
def test_documents(vocabulary, sentence, locality, expected):
    text = ReportText(sentence)
    found = find_documents(text, vocabulary, locality)
    assert [(d.number, d.kind, d.issuer, d.date, d.relation) for d in found] == [expected]
    assert text.text[found[0].span[0] : found[0].span[1]] == expected[0]


def test_documents_implemented_together_share_the_relation(vocabulary):
    text = ReportText(
        "Đại hội được tổ chức theo Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị và "
        "Kế hoạch số 12-KH/HU ngày 1/11/2019 của Ban Thường vụ Huyện ủy Kỳ Anh. Hội nghị "
        "cũng quán triệt Nghị quyết số 5-NQ/TU ngày 2/2/2020 của Tỉnh ủy."
    )
    found = find_documents(text, vocabulary, KY_TAN)
    assert [(d.number, d.issuer, d.relation) for d in found] == [
        ("35-CT/TW", "Bộ Chính trị", "implements"),
        ("12-KH/HU", "Ban Thường vụ Huyện ủy Kỳ Anh", "implements"),
        ("5-NQ/TU", "Tỉnh ủy Hà Tĩnh", "cites"),
    ]


def test_unnumbered_documents_are_not_listed(vocabulary):
    text = ReportText(
        "Đồng chí Chủ tịch trình bày Báo cáo chính trị và Tờ trình của UBND xã; đại hội "
        "thông qua Nghị quyết Đại hội; 12/13 chỉ tiêu Nghị quyết đạt; kỳ họp thông qua "
        "Nghị quyết miễn nhiệm ngày 5/6/2024."
    )
    assert find_documents(text, vocabulary, KY_TAN) == []


def test_a_document_cited_twice_is_listed_once(vocabulary):
    text = ReportText(
        "Hội nghị quán triệt Nghị quyết số 45/NQ-HĐND ngày 2/2/2024 của HĐND xã. Thực hiện "
        "Nghị quyết số 45/NQ-HĐND, xã đã triển khai."
    )
    found = find_documents(text, vocabulary, KY_TAN)
    assert [(d.number, d.issuer, d.date, d.relation) for d in found] == [
        ("45/NQ-HĐND", "Hội đồng nhân dân xã Kỳ Tân", "2024-02-02", "implements"),
    ]


# ----------------------------------------------------------------------------------------------
# The shared dev corpus
# ----------------------------------------------------------------------------------------------


def _corpus():
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent: the shared dev corpus lies beside the repository")
    for gold_path in sorted((CORPUS / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        report_path = CORPUS / "reports" / f"{gold_path.stem}.txt"
        text = rt(report_path.read_text(encoding="utf-8"))
        yield gold_path.stem, gold, text


def _read(text: ReportLayout, vocabulary) -> dict:
    published = text.published
    locality = find_locality(text, vocabulary)
    date = find_event_date(text, published)
    organiser = find_organiser(text)
    return {
        "date": (date.date, date.year_inferred),
        "kind": find_event_kind(text, None),
        "place": locality.place(),
        "organiser": organiser[0] if organiser else None,
        "documents": {
            d.number: (d.kind, d.issuer, d.date)
            for d in find_documents(text.text, vocabulary, locality, published)
        },
    }


@pytest.mark.shared
def test_dev_corpus_event_and_documents(vocabulary):
    reports = list(_corpus())
    assert len(reports) == 17
    wrong: dict[str, list] = {"date": [], "kind": [], "place": [], "organiser": []}
    gold_documents = found_documents = exact_documents = 0
    for key, gold, text in reports:
        got = _read(text, vocabulary)
        event = gold["event"]
        expected = {
            "date": (event["date"], event["date_year_inferred"]),
            "kind": event["kind"],
            "place": event["place"],
            "organiser": event["organiser"],
        }
        for field, value in expected.items():
            if got[field] != value:
                wrong[field].append((key, got[field], value))
        for document in gold["documents"]:
            gold_documents += 1
            mine = got["documents"].get(document["number"])
            found_documents += mine is not None
            exact_documents += mine == (document["kind"], document["issuer"], document["date"])
    # Every event field is right on all 17 reports (date includes date_year_inferred).
    assert wrong == {"date": [], "kind": [], "place": [], "organiser": []}
    assert (found_documents, exact_documents) == (gold_documents, gold_documents) == (15, 15)


@pytest.mark.shared
def test_dev_corpus_lists_no_extra_documents(vocabulary):
    extra = {}
    for key, gold, text in _corpus():
        numbers = {d["number"] for d in gold["documents"]}
        found = set(_read(text, vocabulary)["documents"]) - numbers
        if found:
            extra[key] = found
    assert extra == {}


def test_a_name_after_a_level_word_is_a_place_only_if_the_gazetteer_knows_it(vocabulary):
    body = (
        "Ngày 9/3/2026, các ứng cử viên đại biểu HĐND tỉnh khóa XX gồm các ông, bà: Trần Huy Lực - "
        "Phó Bí thư Tỉnh ủy; Lê Văn Hòa - Bí thư Đảng ủy phường Xuân Hòa tiếp xúc cử tri."
    )
    assert find_locality(report(body), vocabulary).province is None
