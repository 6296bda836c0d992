"""The page classifier: which fetched pages report a political event. The pages here are written
for these tests (invented places, people and events); the last tests read the shared corpora,
every report of which is an event report, and skip when they are absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from polgraph.extract.classify import PageVerdict, classify_page
from polgraph.extract.lexicon import lexicon
from polgraph.extract.source import load_source
from polgraph.vocab import Vocabulary, build_vocabulary, load_ontology, load_vocab_graph

# Pages that report an event, and the kind and body the classifier finds: (headline, text,
# kind, body). A text is written across lines here; ``_page`` joins them.
EVENTS = [
    pytest.param(
        "Đảng ủy xã Hòa Vân Tây đánh giá kết quả lãnh đạo quý III",
        """
        Ngày 2/10, Đảng ủy xã Hòa Vân Tây tổ chức hội nghị sơ kết công tác lãnh đạo quý III, bàn
        nhiệm vụ những tháng cuối năm. Đồng chí Lê Văn Khải, Bí thư Đảng ủy xã chủ trì hội nghị.
        Dự hội nghị có đồng chí Hồ Thị Lan, Trưởng Ban Dân vận Huyện ủy Ngọc Khê.
        """,
        "conference",
        "Đảng ủy",
        id="party-committee-conference",
    ),
    pytest.param(
        "Phụ nữ Phước Sơn Hạ bầu Ban Chấp hành khóa mới",
        """
        Sáng 25/3, Hội Liên hiệp Phụ nữ xã Phước Sơn Hạ tổ chức Đại hội đại biểu lần thứ XII,
        nhiệm kỳ 2026 – 2031. Về dự có 95 đại biểu thay mặt hơn 1.700 hội viên trong xã.
        """,
        "congress",
        "Ban Chấp hành",
        id="womens-congress",
    ),
    pytest.param(
        "HĐND XÃ ĐÔNG LÂM THƯỢNG KHAI MẠC KỲ HỌP THỨ 10",
        """
        Ngày 20/12, HĐND xã Đông Lâm Thượng khóa III, nhiệm kỳ 2021 – 2026 tổ chức Kỳ họp thứ 10
        để xem xét các nội dung thuộc thẩm quyền. Chủ tịch HĐND xã Vũ Thị Hạnh chủ trì kỳ họp.
        """,
        "council_session",
        "Hội đồng nhân dân",
        id="council-session-in-capitals",
    ),
    pytest.param(
        "Cử tri Hòa Vân Tây kiến nghị sửa đường liên thôn",
        """
        Chiều 28/11, Tổ đại biểu HĐND huyện Ngọc Khê ứng cử tại xã Hòa Vân Tây tiếp xúc cử tri
        trước kỳ họp cuối năm. Nhiều ý kiến đề nghị sớm sửa tuyến đường bị sạt lở.
        """,
        "voter_meeting",
        "Tổ đại biểu",
        id="voter-meeting-named-by-the-opening-verb",
    ),
    pytest.param(
        "Thường trực Huyện ủy Ngọc Khê kiểm tra tiến độ làm đường ở Phước Sơn Hạ",
        """
        Ngày 4/10, đồng chí Đinh Quang Thọ, Phó Bí thư Thường trực Huyện ủy dẫn đầu đoàn công
        tác làm việc với Đảng ủy xã Phước Sơn Hạ về tiến độ làm đường giao thông nông thôn.
        """,
        "working_visit",
        "Thường trực",
        id="working-visit",
    ),
    pytest.param(
        "Trao Huy hiệu 55 năm tuổi Đảng cho đảng viên lão thành",
        """
        Sáng 3/2, Đảng ủy xã Đông Lâm Thượng long trọng tổ chức Lễ trao Huy hiệu Đảng cho 6 đảng
        viên. Đồng chí Trần Minh Đức, Bí thư Đảng ủy xã trao Huy hiệu và chúc mừng.
        """,
        "ceremony",
        "Đảng ủy",
        id="badge-ceremony",
    ),
    pytest.param(
        None,
        """
        Chi bộ thôn Bãi Sậy đại hội nhiệm kỳ 2025 – 2027

        Ngày 15/4, Chi bộ thôn Bãi Sậy tổ chức Đại hội nhiệm kỳ 2025 – 2027. Dự đại hội có đồng
        chí Nguyễn Thị Thu, Phó Bí thư Đảng ủy xã Hòa Vân Tây.
        """,
        "congress",
        "Chi bộ",
        id="party-cell-congress-headline-in-the-text",
    ),
    pytest.param(
        "Mặt trận xã Hòa Vân Tây thỏa thuận cơ cấu người ứng cử",
        """
        Ngày 6/2, Ban Thường trực Ủy ban MTTQ Việt Nam xã Hòa Vân Tây tổ chức Hội nghị hiệp
        thương lần thứ nhất. Dự hội nghị có đại diện Thường trực Đảng ủy, HĐND, UBND xã.
        """,
        "conference",
        "Ban Thường trực",
        id="front-conference",
    ),
    pytest.param(
        "Năm 2025, Phước Sơn Hạ phấn đấu thu ngân sách vượt 10%",
        """
        Chiều 8/1, UBND xã Phước Sơn Hạ tổ chức hội nghị tổng kết công tác năm 2024, triển khai
        nhiệm vụ năm 2025. Chủ tịch UBND xã Lương Văn Quý chủ trì hội nghị.
        """,
        "conference",
        "Ủy ban nhân dân",
        id="committee-conference-kind-in-the-opening",
    ),
    pytest.param(
        "Bí thư Huyện ủy dự Đại hội điểm Đảng bộ xã Phước Sơn Hạ",
        """
        Sáng 20/5, Đại hội đại biểu Đảng bộ xã Phước Sơn Hạ lần thứ XX, nhiệm kỳ 2025 – 2030 đã
        khai mạc trọng thể. Đồng chí Cao Xuân Bình, Bí thư Huyện ủy dự và phát biểu chỉ đạo.
        """,
        "congress",
        "Huyện ủy",
        id="leader-attends-a-congress",
    ),
    pytest.param(
        "Ban Chấp hành Đảng bộ xã Phước Sơn Hạ bàn công tác chuẩn bị Đại hội",
        """
        Ngày 3/3, Ban Chấp hành Đảng bộ xã Phước Sơn Hạ tổ chức Hội nghị lần thứ 26 cho ý kiến
        vào dự thảo văn kiện Đại hội. Bí thư Đảng ủy xã Lê Văn Khải chủ trì hội nghị.
        """,
        "conference",
        "Ban Chấp hành",
        id="a-conference-while-preparing-a-congress",
    ),
    pytest.param(
        "Đảng bộ xã Đông Lâm Thượng tích cực chuẩn bị Đại hội nhiệm kỳ mới",
        """
        Ngày 5/4, Chi bộ thôn Bãi Sậy tổ chức Đại hội điểm nhiệm kỳ 2025 – 2027 để các chi bộ
        khác rút kinh nghiệm. Bí thư Đảng ủy xã Trần Minh Đức dự và chỉ đạo đại hội.
        """,
        "congress",
        "Đảng bộ",
        id="a-model-congress-held-while-preparing",
    ),
    pytest.param(
        "Thôn Gò Mít vui Ngày hội Đại đoàn kết toàn dân tộc",
        """
        Ngày 14/11, Ban công tác Mặt trận thôn Gò Mít tổ chức ngày hội năm 2024 tại nhà văn hóa
        thôn. Dự có đồng chí Phan Văn Sỹ, Chủ tịch Ủy ban MTTQ Việt Nam huyện; lãnh đạo Đảng ủy,
        HĐND, UBND xã Hòa Vân Tây.
        """,
        "other",
        "Ban công tác Mặt trận",
        id="great-unity-day",
    ),
    pytest.param(
        None,
        """
        Phó Bí thư Huyện ủy Ngọc Khê cổ vũ hội thi nấu ăn của phụ nữ Bãi Sậy. Hơn 20 đội
        tham gia hội thi.
        """,
        "other",
        "Huyện ủy",
        id="a-leader-at-a-festival",
    ),
    pytest.param(
        "Gặp mặt cán bộ hưu trí đầu xuân",
        """
        Sáng 16/2, Đảng ủy, HĐND, UBND, Ủy ban MTTQ xã Đông Lâm Thượng tổ chức gặp mặt cán bộ
        hưu trí. Bí thư Đảng ủy xã Trần Minh Đức phát biểu, thông báo kết quả năm qua.
        """,
        None,
        "Đảng ủy",
        id="get-together-with-speeches",
    ),
    pytest.param(
        "Bí thư Đảng ủy xã nghe dân kiến nghị về đất đai",
        """
        Sáng 15/3, Bí thư Đảng ủy xã Đông Lâm Thượng Trần Minh Đức chủ trì buổi tiếp công dân.
        Cùng dự có lãnh đạo HĐND, UBND, Ủy ban MTTQ xã và các ngành liên quan.
        """,
        None,
        "Đảng ủy",
        id="citizens-reception",
    ),
]

# Pages that report no political event, and a phrase of the reason given: (headline, text,
# reason).
NOT_EVENTS = [
    pytest.param(
        "Chủ động phòng, chống rét đậm, rét hại cho cây trồng, vật nuôi",
        """
        Từ ngày 14/1, xã Đông Lâm Thượng có đợt không khí lạnh tăng cường. Ủy ban nhân dân xã
        khuyến cáo bà con che chắn chuồng trại, dự trữ thức ăn cho gia súc. Ủy ban nhân dân xã
        đề nghị Ban công tác Mặt trận, Chi hội Nông dân, Chi hội Phụ nữ và Chi đoàn các thôn tổ
        chức tuyên truyền để mọi nhà đều biết. Ruộng lúa mới gieo cần giữ nước từ 3 đến 5 cm.
        """,
        "no event kind",
        id="weather-advice",
    ),
    pytest.param(
        "Giá lợn hơi tại Ngọc Khê tăng nhẹ sau Tết",
        """
        Những ngày qua, giá lợn hơi trên địa bàn huyện Ngọc Khê dao động từ 58.000 đến 61.000
        đồng/kg. Theo Hội Nông dân huyện, nhiều hộ đang tái đàn nhưng còn dè dặt vì lo dịch
        bệnh.
        """,
        "no event kind",
        id="farm-prices",
    ),
    pytest.param(
        "Thôn Bãi Sậy vô địch Giải bóng đá nam xã Hòa Vân Tây",
        """
        Chiều 2/9, trận chung kết Giải bóng đá nam xã Hòa Vân Tây diễn ra trên sân trung tâm xã.
        Đội thôn Bãi Sậy thắng đội thôn Gò Mít 3-1. Giải do Đoàn Thanh niên xã phối hợp với
        Trung tâm Văn hóa - Thể thao xã tổ chức, thu hút 10 đội bóng tham gia.
        """,
        "too few bodies",
        id="football-results",
    ),
    pytest.param(
        "Độc đáo lễ hội cầu ngư làng biển Gành Đỏ",
        """
        Lễ hội cầu ngư của ngư dân làng biển Gành Đỏ được tổ chức vào tháng Giêng hằng năm. Phần
        lễ gồm lễ rước và lễ cầu an cho những chuyến ra khơi. Theo UBND xã, địa phương đang lập
        hồ sơ đề nghị công nhận lễ hội là di sản văn hóa phi vật thể.
        """,
        "too few bodies",
        id="village-festival",
    ),
    pytest.param(
        "Giới thiệu khái quát xã Đông Lâm Thượng",
        """
        Xã Đông Lâm Thượng nằm ở phía tây bắc huyện Ngọc Khê, có 9 thôn với hơn 9.800 người.
        Kinh tế của xã chủ yếu là trồng lúa và chăn nuôi. Đảng bộ xã có 21 chi bộ trực thuộc. Hệ
        thống chính trị gồm Đảng ủy, Hội đồng nhân dân, Ủy ban nhân dân, Ủy ban Mặt trận Tổ
        quốc.
        """,
        "no event kind",
        id="about-the-commune",
    ),
    pytest.param(
        "Thông báo tuyển dụng công chức cấp xã năm 2024",
        """
        Ủy ban nhân dân huyện Ngọc Khê thông báo tuyển dụng 12 công chức làm việc tại Ủy ban
        nhân dân các xã, thị trấn. Hồ sơ nộp tại Phòng Nội vụ huyện đến hết ngày 4/9/2024.
        """,
        "document",
        id="job-notice",
    ),
    pytest.param(
        "Kế hoạch tổ chức Hội nghị tiếp xúc cử tri sau Kỳ họp thứ 8 HĐND huyện",
        """
        Thường trực HĐND huyện Ngọc Khê xây dựng kế hoạch tiếp xúc cử tri như sau. Thời gian: từ
        ngày 20 đến 25/7/2024. Địa điểm: hội trường UBND các xã.
        """,
        "document",
        id="a-plan-for-a-voter-meeting",
    ),
    pytest.param(
        "Đảng bộ xã Hòa Vân Tây khẩn trương chuẩn bị Đại hội nhiệm kỳ 2025 – 2030",
        """
        Theo kế hoạch, Đại hội đại biểu Đảng bộ xã Hòa Vân Tây lần thứ XVIII sẽ diễn ra trong
        hai ngày 18 và 19/6/2025. Đến nay, Ban Chấp hành Đảng bộ xã đã hoàn thành dự thảo báo
        cáo chính trị. Các chi bộ trực thuộc đã tổ chức xong đại hội.
        """,
        "in passing",
        id="a-coming-congress",
    ),
    pytest.param(
        "Xã Hòa Vân Tây sẵn sàng cho Lễ đón nhận Bằng công nhận xã nông thôn mới nâng cao",
        """
        Để Lễ đón nhận Bằng công nhận dự kiến diễn ra ngày 28/12 thành công, UBND xã Hòa Vân Tây
        đã thành lập các tiểu ban giúp việc. Các thôn đang trang trí đường làng.
        """,
        "in passing",
        id="a-coming-ceremony",
    ),
    pytest.param(
        "Cán bộ, công chức xã được nghỉ lễ Quốc khánh 4 ngày",
        """
        Cán bộ, công chức tại Ủy ban nhân dân xã Đông Lâm Thượng được nghỉ lễ Quốc khánh từ ngày
        31/8 đến hết ngày 3/9. Bộ phận một cửa bố trí cán bộ trực để nhận hồ sơ khẩn.
        """,
        "no event kind",
        id="a-holiday",
    ),
    pytest.param(
        "Thư chúc mừng năm mới",
        """
        Nhân dịp đón Xuân mới, Ban Thường vụ Đảng ủy, Thường trực HĐND, UBND, Ủy ban MTTQ Việt
        Nam xã Đông Lâm Thượng gửi tới cán bộ, đảng viên và Nhân dân lời chúc mừng năm mới.
        """,
        "no event kind",
        id="new-year-greetings",
    ),
    pytest.param(
        "Trường Tiểu học Đông Lâm khai giảng năm học mới",
        """
        Sáng 5/9, Trường Tiểu học Đông Lâm tổ chức Lễ khai giảng năm học 2024 – 2025. Nhà trường
        có 520 học sinh, 18 lớp học.
        """,
        "no body",
        id="a-school-ceremony-without-a-political-body",
    ),
    pytest.param(
        "Hội nghị khách hàng tiêu thụ bưởi da xanh",
        """
        Ngày 9/3, Công ty Nông sản Sông Mây tổ chức hội nghị khách hàng với các hộ trồng bưởi.
        Hội nghị bàn cách giữ giá bưởi ổn định.
        """,
        "no body",
        id="a-company-conference",
    ),
    pytest.param(
        "Tiêm vắc xin sởi cho trẻ từ 1 đến 5 tuổi",
        """
        Từ ngày 10 đến 15/10, Trạm Y tế xã Hòa Vân Tây tổ chức tiêm vắc xin sởi cho trẻ. Phụ
        huynh mang theo sổ tiêm chủng khi đưa trẻ đi tiêm.
        """,
        "no event kind",
        id="a-vaccination-notice",
    ),
    pytest.param(
        "Va chạm giao thông trên tỉnh lộ 8",
        """
        Khoảng 17 giờ ngày 3/6, xe máy va chạm với xe tải trên tỉnh lộ 8. Người lái xe máy bị
        thương. Công an xã đã có mặt phong tỏa hiện trường.
        """,
        "too few bodies",
        id="a-road-accident",
    ),
    pytest.param(
        None,
        "",
        "no event kind",
        id="an-empty-page",
    ),
]


def _page(text: str) -> str:
    """A page's text as written above: its lines joined by spaces, its paragraphs kept apart."""
    return "\n\n".join(" ".join(part.split()) for part in text.strip().split("\n\n"))


@pytest.mark.parametrize(("title", "text", "kind", "body"), EVENTS)
def test_an_event_report_is_kept_with_its_kind_and_body(title, text, kind, body):
    verdict = classify_page(title, _page(text))
    assert verdict.is_event, verdict
    assert (verdict.kind, verdict.body) == (kind, body)


@pytest.mark.parametrize(("title", "text", "reason"), NOT_EVENTS)
def test_a_page_reporting_no_political_event_is_skipped_saying_why(title, text, reason):
    verdict = classify_page(title, _page(text))
    assert not verdict.is_event, verdict
    assert reason in verdict.reason, verdict


def test_only_the_top_of_a_page_is_looked_at():
    headline = "Hội nghị sơ kết công tác quý III"
    filler = "Hội nghị đánh giá kết quả sản xuất và đề ra nhiệm vụ thời gian tới. "
    body = "Dự hội nghị có lãnh đạo Đảng ủy xã Hòa Vân Tây."
    assert classify_page(headline, filler * 3 + body).is_event
    # The same body past the first 1,500 characters is not looked for.
    far = classify_page(headline, filler * 30 + body)
    assert far == PageVerdict(False, "conference", None, "no body named")


def vocabulary_with(turtle: str) -> Vocabulary:
    """The installed vocabularies with ``turtle`` added."""
    graph = load_vocab_graph()
    prefixes = (
        "@prefix pg: <https://w3id.org/polgraph/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix body: <https://w3id.org/polgraph/vocab/body/> .\n"
    )
    graph.parse(data=prefixes + turtle, format="turtle")
    return build_vocabulary(load_ontology(), graph)


def test_the_bodies_are_the_vocabularys_political_body_types():
    page = (
        "Hội Làm vườn xã Hòa Vân Tây đại hội nhiệm kỳ mới",
        "Ngày 9/5, Hội Làm vườn xã Hòa Vân Tây tổ chức Đại hội lần thứ IV, nhiệm kỳ 2026 – 2031.",
    )
    # "Hội" alone heads too many phrases to name a body: no body type spells this one out yet.
    assert classify_page(*page) == PageVerdict(False, "congress", None, "no body named")
    association = """
    body:hoi-lam-vuon a skos:Concept , pg:BodyType ;
        skos:prefLabel "Hội Làm vườn"@vi ; pg:orgClass pg:MassOrganisation .
    """
    verdict = classify_page(*page, lex=lexicon(vocabulary_with(association)))
    assert (verdict.is_event, verdict.body) == (True, "Hội Làm vườn")
    # A body type of a class that makes no event political does not count.
    club = association.replace("pg:MassOrganisation", "pg:Centre")
    verdict = classify_page(*page, lex=lexicon(vocabulary_with(club)))
    assert verdict == PageVerdict(False, "congress", None, "no body named")


def _misses(corpus: Path) -> tuple[int, list[str]]:
    reports = sorted((corpus / "reports").glob("*.txt"))
    misses = []
    for path in reports:
        source = load_source(path)
        verdict = classify_page(source.title, source.text)
        if not verdict.is_event:
            misses.append(f"{path.name}: {verdict.reason}")
    return len(reports), misses


def test_every_real_corpus_report_is_an_event_report(real_corpus):
    count, misses = _misses(real_corpus)
    assert count == 45
    assert misses == []


def test_every_dev_corpus_report_is_an_event_report(shared_corpus):
    count, misses = _misses(shared_corpus)
    assert count == 17
    assert misses == []
