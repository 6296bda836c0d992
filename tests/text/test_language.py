"""The language folder (lang/vi/*.toml): read whole, refused with a message naming the file and
the key when a linguist's edit cannot be used, and every list used by the reader."""

import re
import shutil
from pathlib import Path

import pytest

from polgraph.resources import lang_dir
from polgraph.text.language import Language, LanguageDataError, load_language, vietnamese

SRC = Path(__file__).resolve().parents[2] / "src" / "polgraph"


@pytest.fixture
def folder(tmp_path) -> Path:
    copy = tmp_path / "vi"
    shutil.copytree(lang_dir() / "vi", copy)
    return copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_vietnamese_folder_reads_whole():
    language = vietnamese()
    assert "nguyễn" in language.surnames and "đồng chí" in language.person_cues
    assert language.title_stops_unless_after["tổ chức"][0] == "ban"
    assert language.party_committee_of_level_word["huyện"] == "Huyện ủy"


def test_a_word_added_by_a_linguist_is_read(folder):
    assert "gầm" not in vietnamese().surnames
    edit(folder / "names.toml", "danh chau", "danh chau gầm")
    assert "gầm" in load_language(folder).surnames


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "names.toml",
            "danh chau",
            "danh chau Lò",
            r"names\.toml: surnames: 'Lò' is not in folded form; write 'lò'",
        ),
        ("names.toml", "danh chau", "danh chau hoà", r"'hoà' is not in folded form; write 'hòa'"),
        (
            "titles.toml",
            '"cho",',
            '"cho", "cho",',
            r"titles\.toml: title_stops: words listed twice: \['cho'\]",
        ),
        ("acts.toml", "reason_words", "reason_word", r"acts\.toml: unknown keys \['reason_word'\]"),
        (
            "levels.toml",
            'province = "tỉnh"',
            "province = 3",
            r"level_word_of_level\.province: a word is expected",
        ),
        (
            "elections.toml",
            'dismissal_objects = ["chức danh", "chức vụ"]',
            "dismissal_objects = 2",
            r"elections\.toml: dismissal_objects: a list of words is expected",
        ),
        ("places.toml", "place_heads = [", "place_heads = [[", r"places\.toml: not TOML"),
    ],
)
def test_an_edit_the_reader_cannot_use_is_refused_naming_file_and_key(
    folder, file, old, new, message
):
    edit(folder / file, old, new)
    with pytest.raises(LanguageDataError, match=message):
        load_language(folder)


def test_a_missing_key_or_file_is_refused(folder):
    edit(folder / "persons.toml", "capital_cues =", "# capital_cues =")
    with pytest.raises(LanguageDataError, match=r"persons\.toml: capital_cues: missing"):
        load_language(folder)
    (folder / "acts.toml").unlink()
    with pytest.raises(
        LanguageDataError, match=r"acts\.toml: the language folder has no such file"
    ):
        load_language(folder)


def test_every_list_is_used_by_the_code():
    code = "\n".join(
        p.read_text(encoding="utf-8") for p in SRC.rglob("*.py") if p.name != "language.py"
    )
    for name in Language.__dataclass_fields__:
        uses = re.search(rf"\b{name}\b|\b{name.upper()}\b", code)
        assert uses, f"lang/vi has {name}, which no code reads"
