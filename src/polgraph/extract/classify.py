"""Whether a fetched page reports a political event, read from its headline and opening alone, so
that a harvest can sort every page of a portal fast: ``classify_page``.

A page is an event report when

- the reader's kind rule (``find_event_kind``: what the opening verb holds, then the headline,
  then the first sentences) names a conference, congress, council session, voter meeting, working
  visit or ceremony, and a political body (a party organisation or committee, a People's Council
  or Committee, the Fatherland Front, a mass organisation, deputies) is named in the headline or
  the first characters; or
- the headline or a first sentence names a festival or contest (the "other" kind) together with
  a political body ("Bí thư Huyện ủy cổ vũ Hội thi …"); or
- the opening shows an event taking place without naming its kind (someone attends or chairs it;
  or something is held and someone speaks at it) and several political bodies are named: the
  leadership at a citizens' reception or a get-together.

It is not one when its headline opens with a kind of document ("Thông báo tuyển dụng …",
"Kế hoạch tổ chức Hội nghị …"), or when the headline names the event only in passing
("chuẩn bị Đại hội") and the opening names that kind without saying it was held: a piece about
a coming congress.

The words come from the SKOS vocabularies through the reader's lexicon: event kinds and the words
they do not follow (``event-kinds.ttl``), body types and their classes (``body-types.ttl``),
document kinds (``document-kinds.ttl``) and the cues of acts (``acts.ttl``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from rdflib import URIRef

from polgraph.extract.event import find_event_kind, lay_out
from polgraph.extract.event.kinds import kind_in, kind_of_opening, kind_patterns, phrase
from polgraph.extract.lexicon import Lexicon, lexicon
from polgraph.namespaces import PG
from polgraph.text.view import ReportText, fold
from polgraph.vocab import Vocabulary, vi_labels

# Only the top of a page is read: the headline and opening say what a report is about, and a
# harvest judges every page of a portal.
_REACH = 1500
# Without a named kind, this many kinds of political body make the event: the leadership turning
# out, not one office giving advice.
_BODIES_WITHOUT_KIND = 3
# The classes of body (and their subclasses) that make an event political. Schools, centres,
# enterprises, government offices, the police, the army and villages hold events too, but alone
# they do not make a page a political report.
_POLITICAL = (
    PG.PartyOrganisation,
    PG.PartyCommittee,
    PG.PartyCell,
    PG.PartyBoard,
    PG.ExecutiveCommittee,
    PG.StandingCommittee,
    PG.PeoplesCouncil,
    PG.CouncilBoard,
    PG.PeoplesCommittee,
    PG.FatherlandFront,
    PG.MassOrganisation,
    PG.Legislature,
    PG.DelegateGroup,
)
# Acts (acts.ttl notations) that show an event by themselves: someone attended or chaired it.
# After the cues of attending, a kind's phrase names the event gone to ("dự Đại hội"), which is
# no mention in passing.
_PRESENCE = ("attended", "chaired")
_ATTENDED = "attended"
# Acts that show one only where something is held: a greeting letter wishes too ("chúc mừng").
_SPEECH = ("speech", "directive_speech")
_OTHER = "other"

_Node = dict[str, "_Node"]  # a trie of words' characters; "" marks a word's end


@dataclass(frozen=True)
class PageVerdict:
    is_event: bool
    kind: str | None  # the event-kind code found ("conference" … "ceremony", "other"), or None
    body: str | None  # the first political body named, as the vocabulary spells its type
    reason: str  # one short phrase, for a harvest's counts of skipped pages


@dataclass(frozen=True)
class _Words:
    """The classifier's words from one lexicon (hashable: they key the compiled patterns)."""

    bodies: tuple[tuple[str, str], ...]  # (folded label, the body type's prefLabel)
    abbreviations: tuple[tuple[str, str], ...]  # (label as written, prefLabel): "HĐND"
    presence: tuple[str, ...]  # folded cues of attending and chairing
    speech: tuple[str, ...]  # folded cues of speaking
    passing: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]  # (kind, guards, cues)


@dataclass(frozen=True)
class _Patterns:
    bodies: re.Pattern[str]  # on folded text
    abbreviations: re.Pattern[str]  # on the text as written
    body_type: dict[str, str]  # a label as matched → prefLabel
    presence: re.Pattern[str]
    speech: re.Pattern[str]
    passing: dict[str, re.Pattern[str]]  # kind → its phrases right after a word of passing


def classify_page(title: str | None, text: str, *, lex: Lexicon | None = None) -> PageVerdict:
    """Whether a page (its headline, and its text as ``read_source`` gives it) reports a
    political event, with the kind and body found and why."""
    lex = lex or lexicon()
    patterns = _compile(_words(lex))
    layout = lay_out(ReportText(text[:_REACH]))
    rt = layout.text
    heads = [(title, fold(title))] if title else []
    if layout.headline:
        start, end = layout.headline
        heads.append((rt.text[start:end], rt.folded[start:end]))
    bodies = _bodies(patterns, [*heads, (rt.text, rt.folded)])
    body = bodies[0] if bodies else None

    if any(lex.kind_pattern.match(folded.lstrip()) for _, folded in heads):
        return PageVerdict(False, None, body, "a document (a notice, a plan), not a report")
    kind = find_event_kind(layout, title, lex)
    if kind != _OTHER:
        passing = patterns.passing.get(kind)
        if (
            passing
            and any(passing.search(folded) and not kind_in(folded, lex) for _, folded in heads)
            and kind_of_opening(rt, layout, lex) != kind
        ):
            return PageVerdict(False, kind, body, "the headline names the event only in passing")
        if body is None:
            return PageVerdict(False, kind, None, "no body named")
        return PageVerdict(True, kind, body, f"a {kind} and a body named")

    # No kind but "other" (or none at all): festivals, contests, receptions, get-togethers.
    opening = [(rt.text[start:end], rt.folded[start:end]) for start, end in layout.sentences]
    # find_event_kind found no other kind in these parts, so an "other" phrase is their kind.
    other = kind_patterns(lex).anywhere.get(_OTHER)
    festive = [part for part in [*heads, *opening[:2]] if other and other.search(part[1])]
    named = _OTHER if festive else None
    if any(_bodies(patterns, [part]) for part in festive):
        return PageVerdict(True, named, body, "a festival or contest and a body named with it")
    held = any(patterns.presence.search(folded) for _, folded in opening) or (
        layout.verb is not None and any(patterns.speech.search(folded) for _, folded in opening)
    )
    if not festive and not held:
        return PageVerdict(False, None, body, "no event kind in the headline or opening")
    if len(set(bodies)) < _BODIES_WITHOUT_KIND:
        return PageVerdict(False, named, body, "no event kind, and too few bodies for an event")
    return PageVerdict(True, named, body, "an event attended by several bodies")


def _bodies(patterns: _Patterns, places: Iterable[tuple[str, str]]) -> list[str]:
    """The political bodies named in ``places`` ((text, folded) pairs), in the order written."""
    found: list[str] = []
    for text, folded in places:
        spans = [(m.start(), m.group()) for m in patterns.bodies.finditer(folded)]
        spans += [(m.start(), m.group()) for m in patterns.abbreviations.finditer(text)]
        found += [patterns.body_type[label] for _, label in sorted(spans)]
    return found


def _words(lex: Lexicon) -> _Words:
    bodies, abbreviations = lex.vocabulary.derived("page-classifier", _political_labels)

    def cues(acts: tuple[str, ...]) -> tuple[str, ...]:
        # Weak cues ("dự") name an act only inside a longer one, as the reader counts them.
        found = {cue for act in acts for cue in lex.acts.get(act, ()) if cue not in lex.weak_cues}
        return tuple(sorted(found))

    attended = set(lex.acts.get(_ATTENDED, ()))
    return _Words(
        bodies,
        abbreviations,
        cues(_PRESENCE),
        cues(_SPEECH),
        tuple(
            (k.code, tuple(w for w in k.not_after if w not in attended), k.cues)
            for k in lex.event_kinds
            if k.cues and set(k.not_after) - attended
        ),
    )


def _political_labels(
    vocabulary: Vocabulary,
) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """The labels of the political body types with each one's prefLabel: folded, and the
    abbreviations as written (matched as written: "ĐU" is no "đu")."""
    ancestors = vocabulary.ancestors()
    political = set(_POLITICAL)

    def is_political(cls: URIRef) -> bool:
        return cls in political or bool(ancestors.get(cls, frozenset()) & political)

    folded: dict[str, str] = {}
    exact: dict[str, str] = {}
    seen: set[URIRef] = set()
    for _, body in vocabulary.body_labels:
        if body.concept in seen or not is_political(body.org_class):
            continue
        seen.add(body.concept)
        for label in vi_labels(vocabulary.vocab, body.concept):
            abbreviation = not any(c.islower() for c in label)
            if len(label.replace(".", "")) < 3 or (" " not in label and not abbreviation):
                # A lone word ("Hội") heads phrases that name no body ("hội nghị", "xã hội"); two
                # letters ("HU", "TT") stand mostly in document numbers or for other words.
                continue
            if abbreviation:
                exact.setdefault(label, body.label)
            else:
                folded.setdefault(fold(label), body.label)
    return tuple(sorted(folded.items())), tuple(sorted(exact.items()))


def _any_of(words: Iterable[str]) -> str:
    """Any of ``words`` as whole words, the longest first (none: a pattern that never matches).
    The words are laid out as a trie of their characters, so that a page is read in one pass
    rather than every word being tried at every character; each step is greedy, so the longest
    word still wins."""
    root: _Node = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    if not root:
        return r"(?!)"
    return r"(?<![\w.])" + _branches(root) + r"(?!\w)"


def _branches(node: _Node) -> str:
    options = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not options:
        return ""
    either = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
    return f"(?:{either})?" if "" in node else either


@cache
def _compile(words: _Words) -> _Patterns:
    """The classifier's patterns (compiled once for each set of words)."""
    return _Patterns(
        re.compile(_any_of(label for label, _ in words.bodies)),
        re.compile(_any_of(label for label, _ in words.abbreviations)),
        {**dict(words.bodies), **dict(words.abbreviations)},
        re.compile(_any_of(words.presence)),
        re.compile(_any_of(words.speech)),
        {
            kind: re.compile(
                r"(?<!\w)(?:"
                + "|".join(re.escape(guard) for guard in guards)
                + r")\s+(?:"
                + "|".join(phrase(cue) for cue in cues)
                + ")"
            )
            for kind, guards, cues in words.passing
        },
    )
