"""The pages' own words, in Vietnamese and in English. Labels of the vocabulary's codes (event
kinds, acts) come from the vocabularies themselves (see ``terms``); names, titles and quotes
come from the reports and are shown as written."""

from __future__ import annotations

from collections.abc import Callable

# key → (Vietnamese, English); "{name}" fields are filled by ``translator``.
MESSAGES: dict[str, tuple[str, str]] = {
    # every page
    "nav_label": ("Trang chính", "Main pages"),
    "nav_home": ("Trang chủ", "Home"),
    "nav_network": ("Mạng lưới", "Network"),
    "nav_queries": ("Truy vấn", "Queries"),
    "nav_api": ("API", "API"),
    "language_name_vi": ("Tiếng Việt", "Tiếng Việt"),
    "language_name_en": ("English", "English"),
    "footer": (
        "polgraph: ai giữ vai trò gì tại sự kiện nào, theo các bản tin địa phương.",
        "polgraph: who held which role at which event, from local reports.",
    ),
    "search_label": ("Tìm người hoặc cơ quan", "Find a person or a body"),
    "search_placeholder": ("Tìm tên (không cần dấu)", "Find a name (accents optional)"),
    "search_button": ("Tìm", "Search"),
    "search_hint": (
        "Gõ có dấu hay không dấu đều được: “nguyen viet dong” tìm ra “Nguyễn Viết Đồng”.",
        "Accents are optional: “nguyen viet dong” finds “Nguyễn Viết Đồng”.",
    ),
    "open_source": ("xem nguồn", "source"),
    "undated": ("không rõ ngày", "undated"),
    "shown_of_total": ("{shown} trên tổng số {total}", "{shown} of {total}"),
    "first_n": ("{n} mục đầu tiên", "the first {n}"),
    "elected": ("được bầu", "elected"),
    "previous": ("← Trước", "← Previous"),
    "next": ("Tiếp →", "Next →"),
    "back_home": ("Về trang chủ", "Back to the home page"),
    "everything": ("toàn bộ dữ liệu", "everything"),
    "window": ("từ {start} đến {end}", "{start} to {end}"),
    # errors
    "error_400": ("Yêu cầu không hợp lệ", "Bad request"),
    "error_404": ("Không tìm thấy", "Not found"),
    "error_503": ("Kho dữ liệu tạm thời không dùng được", "The store is unavailable"),
    "error_other": ("Đã có lỗi", "Something went wrong"),
    # home and search
    "home_title": ("Đồ thị tri thức chính trị địa phương", "A knowledge graph of local politics"),
    "home_lead": (
        (
            "Ai giữ chức vụ gì, tại hội nghị, đại hội, kỳ họp nào — theo các bản tin của xã, "
            "huyện, tỉnh; mỗi dữ kiện dẫn về câu văn nêu nó."
        ),
        (
            "Who held which post at which conference, congress or council session, from the "
            "reports of communes, districts and provinces; every "
            "fact leads back to the sentence that states it."
        ),
    ),
    "in_the_graph": ("Trong đồ thị", "In the graph"),
    "count_persons": ("người", "persons"),
    "count_events": ("sự kiện", "events"),
    "count_organizations": ("cơ quan, tổ chức", "bodies"),
    "count_sources": ("bản tin", "reports"),
    "recent_events": ("Sự kiện gần đây nhất", "Latest events"),
    "search_title": ("Tìm kiếm", "Search"),
    "search_results_for": ("Kết quả tìm “{q}”", "Results for “{q}”"),
    "named_in_reports": ("có tên trong {n} bản tin", "named in {n} report(s)"),
    "no_persons": ("Không có ai.", "Nobody."),
    "no_organizations": ("Không có cơ quan nào.", "No body."),
    # persons
    "persons": ("Người", "Persons"),
    "person": ("Người", "Person"),
    "written_as": ("Tên như bản tin viết", "Named in the reports as"),
    "query_career": ("Truy vấn quá trình công tác", "Query the career"),
    "query_timeline": ("Truy vấn các sự kiện", "Query the events"),
    "timeline": ("Dòng thời gian", "Timeline"),
    "legend_attested": (
        "chức vụ, từ lần đầu đến lần cuối được ghi nhận",
        "post, from first to last evidence",
    ),
    "legend_elected": ("bắt đầu bằng bầu cử", "opened by an election"),
    "legend_event": ("sự kiện", "event"),
    "nothing_dated": ("Không có gì có ngày tháng để vẽ.", "Nothing dated to draw."),
    "posts": ("Chức vụ", "Posts"),
    "post": ("Chức vụ", "Post"),
    "body": ("Cơ quan", "Body"),
    "period": ("Thời gian", "Period"),
    "evidence": ("Căn cứ", "Evidence"),
    "predecessor": ("Người tiền nhiệm", "Predecessor"),
    "successor": ("Người kế nhiệm", "Successor"),
    "no_posts": ("Không có chức vụ nào được ghi nhận.", "No post attested."),
    "events": ("Sự kiện", "Events"),
    "event": ("Sự kiện", "Event"),
    "kind": ("Loại", "Kind"),
    "role_there": ("Chức vụ tại sự kiện", "Post held there"),
    "acts": ("Hoạt động", "Acts"),
    "source": ("Nguồn", "Source"),
    "no_events": ("Không có sự kiện nào.", "No event."),
    "speeches": ("Phát biểu", "Speeches"),
    "topic": ("Nội dung", "Topic"),
    "capacity": ("Với tư cách", "As"),
    "no_speeches": ("Không có phát biểu nào.", "No speech."),
    # events
    "date": ("Ngày", "Date"),
    "year_inferred": ("năm suy ra từ ngày đăng", "year inferred from the publication date"),
    "place": ("Địa bàn", "Place"),
    "organiser": ("Đơn vị tổ chức", "Organiser"),
    "term": ("Nhiệm kỳ", "Term"),
    "network_of_place": (
        "Mạng lưới đồng tham dự ở địa bàn này",
        "Co-attendance network of this place",
    ),
    "query_participants": ("Truy vấn người tham dự", "Query the participants"),
    "participants": ("Người tham dự", "Participants"),
    "roles": ("Chức vụ", "Roles"),
    "no_participants": ("Bản tin không nêu tên ai.", "The report names nobody."),
    "speaker": ("Người phát biểu", "Speaker"),
    "documents": ("Văn bản", "Documents"),
    "relation": ("Quan hệ", "Relation"),
    "relation_implements": ("triển khai", "implements"),
    "relation_cites": ("dẫn chiếu", "cites"),
    "document": ("Văn bản", "Document"),
    "issuer": ("Cơ quan ban hành", "Issuer"),
    "issued": ("Ngày ban hành", "Issued"),
    "no_documents": ("Không có văn bản nào.", "No document."),
    # bodies
    "body_kind": ("Loại cơ quan", "Kind of body"),
    "parent_bodies": ("Trực thuộc", "Part of"),
    "sub_bodies": ("Cơ quan trực thuộc", "Sub-bodies"),
    "network_of_body": (
        "Mạng lưới đồng tham dự của cơ quan này",
        "Co-attendance network of this body",
    ),
    "query_members": ("Truy vấn thành viên", "Query the members"),
    "post_holders": ("Người giữ chức vụ", "Post holders"),
    "holder": ("Người giữ", "Holder"),
    "latest_known": ("gần nhất được ghi nhận", "latest known"),
    "successions": ("Chuyển giao chức vụ", "Successions"),
    "since": ("Từ", "Since"),
    "no_successions": ("Không có chuyển giao nào được ghi nhận.", "No succession attested."),
    "members": ("Thành viên (cả các cơ quan trực thuộc)", "Members (sub-bodies included)"),
    "attestations": ("Số lần ghi nhận", "Attestations"),
    "no_members": ("Không có thành viên nào được ghi nhận.", "No member attested."),
    "events_organised": ("Sự kiện do cơ quan tổ chức", "Events it organised"),
    "organizations": ("Cơ quan, tổ chức", "Bodies"),
    # places
    "level": ("Cấp", "Level"),
    "official_code": ("Mã đơn vị hành chính", "Official code"),
    "structure": ("Hệ thống đơn vị hành chính", "Administrative structure"),
    "structure_legacy": ("trước 1/7/2025 (có cấp huyện)", "before 1 July 2025 (with districts)"),
    "structure_2025": ("từ 1/7/2025 (hai cấp)", "from 1 July 2025 (two levels)"),
    "lies_in": ("Thuộc", "Lies in"),
    "successor_unit": ("Đơn vị sau sắp xếp 2025", "Unit after the 2025 reorganisation"),
    "merged_into_it": ("Các đơn vị sáp nhập vào đây", "Units merged into it"),
    "units_within": ("Các đơn vị trực thuộc", "Units within it"),
    "bodies_here": ("Cơ quan, tổ chức ở địa bàn", "Bodies serving here"),
    "serves": ("Địa bàn", "Serves"),
    "events_here": ("Sự kiện ở địa bàn", "Events held here"),
    # reports
    "report_key": ("Mã bản tin", "Report key"),
    "published": ("Ngày đăng", "Published"),
    "address": ("Địa chỉ", "Address"),
    "archived_copy": ("Bản lưu trữ", "Archived copy"),
    "archived_at": ("tải về lúc", "fetched at"),
    "report_text": ("Nội dung bản tin", "The report's text"),
    "facts_read": ("Các dữ kiện rút ra", "Facts read from it"),
    "fact_kind": ("Loại dữ kiện", "Kind of fact"),
    "fact_event": ("sự kiện", "event"),
    "fact_role": ("chức vụ", "post"),
    "fact_participation": ("tham dự", "participation"),
    "fact_speech": ("phát biểu", "speech"),
    "fact_document": ("văn bản", "document"),
    "about": ("Về", "About"),
    "words": ("Câu chữ", "Words"),
    "no_facts": ("Không có dữ kiện nào.", "No fact."),
    # network
    "network_title": ("Mạng lưới đồng tham dự", "Co-attendance network"),
    "network_lead": (
        (
            "Hai người nối với nhau khi cùng dự một sự kiện; nét càng đậm, càng nhiều sự kiện "
            "chung. Chọn địa bàn (tên, mã hoặc IRI), cơ quan và khoảng thời gian."
        ),
        (
            "Two persons are tied when they attended an event together; the thicker the tie, the "
            "more events they shared. Choose a place (a name, "
            "a code or an IRI), a body and a date window."
        ),
    ),
    "from": ("Từ ngày", "From"),
    "to": ("Đến ngày", "To"),
    "rank_by": ("Xếp theo", "Rank by"),
    "show": ("Xem", "Show"),
    "network_size": ("{persons} người, {ties} mối quan hệ", "{persons} persons, {ties} ties"),
    "network_picture_alt": ("Mạng lưới đồng tham dự: {scope}", "Co-attendance network: {scope}"),
    "network_picture_title": (
        "Mạng lưới đồng tham dự ({scope}): {persons} người, {ties} mối quan hệ",
        "Co-attendance ({scope}): {persons} persons, {ties} ties",
    ),
    "network_caption": (
        "Màu: các nhóm (Louvain). Tải về:",
        "Colours: communities (Louvain). Download:",
    ),
    "network_empty": ("Không có ai trong phạm vi này.", "Nobody in this slice."),
    "most_central": ("Những người ở vị trí trung tâm nhất", "The most central persons"),
    "measure_weighted_degree": ("Bậc có trọng số", "Weighted degree"),
    "measure_degree": ("Bậc", "Degree"),
    "measure_betweenness": ("Trung gian", "Betweenness"),
    "measure_eigenvector": ("Vectơ riêng", "Eigenvector"),
    "measure_events": ("Số sự kiện", "Events"),
    # queries
    "queries_title": ("Truy vấn SPARQL", "SPARQL queries"),
    "queries_lead": (
        (
            "Chọn một truy vấn có sẵn, điền tham số nếu cần, sửa tùy ý rồi chạy. Kết quả tải "
            "về được dạng CSV hoặc JSON."
        ),
        (
            "Pick a named query, fill in its parameters if you like, edit it and run it. Results "
            "download as CSV or JSON."
        ),
    ),
    "named_queries": ("Truy vấn có sẵn", "Named queries"),
    "bind_params": ("Điền tham số vào truy vấn", "Bind the parameters"),
    "params_hint": (
        "Tham số để trống thì không giới hạn.",
        "A parameter left empty does not narrow the query.",
    ),
    "query_text": ("Truy vấn", "Query"),
    "run": ("Chạy", "Run"),
    "download": ("Tải", "Download"),
    "running": ("Đang chạy…", "Running…"),
    "rows_found": ("{n} dòng", "{n} row(s)"),
    "query_failed": ("Truy vấn lỗi", "The query failed"),
}

_INDEX = {"vi": 0, "en": 1}


def translator(lang: str) -> Callable[..., str]:
    """``t(key, **fields)``: the words for ``key`` in ``lang``, fields filled in."""
    index = _INDEX[lang]

    def t(key: str, **fields: object) -> str:
        words = MESSAGES[key][index]
        return words.format(**fields) if fields else words

    return t
