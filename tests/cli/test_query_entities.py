"""``polgraph query`` and ``polgraph who`` given persons and bodies as people have them: a name
(accents optional), the id in a page's address, an IRI. A name that fits nobody fails (exit 1),
one that fits several is a usage error listing them (exit 2); never an empty table."""

from __future__ import annotations

import csv
import io

import pytest
from namesakes import NAMESAKE, ONE_OF_A_KIND, SHARED_BODY, namesakes_store
from typer.testing import CliRunner

from polgraph.cli import app, output

runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory, vocabulary, validator):
    folder = tmp_path_factory.mktemp("namesakes")
    namesakes_store(folder / "reports", vocabulary, validator, path=folder / "store").close()
    return folder / "store"


def polgraph(store, *args: str):
    return runner.invoke(app, [*args, "--store", str(store)], catch_exceptions=False)


def rows(result) -> list[dict[str, str]]:
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def career(store, person: str):
    return polgraph(store, "query", "person-career", "--param", f"person={person}", "-f", "csv")


def test_a_person_by_name_without_accents_or_by_the_id_of_the_page(store):
    by_name = rows(career(store, "do thi ngoc anh"))
    assert [(r["post_label"], r["org_label"]) for r in by_name] == [
        ("Chủ tịch", "Ủy ban nhân dân xã Tân Lập")
    ]
    found = rows(polgraph(store, "query", "who-held-role-at-event", "-f", "csv"))
    anh = next(r["person"] for r in found if r["person_name"] == ONE_OF_A_KIND)
    ident = anh.rsplit("/", 1)[-1]
    assert rows(career(store, ident)) == by_name
    assert rows(career(store, f"/persons/{ident}")) == by_name
    assert rows(career(store, anh)) == by_name


def test_a_name_two_persons_bear_is_a_usage_error_listing_both(store):
    result = career(store, "luong van khoi")
    assert result.exit_code == 2
    assert "parameter person: 2 persons are named 'luong van khoi'" in result.stderr
    assert result.stderr.count(f": {NAMESAKE} — ") == 2
    assert "Hội đồng nhân dân xã Nghi Phong (2023)" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("person", "said"),
    [
        ("Trịnh Văn Vắng", "no person named 'Trịnh Văn Vắng' in the store"),
        (
            "https://w3id.org/polgraph/id/person/nobody-0",
            "no person 'https://w3id.org/polgraph/id/person/nobody-0' in the store",
        ),
    ],
)
def test_a_person_not_in_the_store_fails_instead_of_an_empty_table(store, person, said):
    result = career(store, person)
    assert result.exit_code == 1
    assert said in result.stderr
    assert result.stdout == ""


def test_who_reads_the_body_as_reports_write_it_or_by_its_id(store):
    args = ("who", "--post", "Chủ tịch", "--date", "2022-03-10", "-f", "csv")
    found = rows(polgraph(store, *args, "--org", "ubnd xa tan lap"))
    assert [r["person_name"] for r in found] == [ONE_OF_A_KIND]
    org = rows(polgraph(store, "query", "who-held-role-at-event", "-f", "csv"))
    ident = next(r["org"] for r in org if r["person_name"] == ONE_OF_A_KIND).rsplit("/", 1)[-1]
    assert rows(polgraph(store, *args, "--org", ident)) == found


def test_who_with_a_body_not_in_the_store_fails(store):
    result = polgraph(
        store, "who", "--post", "Chủ tịch", "--org", "UBND xã Không Có", "--date", "2022-03-10"
    )
    assert result.exit_code == 1
    assert "no body named 'UBND xã Không Có' in the store" in result.stderr
    assert result.stdout == ""


def test_who_with_a_body_two_communes_have_lists_both(store):
    result = polgraph(
        store, "who", "--post", "Bí thư", "--org", SHARED_BODY, "--date", "2022-03-10"
    )
    assert result.exit_code == 2
    assert f"2 bodies are named '{SHARED_BODY}'" in result.stderr
    assert "Huyện Đan Phượng" in result.stderr and "Huyện Sông Lô" in result.stderr


def test_the_list_of_queries_says_what_an_entity_parameter_takes(monkeypatch):
    # The console takes the width of the COLUMNS it was made with (a test worker's may be 80),
    # where a new `polgraph` process would take the COLUMNS given here.
    monkeypatch.setattr(output.out, "_width", None)
    result = runner.invoke(app, ["queries"], catch_exceptions=False, env={"COLUMNS": "300"})
    assert result.exit_code == 0
    career = next(line for line in result.stdout.splitlines() if "person-career" in line)
    assert "person (person: name, id or IRI)" in career
    role = next(line for line in result.stdout.splitlines() if "role-at-date" in line)
    assert "date (date)" in role
