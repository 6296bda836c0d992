"""The reader's steps: each requires fields an earlier step assigns, and assigns what it says.
The report is written for this test."""

from __future__ import annotations

import dataclasses

import pytest

from polgraph.extract.reader import Reader, Reading, check_steps, default_reader
from polgraph.extract.source import SourceReport

TEXT = (
    "UBND xã Kỳ Hoa sơ kết công tác 6 tháng\n"
    "Ngày đăng: 05/07/2024\n\n"
    "Sáng 4/7, UBND xã Kỳ Hoa tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2024 theo "
    "Kế hoạch số 12-KH/UBND ngày 1/6/2024 của UBND xã. Đồng chí Lê Văn An – Chủ tịch UBND xã "
    "chủ trì hội nghị. Đ/c. Trần Thị Bình – Phó Chủ tịch UBND xã trình bày báo cáo.\n"
)
SOURCE = SourceReport(TEXT, "UBND xã Kỳ Hoa sơ kết công tác 6 tháng", None, None, "test")


def test_the_steps_run_in_the_documented_order():
    assert [step.name for step in Reader.steps] == [
        "layout",
        "locality",
        "mentions",
        "persons",
        "acts and elections",
        "event",
        "documents",
    ]
    check_steps(Reader.steps)


def test_every_step_assigns_what_it_declares():
    reader = default_reader()
    reading = Reading(SOURCE, "test")
    fields = {f.name for f in dataclasses.fields(Reading)}
    assigned = {"source", "report_id"}
    for step in reader.steps:
        assert set(step.requires) <= assigned
        step.run(reader, reading)
        unset = [name for name in step.assigns if getattr(reading, name) is None]
        assert unset == [], f"step {step.name!r} left {unset} unset"
        assigned |= set(step.assigns)
        # and nothing it does not declare
        assert all(getattr(reading, name) is None for name in fields - assigned)
    assert assigned == fields
    assert reader.read(SOURCE, "test") == reader._extraction(reading)
    assert reading.published.isoformat() == "2024-07-05" and reading.event["date"] == "2024-07-04"


def test_a_broken_ordering_is_detected():
    steps = list(Reader.steps)
    steps[0], steps[1] = steps[1], steps[0]  # locality before layout
    with pytest.raises(ValueError, match="'locality' requires"):
        check_steps(tuple(steps))
    with pytest.raises(ValueError, match="'documents' requires"):
        check_steps(Reader.steps[:1] + Reader.steps[-1:])


def test_a_step_naming_no_field_is_detected():
    bad = dataclasses.replace(Reader.steps[0], assigns=("txt",))
    with pytest.raises(ValueError, match="no field"):
        check_steps((bad,))
