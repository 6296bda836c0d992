"""HTTP content negotiation (RFC 9110 §12.5.1): ``Accept`` with q-values and wildcards."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float
    params: tuple[tuple[str, str], ...] = ()

    def matches(self, media_type: str) -> bool:
        kind, _, sub = media_type.partition("/")
        return self.type in ("*", kind) and self.subtype in ("*", sub)

    @property
    def specificity(self) -> int:
        """3 for text/csv;charset=…, 2 for text/csv, 1 for text/*, 0 for */*."""
        if self.type == "*":
            return 0
        if self.subtype == "*":
            return 1
        return 3 if self.params else 2


def parse_accept(header: str | None) -> list[MediaRange]:
    """The ranges of an ``Accept`` header; malformed parts are skipped, not fatal."""
    ranges = []
    for part in (header or "").split(","):
        pieces = [p.strip() for p in part.split(";")]
        kind, _, sub = pieces[0].lower().partition("/")
        if not kind or not sub or (kind == "*" and sub != "*"):
            continue
        q, params = 1.0, []
        for piece in pieces[1:]:
            name, _, value = piece.partition("=")
            name, value = name.strip().lower(), value.strip().strip('"')
            if name == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
            elif name:
                params.append((name, value))
        ranges.append(MediaRange(kind, sub, q, tuple(params)))
    return ranges


def choose(header: str | None, offers: list[str]) -> str | None:
    """The offer the client prefers, or ``None`` when it accepts none of them.

    Each offer takes the q of the most specific range that matches it; ties go to the order of
    ``offers`` (the server's preference). No header, or an empty one, accepts the first offer.
    """
    ranges = parse_accept(header)
    if not ranges:
        return offers[0] if offers else None
    best: tuple[float, int] | None = None
    chosen = None
    for position, offer in enumerate(offers):
        matching = [r for r in ranges if r.matches(offer)]
        if not matching:
            continue
        q = max(matching, key=lambda r: r.specificity).q
        if q <= 0:
            continue
        rank = (q, -position)
        if best is None or rank > best:
            best, chosen = rank, offer
    return chosen
