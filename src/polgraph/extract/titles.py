"""Titles: "Phó Bí thư Đảng uỷ, Chủ tịch UBND xã" → roles of (post, body), bodies spelt out and
completed with the report's locality ("Ủy ban nhân dân xã Cẩm Lộc")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from polgraph.extract import lang_vi
from polgraph.extract.lexicon import Lexicon, PostEntry
from polgraph.namespaces import PG
from polgraph.places.gazetteer import admin_units
from polgraph.text.normalise import normalise_label
from polgraph.text.view import fold
from polgraph.vocab import BodyType, Vocabulary

# Separators between the parts of a compound title.
# "kiêm" (concurrently) and "và" join posts too, when a post follows them.
_GLUED_HYPHEN = re.compile(r"(?<=\w)[-.,;:](?=\s|$)")
_FORMER = re.compile(r"(?:" + "|".join(re.escape(w) for w in lang_vi.FORMER_WORDS) + r")\s+")
_SEPARATOR = re.compile(r"\s*(?:,|;|/|\s-\s|-\s|\s-|-(?=\S)|\s*\+\s*|\s+kiêm\s+|\s+và\s+)\s*")
# Qualifiers that are not part of a body's name ("khóa XXIV", "nhiệm kỳ 2020 - 2025").
_QUALIFIER = re.compile(
    r"\s*\b(?:khóa|khoá|nhiệm kỳ|nhiệm kì)\b.*$|\s*\(?\b(?:"
    + "|".join(lang_vi.FORMER_UNIT_WORDS)
    + r")\b\)?\s*$",
    re.IGNORECASE,
)
_NATIONAL_TERM = re.compile(r"\b(quốc hội)\s+khóa\s+([ivxlc]+)\b")
# Bodies named inside the body they belong to; "Chi bộ" alone borrows the next role's body.
_BORROWING = ("chi bộ", "chi đoàn", "chi hội")
_PARTY_BOARDS = {
    PG.PropagandaBoard,
    PG.MassMobilisationBoard,
    PG.OrganisationBoard,
    PG.InspectionCommission,
    PG.PartyOffice,
    PG.PartyBoard,
}


class Locality(Protocol):
    @property
    def commune(self) -> str | None: ...
    @property
    def district(self) -> str | None: ...
    @property
    def province(self) -> str | None: ...
    @property
    def village(self) -> str | None: ...


@dataclass(frozen=True)
class Role:
    as_written: str
    span: tuple[int, int]
    post: str
    org: str | None


_LEVEL_ORDER = ("village", "commune", "district", "province", "national")


def level_words(vocabulary: Vocabulary) -> dict[str, str]:
    """Each level word of the area-level vocabulary ("xã", "huyện", "thôn") with its level,
    longest first. A word used at two levels ("thành phố") takes the lower: in a title it is the
    report's own city far more often than a centrally governed one."""
    words: dict[str, str] = {}
    for word, area in vocabulary.area_levels:
        if area.level in _LEVEL_ORDER and (
            word not in words or _LEVEL_ORDER.index(area.level) < _LEVEL_ORDER.index(words[word])
        ):
            words[word] = area.level
    return dict(sorted(words.items(), key=lambda item: -len(item[0])))


def bare_name(unit: str | None, levels: dict[str, str]) -> str | None:
    """ "huyện Cẩm Xuyên" → "Cẩm Xuyên" (``levels`` from ``level_words``)."""
    if not unit:
        return None
    folded = fold(unit)
    for word in levels:
        if folded.startswith(word + " "):
            return unit[len(word) + 1 :]
    return unit


class OrgCompleter:
    """Spells out a body's name and completes it with the report's locality."""

    def __init__(
        self,
        lexicon: Lexicon,
        locality: Locality,
        default_level: str = "commune",
        organiser: str | None = None,
        bare_commune: str | None = None,
    ) -> None:
        self.v = lexicon.vocabulary
        self.levels = level_words(lexicon.vocabulary)
        self.abbreviations = lexicon.abbreviations
        # "huyện ủy" → ("huyện", {"district"}), from the vocabulary
        self.committees = lexicon.committees
        # The commune's level word a report writes bodies with when it never names the commune
        # ("Chủ tịch UBND xã"): bare bodies take it ("Đảng ủy xã"), as the text itself does.
        self.bare_commune = bare_commune
        self.locality = locality
        self.default_level = default_level
        # The body that held the event, as the text names it: a bare "Chi bộ" in a report about a
        # cell's congress is that cell.
        self.organiser = organiser
        self._organiser_body = None
        self.organiser_name: str | None = None  # the organiser spelt out, when it is a body
        if organiser:
            organiser = re.split(r"\s*[,(]", organiser)[0]  # "Chi bộ khu X, phường Y": the cell
            found = self.body_of(organiser)
            if found and found[1]:
                self.organiser = None  # completed below without itself
                self._organiser_body = (found[0].concept, self.complete(organiser))
                self.organiser_name = self._organiser_body[1]

    def body_of(self, text: str) -> tuple[BodyType, str] | None:
        """The body type a name starts with. A level word names a body only in lower case:
        "thôn Làng Mới" is a village, "Làng Mới" is only its name."""
        found = self.v.body_type(text)
        if found and fold(found[0].label) in self.levels and text[:1].isupper():
            return None
        return found

    def _unit_of_committee(self, levels: frozenset[str]) -> str | None:
        """The unit a committee whose name carries its level belongs to: of its one level, or,
        for a city's ("Thành ủy", a district's or a province's), the city the report names."""
        units = [self.unit(level) for level in ("district", "province") if level in levels]
        if len(units) > 1:
            city = next((u for u in units if u and fold(u).startswith("thành phố ")), None)
            return city or units[-1]
        return units[0] if units else None

    def unit(self, level: str) -> str | None:
        order = ["village", "commune", "district", "province"]
        unit = getattr(self.locality, level, None) if level in order else None
        if (
            unit is None
            and level == "commune"
            and self.bare_commune
            and not any(getattr(self.locality, other, None) for other in ("district", "province"))
        ):
            return self.bare_commune  # "Bí thư Đảng ủy" in a report that only ever says "xã"
        return unit

    def complete(self, written: str) -> str | None:
        text = normalise_label(_QUALIFIER.sub("", written)).strip(" ,.;:-–")
        if not text:
            return None
        found = self.body_of(text)
        if found is None:
            return self._locate_plain(text)
        body, rest = found
        head = body.label
        folded_head = fold(head)
        if folded_head in self.committees:  # the name carries the level: "Huyện ủy Cẩm Xuyên"
            if rest:  # "Thành ủy TP.HCM": the unit's name spelt out too
                return f"{head} {self.expand(rest)}"
            unit = self._unit_of_committee(self.committees[folded_head][1])
            if (
                unit
                and folded_head == "thành ủy"
                and fold(unit).startswith("thành phố ")
                and admin_units().is_central_city(bare_name(unit, self.levels) or "")
            ):
                # A centrally governed city's committee keeps the city's word: "Thành ủy Thành phố
                # Hồ Chí Minh"; a provincial city's does not ("Thành ủy Vinh").
                return f"{head} Thành phố {bare_name(unit, self.levels)}"
            return f"{head} {bare_name(unit, self.levels) or ''}".strip()
        if rest and fold(rest).startswith("trung ương"):
            # "Ban Bí thư Trung ương Đảng", "Ban Tổ chức Trung ương": national
            return f"{head} {rest}"
        if rest:
            nested = self.complete(rest) if self.body_of(rest) else self._locate(rest, body)
            if (
                nested == rest
                and body.level in ("commune", "district", "province")
                and not self._names_a_unit(rest)
            ):
                # "Sở Nông nghiệp và Phát triển nông thôn" serves the report's province.
                nested = f"{rest} {self.unit(body.level) or ''}".strip()
            return f"{head} {nested}"
        # "Ban công tác Mặt trận thôn": the label ends in a level
        located = self._locate(head, body)
        if located != head:
            return located
        if self._organiser_body and self._organiser_body[0] == body.concept and body.level is None:
            return self._organiser_body[1]
        return f"{head} {self._default_unit(body)}".strip()

    def _locate(self, rest: str, body: BodyType) -> str:
        """ "xã" alone is the report's commune, "Nội vụ huyện" the district's; "xã Thạch Kim"
        stays as written."""
        if body.org_class != PG.Enterprise:  # "Công ty TNHH …" keeps its legal form
            rest = self.expand(rest)
        folded = fold(rest)
        for word, level in self.levels.items():
            # A village word ends a name only alone or after a body ("… Mặt trận thôn"), never in
            # prose such as "Phát triển nông thôn".
            trailing = folded.endswith(" " + word) and (level != "village" or self.body_of(rest))
            if folded == word or trailing:
                unit = self.unit(level)
                if unit and fold(unit).startswith(word + " "):
                    return rest[: len(rest) - len(word)] + unit
                if unit is None or word == "thành phố":
                    # "HĐND thành phố" in a report about a
                    # district is the city's, not the district's
                    return rest
                return rest[: len(rest) - len(word)] + unit
        return rest

    def _names_a_unit(self, text: str) -> bool:
        """Whether a body's name already says whose it is: a level word ("… huyện"), a
        committee whose name carries its level ("… - Ban Tổ chức Thành ủy") or "Trung ương"."""
        folded = " " + re.sub(r"[^\w/ ]", " ", fold(text)) + " "
        return (
            any(f" {word} " in folded for word, level in self.levels.items() if level != "village")
            or any(f" {name} " in folded for name in self.committees if " " in name)
            or " trung ương " in folded
        )

    def expand(self, text: str) -> str:
        """Spell out general abbreviations inside a name: "MTQG xây dựng NTM" → "mục tiêu quốc
        gia xây dựng nông thôn mới"."""
        words = text.split(" ")
        return " ".join(self.abbreviations.get(w, w) for w in words)

    def _locate_plain(self, text: str) -> str:
        folded = fold(text)
        for word, level in self.levels.items():
            if folded == word:
                return self.unit(level) or text
        return text[0].upper() + text[1:]

    def _default_unit(self, body: BodyType) -> str:
        if body.level == "national":
            return ""  # "Bộ Chính trị", "Ban Bí thư": no one's locality
        level = body.level or self.default_level
        unit = self.unit(level) or self.unit(self.default_level) or ""
        if body.org_class == PG.School:
            return bare_name(unit, self.levels) or ""
        return unit


class TitleParser:
    def __init__(self, lexicon: Lexicon, completer: OrgCompleter) -> None:
        self.lexicon = lexicon
        self.completer = completer
        self.terms: dict[str, str] = {}  # folded body → the term the report names it in ("khóa XV")

    def learn_terms(self, text: str, folded: str) -> None:
        """The terms a report names national bodies in: "Quốc hội khóa XV"."""
        for match in _NATIONAL_TERM.finditer(folded):
            self.terms.setdefault(
                match.group(1), "khóa " + text[match.start(2) : match.end(2)].upper()
            )

    def is_bare_post(self, written: str) -> bool:
        """Whether a title is a post alone, without a body ("Bí thư", "PBT", "Chi ủy viên")."""
        folded = fold(written).strip(" ,.;:-–")
        found = self._post_at(folded)
        return found is not None and found[1] == len(folded) and found[0].body is None

    def starts_with_post(self, folded: str) -> bool:
        # "phó bí thư- chủ tịch …", "… Phó Bí thư.":
        # punctuation glued to a post's last word ends it.
        line = folded.split("\n", 1)[0]  # a post ends its line: "… - Bí thư\n2. Đồng chí: …"
        line = line.replace("/", " / ")  # "Đảng ủy viên/Phó Chủ tịch": posts joined by a slash
        return self._post_at(_GLUED_HYPHEN.sub(" ", line)) is not None

    def _post_at(self, folded: str) -> tuple[PostEntry, int] | None:
        """The post ``folded`` starts with, and its length. "Trưởng BTC Huyện ủy": a post's head
        before a board's abbreviation ("BTC", "Ban Tổ chức") is the post the board's first word
        completes ("Trưởng ban"); the board is the body."""
        found = self.lexicon.post_at(folded)
        if found is not None:
            return found
        words = folded.split(" ")
        for count in (2, 1):
            if len(words) <= count or not words[count].isalpha():
                continue
            board = self.completer.v.body_type(words[count].upper())
            if board is None or board[1]:
                continue
            head = " ".join(words[:count])
            entry = self.lexicon.posts.get(f"{head} {fold(board[0].label).split(' ')[0]}")
            if entry is not None:
                return entry, len(head)
        return None

    def parse(self, text: str, folded: str, offset: int) -> list[Role]:
        """Roles in ``text`` (a title as written, starting at ``offset`` in the report)."""
        parts = self._split(text, folded)
        pending: list[tuple[str, tuple[int, int], PostEntry, str]] = []
        for start, end in parts:
            found = self._post_at(folded[start:end])
            if found is None:
                continue
            entry, length = found
            org_written = text[start + length : end].strip(" ,.;:-–")
            entry, org_written = self._qualifier_after_body(entry, org_written)
            pending.append(
                (text[start:end].strip(), (offset + start, offset + end), entry, org_written)
            )
        orgs: list[str | None] = [
            self._org(entry, written, as_written) for as_written, _, entry, written in pending
        ]
        for index in range(len(pending) - 1, -1, -1):
            _, _, entry, written = pending[index]
            org = orgs[index]
            later = next((o for o in orgs[index + 1 :] if o), None)
            if fold(written) in _BORROWING and later:
                org = f"{normalise_label(written).capitalize()} {later}"
            elif (
                later
                and fold(normalise_label(written)) == "đảng ủy"
                and self._committee_of_unit(later)
            ):
                # "Phó Bí thư Đảng ủy, Chủ tịch UBND xã X": the committee of the unit named next.
                org = self._committee_of_unit(later)
            elif org is None and fold(written) in _BORROWING and self.completer.organiser_name:
                org = self.completer.complete(written)  # "Phó Bí thư chi bộ" at a cell's congress
            elif org is None:
                org = self._shared_org(entry, later)
            orgs[index] = org
        for index, (_, _, entry, written) in enumerate(pending):
            committee = self._committee_of_neighbours(orgs, index)
            if committee and self._needs_committee(entry, written):
                body = self.completer.body_of(self._glued(entry, written))
                assert body is not None  # _needs_committee found it
                orgs[index] = f"{body[0].label} {committee}"
            elif (
                index
                and (previous := orgs[index - 1])
                and self._department_of_previous(entry, written, previous)
            ):
                # "Ủy viên UBKT Thành ủy, Trưởng phòng Nghiệp vụ II": the department is the
                # commission's, not the district government's.
                glued = normalise_label(_QUALIFIER.sub("", self._glued(entry, written))).strip(
                    " ,.;:-–"
                )
                orgs[index] = f"{glued[:1].upper()}{glued[1:]} {orgs[index - 1]}"
        return [
            Role(as_written, span, entry.post, org)
            for (as_written, span, entry, _), org in zip(pending, orgs, strict=True)
        ]

    def _qualifier_after_body(self, entry: PostEntry, written: str) -> tuple[PostEntry, str]:
        """ "Phó Trưởng Đoàn ĐBQH chuyên trách tỉnh": a qualifier of the post written after its
        body ("chuyên trách") makes the qualified post when the vocabulary has one."""
        folded = fold(written)
        for qualifier in lang_vi.POST_QUALIFIERS:
            at = f" {folded} ".find(f" {qualifier} ")
            if at < 0:
                continue
            qualified = self.lexicon.posts.get(fold(entry.post) + " " + qualifier)
            if qualified is not None:
                rest = (written[: max(0, at - 1)] + written[at + len(qualifier) :]).strip()
                return qualified, " ".join(rest.split())
        return entry, written

    def _department_of_previous(self, entry: PostEntry, written: str, previous: str) -> bool:
        """A government-style department ("Phòng …") named with no unit, after a party body
        (a board, the inspection commission, the office): a department of that body."""
        if entry.body or not written or self.completer._names_a_unit(written):
            return False
        found = self.completer.body_of(self._glued(entry, written))
        before = self.completer.body_of(previous)
        return (
            found is not None
            and found[0].org_class == PG.GovernmentOffice
            and before is not None
            and before[0].org_class in _PARTY_BOARDS
        )

    def _needs_committee(self, entry: PostEntry, written: str) -> bool:
        """A party board named without its committee: "Trưởng Ban tuyên giáo"."""
        if entry.body or not written:
            return False
        found = self.completer.body_of(self._glued(entry, written))
        return found is not None and found[0].org_class in _PARTY_BOARDS and not found[1]

    def _committee_of_neighbours(self, orgs: list[str | None], index: int) -> str | None:
        for other in orgs[:index][::-1] + orgs[index + 1 :]:
            if not other:
                continue
            for candidate in (other, self._parent(other)):
                found = self.completer.body_of(candidate)
                if found and found[0].org_class == PG.PartyCommittee:
                    return candidate
        return None

    def _org(self, entry: PostEntry, written: str, as_written: str = "") -> str | None:
        if entry.body:
            unit = self.completer.unit(entry.level or "commune") or self._city(entry.level) or ""
            if not unit and entry.level in ("province", "district"):
                # "Tỉnh ủy viên" where the report names no province: "Đảng bộ tỉnh".
                first = fold(as_written).split(" ", 1)[0]
                unit = lang_vi.COMMITTEE_MEMBER_LEVEL_WORDS.get(
                    first
                ) or lang_vi.LEVEL_WORD_OF_LEVEL.get(entry.level, "")  # "HUV": "Đảng bộ huyện"
            if entry.level == "national":
                term = re.search(r"\bkhóa\s+\S+|\bkhoá\s+\S+", written, re.IGNORECASE)
                if term:
                    return f"{entry.body} {term.group().replace('khoá', 'khóa')}"
                # "Đại biểu Quốc hội" in a report about "Kỳ họp thứ 5, Quốc hội khóa XV": that term.
                known = self.terms.get(fold(entry.body))
                return f"{entry.body} {known}" if known else entry.body
            return f"{entry.body} {unit}".strip()
        if not written:
            return None
        if fold(written) in _BORROWING:
            return None
        glued = self._glued(entry, written)
        org = self.completer.complete(glued)
        if entry.default_body and org and self.completer.body_of(org) is None:
            if fold(entry.default_body) == "đảng ủy":
                # "Bí thư huyện X": the Party committee of a unit above the commune is "Huyện ủy X".
                committee = self._committee_of_unit(" " + org)
                if committee:
                    return committee
            if any(fold(org).startswith(word + " ") for word in self.completer.levels):
                org = org[:1].lower() + org[1:]  # "… Thống kê phường X": "Ủy ban nhân dân phường X"
            return f"{entry.default_body} {org}"  # "Công chức Tư pháp xã" serves the commune's UBND
        return org

    def _city(self, level: str | None) -> str | None:
        """ "Thành ủy viên" of a provincial city: its city is a district-level unit, and the
        other way round for a centrally governed one."""
        other = {"province": "district", "district": "province"}.get(level or "")
        unit = self.completer.unit(other) if other else None
        return unit if unit and fold(unit).startswith("thành phố") else None

    def _glued(self, entry: PostEntry, written: str) -> str:
        """The body when the post's last words name it: "Trưởng Ban tuyên giáo" → "Ban Tuyên
        giáo", "Phó Chánh Văn phòng Huyện ủy" → "Văn phòng Huyện ủy", "Trưởng thôn Làng Mới" →
        "thôn Làng Mới"."""
        post = entry.post
        for qualifier in lang_vi.POST_QUALIFIERS:  # "Phó Trưởng đoàn chuyên trách" heads a "Đoàn"
            if fold(post).endswith(" " + qualifier):
                post = post[: -len(qualifier) - 1]
        words = post.split(" ")
        for count in (2, 1):
            if len(words) <= count:
                continue
            tail = " ".join(words[-count:])
            if not tail[0].isupper():  # a capitalised tail is a body's name: "Chánh Văn phòng"
                continue
            found = self.completer.body_of(tail + " " + written)
            # "Thường trực" ends "Phó Bí thư Thường trực" as a qualifier, not as a body it heads.
            if (
                found is not None
                and fold(found[0].label).startswith(fold(tail))
                and found[0].org_class != PG.StandingCommittee
            ):
                written_body = self.completer.body_of(written)
                if (
                    found[0].org_class == PG.PartyCommittee
                    and written_body
                    and written_body[0].org_class == PG.PartyCell
                ):
                    # "Ủy viên Chi ủy Chi bộ X": the cell's committee is named by its cell
                    return written
                return tail + " " + written
        if self.completer.body_of(written) is not None:
            return written
        for count in (3, 2, 1):  # "Trưởng khu dân cư số 4": the post's last three words
            candidate = " ".join(words[-count:]) + " " + written
            if len(words) > count and self.completer.body_of(candidate) is not None:
                return candidate
        return written

    def _shared_org(self, entry: PostEntry, later: str | None) -> str | None:
        """The body of a post written without one. "UVBTV, Trưởng Ban Tổ chức Huyện ủy": the
        committee the next body belongs to. "Phó Bí thư, Chủ tịch UBND xã": not the People's
        Committee but the post's usual body (Đảng ủy) in the report's locality."""
        if later and self._parent(later) != later:
            return self._parent(later)
        if entry.default_body:
            committee = None
            if fold(entry.default_body) == "đảng ủy":
                # A report about a district (or province) that names no commune: its committee.
                above = (
                    None
                    if self.completer.unit("commune")
                    else self.completer.unit("district") or self.completer.unit("province")
                )
                committee = self._committee_of_unit(later) or self._committee_of_unit(
                    above and " " + above
                )
            return committee or self.completer.complete(entry.default_body)
        return later

    def _committee_of_unit(self, org: str | None) -> str | None:
        """ "Phó Bí thư, Chủ tịch UBND huyện Kỳ Anh": the Party committee of the unit the next
        body serves, "Huyện ủy Kỳ Anh"."""
        if not org:
            return None
        folded = fold(org)
        for word, level in self.completer.levels.items():
            at = folded.find(" " + word + " ")
            if at < 0 or level not in ("commune", "district", "province"):
                continue
            unit = org[at + 1 :]
            committee = lang_vi.PARTY_COMMITTEE_OF_LEVEL_WORD.get(word)
            name = unit[len(word) + 1 :]
            if committee and name.isdigit():  # "Quận ủy Quận 5": a numbered unit keeps its word
                name = unit[:1].upper() + unit[1:]
            return f"{committee} {name}" if committee else f"Đảng ủy {unit}"
        return None

    def _parent(self, org: str) -> str:
        """The body a shared title belongs to: "Ban Tổ chức Huyện ủy X" → "Huyện ủy X"."""
        found = self.completer.body_of(org)
        if found and found[1] and self.completer.body_of(found[1]):
            return found[1]
        return org

    def _split(self, text: str, folded: str) -> list[tuple[int, int]]:
        gaps: list[tuple[int, int]] = []  # (where a part ends, where the next begins)
        for match in _SEPARATOR.finditer(folded):
            # "…, nguyên Bí thư Tỉnh ủy Y": a former post is one more part of the title.
            former = _FORMER.match(folded, match.end())
            after = former.end() if former else match.end()
            if self.starts_with_post(folded[after:]):
                gaps.append((match.start(), after))
        # "phó bí thư thường trực chủ tịch Hội đồng nhân dân": a post right after a bare post.
        for begin in [0] + [after for _, after in gaps]:
            found = self._post_at(folded[begin:])
            if found is None or found[0].body:
                continue
            end = begin + found[1]
            rest = folded[end:]
            space = len(rest) - len(rest.lstrip(" "))
            written = text[end + space :]
            if (
                space
                and end + space < len(folded)
                and self._post_at(rest[space:]) is not None
                and self._glued(found[0], written) == written
                and not any(a <= end < b or a == end for a, b in gaps)
            ):
                # not "Trưởng Đoàn đại biểu Quốc hội": there the post's last word heads the body
                gaps.append((end, end + space))
        cuts = [0]
        for end, begin in sorted(gaps):
            cuts += [end, begin]
        cuts.append(len(text))
        return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2) if cuts[i] < cuts[i + 1]]
