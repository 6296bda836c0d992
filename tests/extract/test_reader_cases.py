"""The reader on report texts kept as data: ``cases/reader/<case>.txt`` is a report, and
``cases/reader/<case>.json`` says what the reader must find in it (format: cases/reader/README.md).

A new reading pattern is a new pair of files; this module needs no change for it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from polgraph.extract.reader import Reader
from polgraph.extract.schema import ACT_ORDER, Event, Extraction
from polgraph.extract.source import load_source

CASES = Path(__file__).resolve().parents[1] / "cases" / "reader"

CASE_KEYS = {"why", "published", "title", "expect"}
ROLE_KEYS = {"roles", "roles_exactly", "no_roles"}
PERSON_KEYS = {"persons", "persons_exactly", "no_persons"}
ACT_KEYS = {"acts", "acts_exactly", "no_acts"}
EXPECT_KEYS = ROLE_KEYS | PERSON_KEYS | ACT_KEYS | {"orgs_never_contain", "event"}
EVENT_FIELDS = set(Event.model_fields)
ATTENDED = "attended"  # everyone present has it; *_exactly on acts leaves it out


# --- the format ---------------------------------------------------------------------------------


def _unknown(keys, allowed: set[str], where: str) -> list[str]:
    return [
        f"unknown key {key!r} in {where} (allowed: {', '.join(sorted(allowed))})"
        for key in keys
        if key not in allowed
    ]


def _is_text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _check_list(expect: dict, key: str, item_ok, shape: str) -> list[str]:
    value = expect[key]
    if not isinstance(value, list):
        return [f"expect.{key} must be a list of {shape}"]
    return [
        f"expect.{key}[{i}] is {item!r}; each item is {shape}"
        for i, item in enumerate(value)
        if not item_ok(item)
    ]


def _role_ok(item) -> bool:
    return (
        isinstance(item, list)
        and len(item) == 3
        and _is_text(item[0])
        and _is_text(item[1])
        and (item[2] is None or _is_text(item[2]))
    )


def _act_ok(item) -> bool:
    return isinstance(item, list) and len(item) == 2 and _is_text(item[0]) and item[1] in ACT_ORDER


def check_format(case) -> list[str]:
    """What is wrong with a case's keys and values; [] for a well-formed case."""
    if not isinstance(case, dict):
        return ["a case is a JSON object"]
    problems = _unknown(case, CASE_KEYS, "the case")
    if not _is_text(case.get("why")):
        problems.append('"why" (the pattern the case shows, in words) is required')
    if "published" in case:
        try:
            dt.date.fromisoformat(case["published"])
        except (TypeError, ValueError):
            problems.append(f'"published" is {case["published"]!r}; write an ISO date, YYYY-MM-DD')
    if "title" in case and not (case["title"] is None or _is_text(case["title"])):
        problems.append('"title" is a string, or null for a page with no title')
    expect = case.get("expect")
    if not isinstance(expect, dict) or not expect:
        return [*problems, '"expect" (an object with at least one expectation) is required']
    problems += _unknown(expect, EXPECT_KEYS, '"expect"')
    for key in ROLE_KEYS & expect.keys():
        problems += _check_list(expect, key, _role_ok, "[name, post, org] (org may be null)")
    for key in PERSON_KEYS & expect.keys():
        problems += _check_list(expect, key, _is_text, "a name")
    for key in ACT_KEYS & expect.keys():
        problems += _check_list(
            expect, key, _act_ok, f"[name, act], act one of {', '.join(ACT_ORDER)}"
        )
    if isinstance(expect.get("acts_exactly"), list) and any(
        isinstance(item, list) and item[1:] == [ATTENDED] for item in expect["acts_exactly"]
    ):
        problems.append(f'expect.acts_exactly leaves out "{ATTENDED}"; require it with "acts"')
    if "orgs_never_contain" in expect:
        problems += _check_list(expect, "orgs_never_contain", _is_text, "a piece of text")
    if "event" in expect:
        if not isinstance(expect["event"], dict) or not expect["event"]:
            problems.append("expect.event is an object of event fields and their values")
        else:
            problems += _unknown(expect["event"], EVENT_FIELDS, "expect.event")
    return problems


# --- the comparison -----------------------------------------------------------------------------


def _roles(extraction: Extraction) -> set[tuple]:
    return {(p.name, r.post, r.org) for p in extraction.persons for r in p.roles}


def _acts(extraction: Extraction, attended: bool) -> set[tuple]:
    return {(p.name, a) for p in extraction.persons for a in p.acts if attended or a != ATTENDED}


def _sort_key(item) -> tuple:
    return tuple("" if v is None else v for v in item) if isinstance(item, tuple) else (item,)


def _show(items) -> str:
    return "; ".join(
        json.dumps(list(item) if isinstance(item, tuple) else item, ensure_ascii=False)
        for item in sorted(items, key=_sort_key)
    )


def _what_the_reader_has(extraction: Extraction, name: str, attr: str) -> str:
    person = next((p for p in extraction.persons if p.name == name), None)
    if person is None:
        names = ", ".join(p.name for p in extraction.persons) or "nobody"
        return f"the reader found no person {name!r} (it found: {names})"
    if attr == "roles":
        return f"{name} has roles: {_show({(r.post, r.org) for r in person.roles}) or 'none'}"
    return f"{name} has acts: {', '.join(person.acts) or 'none'}"


def _exactly(kind: str, found: set, expected: set) -> list[str]:
    problems = []
    if expected - found:
        problems.append(f"{kind} missing: {_show(expected - found)}")
    if found - expected:
        problems.append(f"{kind} not expected: {_show(found - expected)}")
    return problems


def compare(expect: dict, extraction: Extraction) -> list[str]:
    """Each way the extraction falls short of a well-formed case's "expect"; [] when it matches."""
    problems: list[str] = []
    roles = _roles(extraction)
    for item in map(tuple, expect.get("roles", [])):
        if item not in roles:
            problems.append(
                f"role missing: {_show([item])}; "
                f"{_what_the_reader_has(extraction, item[0], 'roles')}"
            )
    if "roles_exactly" in expect:
        problems += _exactly("roles", roles, set(map(tuple, expect["roles_exactly"])))
    for item in map(tuple, expect.get("no_roles", [])):
        if item in roles:
            problems.append(f"role found though it must not be: {_show([item])}")
    for piece in expect.get("orgs_never_contain", []):
        leaks = {role for role in roles if role[2] and piece in role[2]}
        if leaks:
            problems.append(f"an org contains {piece!r}: {_show(leaks)}")

    names = {p.name for p in extraction.persons}
    for name in expect.get("persons", []):
        if name not in names:
            problems.append(
                f"person missing: {name!r} "
                f"(the reader found: {', '.join(sorted(names)) or 'nobody'})"
            )
    if "persons_exactly" in expect:
        problems += _exactly("persons", names, set(expect["persons_exactly"]))
    for name in expect.get("no_persons", []):
        if name in names:
            problems.append(f"person found though it must not be: {name!r}")

    acts = _acts(extraction, attended=True)
    for item in map(tuple, expect.get("acts", [])):
        if item not in acts:
            problems.append(
                f"act missing: {_show([item])}; {_what_the_reader_has(extraction, item[0], 'acts')}"
            )
    if "acts_exactly" in expect:
        problems += _exactly(
            f"acts (other than {ATTENDED})",
            _acts(extraction, attended=False),
            set(map(tuple, expect["acts_exactly"])),
        )
    for item in map(tuple, expect.get("no_acts", [])):
        if item in acts:
            problems.append(f"act found though it must not be: {_show([item])}")

    event = extraction.event.model_dump(mode="json")
    for field, value in expect.get("event", {}).items():
        if event.get(field) != value:
            problems.append(
                f"event.{field} is {json.dumps(event.get(field), ensure_ascii=False)}, "
                f"expected {json.dumps(value, ensure_ascii=False)}"
            )
    return problems


# --- the cases ----------------------------------------------------------------------------------


def case_names() -> list[str]:
    return sorted(path.stem for path in CASES.glob("*.json"))


@pytest.fixture(scope="module")
def reader():
    return Reader()


@pytest.mark.parametrize("name", case_names())
def test_reader_case(reader, name):
    case = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
    problems = check_format(case)
    if problems:
        pytest.fail(
            f"{name}.json does not follow cases/reader/README.md:\n  " + "\n  ".join(problems),
            pytrace=False,
        )
    published = dt.date.fromisoformat(case["published"]) if "published" in case else None
    source = load_source(CASES / f"{name}.txt", published=published)
    if "title" in case:
        source = dataclasses.replace(source, title=case["title"])
    problems = compare(case["expect"], reader.read(source))
    if problems:
        pytest.fail(f"{name}: {case['why']}\n  " + "\n  ".join(problems), pytrace=False)


def test_every_report_has_its_expectation_and_every_expectation_its_report():
    texts = {path.stem for path in CASES.glob("*.txt")}
    assert len(case_names()) >= 10
    assert texts == set(case_names()), "each <case>.txt goes with a <case>.json"


# --- the helpers can fail -----------------------------------------------------------------------


def _extraction() -> Extraction:
    return Extraction.model_validate(
        {
            "event": {"kind": "conference", "date": "2024-03-05"},
            "persons": [
                {
                    "name": "Trần Văn An",
                    "roles": [{"post": "Bí thư", "org": "Đảng ủy xã Kỳ Hoa"}],
                    "acts": ["attended", "chaired"],
                },
                {"name": "Lê Thị Bình", "acts": ["attended"]},
            ],
        }
    )


def test_a_missing_role_is_reported_with_what_the_reader_has():
    expect = {
        "roles": [
            ["Trần Văn An", "Chủ tịch", "Ủy ban nhân dân xã Kỳ Hoa"],
            ["Phạm Văn Cường", "Bí thư", "Chi bộ thôn Bắc Sơn"],
        ]
    }
    problems = compare(expect, _extraction())
    assert len(problems) == 2
    # the roles the person has instead, or that the person was not found at all
    assert "Chủ tịch" in problems[0] and "Đảng ủy xã Kỳ Hoa" in problems[0]
    assert "no person 'Phạm Văn Cường'" in problems[1]
    assert compare({"roles": [["Trần Văn An", "Bí thư", "Đảng ủy xã Kỳ Hoa"]]}, _extraction()) == []


def test_exact_sets_report_both_what_is_missing_and_what_is_extra():
    problems = compare(
        {
            "persons_exactly": ["Trần Văn An", "Phạm Văn Cường"],
            "acts_exactly": [["Trần Văn An", "chaired"], ["Lê Thị Bình", "speech"]],
        },
        _extraction(),
    )
    assert problems == [
        'persons missing: "Phạm Văn Cường"',
        'persons not expected: "Lê Thị Bình"',
        'acts (other than attended) missing: ["Lê Thị Bình", "speech"]',
    ]


def test_absent_facts_and_event_fields_are_compared():
    problems = compare(
        {
            "no_roles": [["Trần Văn An", "Bí thư", "Đảng ủy xã Kỳ Hoa"]],
            "orgs_never_contain": ["Kỳ Hoa"],
            "no_acts": [["Lê Thị Bình", "attended"]],
            "event": {"kind": "congress", "date": "2024-03-05"},
        },
        _extraction(),
    )
    assert problems == [
        'role found though it must not be: ["Trần Văn An", "Bí thư", "Đảng ủy xã Kỳ Hoa"]',
        'an org contains \'Kỳ Hoa\': ["Trần Văn An", "Bí thư", "Đảng ủy xã Kỳ Hoa"]',
        'act found though it must not be: ["Lê Thị Bình", "attended"]',
        'event.kind is "conference", expected "congress"',
    ]


def test_unknown_keys_and_malformed_values_are_reported():
    case = {
        "why": "a typo",
        "publshed": "2024-03-05",
        "expect": {
            "role": [["Trần Văn An", "Bí thư", "Đảng ủy xã Kỳ Hoa"]],
            "acts": [["Trần Văn An", "chair"]],
            "event": {"knd": "conference"},
        },
    }
    problems = check_format(case)
    assert any("'publshed'" in p and "the case" in p for p in problems)
    assert any("'role'" in p and '"expect"' in p for p in problems)
    assert any("expect.acts[0]" in p for p in problems)
    assert any("'knd'" in p and "expect.event" in p for p in problems)
    assert len(problems) == 4
    assert check_format({"expect": {"persons": []}}) == [
        '"why" (the pattern the case shows, in words) is required'
    ]
    assert check_format({"why": "x", "expect": {"persons_exactly": []}}) == []
