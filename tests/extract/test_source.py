import codecs
import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polgraph.errors import InputError
from polgraph.extract.source import MAX_BYTES, TEXT_SUFFIXES, SourceReport, load_source, read_source

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "source"

HEADLINE = "Đảng uỷ xã Thạch Kim sơ kết công tác 6 tháng đầu năm 2024"
BODY = (
    "Vào lúc 8 giờ ngày 03 tháng 7 năm 2024, Đảng uỷ xã Thạch Kim (huyện Lộc Hà) tổ chức Hội nghị "
    "Ban Chấp hành Đảng bộ mở rộng.\n\nDự hội nghị có đồng chí Lê Đình Khang – Ủy viên Ban Thường "
    "vụ Huyện ủy, Chủ tịch UBND huyện Lộc Hà.\n"
)

# The test sentence, and how the two legacy Vietnamese font encodings write each of its letters.
SENTENCE = "Đảng ủy xã tổ chức hội nghị sơ kết công tác năm"
TCVN3_BYTES = {
    "Đ": 0xA7,
    "ả": 0xB6,
    "ủ": 0xF1,
    "ã": 0xB7,
    "ổ": 0xE6,
    "ứ": 0xF8,
    "ộ": 0xE9,
    "ị": 0xDE,
    "ơ": 0xAC,
    "ế": 0xD5,
    "ô": 0xAB,
    "á": 0xB8,
    "ă": 0xA8,
}
VNI_AS_CP1252 = {
    "Đ": "Ñ",
    "ả": "aû",
    "ủ": "uû",
    "ã": "aõ",
    "ổ": "oå",
    "ứ": "öù",
    "ộ": "oä",
    "ị": "ò",
    "ơ": "ô",
    "ế": "eá",
    "ô": "oâ",
    "á": "aù",
    "ă": "aê",
}


def tcvn3(text: str) -> bytes:
    return bytes(TCVN3_BYTES.get(ch, ord(ch)) for ch in text)


def vni(text: str) -> bytes:
    return "".join(VNI_AS_CP1252.get(ch, ch) for ch in text).encode("cp1252")


def windows_1258(text: str) -> bytes:
    """Windows-1258 keeps â ê ô ă ơ ư đ precomposed and writes the tone as a combining byte."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        out.append(
            unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            + "".join(c for c in parts if c in tones)
        )
    return "".join(out).encode("cp1258")


def txt(text: str, **kwargs) -> SourceReport:
    return read_source(text.encode("utf-8"), "test.txt", ".txt", **kwargs)


def refused(data: bytes, suffix: str = ".txt") -> str:
    with pytest.raises(InputError) as info:
        read_source(data, "bad" + suffix, suffix)
    assert info.value.source == "bad" + suffix
    return info.value.message


# --- plain text: headline, dates, the text kept as written ----------------------------------


def test_headline_followed_by_a_blank_line_is_the_title_and_stays_in_the_text():
    report = txt(f"{HEADLINE}\n\n{BODY}")
    assert report.title == HEADLINE
    assert report.text == f"{HEADLINE}\n\n{BODY}"
    assert report.text.index("Lê Đình Khang") == f"{HEADLINE}\n\n{BODY}".index("Lê Đình Khang")
    assert report.published is None and report.url is None and report.source == "test.txt"


def test_headline_followed_by_a_posted_line_gives_title_and_date():
    report = txt(f"{HEADLINE}\nNgày đăng: 20/12/2023\n\n{BODY}")
    assert report.title == HEADLINE
    assert report.published == dt.date(2023, 12, 20)


def test_a_first_line_running_into_the_body_is_not_a_headline():
    seed_like = (
        "Thực hiện Kế hoạch số 93-KH/HU ngày 11/3/2023 của Ban Thường vụ Huyện ủy Cẩm Xuyên về "
        "việc Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội các cấp, nhiệm kỳ 2020-2025\n"
        "Chiều ngày 16/5/2023 Ban Chấp hành Đảng bộ xã Cẩm Lộc đã tổ chức Hội nghị sơ kết.\n"
    )
    assert txt(seed_like).title is None


@pytest.mark.parametrize(
    "first",
    [
        "Đảng uỷ xã Thạch Kim tổ chức hội nghị.",  # a sentence, not a headline
        "Đảng uỷ xã Thạch Kim " * 12,  # far too long for a headline
        "Ngày đăng: 20/12/2023",  # a date line is not a headline
    ],
)
def test_lines_that_are_not_headlines(first):
    assert txt(f"{first}\n\n{BODY}").title is None


def test_published_argument_wins_over_the_posted_line():
    report = txt(f"{HEADLINE}\nNgày đăng: 20/12/2023\n\n{BODY}", published=dt.date(2024, 1, 2))
    assert report.published == dt.date(2024, 1, 2)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("Ngày đăng: 08-03-2022", dt.date(2022, 3, 8)),
        ("Ngày đăng: Thứ Tư, 20/12/2023 08:30", dt.date(2023, 12, 20)),
        ("Cập nhật: 21/12/2023", dt.date(2023, 12, 21)),  # an update date only when nothing else
        ("Cập nhật: 21/12/2023\nNgày đăng: 20/12/2023", dt.date(2023, 12, 20)),
        ("Ngày đăng: 31/02/2023", None),  # not a date
        ("Ngày đăng ký: 20/12/2023", None),  # a registration date, not the posting date
    ],
)
def test_publication_date_from_the_top_lines(lines, expected):
    assert txt(f"{HEADLINE}\n{lines}\n\n{BODY}").published == expected


def test_dates_in_the_body_are_not_the_publication_date():
    report = txt(f"{HEADLINE}\n\n{BODY}" + "Đoạn văn.\n" * 10 + "Ngày đăng: 01/01/2020\n")
    assert report.published is None


def test_text_is_nfc():
    decomposed = unicodedata.normalize("NFD", f"{HEADLINE}\n\n{BODY}")
    assert decomposed != f"{HEADLINE}\n\n{BODY}"
    report = txt(decomposed)
    assert unicodedata.is_normalized("NFC", report.text)
    assert report.text == f"{HEADLINE}\n\n{BODY}"
    assert report.title == HEADLINE


def test_tones_and_dashes_are_kept_as_written():
    report = txt("Xã Hoà An – Đảng uỷ — khoẻ\n")
    assert report.text == "Xã Hoà An – Đảng uỷ — khoẻ\n"


def test_crlf_and_lone_cr_become_newlines():
    report = read_source(
        f"{HEADLINE}\r\n\r\n{BODY}\rCuối.".replace("\n\n", "\r\n\r\n").encode(), "t.txt", ".txt"
    )
    assert "\r" not in report.text
    assert report.title == HEADLINE
    assert report.text.startswith(f"{HEADLINE}\n\nVào lúc")
    assert report.text.endswith("\nCuối.")


def test_utf8_bom_is_dropped():
    report = read_source(codecs.BOM_UTF8 + f"{HEADLINE}\n\n{BODY}".encode(), "t.txt", ".txt")
    assert report.text == f"{HEADLINE}\n\n{BODY}"
    assert report.title == HEADLINE


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_bom(codec):
    bom = codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE
    report = read_source(bom + f"{HEADLINE}\r\n\r\n{BODY}".encode(codec), "t.txt", ".txt")
    assert report.text == f"{HEADLINE}\n\n{BODY}"
    assert report.title == HEADLINE


def test_a_report_naming_nobody_is_read():
    report = txt("Thời tiết hôm nay đẹp.\n")
    assert report.text == "Thời tiết hôm nay đẹp.\n" and report.title is None


def test_load_source_reads_a_file(tmp_path):
    path = tmp_path / "r.TXT"
    path.write_bytes(f"{HEADLINE}\nNgày đăng: 13/01/2024\n\n{BODY}".encode())
    report = load_source(path)
    assert report.source == str(path)
    assert report.title == HEADLINE and report.published == dt.date(2024, 1, 13)
    assert load_source(path, published=dt.date(2024, 1, 1)).published == dt.date(2024, 1, 1)


# --- HTML -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def portal_page() -> SourceReport:
    return load_source(RESOURCES / "portal_page.html")


def test_html_article_metadata(portal_page):
    assert portal_page.title == "Đảng ủy xã Cẩm Lộc sơ kết giữa nhiệm kỳ"
    # article:published_time, not modified_time
    assert portal_page.published == dt.date(2023, 5, 17)
    assert portal_page.url == (
        "https://camxuyen.hatinh.gov.vn/tin-tuc/dang-uy-xa-cam-loc-so-ket-giua-nhiem-ky-1234.html"
    )


def test_html_article_body_is_paragraphs_of_nfc_text(portal_page):
    text = portal_page.text
    assert unicodedata.is_normalized("NFC", text)
    assert (
        "Chiều ngày 16/5/2023, Ban Chấp hành Đảng bộ xã Cẩm Lộc đã tổ chức Hội nghị sơ kết "
        "giữa nhiệm kỳ"
    ) in text
    assert "đồng chí Biện Văn Thuyết – Ủy viên Ban Thường vụ Huyện ủy" in text
    assert "huyện.\n\nĐồng chí Nguyễn Văn Hùng – Bí thư Đảng ủy" in text
    assert "\n\n\n" not in text and "<" not in text


@pytest.mark.parametrize(
    "noise",
    [
        "Thủ tục hành chính",  # menu
        "Trang chủ",  # menu and breadcrumb
        "Tin liên quan",  # related news
        "Thống kê truy cập",  # sidebar
        "Bản quyền thuộc",  # footer
        "0239.3861.234",  # footer
    ],
)
def test_html_navigation_and_footer_are_left_out(portal_page, noise):
    assert noise not in portal_page.text


def test_html_arguments_win_over_the_page():
    data = (RESOURCES / "portal_page.html").read_bytes()
    report = read_source(
        data, "page", ".htm", published=dt.date(2023, 6, 1), url="https://example.org/a"
    )
    assert report.published == dt.date(2023, 6, 1)
    assert report.url == "https://example.org/a"
    assert report.source == "page"


def test_html_posted_line_when_the_page_has_no_date_metadata():
    page = (
        "<html><head><meta charset='utf-8'><title>UBND xã Xuân Hoà tổng kết năm 2023</title></head>"
        "<body><div class='menu'><a href='/'>Trang chủ</a></div><div class='content'>"
        "<h2>UBND xã Xuân Hoà tổng kết công tác năm 2023</h2>"
        "<div class='date'><span>Ngày đăng:</span> <span>13/01/2024</span></div>"
        "<p>Sáng 12/1, UBND xã Xuân Hoà (huyện Xuân Trường) tổ chức Hội nghị tổng kết công tác năm "
        "2023, triển khai nhiệm vụ năm 2024.</p><p>Dự hội nghị có đồng chí Vũ Thị Thu Hương – "
        "Trưởng phòng Nội vụ huyện; Bí thư Đảng uỷ xã Đoàn Văn Chính.</p></div></body></html>"
    )
    report = read_source(page.encode(), "p.html", ".html")
    assert report.published == dt.date(2024, 1, 13)
    assert "Đoàn Văn Chính" in report.text and report.url is None


def test_html_in_a_declared_legacy_code_page_is_decoded():
    page = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1258'>"
        f"<title>Tin</title></head><body><article><p>{SENTENCE}. {SENTENCE} và triển khai "
        "nhiệm vụ năm 2024, với sự tham dự của các đồng chí lãnh đạo "
        "huyện.</p></article></body></html>"
    )
    report = read_source(windows_1258(page), "p.html", ".html")
    assert SENTENCE in report.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Trang chủ</title></head><body></body></html>",
        "<html></html>",
    ],
)
def test_html_without_article_text(page):
    assert refused(page.encode(), ".html") == "no article text found in the HTML page"


def test_html_in_a_legacy_font_encoding_is_refused():
    words = "Ñaûng uûy xaõ toå chöùc hoäi nghò sô keát coâng taùc naêm"
    page = (
        f"<html><head><meta charset='windows-1252'></head><body><article><p>{words}. {words}."
        "</p></article></body></html>"
    )
    assert "VNI" in refused(page.encode("cp1252"), ".html")


# --- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "the file is empty"),
        (b"  \r\n\t \n", "empty (only whitespace)"),
        (codecs.BOM_UTF8 + b" \n", "empty (only whitespace)"),
        (bytes.fromhex("89504e470d0a1a0a0000000d49484452"), "binary file, not a text report"),
        (b"abc\x01\x02\x03\x04\x05\x06\x07\x08def" * 3, "binary file, not a text report"),
        (
            "Café crème brûlée à la française".encode("cp1252"),
            "not UTF-8 (byte 3 cannot be decoded)",
        ),
        ("Grüße aus München".encode("cp1252"), "not UTF-8 (byte 2 cannot be decoded)"),
        (f"{HEADLINE}\n\n{BODY}".encode("utf-16-le"), "UTF-16LE text without a byte-order mark"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "not valid UTF-16"),
    ],
)
def test_unreadable_input_is_named(data, words):
    assert words in refused(data)


def test_tcvn3_is_named():
    data = tcvn3(SENTENCE)
    assert data.startswith(b"\xa7\xb6ng")  # "§¶ng" for "Đảng"
    assert refused(data) == (
        "not UTF-8: looks like the legacy TCVN3 (ABC) encoding; convert it to UTF-8 first"
    )


def test_vni_is_named():
    data = vni(SENTENCE)
    assert data.startswith("Ñaûng".encode("cp1252"))
    assert (
        refused(data) == "not UTF-8: looks like the legacy VNI encoding; convert it to UTF-8 first"
    )


def test_windows_1258_is_named():
    assert "Windows-1258" in refused(windows_1258(SENTENCE))


def test_vni_text_saved_as_utf8_is_refused():
    text = "".join(VNI_AS_CP1252.get(ch, ch) for ch in f"{SENTENCE}. {SENTENCE}.")
    message = refused(text.encode("utf-8"))
    assert "VNI" in message and "convert it to Unicode" in message


def test_too_large_bytes():
    data = b"a" * (MAX_BYTES + 1)
    assert refused(data) == "the file is 20,971,521 bytes; the limit is 20,971,520"


def test_too_large_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:  # sparse: seek past the end and write one byte
        handle.seek(MAX_BYTES)
        handle.write(b"a")
    assert path.stat().st_size == MAX_BYTES + 1

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(InputError) as info:
        load_source(path)
    assert info.value.message == "the file is 20,971,521 bytes; the limit is 20,971,520"


@pytest.mark.parametrize("name", ["report.pdf", "report.docx", "report"])
def test_unknown_extension(tmp_path, name):
    path = tmp_path / name
    path.write_text("Đảng ủy xã", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_source(path)
    assert all(suffix in info.value.message for suffix in TEXT_SUFFIXES)
    assert "unknown kind of file" in info.value.message
    with pytest.raises(InputError, match=r"\.txt, \.html or \.htm"):
        read_source(b"abc", "x", ".json")


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="cannot be read"):
        load_source(tmp_path / "absent.txt")


# --- the dev corpus and arbitrary input -------------------------------------------------


@pytest.mark.shared
def test_every_dev_report_reads(shared_corpus):
    reports = {p.name: load_source(p) for p in sorted((shared_corpus / "reports").glob("*.txt"))}
    assert reports, "no reports in the dev corpus"
    for name, report in reports.items():
        raw = (shared_corpus / "reports" / name).read_text(encoding="utf-8-sig")
        assert report.text == unicodedata.normalize("NFC", raw.replace("\r\n", "\n")), name
        first = raw.split("\n", 1)[0].strip()
        assert report.title == (None if name == "seed.txt" else first), name
    assert reports["d005.txt"].published == dt.date(2023, 12, 20)
    assert reports["d001.txt"].published is None


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600) | st.text(max_size=300).map(lambda s: s.encode("utf-8")))
def test_arbitrary_bytes_give_nfc_text_or_input_error(data):
    try:
        report = read_source(data, "fuzz.txt", ".txt")
    except InputError:
        return
    assert unicodedata.is_normalized("NFC", report.text)
    assert report.text.strip() and "\r" not in report.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.binary(max_size=400)
    | st.text(max_size=300).map(lambda s: f"<html><body><p>{s}</p></body></html>".encode())
)
def test_arbitrary_pages_give_nfc_text_or_input_error(data):
    try:
        report = read_source(data, "fuzz.html", ".html")
    except InputError:
        return
    assert unicodedata.is_normalized("NFC", report.text) and report.text.strip()
