"""role-at-date names a tenure's reports by their count and the first and last of them by date:
the whole list made one string that Virtuoso refuses past 4 KB."""

from __future__ import annotations

from polgraph.analytics.lookup import find_bodies
from polgraph.extract.schema import Extraction
from polgraph.query.named import load_query

BODY = "Ủy ban nhân dân xã Cẩm Lộc"


def _chair_at(key: str, day: str) -> Extraction:
    return Extraction.model_validate(
        {
            "id": key,
            "report": {"title": f"Hội nghị {BODY}", "published": day},
            "event": {
                "kind": "conference",
                "date": day,
                "place": "xã Cẩm Lộc, huyện Cẩm Xuyên",
                "organiser": BODY,
            },
            "persons": [
                {"name": "Đào Văn Khải", "roles": [{"post": "Chủ tịch", "org": BODY}]},
            ],
        }
    )


def test_a_tenure_is_told_by_its_report_count_and_its_first_and_last_report_by_date(
    store, pipeline, vocabulary
):
    # The keys sort against the dates, so an order by key would name the wrong reports.
    for key, day in [
        ("zz-spring", "2023-03-02"),
        ("mm-summer", "2023-07-14"),
        ("aa-autumn", "2023-10-20"),
    ]:
        pipeline.ingest(_chair_at(key, day), key)
    (org,) = find_bodies(store, BODY)
    chair = str(vocabulary.post_type("Chủ tịch"))

    query = load_query("role-at-date")
    rows = list(store.query(query.render({"org": org, "post_type": chair, "date": "2023-05-01"})))

    assert [(row["person_name"].value, row["status"].value) for row in rows] == [
        ("Đào Văn Khải", "attested")
    ]
    (row,) = rows
    assert int(row["reports"].value) == 3
    assert (row["first_report"].value, row["last_report"].value) == ("zz-spring", "aa-autumn")
