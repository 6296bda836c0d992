"""What the fixture portal (tests/harvest/portal.py) serves: the hand-written articles of a
district's portal, a seeded archive of generated event reports, and the templates of its pages,
sitemaps, feed and robots.txt.

The district (huyện Sông Mây, tỉnh Hòa Giang), its communes and every person are invented; the
names were checked not to be those of a real province or district. Texts are NFC. Templates take
``base`` ("http://portal.test:8123") and write every URL absolute, since the harvester discovers
pages by URLs it reads from them.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
import sys
import textwrap
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

SITE_NAME = "Cổng thông tin điện tử huyện Sông Mây"
DISTRICT = "Sông Mây"
PROVINCE = "Hòa Giang"
# Reports are dated in Vietnam's time; HTTP dates are written in GMT.
LOCAL = dt.timezone(dt.timedelta(hours=7), "ICT")


@dataclass(frozen=True)
class Article:
    path: str  # "/tin-tuc/slug.html"
    headline: str
    posted: dt.date
    paragraphs: tuple[str, ...]
    event: bool  # a report of a meeting (who chaired, attended, spoke), not other news

    @property
    def text(self) -> str:
        """Headline, posting line and paragraphs, as a reader of the page sees them."""
        return "\n\n".join((self.headline, posting_line(self.posted), *self.paragraphs))


def posting_line(day: dt.date) -> str:
    return f"Ngày đăng: {day:%d/%m/%Y}"


def _article(path: str, posted: dt.date, block: str, *, event: bool) -> Article:
    """An article from a text block: its first paragraph is the headline; paragraphs are
    separated by blank lines and hard-wrapped (the wraps become spaces)."""
    paragraphs = [" ".join(part.split()) for part in textwrap.dedent(block).strip().split("\n\n")]
    text = [unicodedata.normalize("NFC", part) for part in paragraphs]
    return Article(path, text[0], posted, tuple(text[1:]), event)


# -- the hand-written site --------------------------------------------------------------------

EVENTS = (
    _article(
        "/tin-tuc/dang-uy-xa-an-lac-so-ket-cong-tac-6-thang-dau-nam-2024.html",
        dt.date(2024, 7, 13),
        """
        Đảng ủy xã An Lạc sơ kết công tác 6 tháng đầu năm 2024

        Sáng ngày 12/7/2024, Đảng ủy xã An Lạc tổ chức Hội nghị sơ kết công tác xây dựng Đảng
        và hệ thống chính trị 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2024.
        Đồng chí Phạm Văn Khiêm – Bí thư Đảng ủy, Chủ tịch HĐND xã chủ trì hội nghị. Dự hội
        nghị có đồng chí Đỗ Thị Ngọc Lan – Phó Chủ tịch UBND huyện Sông Mây cùng các đồng chí
        trong Ban Chấp hành Đảng bộ xã, bí thư các chi bộ trực thuộc.

        Thay mặt Ban Thường vụ Đảng ủy, đồng chí Hồ Minh Tuấn – Phó Bí thư Thường trực Đảng ủy
        xã trình bày báo cáo sơ kết. Trong 6 tháng đầu năm, Đảng bộ xã đã kết nạp 5 đảng viên
        mới; tổng giá trị sản xuất ước đạt 412 tỷ đồng, tăng 7,2% so với cùng kỳ; thu ngân sách
        trên địa bàn đạt 58% dự toán; hoàn thành nâng cấp 2,4 km đường giao thông nông thôn.

        Tại hội nghị, đồng chí Lương Văn Định – Chủ tịch UBND xã phát biểu về tiến độ giải
        phóng mặt bằng tuyến đường liên xã; đồng chí Trịnh Thị Hoa – Chủ tịch Ủy ban MTTQ xã
        phát biểu về cuộc vận động xây dựng nhà ở cho hộ nghèo.

        Phát biểu chỉ đạo, đồng chí Đỗ Thị Ngọc Lan ghi nhận những kết quả Đảng bộ xã đạt được,
        đề nghị cấp ủy tập trung chỉ đạo sản xuất vụ Mùa, chủ động phòng, chống thiên tai và
        chuẩn bị chu đáo cho đại hội chi bộ nhiệm kỳ 2025 – 2027.
        """,
        event=True,
    ),
    _article(
        "/tin-tuc/dai-hoi-dai-bieu-dang-bo-xa-tan-hoi-lan-thu-xxiv.html",
        dt.date(2025, 5, 21),
        """
        Đại hội đại biểu Đảng bộ xã Tân Hội lần thứ XXIV, nhiệm kỳ 2025 – 2030

        Trong hai ngày 19 và 20/5/2025, Đảng bộ xã Tân Hội tổ chức Đại hội đại biểu lần thứ
        XXIV, nhiệm kỳ 2025 – 2030. Về dự đại hội có đồng chí Vũ Đức Thịnh – Ủy viên Ban
        Thường vụ, Trưởng Ban Tổ chức Huyện ủy Sông Mây; 128 đại biểu chính thức thay mặt cho
        356 đảng viên của 17 chi bộ trực thuộc.

        Đoàn Chủ tịch đại hội gồm các đồng chí: Ngô Quang Vinh – Bí thư Đảng ủy, Chủ tịch HĐND
        xã; Lê Thị Thu Hằng – Phó Bí thư Thường trực Đảng ủy xã; Đinh Công Thuận – Phó Bí thư
        Đảng ủy, Chủ tịch UBND xã.

        Đồng chí Ngô Quang Vinh trình bày báo cáo chính trị của Ban Chấp hành Đảng bộ xã khóa
        XXIII. Nhiệm kỳ qua, tốc độ tăng trưởng kinh tế bình quân đạt 8,1%/năm; thu nhập bình
        quân đầu người đạt 62 triệu đồng; tỷ lệ hộ nghèo giảm còn 1,9%; xã được công nhận đạt
        chuẩn nông thôn mới nâng cao.

        Phát biểu chỉ đạo đại hội, đồng chí Vũ Đức Thịnh đề nghị Đảng bộ xã phát huy truyền
        thống đoàn kết, tập trung phát triển vùng trồng rau an toàn, làm tốt công tác cán bộ và
        chuẩn bị chu đáo cho việc sắp xếp đơn vị hành chính cấp xã.

        Đại hội đã bầu Ban Chấp hành Đảng bộ xã khóa XXIV gồm 15 đồng chí. Tại hội nghị lần thứ
        nhất, Ban Chấp hành đã bầu đồng chí Ngô Quang Vinh giữ chức Bí thư Đảng ủy xã; đồng chí
        Lê Thị Thu Hằng giữ chức Phó Bí thư Thường trực Đảng ủy xã.
        """,
        event=True,
    ),
    _article(
        "/tin-tuc/hdnd-xa-minh-tan-to-chuc-ky-hop-thu-14-khoa-xxi.html",
        dt.date(2024, 12, 20),
        """
        HĐND xã Minh Tân tổ chức kỳ họp thứ 14, khóa XXI

        Chiều ngày 19/12/2024, HĐND xã Minh Tân khóa XXI, nhiệm kỳ 2021 – 2026 tổ chức kỳ họp
        thứ 14 – kỳ họp thường lệ cuối năm 2024. Đồng chí Trương Văn Lực – Chủ tịch HĐND xã và
        đồng chí Bùi Thị Minh Nguyệt – Phó Chủ tịch HĐND xã chủ trì kỳ họp. Tham dự có đồng chí
        Cao Xuân Trường – Phó Chủ tịch HĐND huyện Sông Mây.

        Đồng chí Tạ Quốc Hưng – Phó Chủ tịch UBND xã trình bày báo cáo tình hình kinh tế – xã
        hội năm 2024 và phương hướng, nhiệm vụ năm 2025. Theo báo cáo, 16/18 chỉ tiêu chủ yếu
        đạt và vượt kế hoạch; tổng sản lượng lương thực đạt 9.850 tấn; tỷ lệ người dân tham gia
        bảo hiểm y tế đạt 93,4%.

        Đồng chí Kiều Thị Thanh Tâm – Trưởng Ban Kinh tế – Xã hội HĐND xã trình bày báo cáo
        thẩm tra dự toán ngân sách năm 2025. Các đại biểu đã thảo luận, làm rõ những vấn đề về
        chỉnh trang nghĩa trang nhân dân và hỗ trợ chuyển đổi cây trồng trên đất lúa kém hiệu
        quả.

        Kỳ họp đã biểu quyết thông qua 6 nghị quyết. Kết luận kỳ họp, đồng chí Trương Văn Lực
        đề nghị UBND xã khẩn trương cụ thể hóa các nghị quyết, tổ chức tốt việc phục vụ Nhân
        dân đón Tết Nguyên đán Ất Tỵ 2025.
        """,
        event=True,
    ),
    _article(
        "/tin-tuc/dai-bieu-hdnd-huyen-tiep-xuc-cu-tri-xa-phu-dien.html",
        dt.date(2024, 11, 28),
        """
        Đại biểu HĐND huyện tiếp xúc cử tri xã Phú Điền trước kỳ họp cuối năm 2024

        Sáng ngày 27/11/2024, Tổ đại biểu HĐND huyện Sông Mây ứng cử tại xã Phú Điền tổ chức
        tiếp xúc cử tri trước Kỳ họp thứ 19 HĐND huyện khóa XX, nhiệm kỳ 2021 – 2026. Tham gia
        tổ đại biểu có đồng chí Hà Minh Quân – Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND
        huyện và đồng chí Mai Thị Liên – Trưởng phòng Lao động – Thương binh và Xã hội huyện.

        Đồng chí Tô Văn Sáng – Chủ tịch Ủy ban MTTQ xã Phú Điền chủ trì buổi tiếp xúc. Đồng chí
        Hoàng Văn Chiến – Chủ tịch UBND xã thông tin kết quả thực hiện nhiệm vụ phát triển kinh
        tế – xã hội năm 2024 của xã.

        Tại buổi tiếp xúc, cử tri đã nêu 9 ý kiến, kiến nghị, tập trung vào việc nạo vét kênh
        tiêu úng ở thôn Đông, việc cấp giấy chứng nhận quyền sử dụng đất còn chậm, chế độ cho
        người có công và tình trạng xe quá tải làm hư hỏng đường liên thôn.

        Thay mặt tổ đại biểu, đồng chí Hà Minh Quân tiếp thu, giải trình những nội dung thuộc
        thẩm quyền của huyện; các ý kiến thuộc thẩm quyền của tỉnh sẽ được tổng hợp, gửi đến
        kỳ họp.
        """,
        event=True,
    ),
    _article(
        "/tin-tuc/dai-hoi-dai-bieu-hoi-nong-dan-xa-dong-tam-lan-thu-x.html",
        dt.date(2023, 4, 19),
        """
        Đại hội đại biểu Hội Nông dân xã Đồng Tâm lần thứ X, nhiệm kỳ 2023 – 2028

        Ngày 18/4/2023, Hội Nông dân xã Đồng Tâm tổ chức Đại hội đại biểu lần thứ X, nhiệm kỳ
        2023 – 2028. Dự đại hội có đồng chí Lý Văn Bảo – Chủ tịch Hội Nông dân huyện Sông Mây;
        đồng chí Nguyễn Thị Kim Oanh – Phó Bí thư Thường trực Đảng ủy xã cùng 110 đại biểu đại
        diện cho hơn 1.400 hội viên.

        Báo cáo do đồng chí Phan Văn Tài – Chủ tịch Hội Nông dân xã nhiệm kỳ 2018 – 2023 trình
        bày cho biết: nhiệm kỳ qua, Hội đã vận động hội viên dồn điền đổi thửa được 85 ha, xây
        dựng 4 tổ hợp tác sản xuất rau màu; số hộ đạt danh hiệu sản xuất, kinh doanh giỏi các
        cấp tăng bình quân 6% mỗi năm.

        Phát biểu tại đại hội, đồng chí Lý Văn Bảo đề nghị Hội Nông dân xã đổi mới nội dung,
        phương thức hoạt động, hướng dẫn hội viên liên kết tiêu thụ sản phẩm và ứng dụng khoa
        học kỹ thuật vào sản xuất.

        Đại hội đã bầu Ban Chấp hành Hội Nông dân xã nhiệm kỳ 2023 – 2028 gồm 9 đồng chí; đồng
        chí Đặng Hữu Nghĩa được bầu giữ chức Chủ tịch Hội Nông dân xã.
        """,
        event=True,
    ),
    _article(
        "/tin-tuc/dai-hoi-dai-bieu-mttq-viet-nam-xa-hung-dao-lan-thu-xxiii.html",
        dt.date(2024, 6, 25),
        """
        Đại hội đại biểu MTTQ Việt Nam xã Hưng Đạo lần thứ XXIII, nhiệm kỳ 2024 – 2029

        Sáng 24/6/2024, Ủy ban Mặt trận Tổ quốc Việt Nam xã Hưng Đạo tổ chức Đại hội đại biểu
        lần thứ XXIII, nhiệm kỳ 2024 – 2029. Đến dự có đồng chí Dương Thị Nga – Phó Chủ tịch Ủy
        ban MTTQ huyện Sông Mây; đồng chí Hoàng Trọng Phúc – Bí thư Đảng ủy, Chủ tịch HĐND xã.

        Đồng chí Đào Văn Lâm – Chủ tịch Ủy ban MTTQ xã khóa XXII trình bày báo cáo tổng kết
        nhiệm kỳ. Trong 5 năm, Mặt trận các cấp trong xã đã vận động Quỹ “Vì người nghèo” được
        hơn 780 triệu đồng, hỗ trợ xây mới và sửa chữa 23 ngôi nhà cho hộ nghèo, hộ khó khăn về
        nhà ở.

        Đồng chí Hoàng Trọng Phúc phát biểu chỉ đạo, đề nghị Mặt trận tiếp tục phát huy vai trò
        giám sát và phản biện xã hội, làm tốt công tác nắm bắt tâm tư, nguyện vọng của Nhân dân.

        Đại hội đã hiệp thương cử 27 vị vào Ủy ban MTTQ xã khóa XXIII. Tại hội nghị lần thứ
        nhất, đồng chí Đào Văn Lâm được hiệp thương cử giữ chức Chủ tịch Ủy ban MTTQ xã nhiệm
        kỳ 2024 – 2029.
        """,
        event=True,
    ),
    _article(
        "/tin-tuc/dai-hoi-doan-tncs-ho-chi-minh-xa-binh-khe-lan-thu-xxv.html",
        dt.date(2022, 5, 28),
        """
        Đại hội đại biểu Đoàn TNCS Hồ Chí Minh xã Bình Khê lần thứ XXV, nhiệm kỳ 2022 – 2027

        Ngày 27/5/2022, Đoàn xã Bình Khê tổ chức Đại hội đại biểu Đoàn TNCS Hồ Chí Minh lần thứ
        XXV, nhiệm kỳ 2022 – 2027. Dự đại hội có đồng chí Trần Thị Mỹ Duyên – Bí thư Huyện đoàn
        Sông Mây; đồng chí Võ Văn Hậu – Phó Bí thư Thường trực Đảng ủy xã; 85 đại biểu thay mặt
        cho hơn 600 đoàn viên thanh niên.

        Nhiệm kỳ 2017 – 2022, Đoàn xã đã thực hiện 14 công trình thanh niên, thắp sáng 3,2 km
        đường quê, giới thiệu 26 đoàn viên ưu tú cho Đảng xem xét kết nạp.

        Phát biểu tại đại hội, đồng chí Võ Văn Hậu ghi nhận sự năng động của tuổi trẻ xã nhà
        và đề nghị Đoàn xã quan tâm hỗ trợ thanh niên khởi nghiệp, chuyển đổi số.

        Đại hội đã bầu Ban Chấp hành Đoàn xã khóa XXV gồm 11 đồng chí; đồng chí Nguyễn Đức Anh
        được bầu làm Bí thư Đoàn xã.
        """,
        event=True,
    ),
    _article(
        "/tin-tuc/thuong-truc-huyen-uy-lam-viec-voi-dang-uy-xa-nghia-phu.html",
        dt.date(2024, 3, 15),
        """
        Thường trực Huyện ủy làm việc với Đảng ủy xã Nghĩa Phú

        Chiều 14/3/2024, đoàn công tác của Thường trực Huyện ủy Sông Mây do đồng chí Lâm Quốc
        Khánh – Bí thư Huyện ủy làm trưởng đoàn đã làm việc với Ban Thường vụ Đảng ủy xã Nghĩa
        Phú về tình hình thực hiện nhiệm vụ quý I năm 2024.

        Báo cáo với đoàn công tác, đồng chí Đinh Thị Thủy – Bí thư Đảng ủy, Chủ tịch HĐND xã
        cho biết: toàn xã đã gieo cấy 640 ha lúa Xuân, hoàn thành bê tông hóa 1,5 km kênh mương
        nội đồng; thu ngân sách đạt 31% dự toán năm.

        Đồng chí Huỳnh Văn Toàn – Chủ tịch UBND xã kiến nghị huyện hỗ trợ kinh phí xây dựng
        nhà văn hóa thôn Trung và sớm phê duyệt quy hoạch khu dân cư mới.

        Kết luận buổi làm việc, đồng chí Lâm Quốc Khánh đề nghị Đảng ủy xã tập trung chỉ đạo
        quyết liệt công tác giải phóng mặt bằng, nâng cao chất lượng sinh hoạt chi bộ và giữ
        vững an ninh trật tự trên địa bàn.
        """,
        event=True,
    ),
)

# The newest article of all: the feed lists it, no sitemap (not regenerated yet) nor listing does.
FEED_ONLY = _article(
    "/tin-tuc/dang-uy-xa-an-thanh-tong-ket-hoat-dong-truoc-sap-xep.html",
    dt.date(2025, 6, 27),
    """
    Đảng ủy xã An Thạnh tổng kết hoạt động trước khi sắp xếp đơn vị hành chính

    Sáng ngày 26/6/2025, Đảng ủy xã An Thạnh tổ chức hội nghị tổng kết hoạt động của Đảng bộ,
    chính quyền và các đoàn thể xã trước khi thực hiện sắp xếp đơn vị hành chính cấp xã. Đồng
    chí Lưu Văn Phong – Bí thư Đảng ủy, Chủ tịch HĐND xã chủ trì hội nghị.

    Dự hội nghị có đồng chí Nguyễn Thị Bích Ngọc – Phó Bí thư Huyện ủy Sông Mây. Đồng chí
    Phùng Văn Quý – Chủ tịch UBND xã báo cáo kết quả bàn giao hồ sơ, tài sản, trụ sở cho xã
    mới.

    Phát biểu tại hội nghị, đồng chí Nguyễn Thị Bích Ngọc ghi nhận những đóng góp của cán bộ,
    đảng viên xã An Thạnh qua các thời kỳ và đề nghị mỗi cán bộ yên tâm công tác, bảo đảm hoạt
    động thông suốt từ ngày 1/7/2025.
    """,
    event=True,
)

# The oldest article of all: only the last listing page links to it.
LISTING_ONLY = _article(
    "/tin-tuc/dang-uy-xa-hoa-thinh-tong-ket-cong-tac-xay-dung-dang-nam-2018.html",
    dt.date(2018, 12, 26),
    """
    Đảng ủy xã Hòa Thịnh tổng kết công tác xây dựng Đảng năm 2018

    Chiều ngày 25/12/2018, Ban Chấp hành Đảng bộ xã Hòa Thịnh tổ chức Hội nghị tổng kết công
    tác xây dựng Đảng năm 2018, triển khai phương hướng, nhiệm vụ năm 2019. Đồng chí Trần Ngọc
    Sơn – Bí thư Đảng ủy, Chủ tịch HĐND xã chủ trì hội nghị.

    Đồng chí Lê Văn Cường – Phó Bí thư Thường trực Đảng ủy xã trình bày báo cáo tổng kết. Năm
    2018, Đảng bộ xã có 92% chi bộ được đánh giá hoàn thành tốt nhiệm vụ trở lên; kết nạp 7
    đảng viên mới; xã về đích nông thôn mới.

    Tham dự hội nghị, đồng chí Tống Thị Hiền – Ủy viên Ban Thường vụ Huyện ủy, Trưởng Ban Dân
    vận Huyện ủy phát biểu chỉ đạo, đề nghị xã giữ vững các tiêu chí nông thôn mới và đẩy mạnh
    phát triển kinh tế hộ.
    """,
    event=True,
)

WINDOWS_1258 = _article(
    "/tin-tuc/hoi-nghi-ban-chap-hanh-dang-bo-xa-quang-loi-quy-iii-2024.html",
    dt.date(2024, 10, 9),
    """
    Hội nghị Ban Chấp hành Đảng bộ xã Quảng Lợi quý III năm 2024

    Sáng ngày 8/10/2024, Ban Chấp hành Đảng bộ xã Quảng Lợi tổ chức hội nghị đánh giá kết quả
    lãnh đạo thực hiện nhiệm vụ quý III, triển khai nhiệm vụ quý IV năm 2024. Đồng chí Nguyễn
    Hữu Lộc – Bí thư Đảng ủy, Chủ tịch HĐND xã chủ trì hội nghị.

    Dự hội nghị có đồng chí Phạm Thị Xuân – Phó Trưởng Ban Tuyên giáo Huyện ủy Sông Mây. Đồng
    chí Trần Minh Đức – Chủ tịch UBND xã báo cáo tình hình thu hoạch lúa Hè Thu và kết quả khắc
    phục hậu quả cơn bão số 3.

    Kết luận hội nghị, đồng chí Nguyễn Hữu Lộc đề nghị các chi bộ chuẩn bị tốt cho đại hội chi
    bộ nhiệm kỳ 2025 – 2027, chăm lo đời sống các hộ gia đình bị thiệt hại do bão.
    """,
    event=True,
)

FLAKY_500 = _article(
    "/tin-tuc/hdnd-xa-xuan-trach-to-chuc-ky-hop-chuyen-de.html",
    dt.date(2024, 8, 22),
    """
    HĐND xã Xuân Trạch tổ chức kỳ họp chuyên đề

    Ngày 21/8/2024, HĐND xã Xuân Trạch khóa XXI, nhiệm kỳ 2021 – 2026 tổ chức kỳ họp thứ 12
    (kỳ họp chuyên đề) để xem xét, quyết định một số nội dung về đầu tư công. Đồng chí Hoàng
    Thị Lan Anh – Phó Bí thư Đảng ủy, Chủ tịch HĐND xã chủ trì kỳ họp.

    Đồng chí Lê Quang Hiếu – Phó Chủ tịch UBND xã trình bày tờ trình điều chỉnh kế hoạch đầu
    tư công trung hạn giai đoạn 2021 – 2025. Kỳ họp đã thông qua 3 nghị quyết, trong đó có nghị
    quyết về chủ trương đầu tư xây dựng trường mầm non trung tâm xã.
    """,
    event=True,
)

RATE_LIMITED = _article(
    "/tin-tuc/dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-xa-thach-ban.html",
    dt.date(2024, 7, 4),
    """
    Đại biểu HĐND tỉnh tiếp xúc cử tri xã Thạch Bàn

    Chiều ngày 3/7/2024, đại biểu HĐND tỉnh Hòa Giang đơn vị bầu cử số 6 tiếp xúc cử tri xã
    Thạch Bàn sau Kỳ họp thứ 18 HĐND tỉnh khóa XVIII. Tham gia tiếp xúc có đồng chí Quách Văn
    Đông – Phó Giám đốc Sở Nông nghiệp và Phát triển nông thôn tỉnh.

    Đồng chí Vi Thị Hồng – Chủ tịch Ủy ban MTTQ xã Thạch Bàn chủ trì hội nghị. Cử tri kiến
    nghị tỉnh sớm đầu tư nâng cấp đê bao sông Mây, hỗ trợ giống cho vùng bị ngập úng và có
    chính sách ưu đãi cho lao động nông thôn học nghề.

    Đồng chí Quách Văn Đông tiếp thu các ý kiến và giải đáp những nội dung thuộc lĩnh vực nông
    nghiệp; các kiến nghị khác được tổng hợp gửi đến Thường trực HĐND tỉnh.
    """,
    event=True,
)

# An event report too, but no harvester with the tests' time limit gets it.
SLOW = _article(
    "/tin-tuc/dai-hoi-hoi-lien-hiep-phu-nu-xa-vinh-xuan-lan-thu-xv.html",
    dt.date(2021, 4, 15),
    """
    Đại hội đại biểu Hội Liên hiệp Phụ nữ xã Vĩnh Xuân lần thứ XV, nhiệm kỳ 2021 – 2026

    Ngày 14/4/2021, Hội Liên hiệp Phụ nữ xã Vĩnh Xuân tổ chức Đại hội đại biểu lần thứ XV,
    nhiệm kỳ 2021 – 2026. Dự đại hội có đồng chí Ninh Thị Thảo – Chủ tịch Hội Liên hiệp Phụ nữ
    huyện Sông Mây và đồng chí Trần Văn Toản – Bí thư Đảng ủy, Chủ tịch HĐND xã.

    Đồng chí Lê Thị Phượng – Chủ tịch Hội LHPN xã trình bày báo cáo tổng kết nhiệm kỳ. Hội đã
    giúp 37 hội viên thoát nghèo, duy trì 12 tổ tiết kiệm, vay vốn với dư nợ trên 9 tỷ đồng.

    Đại hội đã bầu Ban Chấp hành Hội LHPN xã khóa XV gồm 13 đồng chí; đồng chí Lê Thị Phượng
    được bầu lại giữ chức Chủ tịch Hội.
    """,
    event=True,
)

NON_EVENTS = (
    _article(
        "/tin-tuc/khuyen-cao-phong-chong-ret-cho-cay-trong-vat-nuoi.html",
        dt.date(2024, 12, 10),
        """
        Khuyến cáo phòng, chống rét cho cây trồng, vật nuôi vụ Đông Xuân 2024 – 2025

        Theo dự báo của cơ quan khí tượng, từ giữa tháng 12, khu vực huyện Sông Mây có khả năng
        chịu ảnh hưởng của các đợt không khí lạnh tăng cường, nhiệt độ thấp nhất ở vùng đồng
        bằng có thể xuống dưới 10 độ C.

        Để bảo vệ sản xuất, Phòng Nông nghiệp và Phát triển nông thôn huyện khuyến cáo bà con
        không gieo mạ khi nhiệt độ trung bình ngày dưới 15 độ C; che phủ nilon cho mạ; chỉ cấy
        khi trời ấm trở lại.

        Đối với chăn nuôi, cần che chắn chuồng trại, bổ sung thức ăn tinh, không thả trâu, bò ra
        đồng vào những ngày rét đậm, rét hại; chủ động tiêm phòng đầy đủ các loại vắc xin theo
        hướng dẫn của cơ quan thú y.
        """,
        event=False,
    ),
    _article(
        "/tin-tuc/thong-bao-gia-nuoc-sach-sinh-hoat-tu-ngay-1-1-2025.html",
        dt.date(2025, 1, 2),
        """
        Thông báo giá nước sạch sinh hoạt áp dụng từ ngày 1/1/2025

        Thực hiện quyết định của UBND tỉnh Hòa Giang về giá tiêu thụ nước sạch, Công ty cổ phần
        Cấp nước Sông Mây thông báo giá nước sạch sinh hoạt áp dụng trên địa bàn huyện từ ngày
        1/1/2025 như sau.

        Từ 1 đến 10 m³ đầu tiên: 7.500 đồng/m³; từ trên 10 đến 20 m³: 9.200 đồng/m³; từ trên 20
        đến 30 m³: 11.000 đồng/m³; trên 30 m³: 13.500 đồng/m³. Giá trên đã bao gồm thuế giá trị
        gia tăng và phí bảo vệ môi trường.

        Mọi thắc mắc xin liên hệ bộ phận chăm sóc khách hàng qua số điện thoại 0200 3861 234
        trong giờ hành chính.
        """,
        event=False,
    ),
    _article(
        "/tin-tuc/xa-minh-tan-gianh-giai-nhat-bong-chuyen-hoi-trung-nien.html",
        dt.date(2024, 9, 3),
        """
        Xã Minh Tân giành giải Nhất bóng chuyền hơi trung niên toàn huyện

        Sau 3 ngày tranh tài sôi nổi tại sân vận động trung tâm huyện, giải bóng chuyền hơi
        trung niên huyện Sông Mây năm 2024 đã khép lại với chức vô địch thuộc về đội xã Minh
        Tân.

        Giải năm nay thu hút 18 đội với gần 200 vận động viên đến từ các xã trong huyện. Trận
        chung kết giữa xã Minh Tân và xã Hưng Đạo diễn ra kịch tính, kéo dài đủ 3 hiệp. Giải Nhì
        thuộc về đội xã Hưng Đạo; đồng giải Ba thuộc về các đội xã An Lạc và Tân Hội.

        Giải đấu là dịp để những người yêu thể thao giao lưu, rèn luyện sức khỏe, góp phần đẩy
        mạnh phong trào toàn dân rèn luyện thân thể theo gương Bác Hồ vĩ đại.
        """,
        event=False,
    ),
)

ABOUT = _article(
    "/gioi-thieu.html",
    dt.date(2023, 1, 5),
    """
    Giới thiệu chung về huyện Sông Mây

    Huyện Sông Mây nằm ở phía đông nam tỉnh Hòa Giang, cách trung tâm tỉnh khoảng 35 km. Diện
    tích tự nhiên của huyện là 312 km², dân số hơn 168.000 người, sinh sống tại 26 xã.

    Địa hình của huyện thấp dần từ tây sang đông, có dòng sông Mây chảy qua, tạo nên vùng đồng
    bằng phù sa màu mỡ thích hợp cho trồng lúa, rau màu và nuôi trồng thủy sản.

    Huyện có làng nghề mây tre đan đã tồn tại hàng trăm năm và nhiều di tích lịch sử – văn hóa
    được xếp hạng cấp tỉnh.
    """,
    event=False,
)

# Under the prefix robots.txt disallows: one listed in a sitemap, one linked from a listing page.
INTERNAL_IN_SITEMAP = _article(
    "/noi-bo/danh-ba-can-bo-cong-chuc.html",
    dt.date(2024, 2, 1),
    """
    Danh bạ cán bộ, công chức (trang nội bộ)

    Trang này chỉ dành cho cán bộ, công chức của huyện; vui lòng đăng nhập để xem.
    """,
    event=False,
)
INTERNAL_IN_LISTING = _article(
    "/noi-bo/lich-cong-tac-tuan.html",
    dt.date(2024, 2, 1),
    """
    Lịch công tác tuần (trang nội bộ)

    Trang này chỉ dành cho cán bộ, công chức của huyện; vui lòng đăng nhập để xem.
    """,
    event=False,
)

HUGE_PATH = "/van-ban/so-lieu-thong-ke-dan-so-theo-thon-nam-2024.html"
HUGE_SIZE = 30 * 1024 * 1024  # at least this many bytes
MOVED = "/tin-tuc/bai-viet-cu.html"  # an old address that answers 301 with an article's new one
REDIRECT_A = "/chuyen-huong/a"
REDIRECT_B = "/chuyen-huong/b"

# What change() adds to an article, the n-th time (n from 1).
CHANGE_SENTENCE = (
    "Cập nhật lần {n}: sau hội nghị, các chi bộ trực thuộc đã tổ chức quán triệt nội dung kết "
    "luận đến toàn thể đảng viên."
)


def changed(article: Article, times: int) -> Article:
    """``article`` after change() ``times`` times: one more sentence each time."""
    extra = tuple(CHANGE_SENTENCE.format(n=n) for n in range(1, times + 1))
    return replace(article, paragraphs=article.paragraphs + extra)


# -- the generated archive ----------------------------------------------------------------------
# The benches' district archive (bench/archive.py): official units of one district, the same
# bodies and officials recurring over 2015–2025, in phrasings the reader reads.

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import archive as district_archive  # noqa: E402 - bench/ holds scripts, not a package


@dataclass(frozen=True)
class Archive:
    articles: tuple[Article, ...]  # in date order


def slug(text: str) -> str:
    """An ASCII address part: "Hội nghị Ban Chấp hành" → "hoi-nghi-ban-chap-hanh"."""
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = folded.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def generate_archive(count: int, *, seed: int = 0) -> Archive:
    """``count`` event reports of one district's portal, as articles; the same count and seed
    give the same reports."""
    articles = []
    for number, report in enumerate(district_archive.generate(count, seed=seed), start=1):
        lines = [line.strip() for line in report.text.split("\n") if line.strip()]
        headline, body = lines[0], [line for line in lines[1:] if not line.startswith("Ngày đăng:")]
        path = f"/tin-tuc/{slug(headline)[:80]}-{number}.html"
        articles.append(Article(path, headline, report.published, tuple(body), True))
    return Archive(tuple(articles))


# -- templates ----------------------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _nav(base: str) -> str:
    return (
        '<header class="site-header">\n'
        f'<a class="logo" href="{base}/">{_e(SITE_NAME)}</a>\n'
        "<nav><ul>\n"
        f'<li><a href="{base}/">Trang chủ</a></li>\n'
        f'<li><a href="{base}{ABOUT.path}">Giới thiệu</a></li>\n'
        f'<li><a href="{base}/tin-tuc">Tin tức – Sự kiện</a></li>\n'
        "</ul></nav>\n"
        "</header>\n"
    )


_FOOTER = (
    '<footer class="site-footer">\n'
    f"<p>© {SITE_NAME}. Cơ quan chủ quản: Ủy ban nhân dân huyện {DISTRICT}, tỉnh {PROVINCE}.</p>\n"
    "<p>Địa chỉ: số 1 đường Trung tâm, huyện Sông Mây. Điện thoại: 0200 3861 000.</p>\n"
    "</footer>\n"
)


def _page(base: str, title: str, main: str, *, charset: str = "utf-8", head: str = "") -> str:
    if charset == "utf-8":
        meta = '<meta charset="utf-8">'
    else:
        meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n'
        f"{meta}\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)} - {_e(SITE_NAME)}</title>\n"
        f"{head}"
        "</head>\n<body>\n"
        f"{_nav(base)}"
        f'<main class="container">\n{main}</main>\n'
        f"{_FOOTER}"
        "</body>\n</html>\n"
    )


def article_page(base: str, article: Article, *, charset: str = "utf-8") -> str:
    paragraphs = "".join(f"<p>{_e(text)}</p>\n" for text in article.paragraphs)
    main = (
        '<div class="breadcrumb">'
        f'<a href="{base}/">Trang chủ</a> › <a href="{base}/tin-tuc">Tin tức – Sự kiện</a>'
        "</div>\n"
        '<article class="news-detail">\n'
        f'<h1 class="title">{_e(article.headline)}</h1>\n'
        f'<p class="post-date">{posting_line(article.posted)}</p>\n'
        f'<div class="content">\n{paragraphs}</div>\n'
        "</article>\n"
    )
    head = f'<link rel="canonical" href="{base}{article.path}">\n'
    return _page(base, article.headline, main, charset=charset, head=head)


def home_page(base: str) -> str:
    head = (
        '<link rel="alternate" type="application/rss+xml" title="Tin tức – Sự kiện" '
        f'href="{base}/rss.xml">\n'
    )
    main = (
        f"<h1>{_e(SITE_NAME)}</h1>\n"
        f"<p>Chào mừng bạn đến với cổng thông tin điện tử huyện {DISTRICT}, tỉnh {PROVINCE}.</p>\n"
        f'<p><a href="{base}/tin-tuc">Xem tất cả tin tức – sự kiện</a></p>\n'
        f'<p><a href="{base}{ABOUT.path}">Giới thiệu chung về huyện</a></p>\n'
    )
    return _page(base, "Trang chủ", main, head=head)


def listing_target(page: int) -> str:
    return "/tin-tuc" if page == 1 else f"/tin-tuc?page={page}"


def _page_numbers(page: int, pages: int) -> list[int | None]:
    """The numbered links around ``page``, None where numbers are skipped ("…")."""
    shown = sorted({1, pages, *range(max(1, page - 2), min(pages, page + 2) + 1)})
    out: list[int | None] = []
    for number in shown:
        if out and out[-1] is not None and number > out[-1] + 1:
            out.append(None)
        out.append(number)
    return out


def listing_page(
    base: str, page: int, pages: int, articles: Sequence[Article], internal: str | None
) -> str:
    items = "".join(
        f'<li><a href="{base}{a.path}">{_e(a.headline)}</a> '
        f'<span class="date">({a.posted:%d/%m/%Y})</span></li>\n'
        for a in articles
    )
    links = []
    if page > 1:
        links.append(f'<a rel="prev" href="{base}{listing_target(page - 1)}">Trang trước</a>')
    for number in _page_numbers(page, pages):
        if number is None:
            links.append("<span>…</span>")
        elif number == page:
            links.append(f'<span class="current">{number}</span>')
        else:
            links.append(f'<a href="{base}{listing_target(number)}">{number}</a>')
    if page < pages:
        links.append(f'<a rel="next" href="{base}{listing_target(page + 1)}">Trang sau</a>')
    aside = (
        "<aside><h2>Liên kết</h2>"
        f'<p><a href="{base}{internal}">Lịch công tác tuần</a></p></aside>\n'
        if internal
        else ""
    )
    main = (
        "<h1>Tin tức – Sự kiện</h1>\n"
        f'<ul class="news-list">\n{items}</ul>\n'
        f'<div class="pagination">\n{chr(10).join(links)}\n</div>\n'
        f"{aside}"
    )
    title = "Tin tức – Sự kiện" + (f" – Trang {page}" if page > 1 else "")
    return _page(base, title, main)


def not_found_page(base: str) -> str:
    return _page(base, "Không tìm thấy trang", "<h1>Không tìm thấy trang yêu cầu</h1>\n")


def robots_txt(base: str) -> str:
    return f"User-agent: *\nDisallow: /noi-bo/\n\nSitemap: {base}/sitemap_index.xml\n"


_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap_index(base: str, sitemaps: Sequence[tuple[str, dt.date]]) -> str:
    entries = "".join(
        f"<sitemap><loc>{base}{path}</loc><lastmod>{day.isoformat()}</lastmod></sitemap>\n"
        for path, day in sitemaps
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="{_SITEMAP_NS}">\n{entries}</sitemapindex>\n'
    )


def urlset(base: str, entries: Sequence[tuple[str, dt.date]]) -> str:
    urls = "".join(
        f"<url><loc>{xml_escape(base + path)}</loc><lastmod>{day.isoformat()}</lastmod></url>\n"
        for path, day in entries
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{_SITEMAP_NS}">\n{urls}</urlset>\n'
    )


def published_at(day: dt.date) -> dt.datetime:
    """When an article went online (the feed's pubDate): 08:30 Vietnam time on its day."""
    return dt.datetime.combine(day, dt.time(8, 30), LOCAL)


def rss(base: str, articles: Sequence[Article]) -> str:
    items = "".join(
        "<item>\n"
        f"<title>{xml_escape(a.headline)}</title>\n"
        f"<link>{base}{a.path}</link>\n"
        f'<guid isPermaLink="true">{base}{a.path}</guid>\n'
        f"<pubDate>{format_datetime(published_at(a.posted))}</pubDate>\n"
        f"<description>{xml_escape(_summary(a))}</description>\n"
        "</item>\n"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
        f"<title>{xml_escape(SITE_NAME)} – Tin tức</title>\n"
        f"<link>{base}/</link>\n"
        f"<description>Tin tức – sự kiện của huyện {DISTRICT}</description>\n"
        "<language>vi</language>\n"
        f"{items}</channel>\n</rss>\n"
    )


def _summary(article: Article) -> str:
    first = article.paragraphs[0] if article.paragraphs else ""
    return first if len(first) <= 200 else first[:200].rsplit(" ", 1)[0] + "…"


@functools.cache
def huge_parts(base: str) -> tuple[bytes, bytes, int, bytes]:
    """The huge page as (head, chunk, repeats, tail): head + chunk × repeats + tail is at least
    HUGE_SIZE bytes. A statistics table whose rows repeat, so that it is streamed, never built."""
    main = (
        "<h1>Số liệu thống kê dân số theo thôn năm 2024</h1>\n"
        '<table class="statistics">\n<tr><th>STT</th><th>Thôn</th><th>Số hộ</th>'
        "<th>Số nhân khẩu</th></tr>\n@ROWS@</table>\n"
    )
    head, tail = _page(base, "Số liệu thống kê dân số", main).split("@ROWS@")
    rows = "".join(
        f"<tr><td>{n}</td><td>Thôn {n % 12 + 1}</td><td>{200 + n % 97}</td>"
        f"<td>{800 + n % 389}</td></tr>\n"
        for n in range(1, 1200)
    )
    chunk = rows.encode()
    head_bytes, tail_bytes = head.encode(), tail.encode()
    repeats = -(-(HUGE_SIZE - len(head_bytes) - len(tail_bytes)) // len(chunk))
    return head_bytes, chunk, repeats, tail_bytes


def huge_chunks(base: str) -> Iterator[bytes]:
    head, chunk, repeats, tail = huge_parts(base)
    yield head
    for _ in range(repeats):
        yield chunk
    yield tail


def huge_length(base: str) -> int:
    head, chunk, repeats, tail = huge_parts(base)
    return len(head) + len(chunk) * repeats + len(tail)


# Windows-1258 has the letters with circumflex, breve and horn precomposed (â ê ô ă ơ ư) and the
# five tone marks as combining characters only; NFD splits both, so the first are put back.
_PRECOMPOSED_IN_1258 = frozenset("\u0302\u0306\u031b")
_CLUSTER = re.compile(r"(.)([\u0300-\u036f]*)", re.DOTALL)


def windows_1258(text: str) -> bytes:
    """``text`` as Windows-1258 bytes (strict: a character it cannot write raises)."""

    def compose(match: re.Match[str]) -> str:
        base, marks = match.group(1), match.group(2)
        letter = base + "".join(m for m in marks if m in _PRECOMPOSED_IN_1258)
        tones = "".join(m for m in marks if m not in _PRECOMPOSED_IN_1258)
        return unicodedata.normalize("NFC", letter) + tones

    return _CLUSTER.sub(compose, unicodedata.normalize("NFD", text)).encode("cp1258")
