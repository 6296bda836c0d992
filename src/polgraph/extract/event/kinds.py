"""The kind of event (conference, congress, council session, voter meeting, working visit,
ceremony or other): ``find_event_kind`` reads what the opening verb holds, then the headline, then
the first sentences. The phrases that name each kind are the event-kind vocabulary's
(``ontology/vocab/event-kinds.ttl``, read through the lexicon); here is how they are matched."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from polgraph.extract.lexicon import EventKindWords, Lexicon, lexicon
from polgraph.text.view import ReportText, fold

from .layout import ReportLayout
from .organiser import _DELEGATION

# A gapped phrase ("kiểm tra … tại"): its second part in the same clause, at most 60 characters on.
_GAP = r"[^.;\n]{0,60}?"
# Voter meetings and visits qualify other words ("tiếp xúc cử tri trước Kỳ họp"), so they win;
# among the rest the earliest phrase wins, the longest of those that start at one place ("lễ hội"
# before "lễ").
_PRIORITY_KINDS = ("voter_meeting", "working_visit")


@dataclass(frozen=True)
class _KindPatterns:
    anywhere: dict[str, re.Pattern[str]]  # kind → its phrases, in a headline or a sentence
    object_head: dict[str, re.Pattern[str]]  # kind → what the opening verb's object starts with
    verb: dict[str, re.Pattern[str]]  # kind → the opening verb itself


def phrase(cue: str) -> str:
    """A phrase as a regex: whole words; "A … B" is A, then B further on in the same clause."""
    parts = [re.escape(part.strip()) for part in cue.split("…")]
    return r"(?<!\w)" + (r"(?!\w)" + _GAP + r"(?<!\w)").join(parts) + r"(?!\w)"


def _either(cues: tuple[str, ...], not_after: tuple[str, ...]) -> str:
    # "Nghị quyết Đại hội", "tiến tới Đại hội" mention a congress without being one.
    guards = "".join(f"(?<!{re.escape(word)} )" for word in not_after)
    return guards + "(?:" + "|".join(phrase(cue) for cue in cues) + ")"


@cache
def _compile(kinds: tuple[EventKindWords, ...], prefixes: tuple[str, ...]) -> _KindPatterns:
    """The patterns of the event-kind vocabulary's words (compiled once for each set of words)."""
    lead = (
        r"\s*(?:(?:" + "|".join(re.escape(p) for p in prefixes) + r")\s+)*" if prefixes else r"\s*"
    )
    return _KindPatterns(
        {k.code: re.compile(_either(k.cues, k.not_after)) for k in kinds if k.cues},
        {
            k.code: re.compile(lead + _either(k.object_cues, k.not_after))
            for k in kinds
            if k.object_cues
        },
        {k.code: re.compile(_either(k.verb_cues, k.not_after)) for k in kinds if k.verb_cues},
    )


def kind_patterns(lex: Lexicon | None = None) -> _KindPatterns:
    lex = lex or lexicon()
    return _compile(lex.event_kinds, lex.event_object_prefixes)


def _starting(patterns: dict[str, re.Pattern[str]], text: str) -> str | None:
    """The kind whose phrase ``text`` starts with (the longest, when several do)."""
    found = [
        (len(m.group()), kind) for kind, pattern in patterns.items() if (m := pattern.match(text))
    ]
    return max(found)[1] if found else None


def kind_in(folded: str, lex: Lexicon | None = None) -> str | None:
    patterns = kind_patterns(lex).anywhere
    for kind in _PRIORITY_KINDS:
        if kind in patterns and patterns[kind].search(folded):
            return kind
    best: tuple[int, int, str] | None = None
    for kind, pattern in patterns.items():
        if kind in _PRIORITY_KINDS:
            continue
        match = pattern.search(folded)
        if match and (best is None or (match.start(), -len(match.group())) < best[:2]):
            best = (match.start(), -len(match.group()), kind)
    return best[2] if best else None


def kind_of_opening(rt: ReportText, layout: ReportLayout, lex: Lexicon | None = None) -> str | None:
    if layout.verb is None or layout.opening is None:
        return None
    folded = rt.folded
    patterns = kind_patterns(lex)
    verb = folded[layout.verb[0] : layout.verb[1]]
    kind = _starting(patterns.verb, verb)  # "tiếp xúc cử tri", "làm việc với"
    if kind:
        return kind
    subject = folded[layout.opening[0] : layout.verb[0]]
    obj = folded[layout.verb[1] : min(layout.opening[1], layout.verb[1] + 120)]
    voters = patterns.anywhere.get("voter_meeting")
    if voters and voters.search(obj, 0, 60):
        return "voter_meeting"  # "tổ chức Hội nghị tiếp xúc cử tri"
    kind = _starting(patterns.object_head, obj)  # "tổ chức Lễ đón nhận…"
    if kind:
        return kind
    if _DELEGATION.search(subject):
        return "working_visit"  # "Đoàn công tác … tổ chức …"
    return None


def find_event_kind(layout: ReportLayout, headline: str | None, lex: Lexicon | None = None) -> str:
    """conference | congress | council_session | voter_meeting | working_visit | ceremony | other,
    read from what the opening verb holds, then the headline, then the first sentences."""
    text = layout.text
    kind = kind_of_opening(text, layout, lex)
    if kind:
        return kind
    heads = []
    if headline:
        heads.append(fold(headline))
    if layout.headline:
        heads.append(text.folded[layout.headline[0] : layout.headline[1]])
    for head in heads:
        kind = kind_in(head, lex)
        if kind:
            return kind
    for start, end in layout.sentences[:2]:
        kind = kind_in(text.folded[start:end], lex)
        if kind:
            return kind
    return "other"
