"""The reader on reports written for these tests, in styles the dev corpus does not use.

A report read for its roles, acts, persons or event fields alone is a case in cases/reader
(test_reader_cases.py); what needs code (offsets, a role's flags, parts of a title) stays here.
"""

import datetime as dt

import pytest
from conftest import RESOURCES

from polgraph.extract.reader import Reader
from polgraph.extract.source import load_source


@pytest.fixture(scope="module")
def reader():
    return Reader()


def facts(extraction):
    roles = {(p.name, r.post, r.org) for p in extraction.persons for r in p.roles}
    acts = {(p.name, a) for p in extraction.persons for a in p.acts if a != "attended"}
    return roles, acts


def written(path, text: str):
    """A report of text written for a test, as a file the reader loads."""
    path.write_text(text, encoding="utf-8")
    return path


def test_a_ward_report_with_a_city_committee_member(reader):
    x = reader.read(
        load_source(
            RESOURCES / "text" / "quang-trung-tong-ket.txt", published=dt.date(2023, 12, 29)
        )
    )
    roles, acts = facts(x)
    assert x.event.date == "2023-12-28" and x.event.date_year_inferred
    assert x.event.kind == "conference"
    assert roles == {
        ("Nguyễn Thanh Hải", "Ủy viên Ban Chấp hành", "Đảng bộ thành phố Thái Bình"),
        ("Nguyễn Thanh Hải", "Trưởng phòng", "Phòng Nội vụ thành phố Thái Bình"),
        ("Trần Thị Hương", "Bí thư", "Đảng ủy phường Quang Trung"),
        ("Vũ Đức Minh", "Phó Bí thư", "Đảng ủy phường Quang Trung"),
        ("Vũ Đức Minh", "Chủ tịch", "Ủy ban nhân dân phường Quang Trung"),
        ("Phạm Văn Long", "Bí thư", "Chi bộ tổ dân phố số 3"),
        ("Đào Thị Mai", "Chủ tịch", "Hội Liên hiệp Phụ nữ phường Quang Trung"),
    }
    assert acts == {
        ("Nguyễn Thanh Hải", "directive_speech"),
        ("Trần Thị Hương", "chaired"),
        ("Vũ Đức Minh", "presented_report"),
        ("Phạm Văn Long", "speech"),
        ("Đào Thị Mai", "speech"),
    }


def test_a_front_congress_where_the_chair_is_chosen_by_consultation(reader):
    x = reader.read(load_source(RESOURCES / "text" / "phuoc-long-mttq.txt"))
    roles, acts = facts(x)
    assert x.event.kind == "congress" and x.event.date == "2024-06-15"
    assert x.event.place == "thị trấn Phước Long, huyện Phước Long, tỉnh Bạc Liêu"
    assert ("Huỳnh Văn Sáu", "Chủ tịch", "Hội đồng nhân dân thị trấn Phước Long") in roles
    assert (
        "Lâm Văn Tư",
        "Phó Chủ tịch",
        "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Phước Long",
    ) in roles
    assert {
        ("Nguyễn Thị Bé Năm", "chaired"),
        ("Nguyễn Thị Bé Năm", "presented_report"),
        ("Nguyễn Thị Bé Năm", "elected"),
        ("Trần Văn Út", "chaired"),
        ("Huỳnh Văn Sáu", "directive_speech"),
    } == acts
    genders = {p.name: p.gender for p in x.persons}
    assert genders["Nguyễn Thị Bé Năm"] == "female" and genders["Lâm Văn Tư"] == "male"


def test_every_fact_points_at_its_words(reader):
    x = reader.read(load_source(RESOURCES / "text" / "quang-trung-tong-ket.txt"))
    text = x.report.text
    for person in x.persons:
        assert all(text[s:e] == person.name for s, e in person.spans)
        for role in person.roles:
            assert text[role.span[0] : role.span[1]] == role.as_written
        for speech in person.speeches:
            assert text[speech.span[0] : speech.span[1]].strip()


def test_offsets_count_from_the_text_as_stored_when_the_page_starts_with_blank_lines(
    reader, tmp_path
):
    # The stored text is stripped: a title ending the page must still point inside it.
    path = written(
        tmp_path / "leading-blank.txt",
        "\n\n  Tiếp xúc cử tri xã Hòa Lạc\n\nSáng 5/3/2024, xã Hòa Lạc tổ chức tiếp xúc cử tri. "
        "Phát biểu có ông Đinh Văn Khoa, Phó Bí thư Đảng ủy xã,",
    )
    x = reader.read(load_source(path))
    text = x.report.text
    (khoa,) = [p for p in x.persons if p.name == "Đinh Văn Khoa"]
    assert all(text[s:e] == "Đinh Văn Khoa" for s, e in khoa.spans)
    assert (
        [text[r.span[0] : r.span[1]] for r in khoa.roles]
        == [r.as_written for r in khoa.roles]
        != []
    )


def test_a_district_report_with_ranks_former_officials_and_a_caption(reader):
    x = reader.read(load_source(RESOURCES / "text" / "yen-dung-dan-van.txt"))
    roles, acts = facts(x)
    assert x.event.place == "huyện Yên Dũng, tỉnh Bắc Giang" and x.event.date == "2025-01-10"
    assert roles == {
        ("Thân Văn Hải", "Ủy viên Ban Chấp hành", "Đảng bộ tỉnh Bắc Giang"),
        ("Thân Văn Hải", "Phó Trưởng ban", "Ban Dân vận Tỉnh ủy Bắc Giang"),
        ("Nguyễn Đức Anh", "Chỉ huy trưởng", "Ban Chỉ huy Quân sự huyện Yên Dũng"),
        ("Giáp Văn Tuấn", "Phó Bí thư Thường trực", "Huyện ủy Yên Dũng"),
        ("Giáp Văn Tuấn", "Chủ tịch", "Hội đồng nhân dân huyện Yên Dũng"),
        ("Ngô Thị Hà", "Trưởng ban", "Ban Dân vận Huyện ủy Yên Dũng"),
        # A former post ("Lương Thị Ngọc – nguyên Phó Chủ tịch UBND huyện") is a role like the
        # others, as the real pages' conventions have it.
        ("Lương Thị Ngọc", "Phó Chủ tịch", "Ủy ban nhân dân huyện Yên Dũng"),
    }
    assert acts == {
        ("Giáp Văn Tuấn", "chaired"),
        ("Giáp Văn Tuấn", "speech"),
        ("Giáp Văn Tuấn", "awarded"),
        ("Ngô Thị Hà", "presented_report"),
    }


def test_a_newspaper_voter_meeting_with_given_name_references(reader):
    x = reader.read(load_source(RESOURCES / "text" / "dong-son-cu-tri.txt"))
    roles, acts = facts(x)
    # "(Nghệ An)" is the province
    assert x.event.place == "xã Đông Sơn, huyện Yên Thành, tỉnh Nghệ An"
    assert (
        "Trần Văn Mạnh",
        "Phó Giám đốc",
        "Sở Nông nghiệp và Phát triển nông thôn tỉnh Nghệ An",
    ) in roles
    assert ("Hồ Thị Thanh", "Đại biểu", "Hội đồng nhân dân tỉnh Nghệ An") in roles
    # "Ông Mạnh", "bà Thanh" refer back to the persons named in full.
    assert {
        ("Trần Văn Mạnh", "presented_report"),
        ("Hồ Thị Thanh", "speech"),
        ("Phan Văn Đức", "speech"),
        ("Cao Xuân Bình", "speech"),
    } == acts
    assert len(x.persons) == 4


def test_givers_of_awards_act_and_recipients_do_not(reader):
    x = reader.read(load_source(RESOURCES / "text" / "quynh-hung-huy-hieu.txt"))
    acts = {p.name: set(p.acts) - {"attended"} for p in x.persons}
    assert x.event.kind == "ceremony"
    assert acts == {
        "Hoàng Thị Mai": {"awarded"},
        "Phạm Văn Tâm": {"awarded"},
        "Nguyễn Văn Ất": {"speech"},
        "Lê Thị Bính": set(),
        "Trần Văn Canh": set(),
    }
    roles, _ = facts(x)
    assert ("Phạm Văn Tâm", "Chủ tịch", "Hội đồng nhân dân xã Quỳnh Hưng") in roles


def test_a_district_committee_conference_with_a_by_election(reader):
    x = reader.read(load_source(RESOURCES / "text" / "tien-du-bch.txt"))
    roles, acts = facts(x)
    assert ("Nguyễn Văn Phong", "Ủy viên Ban Thường vụ", "Tỉnh ủy Bắc Ninh") in roles
    assert ("Nguyễn Hữu Tài", "Chánh Văn phòng", "Văn phòng Huyện ủy Tiên Du") in roles
    assert ("Đỗ Thị Hạnh", "Ủy viên Ban Chấp hành", "Đảng bộ huyện Tiên Du") in roles
    assert ("Vũ Minh Khang", "Ủy viên Ban Thường vụ", "Huyện ủy Tiên Du") in roles
    assert {a for a in acts if a[0] == "Vũ Minh Khang"} == {("Vũ Minh Khang", "elected")}
    # "đồng chí Bí thư Huyện ủy" is Nguyễn Văn Phong, who chaired and concluded.
    assert {("Nguyễn Văn Phong", "chaired"), ("Nguyễn Văn Phong", "speech")} <= acts


def test_posts_held_concurrently(reader):
    x = reader.read(load_source(RESOURCES / "text" / "tan-hoa-quoc-phong.txt"))
    roles, _ = facts(x)
    assert {
        ("Lê Văn Út Em", "Phó Chủ tịch", "Ủy ban nhân dân xã Tân Hòa"),
        ("Lê Văn Út Em", "Chỉ huy trưởng", "Ban Chỉ huy Quân sự xã Tân Hòa"),
        ("Huỳnh Văn Mười", "Bí thư", "Chi bộ ấp Tân Phú"),
    } <= roles


def test_a_title_before_a_name_does_not_make_the_name_a_place(reader):
    x = reader.read(load_source(RESOURCES / "text" / "muong-cha-lam-viec.txt"))
    roles, acts = facts(x)
    assert x.event.kind == "working_visit"
    assert x.event.place == "huyện Mường Chà, tỉnh Điện Biên"
    assert ("Lò Văn Tiến", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Điện Biên") in roles
    assert ("Mùa A Vảng", "Bí thư", "Huyện ủy Mường Chà") in roles
    assert ("Lò Thị Yến", "presented_report") in acts


def test_a_title_does_not_reach_across_a_verb_to_the_next_name(reader, tmp_path):
    """ "A, <title> tặng hoa chúc mừng đồng chí B": the title is A's, not B's; and "dự khuyết" is
    part of a title, not the verb "dự"."""
    path = written(
        tmp_path / "by-election.txt",
        "Hội nghị Ban Chấp hành Đảng bộ huyện\n\n"
        "Sáng 12/4/2024, Ban Thường vụ Huyện ủy Kỳ Anh tổ chức Hội nghị Ban Chấp hành Đảng bộ "
        "huyện. Đồng chí Trần Văn Lực, Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng, Bí thư "
        "Tỉnh ủy dự hội nghị. Đồng chí Lê Văn Hòa, Ủy viên Ban Thường vụ Huyện ủy tặng hoa chúc "
        "mừng đồng chí Phạm Văn Quý được bầu giữ chức Phó Bí thư Huyện ủy.\n",
    )
    x = reader.read(load_source(path))
    titles = {p.name: {(r.post + " " + (r.org or "")).strip() for r in p.roles} for p in x.persons}
    assert not any("Ban Thường vụ" in title for title in titles["Phạm Văn Quý"])
    assert any("Ban Thường vụ" in title for title in titles["Lê Văn Hòa"])
    assert any(title.startswith("Ủy viên dự khuyết") for title in titles["Trần Văn Lực"])


def test_a_council_electing_a_person_named_after_the_verb(reader, tmp_path):
    """ "bầu ông A (his title) làm Chủ tịch … thay ông B": A is elected to the post, A's title in
    parentheses is A's, and the post ends before "thay"."""
    path = written(
        tmp_path / "by-election.txt",
        "Kỳ họp bất thường\n\nChiều 30/12/2023, HĐND tỉnh Hà Tĩnh họp bất thường và bầu ông Trần "
        "Văn Nam (Phó Chủ tịch Thường trực UBND tỉnh) làm "
        "Chủ tịch UBND tỉnh thay ông Lê Văn Cung nghỉ hưu.\n",
    )
    x = reader.read(load_source(path))
    elected = next(p for p in x.persons if p.name == "Trần Văn Nam")
    assert "elected" in elected.acts
    assert {(r.post, r.org, bool(r.elected)) for r in elected.roles} == {
        ("Phó Chủ tịch Thường trực", "Ủy ban nhân dân tỉnh Hà Tĩnh", False),
        ("Chủ tịch", "Ủy ban nhân dân tỉnh Hà Tĩnh", True),
    }
