"""data/identity.yaml: researchers' same/different assertions, and clear errors for bad files."""

from __future__ import annotations

import pytest
from conftest import ROOT

from polgraph.errors import InputError
from polgraph.identity.overrides import load_overrides
from polgraph.identity.persons import Mention


def write(tmp_path, text):
    path = tmp_path / "identity.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_file_is_valid_and_empty():
    overrides = load_overrides(ROOT / "data" / "identity.yaml")
    assert overrides.same == () and overrides.different == ()


def test_a_missing_file_means_no_corrections(tmp_path):
    assert load_overrides(tmp_path / "none.yaml").same == ()


def test_selectors_match_mentions_by_name_key_and_report(tmp_path):
    path = write(tmp_path, "same:\n  - persons:\n      - {name: 'Lê Văn Thắng', report: d010}\n"
                           "      - {name: 'LÊ VĂN THẮNG', report: d013}\n    note: one\n")
    mentions = [Mention("m:1", "Lê Văn Thắng", "lê văn thắng", "d010", frozenset()),
                Mention("m:2", "Lê Văn Thắng", "lê văn thắng", "d013", frozenset()),
                Mention("m:3", "Lê Văn Thắng", "lê văn thắng", "d099", frozenset())]
    same, different = load_overrides(path).resolve(mentions)
    assert same == [("m:1", "m:2", "one")] and different == []


@pytest.mark.parametrize("text, where", [
    ("same: [", "not readable YAML"),
    ("- a\n- b\n", "expected a mapping"),
    ("merge: []\n", "unknown section"),
    ("same: {}\n", "same: expected a list"),
    ("same:\n  - persons: [{name: A, report: r}]\n", "same[0].persons: needs at least two"),
    ("different:\n  - persons: [{name: A, report: r}, {name: B}]\n", "different[0].persons[1]: needs name and report"),
    ("same:\n  - persons: [{name: A, report: r}, {name: B, report: r, age: 3}]\n", "same[0].persons[1]: unknown key"),
    ("same:\n  - people: []\n", "same[0]: an assertion has 'persons'"),
])
def test_a_bad_file_is_refused_with_the_entry_named(tmp_path, text, where):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        load_overrides(path)
    assert where in caught.value.message and caught.value.source == str(path)
