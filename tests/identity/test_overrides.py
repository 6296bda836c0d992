"""data/identity.yaml: researchers' same/different assertions, and clear errors for bad files."""

from __future__ import annotations

import pytest
from conftest import ROOT

from polgraph.errors import InputError
from polgraph.identity.overrides import Assertion, Overrides, Selector, load_overrides
from polgraph.identity.persons import Mention
from polgraph.text.normalise import name_key


def write(tmp_path, text):
    path = tmp_path / "identity.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def mention(iri, name, report):
    return Mention(iri, name, name_key(name), report, frozenset())


THANG = [
    mention("m:1", "Lê Văn Thắng", "d010"),
    mention("m:2", "Lê Văn Thắng", "d013"),
    mention("m:3", "Lê Văn Thắng", "d099"),
]


def test_the_shipped_file_is_valid_and_empty():
    overrides = load_overrides(ROOT / "data" / "identity.yaml")
    assert overrides.same == () and overrides.different == ()


def test_a_missing_or_empty_file_means_no_corrections(tmp_path):
    assert load_overrides(tmp_path / "none.yaml") == Overrides()
    assert load_overrides(write(tmp_path, "")) == Overrides()
    assert load_overrides(write(tmp_path, "# nothing yet\nsame:\ndifferent: []\n")) == Overrides()


def test_the_documented_example_is_read(tmp_path):
    path = write(
        tmp_path,
        """\
same:
  - persons:
      - {name: "Nguyễn Văn A", report: d001}
      - {name: "Nguyễn Văn Á", report: d007}
    note: "one person, name misspelt in d007"
different:
  - persons:
      - {name: "Lê Văn Thắng", report: d010}
      - {mention: "m:2"}
    note: "namesakes"
""",
    )
    overrides = load_overrides(path)
    assert overrides.same == (
        Assertion(
            (Selector("Nguyễn Văn A", "d001"), Selector("Nguyễn Văn Á", "d007")),
            "one person, name misspelt in d007",
        ),
    )
    assert overrides.different == (
        Assertion((Selector("Lê Văn Thắng", "d010"), Selector(mention="m:2")), "namesakes"),
    )
    assert overrides.resolve(THANG) == ([], [("m:1", "m:2", "namesakes")])


def test_selectors_match_mentions_by_name_key_and_report(tmp_path):
    path = write(
        tmp_path,
        "same:\n  - persons:\n      - {name: 'Lê Văn Thắng', report: d010}\n"
        "      - {name: 'LÊ  VĂN THẮNG', report: d013}\n    note: one\n",
    )
    same, different = load_overrides(path).resolve(reversed(THANG))
    assert same == [("m:1", "m:2", "one")] and different == []


def test_unmatched_selectors_are_skipped_and_a_selector_matching_several_stands_for_all():
    twice = [*THANG, mention("m:0", "Lê Văn Thắng", "d010")]  # one name twice in d010
    overrides = Overrides(
        different=(
            Assertion(
                (
                    Selector("Lê Văn Thắng", "d010"),
                    Selector("Lê Văn Thắng", "d013"),
                    Selector("Lê Văn Thắng", "d404"),
                    Selector(mention="m:missing"),
                )
            ),
        )
    )
    assert overrides.resolve(twice) == (
        [],
        [("m:0", "m:2", "asserted"), ("m:1", "m:2", "asserted")],
    )
    only_one = Overrides(
        same=(Assertion((Selector("Lê Văn Thắng", "d010"), Selector("X", "d404"))),)
    )
    assert only_one.resolve(THANG) == ([], [])


def test_an_assertion_of_three_persons_gives_every_pair_once():
    overrides = Overrides(
        same=(Assertion(tuple(Selector(mention=f"m:{i}") for i in (3, 1, 2, 1)), "n"),)
    )
    assert overrides.resolve(THANG)[0] == [
        ("m:1", "m:2", "n"),
        ("m:1", "m:3", "n"),
        ("m:2", "m:3", "n"),
    ]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("same: [", "not readable YAML"),
        ("- a\n- b\n", "expected a mapping"),
        ("merge: []\n", "unknown section(s) merge"),
        ("same: {}\n", "same: expected a list"),
        ("same:\n  - [a, b]\n", "same[0]: an assertion is a mapping"),
        ("same:\n  - persons: [{name: A, report: r}]\n", "same[0].persons: needs at least two"),
        ("same:\n  - persons: {name: A, report: r}\n", "same[0].persons: needs at least two"),
        (
            "different:\n  - persons: [{name: A, report: r}, {name: B}]\n",
            "different[0].persons[1]: needs name and report, or mention",
        ),
        (
            (
                "same:\n  - persons: [{name: A, report: r}, {name: B, report: r}]\n"
                "  - persons: [{name: A, report: r}, {report: r}]\n"
            ),
            "same[1].persons[1]: needs name and report, or mention",
        ),
        (
            "same:\n  - persons: [{name: A, report: r}, {name: B, report: r, age: 3}]\n",
            "same[0].persons[1]: unknown key(s) age",
        ),
        (
            "same:\n  - persons: [{name: A, report: r}, {name: B, report: r, mention: 'm:1'}]\n",
            "same[0].persons[1]: give either mention, or name and report",
        ),
        (
            "same:\n  - persons: [{name: A, report: r}, {mention: 7}]\n",
            "same[0].persons[1]: mention must be",
        ),
        (
            "same:\n  - persons: [{name: A, report: r}, Nguyễn Văn B]\n",
            "same[0].persons[1]: a person is a mapping",
        ),
        ("same:\n  - people: []\n", "same[0]: unknown key(s) people"),
        (
            "different:\n  - persons: [{mention: 'm:1'}, {mention: 'm:2'}]\n    note: [a]\n",
            "different[0].note: expected text",
        ),
    ],
)
def test_a_bad_file_is_refused_with_the_entry_named(tmp_path, text, where):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        load_overrides(path)
    assert where in caught.value.message and caught.value.source == str(path)


def test_a_file_that_cannot_be_read_is_refused(tmp_path):
    not_text = tmp_path / "identity.yaml"
    not_text.write_bytes(b"same: \xff\xfe\n")
    with pytest.raises(InputError, match="not readable YAML"):
        load_overrides(not_text)
    with pytest.raises(InputError, match="cannot be read"):
        load_overrides(tmp_path)  # a directory
