"""Names typed with accents or without (``polgraph.text.accents``)."""

from __future__ import annotations

import re

import pytest

from polgraph.text.accents import letter_class, loose_word_pattern, spelt_as


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("xa cam loc", "Xã Cẩm Lộc"),
        ("XA CAM LOC", "Xã Cẩm Lộc"),
        ("xã Cẩm Lộc", "Xã Cẩm Lộc"),
        ("dong", "Đồng"),
        ("đông", "Đồng"),
        ("Xuân Hoà", "Xuân Hòa"),
        ("cu m'gar", "Cư M\u2019gar"),
        ("ha  tinh", "Hà Tĩnh"),
    ],
)
def test_a_name_typed_with_fewer_marks_names_the_stored_one(typed, stored):
    assert spelt_as(typed, stored)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Cấm Lộc", "Cẩm Lộc"),  # a tone typed stands only for itself
        ("đông", "Dong"),  # so does đ
        ("cam loc", "xã Cẩm Lộc"),  # the whole name, not a part of it
        ("cam lo", "Cẩm Lộc"),
        ("x.a", "xma"),  # punctuation is itself, not a pattern
    ],
)
def test_a_name_with_other_marks_or_letters_is_another(typed, stored):
    assert not spelt_as(typed, stored)


def test_a_loose_word_pattern_holds_only_letter_classes_and_dots():
    assert letter_class("o") == "[" + "oòóỏõọ" + "ôồốổỗộ" + "ơờớởỡợ" + "]"
    pattern = loose_word_pattern("Lộc(x)")
    assert pattern == "lộc.x."
    assert re.fullmatch(pattern, "lộc(x)")
