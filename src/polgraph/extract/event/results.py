"""What the event rules return: the locality, the event date and the numbered documents of a
report, as frozen dataclasses that the other modules of the package fill in."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Locality:
    commune: str | None  # normalised, with its level word: "xã Cẩm Lộc", "phường An Khánh"
    district: str | None  # "huyện Cẩm Xuyên", "quận Ninh Kiều", "thị xã X", "thành phố Vinh"
    province: str | None  # "tỉnh Hà Tĩnh", "thành phố Cần Thơ"
    village: str | None = None  # "thôn Làng Mới" when the event is at village level

    def place(self) -> str | None:
        """Most specific unit first, then its parents; a village-level event stops at its commune
        (the gold's convention), so ``village`` never enters the place."""
        parts = [unit for unit in (self.commune, self.district, self.province) if unit]
        return ", ".join(parts) or None


@dataclass(frozen=True)
class EventDate:
    date: str | None  # ISO YYYY-MM-DD of the event's (first) day
    year_inferred: bool
    span: tuple[int, int] | None  # [start, end) of the date expression in text
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class FoundDocument:
    number: str
    kind: str | None
    issuer: str | None
    date: str | None
    span: tuple[int, int]  # the number as written
    relation: str  # "implements" or "cites"
