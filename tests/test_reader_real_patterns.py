"""The reader on patterns of real portal pages, each in sentences written for these tests."""

import pytest

from polgraph.extract.reader import Reader
from polgraph.extract.source import load_source


@pytest.fixture(scope="module")
def reader():
    return Reader()


def roles_of(reader, tmp_path, text: str) -> tuple[set, object]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    extraction = reader.read(load_source(path))
    return {(p.name, r.post, r.org) for p in extraction.persons for r in p.roles}, extraction


def test_a_group_after_a_title_ends_it_and_a_lower_case_place_is_still_the_district(reader, tmp_path):
    roles, x = roles_of(reader, tmp_path,
                        "Yên Thành quán triệt nghị quyết.\n\nSáng 2/4/2016, huyện ủy Yên thành tổ chức hội nghị. "
                        "Tới dự có đ/c Trần Văn Bảo- Bí thư huyện ủy, Lê Thị Hoa – phó bí thư- chủ tịch UBND huyện, "
                        "các đ/c trong BTV huyện ủy, bí thư, phó bí thư các chi bộ trực thuộc.")
    assert x.event.place == "huyện Yên Thành"
    assert roles == {("Trần Văn Bảo", "Bí thư", "Huyện ủy Yên Thành"),
                     ("Lê Thị Hoa", "Phó Bí thư", "Huyện ủy Yên Thành"),
                     ("Lê Thị Hoa", "Chủ tịch", "Ủy ban nhân dân huyện Yên Thành")}


def test_a_name_may_end_or_go_on_with_a_syllable_that_is_also_a_title_word(reader, tmp_path):
    roles, _ = roles_of(reader, tmp_path,
                        "Hội nghị tỉnh Nghệ An\n\nNgày 5/5/2022, Tỉnh ủy Nghệ An tổ chức hội nghị. Dự có các đồng chí: "
                        "Lê Văn Niên – Phó Chủ tịch UBND tỉnh; Nguyễn Thị Nữ Hoa, Phó Chủ tịch HĐND tỉnh.")
    assert ("Lê Văn Niên", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Nghệ An") in roles
    assert ("Nguyễn Thị Nữ Hoa", "Phó Chủ tịch", "Hội đồng nhân dân tỉnh Nghệ An") in roles


def test_a_body_whose_name_starts_with_a_surname_is_no_person(reader, tmp_path):
    roles, x = roles_of(reader, tmp_path,
                        "Ngày 3/3/2023, Huyện ủy Nam Đàn tổ chức hội nghị. Dự có đồng chí Phan Văn Tâm, Chủ tịch "
                        "Hội Nông dân huyện và Bí thư Đoàn Thanh niên huyện.")
    assert {p.name for p in x.persons} == {"Phan Văn Tâm"}


def test_a_secretary_of_a_former_numbered_district_is_of_its_committee(reader, tmp_path):
    roles, x = roles_of(reader, tmp_path,
                        "Ngày 8/7/2025, Đảng bộ phường Bàn Cờ, Thành phố Hồ Chí Minh tổ chức đại hội. "
                        "Bà Trần Thị Mai, Bí thư quận 3 (cũ), phát biểu. Ông Võ Văn Lâm, Ủy viên Ban Thường vụ "
                        "Thành ủy, dự.")
    assert ("Trần Thị Mai", "Bí thư", "Quận ủy Quận 3") in roles
    assert ("Võ Văn Lâm", "Ủy viên Ban Thường vụ", "Thành ủy Thành phố Hồ Chí Minh") in roles
    assert x.event.place.lower() == "phường bàn cờ, thành phố hồ chí minh"


def test_a_four_syllable_name_after_a_level_word_that_names_no_unit(reader, tmp_path):
    roles, x = roles_of(reader, tmp_path,
                        "Sáng 4/6/2023, Thành ủy tổ chức hội nghị. Phó Bí thư Thành ủy, Chủ tịch UBND thành phố "
                        "Trịnh Lê Minh Khoa chủ trì hội nghị.")
    assert {p.name for p in x.persons} == {"Trịnh Lê Minh Khoa"}
    assert ("Trịnh Lê Minh Khoa", "Chủ tịch", "Ủy ban nhân dân thành phố") in roles
