"""The API's small parts: reading an upload's bytes, cutting a sentence around a span,
accent-optional patterns, and ids."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from conftest import ROOT, SEED_YAML
from word_regex import word_patterns

from polgraph.errors import InputError
from polgraph.pipeline.ingest import parse_extraction, read_extraction
from polgraph.server.answers.evidence import sentence_around
from polgraph.server.answers.ids import describe_iri, iri_for
from polgraph.server.errors import ApiError

SEED_TXT = ROOT / "data" / "reports" / "seed.txt"


# -- parse_extraction: what read_extraction does, for bytes ---------------------------------------
def test_bytes_read_as_their_file_would():
    from_bytes = parse_extraction(SEED_TXT.read_bytes(), "upload", ".txt", key="seed")
    assert from_bytes == read_extraction(SEED_TXT)
    structured = parse_extraction(SEED_YAML.read_bytes(), "upload", ".YAML")
    assert structured == read_extraction(SEED_YAML)


def test_bytes_of_an_unknown_kind_or_unreadable_are_input_errors():
    with pytest.raises(InputError, match=r"unknown kind of file \.pdf"):
        parse_extraction(b"%PDF-1.7", "upload.pdf", ".pdf")
    with pytest.raises(InputError, match="not valid JSON"):
        parse_extraction(b"{", "upload", ".json")
    with pytest.raises(InputError, match="binary"):
        parse_extraction(b"\x00\x01\x02\x03", "upload", ".txt")


def test_a_publication_date_fills_in_a_missing_year():
    text = (
        "Hội nghị\n\nSáng 12/1, đồng chí Võ Nam - Bí thư Đảng ủy xã Cẩm Lộc chủ trì hội nghị.\n"
    ).encode()
    extraction = parse_extraction(text, "upload", ".txt", published=dt.date(2024, 1, 13))
    assert extraction.event.date == "2024-01-12" and extraction.event.date_year_inferred


# -- the sentence around a span ------------------------------------------------------------------
TEXT = (
    "Khai mạc hội nghị. Đồng chí Võ Nam - Bí thư Đảng ủy chủ trì hội nghị. Bế mạc.\n"
    "Đ/c: Lê Văn A phát biểu"
)


@pytest.mark.parametrize(
    ("quote", "sentence"),
    [
        ("Võ Nam", "Đồng chí Võ Nam - Bí thư Đảng ủy chủ trì hội nghị."),
        ("Khai mạc", "Khai mạc hội nghị."),
        ("Bế mạc", "Bế mạc."),
        ("Lê Văn A", "Đ/c: Lê Văn A phát biểu"),  # a line of its own, the text's last
    ],
)
def test_the_sentence_around_a_span(quote, sentence):
    start = TEXT.index(quote)
    found, offset = sentence_around(TEXT, start, start + len(quote))
    assert found == sentence
    assert TEXT[offset : offset + len(found)] == found


def test_a_span_across_a_full_stop_keeps_both_sentences():
    start, end = TEXT.index("hội nghị. Đồng"), TEXT.index("Võ Nam") + 6
    found, offset = sentence_around(TEXT, start, end)
    assert (
        found == "Khai mạc hội nghị. Đồng chí Võ Nam - Bí thư Đảng ủy chủ trì hội nghị."
        and offset == 0
    )


def test_a_sentence_without_an_end_is_cut_short():
    text = "x" * 5000
    found, offset = sentence_around(text, 2500, 2510)
    assert len(found) <= 810 and 2000 <= offset <= 2500


# -- accent-optional patterns -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "name", "matches"),
    [
        ("nguyen viet dong", "nguyễn viết đồng", True),
        ("dong", "nguyễn viết đồng", True),
        ("viet", "nguyễn viết đồng", True),
        ("iet", "nguyễn viết đồng", False),  # words match from their start
        ("đông", "nguyễn viết đồng", True),  # a hat without a tone: any tone
        ("đống", "nguyễn viết đồng", False),  # a typed tone is meant
        ("h'nga", "h'nga byă", True),
        ("nga", "h'nga byă", True),
        ("thuy", "lê thị thủy", True),
        ("a.b*(c", "a b c", True),  # punctuation separates words, never reaches the expression
    ],
)
def test_words_match_with_or_without_marks(query, name, matches):
    patterns = word_patterns(query)
    assert all(re.search(p, name) for p in patterns) is matches


def test_a_query_without_words_has_no_patterns():
    assert word_patterns("  ,.;  ") == []
    assert len(word_patterns(" ".join(["a"] * 20))) == 8


# -- ids ----------------------------------------------------------------------------------------
def test_ids_are_iris_without_the_namespace_and_kind():
    person = "https://w3id.org/polgraph/id/person/vo-nam-df6001cd-a04cefa7"
    assert iri_for("persons", "vo-nam-df6001cd-a04cefa7") == person
    assert iri_for("persons", person) == person
    assert describe_iri(person) == {
        "id": "vo-nam-df6001cd-a04cefa7",
        "href": "/api/persons/vo-nam-df6001cd-a04cefa7",
    }
    post = "https://w3id.org/polgraph/id/post/dang-uy-xa-cam-loc-27a31812/bi-thu-7708b3"
    assert describe_iri(post) == {"id": "post/dang-uy-xa-cam-loc-27a31812/bi-thu-7708b3"}
    assert describe_iri("https://w3id.org/polgraph/vocab/act/chaired") == {}


@pytest.mark.parametrize("bad", ["a/b", "a b", "<x>", "", "x" * 300, "é"])
def test_an_id_that_no_iri_could_end_with_is_not_found(bad):
    with pytest.raises(ApiError) as caught:
        iri_for("events", bad)
    assert caught.value.status_code == 404
    assert json.dumps(caught.value.detail)
