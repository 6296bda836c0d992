"""Titles: "Phó Bí thư Đảng uỷ, Chủ tịch UBND xã" → roles of (post, body), bodies spelt out and
completed with the report's locality ("Ủy ban nhân dân xã Cẩm Lộc")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from polgraph.extract.lexicon import Lexicon, PostEntry
from polgraph.namespaces import PG
from polgraph.text.normalise import normalise_label
from polgraph.text.view import fold

# Separators between the parts of a compound title.
_SEPARATOR = re.compile(r"\s*(?:,|;|\s-\s|-\s|\s-|-(?=\S)|\s*\+\s*)\s*")
# Qualifiers that are not part of a body's name ("khóa XXIV", "nhiệm kỳ 2020 - 2025").
_QUALIFIER = re.compile(r"\s*\b(?:khóa|khoá|nhiệm kỳ)\b.*$", re.IGNORECASE)
# Bodies named inside the body they belong to; "Chi bộ" alone borrows the next role's body.
_BORROWING = ("chi bộ", "chi đoàn", "chi hội")
# Bodies whose own name carries the level: "Huyện ủy Cẩm Xuyên", not "Huyện ủy huyện Cẩm Xuyên".
_LEVEL_IN_NAME = {"huyện ủy": "district", "quận ủy": "district", "thị ủy": "district",
                  "tỉnh ủy": "province", "thành ủy": "province", "huyện đoàn": "district",
                  "quận đoàn": "district", "thị đoàn": "district", "tỉnh đoàn": "province",
                  "thành đoàn": "province"}
_LEVEL_WORDS = {"xã": "commune", "phường": "commune", "thị trấn": "commune", "đặc khu": "commune",
                "huyện": "district", "quận": "district", "thị xã": "district", "thành phố": "district",
                "tỉnh": "province", "thôn": "village", "ấp": "village", "bản": "village",
                "khu phố": "village", "tổ dân phố": "village", "làng": "village", "buôn": "village"}


class Locality(Protocol):
    commune: str | None
    district: str | None
    province: str | None
    village: str | None


@dataclass(frozen=True)
class Role:
    as_written: str
    span: tuple[int, int]
    post: str
    org: str | None


def bare_name(unit: str | None) -> str | None:
    """"huyện Cẩm Xuyên" → "Cẩm Xuyên"."""
    if not unit:
        return None
    folded = fold(unit)
    for word in sorted(_LEVEL_WORDS, key=len, reverse=True):
        if folded.startswith(word + " "):
            return unit[len(word) + 1:]
    return unit


class OrgCompleter:
    """Spells out a body's name and completes it with the report's locality."""

    def __init__(self, lexicon: Lexicon, locality: Locality, default_level: str = "commune") -> None:
        self.v = lexicon.vocabulary
        self.locality = locality
        self.default_level = default_level

    def unit(self, level: str) -> str | None:
        order = ["village", "commune", "district", "province"]
        return getattr(self.locality, level, None) if level in order else None

    def complete(self, written: str) -> str | None:
        text = normalise_label(_QUALIFIER.sub("", written)).strip(" ,.;:-–")
        if not text:
            return None
        found = self.v.body_type(text)
        if found is None:
            return self._locate_plain(text)
        body, rest = found
        head = body.label
        folded_head = fold(head)
        if folded_head in _LEVEL_IN_NAME:
            if rest:
                return f"{head} {rest}"
            return f"{head} {bare_name(self.unit(_LEVEL_IN_NAME[folded_head])) or ''}".strip()
        if rest:
            nested = self.complete(rest) if self.v.body_type(rest) else self._locate(rest, body)
            return f"{head} {nested}"
        return f"{head} {self._default_unit(body)}".strip()

    def _locate(self, rest: str, body) -> str:
        """"xã" alone is the report's commune; "xã Thạch Kim" stays as written."""
        folded = fold(rest)
        if folded in _LEVEL_WORDS:
            unit = self.unit(_LEVEL_WORDS[folded])
            return unit or rest
        return rest

    def _locate_plain(self, text: str) -> str:
        folded = fold(text)
        for word, level in _LEVEL_WORDS.items():
            if folded == word:
                return self.unit(level) or text
        return text[0].upper() + text[1:]

    def _default_unit(self, body) -> str:
        level = body.level or self.default_level
        unit = self.unit(level) or self.unit(self.default_level) or ""
        if body.org_class == PG.School:
            return bare_name(unit) or ""
        return unit


class TitleParser:
    def __init__(self, lexicon: Lexicon, completer: OrgCompleter) -> None:
        self.lexicon = lexicon
        self.completer = completer

    def starts_with_post(self, folded: str) -> bool:
        return self.lexicon.post_at(folded) is not None

    def parse(self, text: str, folded: str, offset: int) -> list[Role]:
        """Roles in ``text`` (a title as written, starting at ``offset`` in the report)."""
        parts = self._split(text, folded)
        pending: list[tuple[str, tuple[int, int], PostEntry, str]] = []
        for start, end in parts:
            found = self.lexicon.post_at(folded[start:end])
            if found is None:
                continue
            entry, length = found
            org_written = text[start + length:end].strip(" ,.;:-–")
            pending.append((text[start:end].strip(), (offset + start, offset + end), entry, org_written))
        orgs: list[str | None] = [self._org(entry, written) for _, _, entry, written in pending]
        for index in range(len(pending) - 1, -1, -1):
            as_written, span, entry, written = pending[index]
            org = orgs[index]
            later = next((o for o in orgs[index + 1:] if o), None)
            if fold(written) in _BORROWING and later:
                org = f"{normalise_label(written).capitalize()} {later}"
            elif org is None and later:
                org = self._parent(later)
            orgs[index] = org
        return [Role(as_written, span, entry.post, org)
                for (as_written, span, entry, _), org in zip(pending, orgs)]

    def _org(self, entry: PostEntry, written: str) -> str | None:
        if entry.body:
            unit = self.completer.unit(entry.level or "commune") or ""
            if entry.level == "national":
                return f"{entry.body} {written}".strip()
            return f"{entry.body} {unit}".strip()
        if not written:
            return None
        if fold(written) in _BORROWING:
            return None
        glued = self._glued(entry, written)
        return self.completer.complete(glued)

    def _glued(self, entry: PostEntry, written: str) -> str:
        """"Trưởng Ban tuyên giáo": the post's last word begins the body ("Ban Tuyên giáo")."""
        v = self.completer.v
        if v.body_type(written) is not None:
            return written
        words = entry.post.split(" ")
        for count in (2, 1):
            candidate = " ".join(words[-count:]) + " " + written
            found = v.body_type(candidate)
            if found is not None and len(words) > count:
                return candidate
        if fold(words[-1]) in _LEVEL_WORDS and len(words) > 1:
            return words[-1] + " " + written  # "Trưởng thôn Làng Mới" → "thôn Làng Mới"
        return written

    def _parent(self, org: str) -> str:
        """The body a shared title belongs to: "Ban Tổ chức Huyện ủy X" → "Huyện ủy X"."""
        found = self.completer.v.body_type(org)
        if found and found[1] and self.completer.v.body_type(found[1]):
            return found[1]
        return org

    def _split(self, text: str, folded: str) -> list[tuple[int, int]]:
        cuts = [0]
        for match in _SEPARATOR.finditer(folded):
            if self.starts_with_post(folded[match.end():]):
                cuts.append(match.start())
                cuts.append(match.end())
        cuts.append(len(text))
        return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2) if cuts[i] < cuts[i + 1]]

