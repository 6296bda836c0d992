import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polgraph.text.normalise import (
    fold_diacritics,
    modern_tones,
    name_key,
    normalise_label,
    slug,
    stable_slug,
)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Đảng uỷ", "Đảng ủy"),
        ("Xuân Hoà", "Xuân Hòa"),
        ("Lệ Thuỷ", "Lệ Thủy"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("khoẻ", "khỏe"),
        ("UỶ BAN", "ỦY BAN"),
    ],
)
def test_old_tone_placement_moves_to_the_first_vowel(old, new):
    assert modern_tones(old) == new


@pytest.mark.parametrize(
    "word", ["Hoàng", "thuyết", "quý", "Quỳnh", "Huỳnh", "hoạch", "Thủy", "người"]
)
def test_syllables_without_a_choice_of_placement_are_left_alone(word):
    assert modern_tones(word) == word


def test_labels_fold_spaces_and_apostrophes():
    assert normalise_label("  Cư\u00a0M\u2019gar  ") == "Cư M'gar"


def test_name_key_matches_both_spellings():
    assert name_key("Lương Thị Minh Huệ") == name_key("LƯƠNG THỊ MINH HUỆ")
    assert name_key("Nguyễn Văn Thuỷ") == name_key("Nguyễn Văn Thủy")


def test_fold_diacritics_removes_every_mark():
    assert fold_diacritics("Nguyễn Viết Đồng") == "Nguyen Viet Dong"


def test_stable_slug_separates_names_that_differ_only_in_tones():
    assert slug("huyện Lệ Thủy") == slug("huyện Lê Thủy")
    assert stable_slug("huyện Lệ Thủy") != stable_slug("huyện Lê Thủy")
    assert stable_slug("huyện Lệ Thuỷ") == stable_slug("huyện Lệ Thủy")


vietnamese = st.text(
    alphabet=st.sampled_from(
        [
            *"aăâbcdđeêghiklmnoôơpqrstuưvxyAĐÔ '’-",
            "\u0300",
            "\u0301",
            "\u0303",
            "\u0309",
            "\u0323",
            "\u00a0",
        ]
    ),
    max_size=40,
)


@given(vietnamese)
def test_normalise_label_is_idempotent_and_nfc(text):
    once = normalise_label(text)
    assert normalise_label(once) == once
    assert unicodedata.is_normalized("NFC", once)


@given(vietnamese)
def test_slugs_are_ascii_iri_safe(text):
    value = stable_slug(text)
    assert value.isascii()
    assert all(ch.isalnum() or ch == "-" for ch in value)


@given(vietnamese)
def test_the_folded_view_keeps_every_offset(text):
    from polgraph.text.view import ReportText

    view = ReportText(text)
    assert len(view.folded) == len(view.text)


def test_folding_survives_characters_whose_lower_case_is_longer():
    from polgraph.text.view import fold

    assert fold("İ Đảng uỷ – Hoà") == "İ đảng ủy - hòa"
