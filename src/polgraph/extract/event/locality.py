"""Where the event takes place: ``find_locality`` picks the host unit named in the opening (or the
headline, or the unit the report names most), then its parents, from the text nesting them or
from the unit of each level the report names most."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from polgraph.extract.lexicon import LEVELS, lexicon
from polgraph.vocab import Vocabulary

from .documents import DocumentReference, _read_documents
from .layout import ReportLayout
from .organiser import find_organiser
from .results import Locality
from .units import _attached, _confirm_names, _dateline, _resolve_cities, _Unit, _units


def find_locality(
    layout: ReportLayout, vocabulary: Vocabulary, references: list[DocumentReference] | None = None
) -> Locality:
    """The units the event takes place in: the most specific unit named in the opening (the host:
    "Đảng uỷ xã Thạch Kim (huyện Lộc Hà) tổ chức…", "… tiếp xúc cử tri … tại xã Diễn Kỷ"), then
    its parents, from the text nesting them ("xã X (huyện Y, tỉnh Z)") or else from the unit of
    that level the report names most. ``references``: the text's document references
    (``document_references``), when already found."""
    lex = lexicon(vocabulary)
    text = layout.text
    units = _units(text, lex)
    _resolve_cities(text, units)
    _confirm_names(units)
    dateline = _dateline(text, layout.body)
    if dateline is not None:
        units.insert(0, dateline)
    if references is None:
        references = _read_documents(text, lex)
    document_spans = [(raw.start, raw.end) for raw in references]

    def in_region(unit: _Unit, region: tuple[int, int] | None, skip_documents: bool = True) -> bool:
        if region is None or not (region[0] <= unit.start < region[1]):
            return False
        return not (skip_documents and any(s <= unit.start < e for s, e in document_spans))

    zones = [layout.opening, layout.headline]
    host: _Unit | None = None
    for level in ("commune", "district", "province"):
        for zone in zones:
            host = next((u for u in units if u.level == level and in_region(u, zone)), None)
            if host:
                break
        if host:
            break
    if host is None:
        host = (
            _most_named(units, "commune")
            or _most_named(units, "district")
            or _most_named(units, "province")
        )
    village = _village(layout, units, in_region)
    if host is None:
        return Locality(None, None, None, village.label if village else None)

    found = {host.level: host}
    chain = host
    # Parents nested right after the host: "xã X (huyện Y, tỉnh Z)".
    for unit in units[units.index(host) + 1 :]:
        if not _attached(text.text, chain, unit):
            break
        if LEVELS.index(unit.level) > LEVELS.index(chain.level) and unit.level not in found:
            found[unit.level] = unit
            chain = unit
    nested_top = max(LEVELS.index(level) for level in found)
    for level in LEVELS[LEVELS.index(host.level) + 1 :]:
        if level in found or LEVELS.index(level) < nested_top:
            # "phường X, Thành phố Y": the text skips a level (none since 2025), so does the place
            continue
        parent = next(
            (u for u in units if u.level == level and in_region(u, layout.opening, False)), None
        ) or _most_named(units, level)
        if parent:
            found[level] = parent
    if (
        "district" in found
        and "province" in found
        and found["district"].name == found["province"].name
    ):
        # one city named twice ("TP.HCM", "thành phố Hồ Chí Minh") is one unit
        del found["district"]
    label = lambda level: found[level].label if level in found else None  # noqa: E731
    return Locality(
        label("commune"), label("district"), label("province"), village.label if village else None
    )


def _village(
    layout: ReportLayout,
    units: list[_Unit],
    in_region: Callable[[_Unit, tuple[int, int] | None], bool],
) -> _Unit | None:
    """A village-level event is one a village holds ("thôn Làng Mới, xã Gia Phú tổ chức…") or
    one the headline places there; a village merely named in the opening is a venue."""
    organiser = find_organiser(layout)
    for zone in (organiser[1] if organiser else None, layout.headline):
        village = next((u for u in units if u.level == "village" and in_region(u, zone)), None)
        if village:
            return village
    return None


def _most_named(units: list[_Unit], level: str) -> _Unit | None:
    """The unit of a level named most often (ties: the first named)."""
    counts = Counter(u.name for u in units if u.level == level)
    if not counts:
        return None
    best = max(counts.values())
    return next(u for u in units if u.level == level and counts[u.name] == best)
