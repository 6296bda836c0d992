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
import random
import re
import textwrap
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from email.utils import format_datetime
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

COMMUNES = (
    "An Lạc, An Thạnh, Bình Khê, Bình Lương, Cẩm Đường, Đại Đồng, Đồng Tâm, Hà Lộc, Hòa Thịnh, "
    "Hưng Đạo, Hương Vân, Kim Liên, Lộc Điền, Minh Tân, Mỹ Thạnh, Nghĩa Phú, Phú Điền, Phước "
    "Hòa, Quảng Lợi, Tam Anh, Tân Hội, Thạch Bàn, Thanh Trạch, Vĩnh Xuân, Xuân Trạch, Yên Thái"
).split(", ")

_SURNAMES = (
    ["Nguyễn"] * 8
    + ["Trần"] * 3
    + ["Lê"] * 3
    + "Phạm Hoàng Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Lương Tạ Mai Trịnh Cao Hà Tô".split()
)
_MALE_MIDDLES = "Văn Văn Văn Hữu Đức Minh Quốc Công Xuân Đình Thanh Ngọc Trọng Quang Việt".split()
_FEMALE_MIDDLES = ["Thị", "Thị", "Thị", "Thị Thu", "Thị Thanh", "Thị Ngọc", "Thị Minh", "Thu"]
_MALE_GIVEN = (
    "Hùng Dũng Tuấn Thắng Hải Bình Long Cường Khoa Hiếu Quý Tâm Lợi Thành Trung Kiên Sơn Phong "
    "Lâm Nghĩa Toàn Vinh Hưng Định Khánh Tài Phúc Đạt Thuận Chính Hiển Tùng Sỹ Lộc"
).split()
_FEMALE_GIVEN = (
    "Lan Hương Hoa Mai Hạnh Thảo Nga Hằng Liên Yến Phượng Loan Oanh Nhung Trang Vân Hiền Thủy "
    "Dung Huyền"
).split()

# A commune's posts, as written after a name in its own reports ("… – Chủ tịch UBND xã").
_COMMUNE_POSTS = {
    "bi_thu": "Bí thư Đảng ủy, Chủ tịch HĐND xã",
    "pho_bi_thu": "Phó Bí thư Thường trực Đảng ủy xã",
    "chu_tich": "Phó Bí thư Đảng ủy, Chủ tịch UBND xã",
    "mttq": "Chủ tịch Ủy ban MTTQ xã",
    "nong_dan": "Chủ tịch Hội Nông dân xã",
}
_DISTRICT_POSTS = {
    "bi_thu": f"Bí thư Huyện ủy {DISTRICT}",
    "pho_bi_thu": "Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện",
    "chu_tich": f"Phó Bí thư Huyện ủy, Chủ tịch UBND huyện {DISTRICT}",
    "pho_chu_tich_1": f"Phó Chủ tịch UBND huyện {DISTRICT}",
    "pho_chu_tich_2": f"Phó Chủ tịch UBND huyện {DISTRICT}",
    "pho_hdnd": f"Phó Chủ tịch HĐND huyện {DISTRICT}",
    "tuyen_giao": "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Huyện ủy",
    "mttq": f"Chủ tịch Ủy ban MTTQ huyện {DISTRICT}",
}

FIRST_DAY = dt.date(2019, 1, 2)
LAST_DAY = dt.date(2025, 6, 20)  # before FEED_ONLY, the newest article
_DISTRICT_CONGRESS = dt.date(2020, 8, 20)


@dataclass
class _Seat:
    """One post, and who held it from when (in date order)."""

    post: str
    holders: list[tuple[dt.date, str]]

    def at(self, day: dt.date) -> str:
        holder = self.holders[0][1]
        for start, person in self.holders:
            if start <= day:
                holder = person
        return holder

    def before(self, day: dt.date) -> str:
        return self.at(day - dt.timedelta(days=1))


@dataclass
class _Commune:
    name: str
    seats: dict[str, _Seat]
    # One-off events (congresses, renewals) and their dates.
    party_congress: dt.date
    nong_dan_congress: dt.date
    mttq_congress: dt.date
    party_number: int  # the congress's number, written in Roman numerals
    nong_dan_number: int
    mttq_number: int
    council_term: int  # the number of the 2016–2021 council ("khóa XIX")


@dataclass
class _District:
    seats: dict[str, _Seat]
    communes: list[_Commune]
    officials: int  # how many persons hold or held a post


class _Names:
    """Unique invented names, drawn from the seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def new(self) -> str:
        rng = self.rng
        while True:
            if rng.random() < 0.3:
                middle, given = rng.choice(_FEMALE_MIDDLES), rng.choice(_FEMALE_GIVEN)
            else:
                middle, given = rng.choice(_MALE_MIDDLES), rng.choice(_MALE_GIVEN)
            name = f"{rng.choice(_SURNAMES)} {middle} {given}"
            if name not in self.used:
                self.used.add(name)
                return name


def _day_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def _district(rng: random.Random) -> _District:
    """The district's and communes' officials over 2019–2025: posts change at the party
    congresses (2020), the council election (2021) and the mass organisations' congresses
    (2023, 2024); some commune leaders move up to the district."""
    names = _Names(rng)
    communes = []
    for name in COMMUNES:
        seats = {
            key: _Seat(post, [(FIRST_DAY, names.new())]) for key, post in _COMMUNE_POSTS.items()
        }
        party = _day_between(rng, dt.date(2020, 5, 10), dt.date(2020, 7, 25))
        commune = _Commune(
            name,
            seats,
            party,
            _day_between(rng, dt.date(2023, 3, 1), dt.date(2023, 5, 30)),
            _day_between(rng, dt.date(2024, 5, 15), dt.date(2024, 8, 10)),
            rng.randint(20, 26),
            rng.randint(8, 11),
            rng.randint(18, 24),
            rng.randint(18, 21),
        )
        # At the party congress: the deputy succeeds half of the secretaries; the commune
        # chairman or a newcomer becomes deputy.
        if rng.random() < 0.5:
            deputy = seats["pho_bi_thu"].at(party)
            seats["bi_thu"].holders.append((party, deputy))
            if rng.random() < 0.5:
                chairman = seats["chu_tich"].at(party)
                seats["pho_bi_thu"].holders.append((party, chairman))
                seats["chu_tich"].holders.append((party, names.new()))
            else:
                seats["pho_bi_thu"].holders.append((party, names.new()))
        # The council elected in 2021 chooses a new commune chairman in some communes.
        if rng.random() < 0.25:
            seats["chu_tich"].holders.append((dt.date(2021, 6, 25), names.new()))
        if rng.random() < 0.35:
            seats["nong_dan"].holders.append((commune.nong_dan_congress, names.new()))
        if rng.random() < 0.3:
            seats["mttq"].holders.append((commune.mttq_congress, names.new()))
        communes.append(commune)
    seats = {key: _Seat(post, [(FIRST_DAY, names.new())]) for key, post in _DISTRICT_POSTS.items()}
    # At the district congress two commune secretaries who kept their post until then move up
    # to deputy chairmen of the district, and the deputy chairman of the council becomes the
    # district's deputy secretary.
    kept = [c for c in communes if len(c.seats["bi_thu"].holders) == 1]
    for key, commune in zip(("pho_chu_tich_1", "pho_chu_tich_2"), rng.sample(kept, 2), strict=True):
        seats[key].holders.append((_DISTRICT_CONGRESS, commune.seats["bi_thu"].at(FIRST_DAY)))
        commune.seats["bi_thu"].holders.append(
            (_DISTRICT_CONGRESS, commune.seats["pho_bi_thu"].at(_DISTRICT_CONGRESS))
        )
        commune.seats["pho_bi_thu"].holders.append((_DISTRICT_CONGRESS, names.new()))
    seats["pho_bi_thu"].holders.append((_DISTRICT_CONGRESS, seats["pho_hdnd"].at(FIRST_DAY)))
    seats["pho_hdnd"].holders.append((_DISTRICT_CONGRESS, names.new()))
    seats["bi_thu"].holders.append((_DISTRICT_CONGRESS, names.new()))
    return _District(seats, communes, len(names.used))


def roman(number: int) -> str:
    parts = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for value, letters in parts:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _spoken_date(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


_ACHIEVEMENTS = (
    "tổng giá trị sản xuất ước đạt {a} tỷ đồng, tăng {p},{q}% so với cùng kỳ",
    "thu ngân sách trên địa bàn đạt {b}% dự toán",
    "kết nạp {c} đảng viên mới",
    "làm mới và nâng cấp {c},{q} km đường giao thông nông thôn",
    "tỷ lệ hộ nghèo giảm còn {c},{q}%",
    "tỷ lệ người dân tham gia bảo hiểm y tế đạt {b2},{q}%",
    "gieo cấy {a} ha lúa đúng khung lịch thời vụ",
    "hỗ trợ xây mới {c} nhà ở cho hộ nghèo",
)
_TOPICS = (
    "tiến độ giải phóng mặt bằng các công trình trên địa bàn",
    "công tác phát triển đảng viên ở các chi bộ thôn",
    "phong trào nông dân thi đua sản xuất, kinh doanh giỏi",
    "việc chuyển đổi cơ cấu cây trồng trên đất lúa kém hiệu quả",
    "công tác quản lý đất đai, trật tự xây dựng",
    "cuộc vận động toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh",
    "việc thu gom, xử lý rác thải sinh hoạt ở khu dân cư",
    "công tác chuyển đổi số trong cơ quan xã",
    "công tác tuyển chọn và gọi công dân nhập ngũ",
)
_TASKS = (
    "tập trung chỉ đạo sản xuất, bảo đảm khung lịch thời vụ",
    "nâng cao chất lượng sinh hoạt chi bộ",
    "làm tốt công tác thu ngân sách trên địa bàn",
    "chủ động phòng, chống thiên tai và dịch bệnh",
    "quản lý chặt chẽ đất đai, tài nguyên, môi trường",
    "chăm lo đời sống gia đình chính sách, hộ nghèo",
    "giữ vững an ninh chính trị, trật tự an toàn xã hội",
    "đẩy nhanh tiến độ các công trình xây dựng cơ bản",
)
_VOTER_ISSUES = (
    "nạo vét kênh mương nội đồng",
    "cấp giấy chứng nhận quyền sử dụng đất",
    "chế độ, chính sách cho người có công",
    "sửa chữa đường liên thôn xuống cấp",
    "ô nhiễm môi trường ở khu chăn nuôi tập trung",
    "giá vật tư nông nghiệp tăng cao",
    "xây dựng nhà văn hóa thôn",
)
_DAYPARTS = ("Sáng ngày", "Chiều ngày", "Sáng", "Chiều", "Ngày")


class _Writer:
    """Writes one report: a headline and paragraphs, the people (2–8) taken from the posts."""

    def __init__(self, rng: random.Random, district: _District) -> None:
        self.rng = rng
        self.district = district

    def _numbers(self) -> dict[str, int]:
        rng = self.rng
        return {
            "a": rng.randint(120, 900),
            "b": rng.randint(45, 130),
            "b2": rng.randint(85, 97),
            "c": rng.randint(2, 9),
            "p": rng.randint(4, 11),
            "q": rng.randint(1, 9),
        }

    def achievements(self, count: int) -> str:
        return "; ".join(
            phrase.format(**self._numbers()) for phrase in self.rng.sample(_ACHIEVEMENTS, count)
        )

    def tasks(self, count: int) -> str:
        return ", ".join(self.rng.sample(_TASKS, count))

    def opening(self, day: dt.date) -> str:
        return f"{self.rng.choice(_DAYPARTS)} {_spoken_date(day)}"

    def guest(self, day: dt.date, *keys: str) -> tuple[str, str]:
        """A district official (name, post) among ``keys``."""
        seat = self.district.seats[self.rng.choice(keys)]
        return seat.at(day), seat.post

    def speeches(self, day: dt.date, commune: _Commune, keys: Sequence[str], count: int) -> str:
        lines = []
        for key in self.rng.sample(list(keys), count):
            seat = commune.seats[key]
            topic = self.rng.choice(_TOPICS)
            lines.append(f"đồng chí {seat.at(day)} – {seat.post} phát biểu về {topic}")
        return "; ".join(lines) + "."

    # Each kind gives (headline, paragraphs).

    def party_conference(self, day: dt.date, commune: _Commune) -> tuple[str, list[str]]:
        c, seats = commune.name, commune.seats
        if day.month in (6, 7):
            subject = f"sơ kết công tác xây dựng Đảng 6 tháng đầu năm {day.year}"
            headline = f"Đảng ủy xã {c} sơ kết công tác 6 tháng đầu năm {day.year}"
        elif day.month == 12:
            subject = f"tổng kết công tác xây dựng Đảng và hệ thống chính trị năm {day.year}"
            headline = f"Đảng ủy xã {c} tổng kết công tác năm {day.year}"
        else:
            subject = "học tập, quán triệt và triển khai nghị quyết của Ban Thường vụ Huyện ủy"
            headline = f"Đảng ủy xã {c} triển khai nghị quyết của Ban Thường vụ Huyện ủy"
        guest, guest_post = self.guest(day, "pho_chu_tich_1", "pho_chu_tich_2", "tuyen_giao")
        guests = f"đồng chí {guest} – {guest_post}"
        if self.rng.random() < 0.3:
            other, other_post = self.guest(day, "mttq", "pho_hdnd")
            guests += f"; đồng chí {other} – {other_post}"
        chair, deputy = seats["bi_thu"].at(day), seats["pho_bi_thu"].at(day)
        paragraphs = [
            (
                f"{self.opening(day)}, Đảng ủy xã {c} tổ chức hội nghị {subject}. Đồng chí "
                f"{chair} – {seats['bi_thu'].post} chủ trì hội nghị."
            ),
            (
                f"Dự hội nghị có {guests} cùng các đồng chí trong Ban Chấp hành Đảng bộ xã, bí "
                "thư các chi bộ trực thuộc."
            ),
            (
                f"Đồng chí {deputy} – {seats['pho_bi_thu'].post} trình bày báo cáo tại hội nghị. "
                f"Theo đó, {self.achievements(self.rng.randint(2, 3))}."
            ),
        ]
        speakers = self.rng.randint(0, 3)
        if speakers:
            keys = ("chu_tich", "mttq", "nong_dan")
            paragraphs.append("Tại hội nghị, " + self.speeches(day, commune, keys, speakers))
        paragraphs.append(
            f"Phát biểu chỉ đạo, đồng chí {guest} đề nghị Đảng ủy xã {self.tasks(2)}."
        )
        if self.rng.random() < 0.5:
            paragraphs.append(f"Kết luận hội nghị, đồng chí {chair} đề nghị {self.tasks(2)}.")
        return headline, paragraphs

    def council_session(self, day: dt.date, commune: _Commune) -> tuple[str, list[str]]:
        c, seats = commune.name, commune.seats
        new_term = day >= dt.date(2021, 6, 1)
        term = "2021 – 2026" if new_term else "2016 – 2021"
        council = roman(commune.council_term + new_term)
        start = dt.date(2021, 6, 1) if new_term else dt.date(2016, 6, 1)
        number = 2 + (day - start).days // 182
        when = "giữa" if day.month <= 7 else "cuối"
        period = "6 tháng đầu năm" if when == "giữa" else "năm"
        headline = f"HĐND xã {c} tổ chức kỳ họp thứ {number}, khóa {council}"
        chair, chairman = seats["bi_thu"].at(day), seats["chu_tich"].at(day)
        guest, guest_post = self.guest(day, "pho_hdnd", "pho_bi_thu")
        paragraphs = [
            (
                f"{self.opening(day)}, HĐND xã {c} khóa {council}, nhiệm kỳ {term} tổ chức kỳ "
                f"họp thứ {number} – kỳ họp thường lệ {when} năm {day.year}. Đồng chí {chair} – "
                f"{seats['bi_thu'].post} chủ trì kỳ họp."
            ),
            f"Tham dự có đồng chí {guest} – {guest_post}.",
            (
                f"Đồng chí {chairman} – Chủ tịch UBND xã trình bày báo cáo tình hình kinh tế – xã "
                f"hội {period} {day.year}. Theo báo cáo, {self.achievements(2)}."
            ),
        ]
        if self.rng.random() < 0.6:
            paragraphs.append(
                f"Đồng chí {seats['mttq'].at(day)} – {seats['mttq'].post} thông báo kết quả "
                "tham gia xây dựng chính quyền và tổng hợp ý kiến, kiến nghị của cử tri."
            )
        if self.rng.random() < 0.4:
            paragraphs.append(
                "Thảo luận tại kỳ họp, " + self.speeches(day, commune, ("nong_dan",), 1)
            )
        paragraphs.append(
            f"Kỳ họp đã biểu quyết thông qua {self.rng.randint(3, 9)} nghị quyết. Kết luận kỳ "
            f"họp, đồng chí {chair} đề nghị UBND xã {self.tasks(2)}."
        )
        return headline, paragraphs

    def voter_meeting(self, day: dt.date, commune: _Commune) -> tuple[str, list[str]]:
        c, seats = commune.name, commune.seats
        when = "giữa" if day.month <= 7 else "cuối"
        headline = f"Đại biểu HĐND huyện tiếp xúc cử tri xã {c} trước kỳ họp {when} năm {day.year}"
        first, first_post = self.guest(day, "pho_bi_thu", "chu_tich", "pho_hdnd")
        second, second_post = self.guest(day, "pho_chu_tich_1", "pho_chu_tich_2", "tuyen_giao")
        issues = ", ".join(self.rng.sample(_VOTER_ISSUES, 3))
        paragraphs = [
            (
                f"{self.opening(day)}, Tổ đại biểu HĐND huyện {DISTRICT} ứng cử tại xã {c} tổ "
                f"chức tiếp xúc cử tri trước kỳ họp thường lệ {when} năm {day.year}. Tham gia tổ "
                f"đại biểu có đồng chí {first} – {first_post} và đồng chí {second} – "
                f"{second_post}."
            ),
            f"Đồng chí {seats['mttq'].at(day)} – {seats['mttq'].post} chủ trì buổi tiếp xúc.",
            f"Cử tri đã nêu {self.rng.randint(5, 14)} ý kiến, kiến nghị, tập trung vào {issues}.",
            (
                f"Thay mặt tổ đại biểu, đồng chí {first} tiếp thu, giải trình những nội dung "
                "thuộc thẩm quyền của huyện."
            ),
        ]
        if self.rng.random() < 0.5:
            paragraphs.insert(
                2,
                f"Đồng chí {seats['chu_tich'].at(day)} – {seats['chu_tich'].post} thông tin tình "
                "hình kinh tế – xã hội và kết quả giải quyết kiến nghị của cử tri kỳ trước.",
            )
        return headline, paragraphs

    def commune_conference(self, day: dt.date, commune: _Commune) -> tuple[str, list[str]]:
        c, seats = commune.name, commune.seats
        task = self.rng.choice(
            (
                f"kế hoạch xây dựng nông thôn mới nâng cao năm {day.year}",
                f"công tác phòng, chống thiên tai và tìm kiếm cứu nạn năm {day.year}",
                "kế hoạch chuyển đổi số của xã",
                "công tác cải cách hành chính",
            )
        )
        headline = f"UBND xã {c} triển khai {task}"
        chairman = seats["chu_tich"].at(day)
        speakers = self.rng.randint(1, 2)
        paragraphs = [
            (
                f"{self.opening(day)}, UBND xã {c} tổ chức hội nghị triển khai {task}. Đồng chí "
                f"{chairman} – {seats['chu_tich'].post} chủ trì hội nghị."
            ),
            f"Tham dự có đồng chí {seats['bi_thu'].at(day)} – {seats['bi_thu'].post}.",
            "Tại hội nghị, "
            + self.speeches(day, commune, ("mttq", "nong_dan", "pho_bi_thu"), speakers),
            f"Kết luận hội nghị, đồng chí {chairman} đề nghị {self.tasks(2)}.",
        ]
        return headline, paragraphs

    def front_conference(self, day: dt.date, commune: _Commune) -> tuple[str, list[str]]:
        c, seats = commune.name, commune.seats
        year = day.year if day.month == 12 else day.year - 1
        headline = f"Ủy ban MTTQ xã {c} tổng kết công tác Mặt trận năm {year}"
        front, deputy = seats["mttq"].at(day), seats["pho_bi_thu"]
        paragraphs = [
            (
                f"{self.opening(day)}, Ủy ban MTTQ Việt Nam xã {c} tổ chức hội nghị tổng kết "
                f"công tác Mặt trận năm {year}. Đồng chí {front} – {seats['mttq'].post} chủ trì "
                "hội nghị."
            ),
            f"Dự hội nghị có đồng chí {deputy.at(day)} – {deputy.post}.",
            (
                f"Năm {year}, Mặt trận xã đã vận động Quỹ “Vì người nghèo” được "
                f"{self.rng.randint(40, 200)} triệu đồng; {self.achievements(1)}."
            ),
        ]
        if self.rng.random() < 0.5:
            guest, guest_post = self.guest(day, "mttq")
            paragraphs.append(
                f"Phát biểu tại hội nghị, đồng chí {guest} – {guest_post} đề nghị Mặt trận xã "
                f"{self.tasks(2)}."
            )
        return headline, paragraphs

    def working_visit(self, day: dt.date, commune: _Commune) -> tuple[str, list[str]]:
        c, seats = commune.name, commune.seats
        leader, leader_post = self.guest(day, "bi_thu", "chu_tich")
        secretary, chairman = seats["bi_thu"], seats["chu_tich"]
        headline = f"Lãnh đạo huyện làm việc với Đảng ủy xã {c}"
        paragraphs = [
            (
                f"{self.opening(day)}, đoàn công tác của huyện {DISTRICT} do đồng chí {leader} – "
                f"{leader_post} làm trưởng đoàn đã làm việc với Ban Thường vụ Đảng ủy xã {c}."
            ),
            (
                f"Báo cáo với đoàn, đồng chí {secretary.at(day)} – {secretary.post} cho biết: "
                f"{self.achievements(2)}."
            ),
            (
                f"Đồng chí {chairman.at(day)} – {chairman.post} kiến nghị huyện hỗ trợ kinh phí "
                "nâng cấp đường giao thông và nhà văn hóa thôn."
            ),
            f"Kết luận buổi làm việc, đồng chí {leader} đề nghị xã {self.tasks(3)}.",
        ]
        return headline, paragraphs

    def party_congress(self, commune: _Commune) -> tuple[dt.date, str, list[str]]:
        day, c, seats = commune.party_congress, commune.name, commune.seats
        number = roman(commune.party_number)
        guest, guest_post = self.guest(day, "bi_thu", "pho_bi_thu", "tuyen_giao")
        old, new = seats["bi_thu"].before(day), seats["bi_thu"].at(day)
        deputy = seats["pho_bi_thu"].at(day)
        again = " lại" if new == old else ""
        headline = f"Đại hội đại biểu Đảng bộ xã {c} lần thứ {number}, nhiệm kỳ 2020 – 2025"
        paragraphs = [
            (
                f"{self.opening(day)}, Đảng bộ xã {c} tổ chức Đại hội đại biểu lần thứ {number}, "
                f"nhiệm kỳ 2020 – 2025. Dự đại hội có đồng chí {guest} – {guest_post}; "
                f"{self.rng.randint(90, 150)} đại biểu thay mặt cho hơn "
                f"{self.rng.randint(250, 480)} đảng viên trong toàn Đảng bộ."
            ),
            (
                f"Đồng chí {old} – {seats['bi_thu'].post} trình bày báo cáo chính trị của Ban "
                f"Chấp hành Đảng bộ xã nhiệm kỳ 2015 – 2020. Nhiệm kỳ qua, "
                f"{self.achievements(3)}."
            ),
            f"Phát biểu chỉ đạo đại hội, đồng chí {guest} đề nghị Đảng bộ xã {self.tasks(3)}.",
            (
                f"Đại hội đã bầu Ban Chấp hành Đảng bộ xã nhiệm kỳ 2020 – 2025 gồm "
                f"{self.rng.randint(13, 17)} đồng chí. Tại hội nghị lần thứ nhất, đồng chí {new} "
                f"được bầu{again} giữ chức Bí thư Đảng ủy xã; đồng chí {deputy} giữ chức Phó Bí "
                "thư Thường trực Đảng ủy xã."
            ),
        ]
        return day, headline, paragraphs

    def farmers_congress(self, commune: _Commune) -> tuple[dt.date, str, list[str]]:
        day, c, seats = commune.nong_dan_congress, commune.name, commune.seats
        number, seat, deputy = (
            roman(commune.nong_dan_number),
            seats["nong_dan"],
            seats["pho_bi_thu"],
        )
        old, new = seat.before(day), seat.at(day)
        again = " lại" if new == old else ""
        headline = f"Đại hội đại biểu Hội Nông dân xã {c} lần thứ {number}, nhiệm kỳ 2023 – 2028"
        paragraphs = [
            (
                f"{self.opening(day)}, Hội Nông dân xã {c} tổ chức Đại hội đại biểu lần thứ "
                f"{number}, nhiệm kỳ 2023 – 2028. Dự đại hội có đồng chí {deputy.at(day)} – "
                f"{deputy.post} cùng {self.rng.randint(70, 130)} đại biểu thay mặt cho hơn "
                f"{self.rng.randint(9, 19)}00 hội viên."
            ),
            (
                f"Đồng chí {old} – {seat.post} nhiệm kỳ 2018 – 2023 trình bày báo cáo tổng kết "
                f"nhiệm kỳ. Theo đó, {self.achievements(2)}."
            ),
            (
                f"Đại hội đã bầu Ban Chấp hành Hội Nông dân xã nhiệm kỳ 2023 – 2028 gồm "
                f"{self.rng.randint(9, 13)} đồng chí; đồng chí {new} được bầu{again} giữ chức "
                "Chủ tịch Hội Nông dân xã."
            ),
        ]
        return day, headline, paragraphs

    def front_congress(self, commune: _Commune) -> tuple[dt.date, str, list[str]]:
        day, c, seats = commune.mttq_congress, commune.name, commune.seats
        number, seat, secretary = roman(commune.mttq_number), seats["mttq"], seats["bi_thu"]
        old, new = seat.before(day), seat.at(day)
        headline = f"Đại hội đại biểu MTTQ Việt Nam xã {c} lần thứ {number}, nhiệm kỳ 2024 – 2029"
        paragraphs = [
            (
                f"{self.opening(day)}, Ủy ban MTTQ Việt Nam xã {c} tổ chức Đại hội đại biểu lần "
                f"thứ {number}, nhiệm kỳ 2024 – 2029. Dự đại hội có đồng chí {secretary.at(day)} "
                f"– {secretary.post}."
            ),
            (
                f"Đồng chí {old} – {seat.post} trình bày báo cáo tổng kết nhiệm kỳ 2019 – 2024. "
                f"Theo đó, {self.achievements(2)}."
            ),
            (
                f"Đại hội đã hiệp thương cử {self.rng.randint(21, 33)} vị vào Ủy ban MTTQ xã khóa "
                f"mới. Tại hội nghị lần thứ nhất, đồng chí {new} được hiệp thương cử giữ chức "
                "Chủ tịch Ủy ban MTTQ xã nhiệm kỳ 2024 – 2029."
            ),
        ]
        return day, headline, paragraphs


_KINDS = (
    ("party_conference", 30),
    ("council_session", 16),
    ("voter_meeting", 14),
    ("commune_conference", 14),
    ("front_conference", 8),
    ("working_visit", 8),
    ("congress", 10),
)


def slug(text: str) -> str:
    """An ASCII slug of Vietnamese text: "Đại hội Đảng bộ" → "dai-hoi-dang-bo"."""
    letters = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = letters.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80].rstrip("-")


def _report_day(rng: random.Random, kind: str) -> dt.date:
    """Council sessions and voter meetings fall in the mid-year and year-end rounds, the Front's
    yearly review in December or January; the rest any day."""
    if kind in ("council_session", "voter_meeting", "front_conference"):
        months = (12, 1) if kind == "front_conference" else (6, 7, 12)
        lead = 6 if kind == "voter_meeting" else 0
        while True:
            day = dt.date(rng.randint(2019, 2025), rng.choice(months), rng.randint(3, 25 - lead))
            if FIRST_DAY <= day <= LAST_DAY:
                return day
    return _day_between(rng, FIRST_DAY, LAST_DAY)


@dataclass(frozen=True)
class Archive:
    articles: tuple[Article, ...]  # in date order
    communes: int
    officials: int


def generate_archive(count: int, *, seed: int = 20_250_630) -> Archive:
    """``count`` event reports of the district's communes, 2019 to June 2025; the same count and
    seed give the same reports."""
    rng = random.Random(seed)
    district = _district(rng)
    writer = _Writer(rng, district)
    congresses = [
        (commune, body) for commune in district.communes for body in ("party", "farmers", "front")
    ]
    rng.shuffle(congresses)
    kinds, weights = zip(*_KINDS, strict=True)
    drafts = []
    for _ in range(count):
        kind = rng.choices(kinds, weights)[0]
        if kind == "congress" and congresses:
            commune, body = congresses.pop()
            day, headline, paragraphs = getattr(writer, f"{body}_congress")(commune)
        else:
            if kind == "congress":
                kind = "party_conference"
            commune = rng.choice(district.communes)
            day = _report_day(rng, kind)
            headline, paragraphs = getattr(writer, kind)(day, commune)
        posted = min(day + dt.timedelta(days=rng.randint(0, 2)), LAST_DAY)
        drafts.append((posted, headline, tuple(paragraphs)))
    drafts.sort(key=lambda draft: draft[0])
    articles = tuple(
        Article(f"/tin-tuc/{slug(headline)}-{number}.html", headline, posted, paragraphs, True)
        for number, (posted, headline, paragraphs) in enumerate(drafts, start=1)
    )
    return Archive(articles, len(district.communes), district.officials)


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
