"""Where persons are named: a name with the title written after or before it, or a title alone
that refers back to someone already named ("đồng chí Bí thư")."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from polgraph.extract import lang_vi
from polgraph.extract.titles import Role, TitleParser
from polgraph.namespaces import PG
from polgraph.places.gazetteer import admin_units
from polgraph.text.view import ReportText, fold
from polgraph.vocab import BodyType, Vocabulary

_TOKEN = re.compile(r"[^\W\d_][\w'’]*")
_CUE = re.compile(
    r"(?:^|(?<=[\s(:;,.]))("
    + "|".join(re.escape(c) for c in sorted(lang_vi.PERSON_CUES, key=len, reverse=True))
    + r")\s*:?\s*$"
)
_CUE_REACH = 45  # the longest cue ("anh hùng lực lượng vũ trang nhân dân") and its spaces
_CLAUSE_BREAK = re.compile(r"[;:\n(]|,|\.\s|\bcó\b|\bgồm\b|\blà\b|\bvà\b|\bcủa\b|\bvới\b")


def _stop(word: str) -> str:
    unless = lang_vi.TITLE_STOPS_UNLESS_FOLLOWED_BY.get(word, ())
    unless_after = lang_vi.TITLE_STOPS_UNLESS_AFTER.get(word, ())
    return (
        "".join(rf"(?<!{re.escape(w)} )" for w in unless_after)
        + re.escape(word)
        + "".join(rf"(?! {re.escape(w)}\b)" for w in unless)
    )


_STOPS = "(?:" + "|".join(_stop(s) for s in lang_vi.TITLE_STOPS) + r")\b"
# The stops that are verbs: after a name they show that a person acts.
_VERB_STOPS = (
    "(?:"
    + "|".join(_stop(s) for s in lang_vi.TITLE_STOPS if s not in lang_vi.TITLE_STOPS_NOT_VERBS)
    + r")\b"
)
TITLE_END = re.compile(
    r"[;\n()]|\.(?:\s|$)|\s"
    + _STOPS
    + r"|\s(?:"
    + "|".join(lang_vi.CREDIT_WORDS)
    + r")\s*:"
    + r"|\s+và\s+(?:"
    + "|".join(re.escape(w) for w in lang_vi.AWARD_WORDS)
    + r")\b"
    + r"|\s+(?:và|cùng)\s+(?:hơn\s+|gần\s+|khoảng\s+)?\d"  # "… xã X và 120 đại biểu"
    + r"|(?:,|\s+và)\s*(?:"
    + "|".join(
        re.escape(c)
        for c in sorted(lang_vi.PERSON_CUES + lang_vi.GROUP_CUES, key=len, reverse=True)
    )
    + r")\s"
)
# A stop between a title and the name after it: the title is someone else's ("…Huyện ủy tặng hoa
# chúc mừng đồng chí A": the title is not A's).
_ACTS_FOLLOW = re.compile(r"\s*[-–,:]?\s*" + _VERB_STOPS)
_STOP_INSIDE = re.compile(r"(?:^|\s)" + _STOPS)
# "có các Đại biểu Quốc hội: A, B và C": a title, a colon, then names separated by commas or "và".
_LIST_COLON = re.compile(r":[ \t]*")
_LIST_LEAD = re.compile(r"\s*(?:(?:có|gồm|cùng|với)\s+)?(?:các|những)\s+")
_LIST_GAP = re.compile(r"\s*(?:,|\bvà\b)\s*")
_NEXT_NAME = re.compile(r",\s*(?=[^\W\d_])")
# Between a name and its title: a dash, a comma, a colon or "(" ("ông A (Phó Chủ tịch …)"), after
# a note of where the person stands in the photo ("ông A (bên phải), Chủ tịch …").
_LEAD_SEPARATOR = re.compile(
    r"(?:\s*\((?:"
    + "|".join(re.escape(w) for w in lang_vi.PHOTO_POSITIONS)
    + r")\b[^()]{0,40}\))?\s*[-–—,:(]?\s*"
)
_DISMISSAL = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(v) for v in lang_vi.DISMISSAL_VERBS)
    + r")\s+(?:(?:"
    + "|".join(re.escape(o) for o in lang_vi.DISMISSAL_OBJECTS)
    + r")\s+)?"
)
_DISMISSED = re.compile(
    r"\s+(?:"
    + "|".join(re.escape(w) for w in lang_vi.DISMISSAL_PERSONS)
    + r")\s+(?:"
    + "|".join(re.escape(c) for c in sorted(lang_vi.PERSON_CUES, key=len, reverse=True))
    + r")?\s*$"
)
# "… gồm 9 đồng chí:", "… gồm các đồng chí:", "… đó là:": a list of persons follows (a body's
# members, or those an election chose).
LIST_INTRO = re.compile(
    r",?\s+(?:gồm|đó là)(?:\s+có)?(?:\s+\d+)?(?:\s+(?:các\s+)?(?:đồng chí|đ/c|ông,? bà|ông|bà|người"
    r"|thành viên|ủy viên|hội viên))?\s*:[ \t\n]*"
)
_QUALIFIERS = re.compile(r"\b(?:khóa|khoá|nhiệm kỳ|nhiệm kì)\b.*$|\bmới\b", re.IGNORECASE)
_COMMITTEES = {PG.ExecutiveCommittee, PG.StandingCommittee}
# Bodies whose listed members each hold "Ủy viên" of it.
_MEMBERSHIP_BODIES = _COMMITTEES | {PG.InspectionCommission, PG.FatherlandFront}
_WORD_START = re.compile(r"(?<![\w])\w")
_CUE_INSIDE = re.compile(
    r"\s(?:"
    + "|".join(re.escape(c) for c in sorted(lang_vi.ADDRESS_CUES, key=len, reverse=True))
    + r")\s+"
)
_WORD_BEFORE = re.compile(r"[\w/]+$")
_WORD = re.compile(r"[^\W\d_][\w'’]*|\d+")
# A former holder ("nguyên Chủ tịch …"): the post is still a role of theirs.
_FORMER = re.compile(r"(?:" + "|".join(re.escape(w) for w in lang_vi.FORMER_WORDS) + r")\s+")
_GIVEN_NAME = re.compile(
    r"(?<![\w])(ông|bà|Ông|Bà|đồng chí|Đồng chí)\s+([^\W\d_a-zà-ỹđ][\w']*)(?![\w'])"
)


@dataclass
class Mention:
    name: str | None  # None when only a title refers back to someone
    span: tuple[int, int]  # the name, or the title of a back-reference
    roles: list[Role] = field(default_factory=list)
    cue: str | None = None
    given: str | None = None  # "ông Mạnh": a given name alone refers back too
    member: bool = False  # listed as a member of a body ("… gồm: A, B, C")


_Tokens = list[tuple[int, int]]  # words, each as [start, end)
_Run = tuple[int, int, _Tokens]  # a run of words: [start, end) and its words


@lru_cache(maxsize=32)  # the finders each walk the same report's runs
def _runs(text: str) -> list[_Run]:
    """Capitalised word runs: [start, end) and their tokens."""
    runs: list[_Tokens] = []
    current: _Tokens = []
    for match in _TOKEN.finditer(text):
        token = (match.start(), match.end())
        if not match.group()[0].isupper():
            if current:
                runs.append(current)
            current = []
            continue
        if current and text[current[-1][1] : token[0]] not in (" ", "\u00a0"):
            runs.append(current)
            current = []
        current.append(token)
    if current:
        runs.append(current)
    return [(r[0][0], r[-1][1], r) for r in runs]


class _Spans:
    """Sorted, non-overlapping spans, asked "which covers this position?" in log time (reports
    can be long; a scan per question would make reading them quadratic)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def covers(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]

    def any_start_in(self, lo: int, hi: int) -> bool:
        i = bisect_left(self.starts, lo)
        return i < len(self.starts) and self.starts[i] < hi

    def last_end_before(self, pos: int, default: int) -> int:
        i = bisect_right(self.starts, pos)
        return max((e for _, e in self.spans[max(0, i - 3) : i] if e <= pos), default=default)


def _names_a_unit(name: str) -> bool:
    """Whether a commune, district or province goes by ``name``."""
    units = admin_units()
    return any(units.names_a_unit(level, name) for level in ("commune", "district", "province"))


def _is_surname(folded_token: str) -> bool:
    return folded_token in lang_vi.SURNAMES or folded_token.startswith("h'")


def named_bodies(
    text: str, start: int, end: int, vocabulary: Vocabulary
) -> Iterator[tuple[int, tuple[BodyType, str]]]:
    """Each capitalised word of text[start:end] at which a body's name begins, with what
    ``vocabulary.body_type`` reads from there to ``end``: (offset, (body type, rest))."""
    for word in _WORD_START.finditer(text, start, end):
        if text[word.start()].isupper():
            found = vocabulary.body_type(text[word.start() : end])
            if found:
                yield word.start(), found


@lru_cache(maxsize=8)
def _level_pattern(levels: tuple[str, ...]) -> re.Pattern[str]:
    """Level words, longest first ("khu dân cư" before "khu"), as whole words."""
    return re.compile(
        r"(?<![\w/])(?:"
        + "|".join(re.escape(w) for w in sorted(levels, key=len, reverse=True))
        + r")(?![\w/])"
    )


def _shared_title_of_a_list(rt: ReportText, mentions: list[Mention]) -> None:
    """ "Các đồng chí A, B - Phó Chủ tịch UBND huyện": names listed after a plural cue, the last
    one followed by a title, all hold it."""
    named = [m for m in mentions if m.name is not None]
    for index, mention in enumerate(named):
        if mention.cue not in lang_vi.PLURAL_CUES or mention.roles:
            continue
        listed = [mention]
        for following in named[index + 1 :]:
            if not _LIST_GAP.fullmatch(rt.folded[listed[-1].span[1] : following.span[0]]):
                break
            listed.append(following)
            if following.roles:
                for earlier in listed[:-1]:
                    earlier.roles = list(following.roles)
                break


def _name_variants_as_written_in_full(mentions: list[Mention]) -> None:
    """ "Lê Hoa" in a caption is "Lê Thị Hoa" named in full elsewhere: the same name less a
    middle name that only marks sex (``lang_vi.DROPPABLE_MIDDLE_NAMES``)."""
    full: dict[tuple[str, ...], str] = {}
    for mention in mentions:
        if mention.name is None:
            continue
        words = tuple(fold(mention.name).split())
        for i in range(1, len(words) - 1):
            if words[i] in lang_vi.DROPPABLE_MIDDLE_NAMES:
                full.setdefault(words[:i] + words[i + 1 :], mention.name)
    for mention in mentions:
        if mention.name is not None:
            mention.name = full.get(tuple(fold(mention.name).split()), mention.name)


class MentionFinder:
    def __init__(self, titles: TitleParser) -> None:
        self.titles = titles
        self.level_pattern = _level_pattern(tuple(titles.completer.levels))
        self.level_words_max = max((len(w.split()) for w in titles.completer.levels), default=1)
        # A run right after a body's name names its place: "Quận ủy Ninh Kiều", "Chi bộ Nam Phong".
        self.place_heads = tuple(
            sorted(
                {label for label, _ in titles.lexicon.vocabulary.body_labels}
                | set(lang_vi.PLACE_HEADS),
                key=len,
                reverse=True,
            )
        )

    def find(self, rt: ReportText) -> list[Mention]:
        self.titles.learn_terms(rt.text, rt.folded)
        mentions = []
        for start, end, tokens in _runs(rt.text):
            mention = self._name_mention(rt, start, end, tokens)
            if mention is not None:
                mentions.append(mention)
        mentions += self._listed(rt, mentions)
        mentions += self._titled_list(rt, mentions)
        mentions += self._membership_list(rt, mentions)
        named = [m.span for m in mentions]
        mentions += self._title_references(rt, named)
        mentions += self._given_name_references(rt, named)
        mentions.sort(key=lambda m: m.span)
        _shared_title_of_a_list(rt, mentions)
        _name_variants_as_written_in_full(mentions)
        return mentions

    # -- names -----------------------------------------------------------------------------
    def _name_mention(
        self, rt: ReportText, start: int, end: int, tokens: _Tokens
    ) -> Mention | None:
        folded = rt.folded
        words = [folded[s:e] for s, e in tokens]
        before = folded[max(0, start - _CUE_REACH) : start]
        cue = _CUE.search(before)
        # A place or a body may run straight into a name: "Trưởng thôn Làng Mới Bàn Văn Sơn".
        after_unit = False
        if not cue:
            # "Chủ tịch HĐND tỉnh Đắk Nông Rcăm H'Ly": a unit the gazetteer knows, then a name,
            # whose family the surname list may not hold.
            unit_words = self._unit_words_before_name(before, rt.text, tokens)
            if unit_words:
                after_unit = True
                tokens, words, start = (
                    tokens[unit_words:],
                    words[unit_words:],
                    tokens[unit_words][0],
                )
                before = folded[max(0, start - _CUE_REACH) : start]
            else:
                for i in range(1, len(tokens) - 1):
                    # "… Tỉnh ủy Cao Thị Kim Liên": no place ends in "Thị" or "Văn"; the run is
                    # a name. "Chủ tịch Hội LHPN Nguyễn Thị Hoa": the body's abbreviation ends it.
                    if (
                        _is_surname(words[i])
                        and 2 <= len(tokens) - i <= 5
                        and self._after_place(before)
                        and words[i - 1] not in lang_vi.DROPPABLE_MIDDLE_NAMES
                        and not self._no_unit_before_name(
                            before, rt.text[tokens[0][0] : tokens[i - 1][1]], words
                        )
                    ) or self._name_after_abbreviated_body(rt.text, tokens, words, i):
                        tokens, words, start = tokens[i:], words[i:], tokens[i][0]
                        before = folded[max(0, start - _CUE_REACH) : start]
                        break
        # A capitalised cue opens a sentence: "Ông Lê Văn Thắng", "Bà H'Nga Byă".
        if (
            len(words) > 2
            and words[0] in lang_vi.CAPITAL_CUES
            and (words[0] != "đồng" or words[1] == "chí")
        ):
            tokens, words = tokens[1:], words[1:]
            start = tokens[0][0]
            before = folded[max(0, start - _CUE_REACH) : start]
            cue = _CUE.search(before)
        # Title and body words are never part of a name, and a run they lead is a body's name
        # ("Huyện Đoàn Phong Điền"); a name ends before them ("Đoàn Chủ tịch" is the presidium).
        if words and words[0] in lang_vi.NOT_NAME_WORDS and not _is_surname(words[0]) and not cue:
            return None
        # "Bí thư Đoàn Thanh niên": a run that opens a body's name ("Đoàn" is a surname too).
        if (
            _is_surname(words[0])
            and self.titles.completer.v.body_type(rt.text[start : end + 40]) is not None
        ):
            return None
        # "Ông Dương Văn A CT MTTQ": an abbreviation in capitals ends a name (unless the whole run
        # is in capitals, as a headline may be).
        if not rt.text[tokens[0][0] : tokens[0][1]].isupper():
            for i in range(1, len(tokens)):
                token = rt.text[tokens[i][0] : tokens[i][1]]
                # "P.CT"
                initial = len(token) == 1 and rt.text[tokens[i][1] : tokens[i][1] + 1] == "."
                if (len(token) > 1 and token.isupper()) or initial:
                    tokens, words = tokens[:i], words[:i]
                    break
        for i in range(1, len(words)):
            if words[i] in lang_vi.NOT_NAME_WORDS:
                # "các đồng chí: Lê Bá Niên – Ủy viên …": a name's last syllable may be a title
                # word; announced by a cue and followed by a title, it is the name's.
                if (
                    i == len(words) - 1
                    and cue
                    and (
                        self._title_after(rt, tokens[-1][1])
                        or self._level_word_with_no_name(rt, tokens[-1])
                    )
                ):
                    break
                tokens, words = tokens[:i], words[:i]
                break
        if not 2 <= len(tokens) <= 5 or " ".join(words) in lang_vi.NOT_NAMES:
            return None
        start, end = tokens[0][0], tokens[-1][1]
        before = folded[max(0, start - _CUE_REACH) : start]
        cue = _CUE.search(before)
        if any(w in lang_vi.NOT_NAME_WORDS and not _is_surname(w) for w in words[:1]):
            return None
        if cue is None and not after_unit:
            if not _is_surname(words[0]):
                return None
            after_place = self._after_place(before)
            # Place names have two syllables as a rule; "Bí thư Đảng ủy xã Võ Đức Hạnh" names a
            # person right after the commune's level word.
            ethnic = words[0].startswith("h'") or (words[0] == "y" and len(tokens) >= 3)
            if (
                after_place
                and not ethnic
                and (len(tokens) < 3 or not self._title_before(rt, start))
            ):
                return None
        roles = (
            self._title_after(rt, end)
            or self._title_before(rt, start)
            or self._title_dismissed(rt, start)
        )
        if (
            cue is None
            and not roles
            and not self._acts_follow(folded, end)
            and not self._former(rt, end)
        ):
            return None
        return Mention(rt.text[start:end], (start, end), roles, cue.group(1) if cue else None)

    def _unit_words_before_name(self, before: str, text: str, tokens: _Tokens) -> int:
        """How many words of a run after a level word name a unit, when two to four words are
        left for a name; 0 when none does."""
        level = self._level_before(before)
        if level not in ("commune", "district", "province"):
            return 0
        units = admin_units()
        for count in range(len(tokens) - 2, 0, -1):
            if len(tokens) - count > 4 or (
                count == 1 and _is_surname(fold(text[tokens[0][0] : tokens[0][1]]))
            ):
                # "Bí thư Đảng ủy xã Phan Văn A": one syllable that is a surname starts a name
                break
            if units.names_a_unit(level, text[tokens[0][0] : tokens[count - 1][1]]) or (
                level == "district"
                and units.names_a_unit("province", text[tokens[0][0] : tokens[count - 1][1]])
            ):
                return count
        return 0

    @staticmethod
    def _name_after_abbreviated_body(text: str, tokens: _Tokens, words: list[str], i: int) -> bool:
        """Whether a run led by a body's word ("Hội LHPN Nguyễn Thị Hoa") turns into a name at
        token ``i``: right after the body's abbreviation in capitals, three to five syllables
        from a surname, which name no unit (a place after a body's name has two, as a rule)."""
        abbreviation = text[tokens[i - 1][0] : tokens[i - 1][1]]
        if not (
            words[0] in lang_vi.NOT_NAME_WORDS
            and len(abbreviation) > 1
            and abbreviation.isupper()
            and _is_surname(words[i])
            and 3 <= len(tokens) - i <= 5
        ):
            return False
        return not _names_a_unit(text[tokens[i][0] : tokens[-1][1]])

    def _level_before(self, before: str) -> str | None:
        """The level of the longest level word that ``before`` ends with."""
        words = before.split()
        levels = self.titles.completer.levels
        for count in range(min(len(words), self.level_words_max), 0, -1):
            level = levels.get(" ".join(words[-count:]))
            if level:
                return level
        return None

    def _no_unit_before_name(self, before: str, head: str, words: list[str]) -> bool:
        """ "Chủ tịch HĐND thành phố Khổng Trần Bảo An": after a level word, a run whose first
        words name no unit of that level is a name of its own (four syllables, two surnames)."""
        if len(words) > 5 or not _is_surname(words[0]):
            return False
        if self._level_before(before) not in ("commune", "district", "province"):
            return False
        return not _names_a_unit(head)

    def _after_place(self, before: str) -> bool:
        tail = " " + before.rstrip()
        return any(tail.endswith(" " + w) for w in self.place_heads)

    @staticmethod
    def _acts_follow(folded: str, end: int) -> bool:
        after = folded[end : end + 40]
        return _ACTS_FOLLOW.match(after) is not None

    def _former(self, rt: ReportText, end: int) -> bool:
        """ "Lương Thị Ngọc – nguyên Phó Chủ tịch UBND huyện": a person, though the post is past."""
        lead = _LEAD_SEPARATOR.match(rt.folded, end)
        assert lead is not None  # the pattern matches the empty string
        former = _FORMER.match(rt.folded, lead.end())
        return former is not None and self.titles.starts_with_post(
            rt.folded[former.end() : former.end() + 80]
        )

    def _title_after(self, rt: ReportText, end: int) -> list[Role]:
        lead = _LEAD_SEPARATOR.match(rt.folded, end)
        assert lead is not None  # the pattern matches the empty string
        start = lead.end()
        former = _FORMER.match(rt.folded, start)
        if former and self.titles.starts_with_post(rt.folded[former.end() : former.end() + 80]):
            start = former.end()  # "A - nguyên Bí thư Huyện ủy": a post held before is A's too
        if not self.titles.starts_with_post(rt.folded[start : start + 80]):
            return []
        stop = TITLE_END.search(rt.folded, start)
        # "A, Ủy viên Ban Thường vụ Tỉnh ủy; Phó Chủ tịch HĐND tỉnh; B, …": a part after a
        # semicolon that is a title naming nobody is one more part of A's.
        while stop is not None and stop.group() == ";":
            after = (
                stop.end() + len(rt.folded[stop.end() :]) - len(rt.folded[stop.end() :].lstrip(" "))
            )
            if not self.titles.starts_with_post(rt.folded[after : after + 80]):
                break
            following = TITLE_END.search(rt.folded, after)
            segment_end = following.start() if following else len(rt.text)
            if self._names_someone(rt, after, segment_end) or (
                following is not None and following.group()[:1] not in (";", ".", "\n")
            ):
                break  # "…; Thường trực Đảng ủy, các đồng chí …": a new item of a list of guests
            stop = following
        finish = self._next_person(rt, start, stop.start() if stop else len(rt.text))
        finish = self._grammar_end(rt, start, finish)
        return self.titles.parse(rt.text[start:finish], rt.folded[start:finish], start)

    def _grammar_end(self, rt: ReportText, start: int, finish: int) -> int:
        """Where a title's grammar cannot go on: after a level word only a unit's name, a number,
        another level word or a qualifier may follow ("… HĐND tỉnh gặp mặt …" ends at "tỉnh"),
        and a word glued to the next sentence's capital ends it ("… UBND tỉnhTham gia …")."""
        text = rt.text
        glued = next(
            (
                i
                for i in range(start + 1, finish - 1)
                if text[i].isupper() and text[i - 1].islower() and text[i + 1].islower()
            ),
            None,
        )
        if glued is not None:
            finish = glued
        # "… chủ tịch Hội đồng nhân dân ông Phan Văn A …": the next person, with no comma.
        cued = next(
            (
                c.start()
                for c in _CUE_INSIDE.finditer(rt.folded, start, finish)
                if text[c.end() : c.end() + 1].isupper()
            ),
            None,
        )
        if cued is not None:
            finish = cued
        # "… Chủ tịch HĐND xã, ban ngành đoàn thể xã, …": after a unit, a comma not followed by a
        # post ends the title (a body's own commas come earlier: "Sở Văn hóa, Thể thao và Du lịch").
        for comma in re.finditer(",", rt.folded[start:finish]):
            at = start + comma.start()
            before = _WORD_BEFORE.search(rt.folded, max(start, at - 30), at)
            after = rt.folded[at + 1 : at + 81].lstrip()
            if (
                before
                and (
                    self.level_pattern.fullmatch(before.group())
                    or text[before.start()].isupper()
                    or before.group().isdigit()
                )
                and self._unit_before(rt, start, at)
                and not self.titles.starts_with_post(after)
            ):
                finish = at
                break
        for word in self.level_pattern.finditer(rt.folded, start, finish):
            if not rt.text[word.start()].islower():
                continue  # "Phường 3", "Khu Kinh tế": a name, not a level word
            named = self._person_after_unit(rt, word, finish)
            if named is not None:
                # "A – Phó Chủ tịch UBND tỉnh và chủ tịch UBND huyện X Lê Văn B": the part before
                # B's name is B's title, not A's.
                separator = max(
                    rt.folded.rfind(" và ", start, word.start()),
                    rt.folded.rfind(",", start, word.start()),
                )
                return separator if separator > start else named
            following = (
                _WORD.match(rt.folded, word.end() + 1, finish)
                if rt.folded[word.end() : word.end() + 1] == " "
                else None
            )
            if (
                following is None
                or rt.text[following.start()].isupper()
                or following.group().isdigit()
            ):
                continue
            if (
                self.level_pattern.match(rt.folded, following.start())
                or following.group() in lang_vi.AFTER_LEVEL_WORDS
            ):
                continue
            return word.end()
        return finish

    def _person_after_unit(self, rt: ReportText, level_word: re.Match, finish: int) -> int | None:
        """Where a person's name starts right after the unit a level word names ("huyện Hương Sơn
        Lê Văn B"), within [level word, finish); None when none does."""
        run = next((r for r in _runs(rt.text[level_word.end() : finish]) if r[0] <= 1), None)
        if run is None:
            return None
        offset = level_word.end()
        tokens = [(offset + a, offset + b) for a, b in run[2]]
        count = self._unit_words_before_name(
            rt.folded[max(0, level_word.end() - 30) : level_word.end()] + " ", rt.text, tokens
        )
        if not count or not _is_surname(rt.folded[tokens[count][0] : tokens[count][1]]):
            return None
        return tokens[count][0]

    def _level_word_with_no_name(self, rt: ReportText, token: tuple[int, int]) -> bool:
        """ "đồng chí Nguyễn Văn Phường chi bộ …": a level word ending a run, with no unit's name
        or number after it, is a syllable of the name."""
        if not self.level_pattern.fullmatch(rt.folded, token[0], token[1]):
            return False
        following = rt.text[token[1] : token[1] + 3].lstrip()[:1]
        return not (following.isupper() or following.isdigit())

    def _unit_before(self, rt: ReportText, start: int, at: int) -> bool:
        """Whether [start, at) ends with a unit: a level word in lower case, then only a name
        (capitalised words or a number): "… xã", "… huyện Can Lộc", "… Phường 4"."""
        levels = [
            m
            for m in self.level_pattern.finditer(rt.folded, start, at)
            if rt.text[m.start()].islower()
        ]
        if not levels or rt.folded[
            max(0, levels[-1].start() - 3) : levels[-1].start()
        ].rstrip().endswith(","):
            return False  # "phòng Quận, huyện, thị": level words listed, no unit
        name = rt.text[levels[-1].end() : at].split()
        return all(w[:1].isupper() or w.isdigit() for w in name)

    def _names_someone(self, rt: ReportText, start: int, end: int) -> bool:
        """Whether [start, end) holds a run that reads as a person's name."""
        for _, _, tokens in _runs(rt.text[start:end]):
            words = [rt.folded[start + a : start + b] for a, b in tokens]
            if (
                2 <= len(tokens) <= 5
                and _is_surname(words[0])
                and not any(w in lang_vi.NOT_NAME_WORDS for w in words)
            ):
                return True
        return False

    def _next_person(self, rt: ReportText, start: int, finish: int) -> int:
        """Where a title ends because the next person begins, unannounced: "…, Lê Văn A – Phó
        Bí thư" (a comma, a name, then a title of its own)."""
        for comma in _NEXT_NAME.finditer(rt.folded, start, finish):
            run = next(
                (r for r in _runs(rt.text[comma.end() : comma.end() + 60]) if r[0] == 0), None
            )
            if run is None or not 2 <= len(run[2]) <= 5:
                continue
            name_end = comma.end() + run[1]
            if not _is_surname(rt.folded[comma.end() : comma.end() + run[2][0][1]]):
                continue
            lead = _LEAD_SEPARATOR.match(rt.folded, name_end)
            assert lead is not None  # the pattern matches the empty string
            if lead.end() > name_end and self.titles.starts_with_post(
                rt.folded[lead.end() : lead.end() + 80]
            ):
                return comma.start()
        return finish

    def _title_dismissed(self, rt: ReportText, start: int) -> list[Role]:
        """ "miễn nhiệm chức danh Chủ tịch UBND huyện, cho thôi làm nhiệm vụ đại biểu HĐND huyện
        đối với đồng chí A": each post named after a dismissal verb was A's."""
        window_start = max(0, start - 300)
        lead = _DISMISSED.search(rt.folded, window_start, start)
        if lead is None:
            return []
        sentence = max(
            rt.folded.rfind(mark, window_start, lead.start()) for mark in (".", ";", "\n")
        )
        verbs = list(_DISMISSAL.finditer(rt.folded, sentence + 1, lead.start()))
        roles: list[Role] = []
        # With no verb the second list still holds its None: zip stops at the shorter.
        for verb, following in zip(verbs, [*verbs[1:], None], strict=False):
            finish = following.start() if following else lead.start()
            title = rt.folded[verb.end() : finish].rstrip(" ,")
            stop = TITLE_END.search(title)
            finish = verb.end() + (stop.start() if stop else len(title))
            if self.titles.starts_with_post(rt.folded[verb.end() : finish]):
                roles += self.titles.parse(
                    rt.text[verb.end() : finish], rt.folded[verb.end() : finish], verb.end()
                )
        return roles

    def _title_before(self, rt: ReportText, start: int) -> list[Role]:
        window_start = max(0, start - 160)
        window = rt.folded[window_start:start]
        breaks = list(_CLAUSE_BREAK.finditer(window))
        clause = window_start + (breaks[-1].end() if breaks else 0)
        stops = list(_STOP_INSIDE.finditer(rt.folded, clause, start))
        if stops:
            clause = stops[-1].end()
        text = rt.folded[clause:start]
        cue = re.match(
            r"\s*(?:" + "|".join(re.escape(c) for c in lang_vi.PERSON_CUES) + r"|tân)\s+", text
        )
        if cue:
            clause += cue.end()
        clause += len(rt.folded[clause:start]) - len(rt.folded[clause:start].lstrip())
        if not self.titles.starts_with_post(rt.folded[clause:start]):
            return []
        # "Bí thư Chi bộ, Trưởng thôn Làng Mới Bàn Văn
        # Sơn": earlier parts of the title end in commas.
        while rt.folded[clause - 2 : clause] == ", " or rt.folded[clause - 1 : clause] == ",":
            comma = rt.folded.rfind(",", 0, clause)
            previous = list(_CLAUSE_BREAK.finditer(rt.folded[max(0, comma - 80) : comma]))
            head = max(0, comma - 80) + (previous[-1].end() if previous else 0)
            # "Đoàn … do Ủy viên …, Bí thư …"
            stops = list(_STOP_INSIDE.finditer(rt.folded, head, comma))
            head = stops[-1].end() if stops else head
            head += len(rt.folded[head:comma]) - len(rt.folded[head:comma].lstrip())
            if head >= comma or not self.titles.starts_with_post(rt.folded[head:comma]):
                break
            clause = head
        return self.titles.parse(rt.text[clause:start], rt.folded[clause:start], clause)

    def _listed(self, rt: ReportText, found: list[Mention]) -> list[Mention]:
        """Bare names listed after a named person: "gồm các đồng chí: A, B, Đỗ Quân"."""
        extra: list[Mention] = []
        spans = {m.span for m in found}
        index = _Spans(spans)
        previous = -10
        for start, end, tokens in _runs(rt.text):
            previous = max(previous, index.last_end_before(start, -10))
            if (start, end) in spans or not 2 <= len(tokens) <= 5:
                continue
            gap = rt.folded[max(0, start - 6) : start]
            if (
                start - previous <= 6
                and re.fullmatch(r".*?(?:,|\bvà)\s*", gap)
                and _is_surname(rt.folded[tokens[0][0] : tokens[0][1]])
            ):
                extra.append(Mention(rt.text[start:end], (start, end), self._title_after(rt, end)))
                previous = end
        return extra

    def _membership_list(self, rt: ReportText, found: list[Mention]) -> list[Mention]:
        """Names listed after a body and "gồm" are its members: "bầu Ban Chấp hành Hội Nông dân xã
        X gồm 9 đồng chí: A, B và C" → each is "Ủy viên Ban Chấp hành" of "Hội Nông dân xã X"."""
        extra: list[Mention] = []
        by_span = {m.span: m for m in found}
        runs = _runs(rt.text)
        vocabulary = self.titles.lexicon.vocabulary
        for listed in LIST_INTRO.finditer(rt.folded):
            window = max(0, listed.start() - 120)
            clause = max(
                rt.folded.rfind(mark, window, listed.start()) for mark in (".", ";", "\n", ":")
            )
            head = next(
                (
                    at
                    for at, _ in named_bodies(
                        rt.text, max(window, clause + 1), listed.start(), vocabulary
                    )
                ),
                None,
            )
            if head is None:
                continue
            body = rt.text[head : listed.start()].rstrip(" ,")
            title = self._member_title(body)
            if title is None:
                continue
            roles = [
                Role(body, (head, head + len(body)), role.post, self._own_body(body, role.org))
                for role in self.titles.parse(title, fold(title), 0)
                if role.org
            ]
            if not roles:
                continue
            for start, end in self._names_listed(rt, runs, listed.end()):
                mention = by_span.get((start, end))
                if mention is None:
                    extra.append(
                        Mention(rt.text[start:end], (start, end), list(roles), member=True)
                    )
                elif (
                    not mention.roles
                ):  # "gồm 5 đồng chí: A, …": named after a cue, a member all the same
                    mention.roles, mention.member = list(roles), True
        return extra

    def _member_title(self, body: str) -> str | None:
        """What a member of a listed body holds: "Ủy viên" of a committee ("Ủy viên Ban Chấp
        hành Hội Nông dân xã X"); a deputy of the council or assembly a delegate group belongs to
        ("Tổ đại biểu HĐND tỉnh gồm: A, B": "Đại biểu HĐND tỉnh"); None for any other body."""
        found = self.titles.completer.body_of(body)
        if found is None:
            return None
        if found[0].org_class == PG.DelegateGroup:
            assembly = "Quốc hội" if "quốc hội" in fold(body) else "HĐND"
            words = found[1].split()
            unit = words[:1] + list(itertools.takewhile(lambda w: w[:1].isupper(), words[1:]))
            # "tỉnh", not "tỉnh ứng cử tại …"
            return f"Đại biểu {assembly} {' '.join(unit)}".strip()
        return f"Ủy viên {body}" if found[0].org_class in _MEMBERSHIP_BODIES else None

    def _own_body(self, body: str, org: str) -> str:
        """ "Ban Chấp hành khóa mới gồm …": a committee named by no body is the organiser's."""
        named = self.titles.completer.body_of(_QUALIFIERS.sub("", body).strip())
        organiser = self.titles.completer.organiser_name
        if named and not named[1] and named[0].org_class in _COMMITTEES and organiser:
            return organiser
        return org

    @staticmethod
    def _names_listed(rt: ReportText, runs: list[_Run], position: int) -> Iterator[tuple[int, int]]:
        """The names listed from ``position`` on, separated by commas or "và"."""
        previous = position
        for start, end, tokens in runs:
            if start < previous:
                continue
            gap = rt.folded[previous:start]
            if not (start == position and not gap.strip()) and not _LIST_GAP.fullmatch(gap):
                break
            # The list says these are names: no surname needed (not every family is listed in
            # lang_vi), only no title or body word.
            if not 2 <= len(tokens) <= 5 or any(
                rt.folded[a:b] in lang_vi.NOT_NAME_WORDS for a, b in tokens
            ):
                break
            yield start, end
            previous = end

    def _titled_list(self, rt: ReportText, found: list[Mention]) -> list[Mention]:
        """Names listed after a title and a colon hold that title: "có các Đại biểu Quốc hội: A,
        B và C"."""
        extra: list[Mention] = []
        spans = {m.span for m in found}
        runs = _runs(rt.text)
        for colon in _LIST_COLON.finditer(rt.folded):
            window_start = max(0, colon.start() - 80)
            breaks = list(_CLAUSE_BREAK.finditer(rt.folded, window_start, colon.start()))
            head = breaks[-1].end() if breaks else window_start
            lead = _LIST_LEAD.match(rt.folded, head, colon.start())
            head = lead.end() if lead else head
            title = rt.folded[head : colon.start()].strip()
            if not title or not self.titles.starts_with_post(title):
                continue
            roles = self.titles.parse(rt.text[head : colon.start()].strip(), title, head)
            for start, end in self._names_listed(rt, runs, colon.end()):
                if (start, end) not in spans:
                    extra.append(Mention(rt.text[start:end], (start, end), list(roles)))
        return extra

    # -- references -------------------------------------------------------------------------
    def _given_name_references(self, rt: ReportText, named: list[tuple[int, int]]) -> list[Mention]:
        """ "Ông Mạnh đã thông tin…": a cue and one capitalised word, the given name of someone
        named in full elsewhere."""
        out = []
        index = _Spans(named)
        for match in _GIVEN_NAME.finditer(rt.text):
            start, end = match.span(2)
            if index.covers(start) or rt.text[end : end + 2].strip()[:1].isupper():
                continue
            if rt.folded[start:end] in lang_vi.NOT_NAME_WORDS or self.titles.starts_with_post(
                rt.folded[start : start + 60]
            ):
                continue  # "đồng chí Bí thư …" is a title, not a given name
            out.append(Mention(None, (start, end), [], match.group(1).lower(), rt.text[start:end]))
        return out

    # -- titles alone ----------------------------------------------------------------------
    def _title_references(self, rt: ReportText, named: list[tuple[int, int]]) -> list[Mention]:
        out = []
        pattern = re.compile(
            r"(?:^|(?<=[\s,(]))(đồng chí|đ/c|ông|bà|tân)\s+(?=\S)"
            r"|(?:^|(?<=\n)|(?<=[.;,]\s))()(?=\S)"
        )
        index = _Spans(named)
        for match in pattern.finditer(rt.folded):
            start = match.end()
            clause_start = match.group(1) is None
            if index.covers(start):
                continue
            if not self.titles.starts_with_post(rt.folded[start : start + 80]):
                continue
            stop = TITLE_END.search(rt.folded, start)
            finish = stop.start() if stop else len(rt.text)
            # A name after the title makes it a named mention, found already.
            if index.any_start_in(start, finish + 2):
                continue
            # Without a cue word, a title opening a clause refers to someone only when an act
            # follows it: "Dịp này, Chủ tịch UBND xã trao Giấy khen".
            if clause_start and not (stop and stop.group().strip() and stop.group()[0] == " "):
                continue
            roles = self.titles.parse(rt.text[start:finish], rt.folded[start:finish], start)
            if roles:
                out.append(Mention(None, (start, finish), roles, match.group(1)))
        return out
