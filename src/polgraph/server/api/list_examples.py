"""The list with facets ``/docs`` shows: ``/api/places?q=cam loc&level=commune`` over the sample
data (``data/reports``), as ``polgraph.server.api.examples`` shows the other answers."""

from __future__ import annotations

from typing import Any

from polgraph.server.api.examples import COMMUNE

_ID = "https://w3id.org/polgraph/id/"


def _unit(ident: str, label: str) -> dict[str, Any]:
    return {"id": f"unit/{ident}", "iri": f"{_ID}unit/{ident}", "label": label}


_DISTRICT = _unit("legacy/district/446", "Huyện Cẩm Xuyên")
_PROVINCE = _unit("legacy/province/42", "Tỉnh Hà Tĩnh")


def _value(value: str, label: str, selected: bool = False, **more: Any) -> dict[str, Any]:
    return {"value": value, "label": label, **more, "count": 1, "selected": selected}


PLACE_LIST = {
    "items": [
        {
            **COMMUNE,
            "level": {"code": "commune", "label": "Xã, phường, thị trấn"},
            "structure": "legacy",
            "code": "18730",
            "parent": _DISTRICT,
            "district": _DISTRICT,
            "province": _PROVINCE,
            "successor": _unit("2025/commune/18742", "Xã Cẩm Trung"),
            "events": 1,
            "bodies": 5,
        }
    ],
    "total": 1,
    "limit": 20,
    "offset": 0,
    "sort": "label",
    "order": "asc",
    "filters": {"level": ["commune"]},
    "facets": [
        {
            "name": "level",
            "values": [_value("commune", "Xã, phường, thị trấn", selected=True)],
            "more": 0,
        },
        {"name": "structure", "values": [_value("legacy", "legacy")], "more": 0},
        {
            "name": "province",
            "values": [_value(_PROVINCE["id"], _PROVINCE["label"], structure="legacy")],
            "more": 0,
        },
        {
            "name": "district",
            "values": [_value(_DISTRICT["id"], _DISTRICT["label"], structure="legacy")],
            "more": 0,
        },
    ],
}
