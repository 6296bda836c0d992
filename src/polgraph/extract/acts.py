"""What each person did: cues from the acts vocabulary, found sentence by sentence (the sentences
of ``polgraph.text.layout``) and given to the person the clause is about."""

from __future__ import annotations

import re
from dataclasses import dataclass

from polgraph.extract import lang_vi
from polgraph.extract.lexicon import Lexicon
from polgraph.text.view import ReportText

_NOT_AWARD = re.compile(r"trao đổi|được trao|được tặng|nhận (?:giấy|bằng|quà)")
# "… và các đồng chí tặng huy hiệu 40 năm tuổi Đảng": an unnamed group right before an award with
# no one it is given to ("cho …") is the group awarded, not giving.
_GROUP_AWARDED = re.compile(r"(?:các|những) (?:đồng chí|đảng viên|hội viên|đoàn viên)\s+$")
_GIVEN_TO = re.compile(r"[^.;,]{0,40}?\bcho\b")
# "đồng chí X chi bộ Y tặng huy hiệu 40 năm tuổi Đảng": "tặng" with a badge and no one it is
# given to is X being awarded it ("được" left out), not giving.
_BADGE_RECEIVED = re.compile(r"tặng\s+huy hiệu\b")
# "dự lễ khai mạc", "tại phiên bế mạc": the session named, not someone opening or closing it.
_SESSION_NAMED = re.compile(r"(?<!\w)(?:lễ|phiên|buổi|ngày)\s+$")
_SESSION_CUES = ("khai mạc", "bế mạc")
# "… được nghe đại diện lãnh đạo các đơn vị báo cáo": heard from someone the clause does not
# name (no word in title case between "nghe" and the cue), the act is no named person's.
_HEARD_FROM = re.compile(r"(?<!\w)nghe\s+(?P<speaker>[^.;:]{1,80})$")
# "… nghe lời phát biểu của đồng chí X": the speaker is named after the cue.
_SPEAKER_AFTER = re.compile(r"[^.;:]{0,40}?\bcủa\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"“(])\s*$")
_REASON_BEFORE = re.compile(r"(?<!\w)(?:" + "|".join(lang_vi.REASON_WORDS) + r")\s+$")
_NOT_REPORT = re.compile("|".join(re.escape(w) for w in lang_vi.NOT_REPORT))


@dataclass(frozen=True)
class Cue:
    act: str
    start: int
    end: int


class ActFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.act_of: dict[str, str] = {}
        self.weak_cues = lexicon.weak_cues  # too common as nouns or in other senses to stand alone
        for act, phrases in lexicon.acts.items():
            for phrase in phrases:
                if act == "directive_speech" and "chỉ đạo" not in phrase:
                    continue  # "kết luận" alone is an ordinary speech; a directive says so
                self.act_of.setdefault(phrase, act)
        # One pass per sentence: at each place the longest cue wins.
        alternatives = "|".join(re.escape(p) for p in sorted(self.act_of, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

    def cues(self, rt: ReportText, start: int, end: int) -> list[Cue]:
        """The cues in [start, end), left to right, each the longest one at its place."""
        found: list[Cue] = []
        for match in self.pattern.finditer(rt.folded, start, end):
            phrase = match.group()
            act = self.act_of[phrase]
            s, e = match.span()
            if phrase in self.weak_cues:
                continue
            if act == "awarded" and (
                _NOT_AWARD.search(rt.folded[max(start, s - 5) : e + 6])
                or (
                    (
                        _GROUP_AWARDED.search(rt.folded, max(start, s - 20), s)
                        or _BADGE_RECEIVED.match(rt.folded, s)
                    )
                    and not _GIVEN_TO.match(rt.folded, e, end)
                )
            ):
                continue
            if phrase in _SESSION_CUES and _SESSION_NAMED.search(rt.folded, max(start, s - 8), s):
                continue
            if rt.text[s].isupper() and not _SENTENCE_START.search(rt.text, max(0, s - 3), s):
                continue  # "Phòng Văn hóa và Thông tin": a word of a name, in title case
            if act in ("presented_report", "speech") and not _SPEAKER_AFTER.match(rt.folded, e):
                heard = _HEARD_FROM.search(rt.folded, max(start, s - 90), s)
                if heard and not _names_someone(rt.text[heard.start("speaker") : s]):
                    continue
            if _REASON_BEFORE.search(rt.folded, max(start, s - 5), s):
                continue  # "… do nhận nhiệm vụ mới": a reason, not an act
            if act == "presented_report" and _NOT_REPORT.search(
                rt.folded, max(start, s - 20), e + 20
            ):
                continue
            found.append(Cue(act, s, e))
        return found


def _names_someone(text: str) -> bool:
    """Whether ``text`` has a word in title case, as a name or a named body has ("Nguyễn",
    "Ủy"); "UBND" alone, in capitals, names no one."""
    return any(word[0].isupper() and not word.isupper() for word in text.split())
