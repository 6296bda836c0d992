"""The answers ``/docs`` shows, taken from the sample data (``data/reports``, the seed report about
xã Cẩm Lộc) and cut to one item per list. Built from shared pieces so they agree with each other."""

from __future__ import annotations

from typing import Any

_ID = "https://w3id.org/polgraph/id/"


def _node(segment: str, ident: str, route: str | None = None, **fields: Any) -> dict[str, Any]:
    found = {"id": ident if route else f"{segment}/{ident}"}
    if route:
        found["href"] = f"/api/{route}/{ident}"
    return {**found, "iri": f"{_ID}{segment}/{ident}", **fields}


SEED = "796dc11ec1a8f094e6fcca85"
REPORT = _node("report", SEED, "sources", key="seed", title=None)
EVENT = _node(
    "event",
    SEED,
    "events",
    label="Hội nghị – Ban Chấp hành Đảng bộ xã Cẩm Lộc – 2023-05-16",
    date="2023-05-16",
    kind="conference",
)
DONG = _node("person", "nguyen-viet-dong-68682787-d5c6b1b3", "persons", name="Nguyễn Viết Đồng")
DONG_MENTION = _node("person", "nguyen-viet-dong-68682787-796dc11e", name="Nguyễn Viết Đồng")
VO_NAM = _node("person", "vo-nam-df6001cd-a04cefa7", "persons", name="Võ Nam")
TRAN_ANH_DUNG = _node("person", "tran-anh-dung-63cf10b9-8ca03013", "persons", name="Trần Anh Dũng")
CHAIR_POST = _node(
    "post",
    "uy-ban-nhan-dan-xa-cam-loc-799af1ba/chu-tich-3ffdb9",
    title="Chủ tịch",
    label="Chủ tịch Ủy ban nhân dân xã Cẩm Lộc",
)
PEOPLES_COMMITTEE = _node(
    "org",
    "uy-ban-nhan-dan-xa-cam-loc-799af1ba",
    "organizations",
    label="Ủy ban nhân dân xã Cẩm Lộc",
)
PARTY_COMMITTEE = _node(
    "org", "dang-uy-xa-cam-loc-27a31812", "organizations", label="Đảng ủy xã Cẩm Lộc"
)
ORGANISER = _node(
    "org",
    "ban-chap-hanh-dang-bo-xa-cam-loc-9f56921f",
    "organizations",
    label="Ban Chấp hành Đảng bộ xã Cẩm Lộc",
)
COMMUNE = _node("unit", "legacy/commune/18730", label="Xã Cẩm Lộc")
_CHAIRS = (
    "Đồng chí; Võ Nam - Bí thư Đảng ủy, Chủ tịch HĐND xã; đồng chí: Hoàng Văn Ngọ - "
    "Thường trực Đảng uỷ; đồng chí: Nguyễn Viết Đồng -Phó Bí thư Đảng uỷ, Chủ tịch UBND xã "
    "chủ trì hội nghị."
)


def cited(
    start: int, end: int, quote: str, sentence: str = _CHAIRS, sentence_start: int = 770
) -> dict:
    return {
        "report": REPORT,
        "start": start,
        "end": end,
        "quote": quote,
        "sentence": sentence,
        "sentence_start": sentence_start,
    }


CHAIR_CITED = cited(918, 934, "Chủ tịch UBND xã")
CHAIR_ATTESTATION = _node("attestation", "796dc11ec1a8f094-9b5ea4d435d5")
CHAIR_EVIDENCE = {
    **CHAIR_ATTESTATION,
    "event": EVENT,
    "as_written": "Chủ tịch UBND xã",
    "elected": False,
    "source": CHAIR_CITED,
}
DONG_PARTICIPATION = _node("participation", "796dc11ec1a8f094-9defcc4ca19a")
DONG_CITED = cited(880, 896, "Nguyễn Viết Đồng")
PLAN = (
    "Thực hiện Kế hoạch số 93-KH/HU ngày 011/3/2023 của Ban Thường vụ Huyện ủy Cẩm Xuyên về việc "
    "Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội các cấp, nhiệm kỳ 2020-2025"
)
MEETING = (
    "Chiều ngày 16/5/2023 Ban Chấp hành Đảng bộ xã Cẩm Lộc đã tổ chức Hội nghị sơ kết giữa "
    "nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ lần thứ XXX nhiệm kỳ 2020 - 2025."
)
TOPIC = "công tác vận động Nhân dân xây dựng NTM"
SPEECH = f"Đ/c: Trần Anh Dũng- Bí thư chi bộ Nam Phong; phát biểu tham luận về {TOPIC}"
NO_CHANGE = {"predecessor": None, "successor": None}


def page(*items: dict) -> dict:
    return {"items": list(items), "total": len(items), "limit": 20, "offset": 0}


PERSONS = page({**DONG, "reports": 1})
PERSON = {
    **DONG,
    "mentions": [{**DONG_MENTION, "report": REPORT}],
    "posts": [
        {
            **_node("tenure", "9763b6401345"),
            "post": CHAIR_POST,
            "organization": PEOPLES_COMMITTEE,
            "first_evidence": "2023-05-16",
            "last_evidence": "2023-05-16",
            "opened_by_election": False,
            **NO_CHANGE,
            "evidence": [CHAIR_EVIDENCE],
        }
    ],
    "events": [
        {
            **DONG_PARTICIPATION,
            "event": EVENT,
            "acts": ["chaired", "moderated"],
            "source": DONG_CITED,
            "posts": ["Chủ tịch Ủy ban nhân dân xã Cẩm Lộc", "Phó Bí thư Đảng ủy xã Cẩm Lộc"],
        }
    ],
    "speeches": [],
}
# JSON-LD as the store writes it: expanded, one object per node (cut to the node itself).
_PG = "https://w3id.org/polgraph/ontology#"
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
PERSON_LINKED_DATA = [
    {
        "@id": DONG["iri"],
        _TYPE: [{"@id": _PG + "Person"}],
        _PG + "name": [{"@value": "Nguyễn Viết Đồng"}],
        _PG + "nameKey": [{"@value": "nguyễn viết đồng"}],
    }
]
EVENT_LINKED_DATA = [
    {
        "@id": EVENT["iri"],
        _TYPE: [{"@id": _PG + "Conference"}],
        _LABEL: [{"@value": EVENT["label"]}],
        _PG + "date": [{"@type": "http://www.w3.org/2001/XMLSchema#date", "@value": "2023-05-16"}],
        _PG + "organiser": [{"@id": ORGANISER["iri"]}],
        _PG + "source": [{"@id": REPORT["iri"]}],
    }
]
ORGANIZATION_LINKED_DATA = [
    {
        "@id": PARTY_COMMITTEE["iri"],
        _TYPE: [{"@id": _PG + "Organization"}, {"@id": _PG + "PartyCommittee"}],
        _LABEL: [{"@value": "Đảng ủy xã Cẩm Lộc"}],
        "http://www.w3.org/ns/org#subOrganizationOf": [
            {"@id": f"{_ID}org/huyen-uy-cam-xuyen-4193336a"}
        ],
    }
]

EVENTS = page({**EVENT, "place": COMMUNE, "organisers": [ORGANISER], "source": REPORT})
EVENT_DETAIL = {
    **EVENT,
    "end_date": None,
    "date_year_inferred": False,
    "term": "2020-2025",
    "place": [
        COMMUNE,
        _node("unit", "legacy/district/446", label="Huyện Cẩm Xuyên"),
        _node("unit", "legacy/province/42", label="Tỉnh Hà Tĩnh"),
    ],
    "organisers": [ORGANISER],
    "participants": [
        {
            **DONG_PARTICIPATION,
            "person": DONG,
            "mention": DONG_MENTION,
            "roles": [
                {
                    **CHAIR_ATTESTATION,
                    "post": CHAIR_POST,
                    "organization": PEOPLES_COMMITTEE,
                    "as_written": "Chủ tịch UBND xã",
                    "elected": False,
                    "source": CHAIR_CITED,
                }
            ],
            "acts": ["chaired", "moderated"],
            "source": DONG_CITED,
        }
    ],
    "speeches": [
        {
            **_node("speech", "796dc11ec1a8f094-9a8d5a2a38f6-0"),
            "speaker": TRAN_ANH_DUNG,
            "name": "Trần Anh Dũng",
            "kind": "speech",
            "topic": TOPIC,
            "capacity": "Bí thư Chi bộ Nam Phong",
            "source": cited(1732, 1795, f"phát biểu tham luận về {TOPIC}\n", SPEECH, 1687),
        }
    ],
    "documents": [
        {
            **_node(
                "document",
                "93-kh-hu-3c44-92905e1267a1",
                label="Kế hoạch 93-KH/HU",
                number="93-KH/HU",
                kind="Kế hoạch",
                issued="2023-03-01",
                relation="implements",
            ),
            "issuer": _node(
                "org",
                "ban-thuong-vu-huyen-uy-cam-xuyen-c6a979f7",
                "organizations",
                label="Ban Thường vụ Huyện ủy Cẩm Xuyên",
            ),
            "source": cited(22, 30, "93-KH/HU", PLAN, 0),
        }
    ],
    "source": cited(170, 190, "Chiều ngày 16/5/2023", MEETING, 170),
}

ORGANIZATIONS = page(PARTY_COMMITTEE)
ORGANIZATION = {
    **PARTY_COMMITTEE,
    "kind": "Party committee",
    "body_type": "Đảng ủy",
    "jurisdiction": COMMUNE,
    "parents": [
        _node("org", "huyen-uy-cam-xuyen-4193336a", "organizations", label="Huyện ủy Cẩm Xuyên")
    ],
    "sub_bodies": [
        _node("org", "chi-bo-nam-phong-0a502aec", "organizations", label="Chi bộ Nam Phong")
    ],
    "posts": [
        {
            "post": _node(
                "post",
                "dang-uy-xa-cam-loc-27a31812/bi-thu-7708b3",
                title="Bí thư",
                label="Bí thư Đảng ủy xã Cẩm Lộc",
            ),
            "holders": [
                {
                    **_node("tenure", "d10990683732"),
                    "holder": VO_NAM,
                    "first_evidence": "2023-05-16",
                    "last_evidence": "2023-05-16",
                    "opened_by_election": False,
                    **NO_CHANGE,
                    "evidence": [
                        {
                            **_node("attestation", "796dc11ec1a8f094-e4b817d3af8c"),
                            "event": EVENT,
                            "as_written": "Bí thư Đảng ủy",
                            "elected": False,
                            "source": cited(789, 803, "Bí thư Đảng ủy"),
                        }
                    ],
                }
            ],
        }
    ],
    "members": [
        {
            "person": TRAN_ANH_DUNG,
            "post": "Bí thư",
            "body": "Chi bộ Nam Phong",
            "first_seen": "2023-05-16",
            "last_seen": "2023-05-16",
            "attestations": 1,
        }
    ],
    "events": [],
}

ROLES = page(
    {**CHAIR_EVIDENCE, "person": DONG, "post": CHAIR_POST, "organization": PEOPLES_COMMITTEE}
)

SOURCES = page(
    {
        **REPORT,
        "published": None,
        "url": None,
        "event": {k: EVENT[k] for k in ("id", "href", "iri", "label")},
    }
)
SOURCE = {
    **REPORT,
    "published": None,
    "url": None,
    "text_hash": "796dc11ec1a8f094e6fcca85aee1e14e2a507335c938552194b56a1550fd2a7a",
    "archived": None,
    "event": {k: EVENT[k] for k in ("id", "href", "iri", "label")},
    "text": f"{PLAN}\n{MEETING} … /.",
    "facts": [
        {
            "kind": "role",
            **CHAIR_ATTESTATION,
            "about": "Nguyễn Viết Đồng — Chủ tịch Ủy ban nhân dân xã Cẩm Lộc",
            "person": DONG,
            "mention": DONG_MENTION,
            **{k: v for k, v in CHAIR_CITED.items() if k != "report"},
        }
    ],
}

# The text example below, as POST /api/reports stores it.
_NEW = "d19cb0bebff5a17d11aa1a41"
TEXT_REPORT = (
    "Hội nghị Ban Chấp hành Đảng bộ xã Cẩm Lộc\n\nSáng ngày 12/6/2024, Đảng ủy xã Cẩm Lộc, "
    "huyện Cẩm Xuyên tổ chức hội nghị sơ kết 6 tháng đầu năm. Đồng chí Võ Nam - Bí thư Đảng ủy "
    "xã chủ trì hội nghị.\n"
)
STRUCTURED_REPORT = {
    "id": "cam-loc-2024-06",
    "report": {"title": "Hội nghị sơ kết 6 tháng", "published": "2024-06-13"},
    "event": {
        "kind": "conference",
        "date": "2024-06-12",
        "place": "xã Cẩm Lộc, huyện Cẩm Xuyên",
        "organiser": "Đảng ủy xã Cẩm Lộc",
    },
    "persons": [
        {
            "name": "Võ Nam",
            "roles": [{"post": "Bí thư", "org": "Đảng ủy xã Cẩm Lộc"}],
            "acts": ["chaired"],
        }
    ],
}
YAML_REPORT = (
    "event: {kind: conference, date: '2024-06-12', place: 'xã Cẩm Lộc, huyện Cẩm Xuyên'}\n"
    "persons:\n- name: Võ Nam\n  roles: [{post: Bí thư, org: Đảng ủy xã Cẩm Lộc}]\n"
    "  acts: [chaired]\n"
)
_STORED = {
    "report": _node("report", _NEW, "sources", key="cam-loc-2024-06"),
    "event": _node("event", _NEW, "events"),
}
ADDED = {
    "status": "added",
    **_STORED,
    "persons": 1,
    "messages": [],
    "resolved": [{"name": "Võ Nam", "person": {k: VO_NAM[k] for k in ("id", "href", "iri")}}],
}
VALID = {
    "status": "valid",
    **_STORED,
    "persons": 1,
    "messages": [
        {
            "severity": "Warning",
            "focus": "Bí thư <https://w3id.org/polgraph/id/post/unattached/bi-thu-7708b3>",
            "path": "org:postIn",
            "message": "This post names no organisation; say which body it belongs to.",
            "value": None,
        }
    ],
}
