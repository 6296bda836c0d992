import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polgraph.errors import InputError
from polgraph.extract.schema import Extraction
from polgraph.extract.structured import parse_structured

MINIMAL = {"event": {"kind": "conference"}, "persons": [{"name": "Võ Nam"}]}


def parse(obj, suffix=".json") -> Extraction:
    return parse_structured(json.dumps(obj, ensure_ascii=False).encode(), "test", suffix)


def test_minimal_report_parses():
    x = parse(MINIMAL)
    assert x.persons[0].name == "Võ Nam" and x.documents == []


def test_acts_are_kept_once_in_schema_order():
    x = parse({**MINIMAL, "persons": [{"name": "A B", "acts": ["speech", "chaired", "speech"]}]})
    assert x.persons[0].acts == ["chaired", "speech"]


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\xff\xfe\x00\x01binary", "not UTF-8"),
        (b'{"event": ', "not valid JSON"),
        (b"[1, 2]", "one JSON/YAML object"),
        (json.dumps({"persons": []}).encode(), "event"),
        (json.dumps({**MINIMAL, "event": {"kind": "party"}}).encode(), "event.kind"),
        (json.dumps({**MINIMAL, "event": {"date": "16/5/2023"}}).encode(), "YYYY-MM-DD"),
        (json.dumps({**MINIMAL, "persons": [{"name": ""}]}).encode(), "persons.0.name"),
        (
            json.dumps({**MINIMAL, "persons": [{"name": "A B", "acts": ["danced"]}]}).encode(),
            "acts",
        ),
        (json.dumps({**MINIMAL, "event": {"span": [0, 5]}}).encode(), "carries no text"),
        (
            json.dumps({**MINIMAL, "report": {"text": "abc"}, "event": {"span": [1, 9]}}).encode(),
            "outside the text",
        ),
        (
            json.dumps(
                {**MINIMAL, "persons": [{"name": "A B", "speeches": [{"role": 2}]}]}
            ).encode(),
            "refers to role 2",
        ),
    ],
)
def test_bad_input_gets_a_clear_message(data, words):
    with pytest.raises(InputError) as caught:
        parse_structured(data, "bad.json", ".json")
    assert words in str(caught.value)
    assert str(caught.value).startswith("bad.json: ")


def test_yaml_is_read_too():
    x = parse_structured(
        "event: {kind: congress}\npersons:\n  - name: Lê Văn A\n".encode(), "t", ".yaml"
    )
    assert x.event.kind == "congress"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "event",
                    "persons",
                    "name",
                    "kind",
                    "date",
                    "roles",
                    "post",
                    "acts",
                    "report",
                    "text",
                    "span",
                ]
            ),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_any_json_either_parses_or_raises_input_error(value):
    with contextlib.suppress(InputError):
        parse(value)
