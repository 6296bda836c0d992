"""The text layout module: one sentence splitter, the sentence around a span, the headline, the
publication stamps and where the body starts. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from polgraph.server.answers.evidence import sentence_around as evidence_sentence
from polgraph.text.layout import (
    body_start,
    headline,
    publication_stamps,
    published,
    read_layout,
    sentence_around,
    sentences,
)
from polgraph.text.view import ReportText


def split(text: str) -> list[str]:
    rt = ReportText(text)
    return [rt.text[a:b] for a, b in sentences(rt)]


def test_a_full_stop_ends_a_sentence_but_an_abbreviation_dot_does_not():
    assert split("Sáng 3/4, UBND TP. Hà Tĩnh tổ chức hội nghị. Đ/c. Lê Văn An phát biểu.") == [
        "Sáng 3/4, UBND TP. Hà Tĩnh tổ chức hội nghị.",
        "Đ/c. Lê Văn An phát biểu.",
    ]
    assert split("Dự có ThS. Trần Thị Bình, Phó Chủ tịch UBND H. Kỳ Anh. Hội nghị bế mạc.") == [
        "Dự có ThS. Trần Thị Bình, Phó Chủ tịch UBND H. Kỳ Anh.",
        "Hội nghị bế mạc.",
    ]


def test_a_word_that_only_ends_like_an_abbreviation_ends_the_sentence():
    assert split("Đại hội bầu 15 đồng chí vào Ban chấp hành. Sau đó đại hội bế mạc.") == [
        "Đại hội bầu 15 đồng chí vào Ban chấp hành.",
        "Sau đó đại hội bế mạc.",
    ]


def test_a_caption_broken_across_lines_is_one_sentence():
    text = "Đồng chí Lê Văn An phát biểu tại\nhội nghị sơ kết\nẢnh: Văn Bình"
    assert split(text) == ["Đồng chí Lê Văn An phát biểu tại\nhội nghị sơ kết", "Ảnh: Văn Bình"]


def test_a_line_break_ends_a_sentence_without_a_full_stop():
    assert split("Hội nghị sơ kết\n\nChủ trì hội nghị:\nĐồng chí Lê Văn An") == [
        "Hội nghị sơ kết",
        "Chủ trì hội nghị:",
        "Đồng chí Lê Văn An",
    ]


def test_an_ellipsis_ends_a_sentence_only_before_a_new_one():
    assert split(
        "Các xã Kỳ Hoa, Kỳ Tân… đã tổ chức hội nghị. Hội nghị thành công… Sau đó bế mạc."
    ) == ["Các xã Kỳ Hoa, Kỳ Tân… đã tổ chức hội nghị.", "Hội nghị thành công…", "Sau đó bế mạc."]


def test_closing_quotes_stay_with_their_sentence():
    assert split('Đồng chí nhấn mạnh: "Phải làm tốt hơn." Hội nghị bế mạc!') == [
        'Đồng chí nhấn mạnh: "Phải làm tốt hơn."',
        "Hội nghị bế mạc!",
    ]


def test_sentences_of_a_range_and_spans_without_spaces():
    rt = ReportText("  Một câu.   Câu hai.  ")
    assert sentences(rt) == [(2, 10), (13, 21)]
    assert sentences(rt, 12) == [(13, 21)]


TEXT = "Sáng 3/4, UBND TP. Hà Tĩnh tổ chức hội nghị. Đ/c. Lê Văn An phát biểu.\nẢnh: Văn Bình"


def test_the_sentence_around_a_span():
    rt = ReportText(TEXT)
    spans = sentences(rt)
    start = TEXT.index("Lê Văn An")
    a, b = sentence_around(rt, spans, start, start + 9)
    assert TEXT[a:b] == "Đ/c. Lê Văn An phát biểu."
    start = TEXT.index("Hà Tĩnh")
    a, b = sentence_around(rt, spans, start, start + 7)
    assert TEXT[a:b] == "Sáng 3/4, UBND TP. Hà Tĩnh tổ chức hội nghị."
    # A span across a full stop takes in both sentences.
    a, b = sentence_around(rt, spans, TEXT.index("hội nghị."), TEXT.index("Đ/c.") + 4)
    assert TEXT[a:b] == TEXT[: TEXT.index("\n")]


def test_the_api_evidence_is_a_sentence_of_the_same_splitter():
    start = TEXT.index("Hà Tĩnh")
    sentence, offset = evidence_sentence(TEXT, start, start + 7)
    assert sentence == "Sáng 3/4, UBND TP. Hà Tĩnh tổ chức hội nghị." and offset == 0
    start = TEXT.index("Văn Bình")
    assert evidence_sentence(TEXT, start, start + 8) == ("Ảnh: Văn Bình", TEXT.index("Ảnh"))


PAGE = (
    "Xã Kỳ Hoa sơ kết công tác Mặt trận\n"
    "Ngày đăng: Thứ Tư, 03/04/2024 08:30\n"
    "Cập nhật: 04/04/2024\n\n"
    "Sáng 3/4, UBND xã Kỳ Hoa tổ chức hội nghị. Đ/c. Lê Văn An chủ trì."
)


def test_headline_stamps_and_body():
    rt = ReportText(PAGE)
    stamps = publication_stamps(rt)
    assert [(s.date, s.updated) for s in stamps] == [
        (dt.date(2024, 4, 3), False),
        (dt.date(2024, 4, 4), True),
    ]
    assert headline(rt) == (0, PAGE.index("\n"))
    assert PAGE[body_start(rt, headline(rt), stamps) :].startswith("Sáng 3/4")
    layout = read_layout(rt)
    assert layout.published == dt.date(2024, 4, 3)
    assert [PAGE[a:b] for a, b in layout.body_sentences()] == [
        "Sáng 3/4, UBND xã Kỳ Hoa tổ chức hội nghị.",
        "Đ/c. Lê Văn An chủ trì.",
    ]


def test_an_update_line_dates_a_page_only_without_a_posting_line():
    assert published(ReportText("Tiêu đề\nCập nhật: 04/04/2024\n\nNội dung.")) == dt.date(
        2024, 4, 4
    )
    assert published(ReportText("Tiêu đề\nNgày đăng ký: 04/04/2024\n\nNội dung.")) is None


def test_lines_that_are_no_headline():
    for first in (
        "UBND xã Kỳ Hoa tổ chức hội nghị.",
        "Ngày đăng: 03/04/2024",
        "03/04/2024",
        "Hội nghị " * 30,
        "Ngày 3/4/2024 tại xã Kỳ Hoa UBND xã tổ chức hội nghị",  # its full stop lost
        "Chiều 3/4, UBND xã Kỳ Hoa tổ chức hội nghị",
    ):
        assert headline(ReportText(f"{first}\n\nSáng 3/4, UBND xã tổ chức hội nghị.")) is None
    assert headline(ReportText("Hội nghị sơ kết\nSáng 3/4, UBND xã tổ chức hội nghị.")) is None
