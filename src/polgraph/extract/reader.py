"""Read a report's text into the extraction schema: persons with roles and acts, the event and
the documents it cites, each with the span of text it came from.

The reader is a sequence of named steps over one ``Reading``: layout → locality → mentions (names
with their titles, titles alone) → persons → acts and elections → event → documents. Each step
(``Step``) says which fields of the reading it requires and which it assigns; ``check_steps``
makes sure every field a step requires is assigned by a step before it.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from functools import cache

from polgraph.extract import event as event_rules
from polgraph.extract import lang_vi
from polgraph.extract.acts import ActFinder, Cue
from polgraph.extract.event import DocumentReference, EventDate, Locality, ReportLayout
from polgraph.extract.lexicon import Lexicon
from polgraph.extract.lexicon import lexicon as default_lexicon
from polgraph.extract.mentions import LIST_INTRO, TITLE_END, Mention, MentionFinder, named_bodies
from polgraph.extract.schema import ACT_ORDER, Extraction
from polgraph.extract.source import SourceReport
from polgraph.extract.titles import OrgCompleter, Role, TitleParser
from polgraph.text.layout import Layout, read_layout
from polgraph.text.normalise import name_key, nfc
from polgraph.text.view import ReportText, fold

_ELECTION = re.compile(
    r"(?:được\s+(?:đại hội\s+)?(?:tín nhiệm\s+)?(?:hiệp thương\s+)?(?:bầu|bầu lại|bầu bổ sung|cử)"
    r"|trúng cử|tái đắc cử|đắc cử|tái cử)"
    r"(?:\s+(?:(?:giữ )?chức(?: vụ| danh)?|làm|vào|là))?\s*"
)
_PASSIVE_ELECTION = re.compile(r"được\b|trúng cử|tái đắc cử|đắc cử|tái cử")
_BARE_COMMUNE = re.compile(
    r"(?:ubnd|hđnd|ủy ban nhân dân|hội đồng nhân dân|đảng ủy|mttq[\w ]{0,12}?)\s+"
    r"(xã|phường|thị trấn)(?!\w)"
)
# "… đã chỉ đạo …": the speaker directed (not "yêu cầu … tập trung chỉ đạo", what others must do,
# nor "tiếp thu các ý kiến chỉ đạo", directives received).
_DIRECTS = re.compile(r"\bđã (?:trực tiếp )?chỉ đạo\b")
_DIRECTIVES_OF = re.compile(r"\bý kiến chỉ đạo của\b")
_ANY_ELECTION = re.compile(r"\bbầu\b(?!\s+cử)|\btrúng cử\b|\bđắc cử\b|\btái cử\b|\bhiệp thương\b")
# "Đại hội đã lựa chọn được 11 đồng chí … vào Ban Chấp hành …": chosen into a body, elected.
_CHOSEN_INTO = re.compile(r"\b(?:lựa chọn|bầu chọn)\b[^.;]{0,200}?\bvào\b")
_ELECTED_LIST = re.compile(r"\bbầu\s+(?:\d+\s+)?(?:đồng chí|đ/c|ông|bà)\s*:\s*")
_ELECTED_AS_AFTER_LIST = re.compile(r"\s(?:làm|giữ chức(?: vụ)?|vào chức(?: danh)?)\s+")
# A post given, not won: "Chỉ định đồng chí A … làm Phó Bí thư chi bộ", "điều động … làm …".
_APPOINTING = re.compile(r"\b(?:chỉ định|bổ nhiệm|điều động|phân công|luân chuyển)\b")
_MADE = re.compile(r"(?<=\s)làm\s+(?!việc\b|trưởng đoàn\b)")
_REPLACING = re.compile(r"\s*(?:thay thế|thay)\s+(?:(?:ông|bà|đồng chí|đ/c)\s+)?")
_ELECTED_AS = re.compile(r"[^.;,]{0,80}?\b(?:làm|giữ chức(?: vụ)?|vào chức(?: danh)?)\s+")
_APPOINTED = re.compile(r"\bgiữ chức(?: vụ)?\s+")
_PRESIDIUM = re.compile(r"đoàn chủ tịch|chủ trì")
_ATTENDANCE = re.compile(
    r"^\s*(?:về dự|đến dự|tới dự|cùng dự|tham dự|dự|cùng đi|tiếp và làm việc|tiếp đoàn)\b"
)
# The verb "dự" after its subjects, with the event
# as its object ("… dự buổi lễ", "… về dự Đại hội").
_ATTENDS = re.compile(
    r"(?<=\s)(?:đã |cùng |về |đến |tới )?(?:tham )?dự\s+(?:buổi|lễ|hội nghị|đại hội|kỳ họp"
    r"|chương trình|hội thảo|tọa đàm|phiên|cuộc)\b"
)
_TOPIC = re.compile(r"(?:\s+(?:tham luận|phát biểu|ý kiến))?\s+về\s*:?\s*")
_GENDER_OF_CUE = {"ông": "male", "bà": "female", "anh": "male", "chị": "female"}
_PRONOUN = re.compile(r"^\s*(?:đồng chí|ông|bà)\s+(?=[a-zà-ỹđ])")


@dataclass
class PersonFacts:
    name: str
    first: int
    roles: list[Role] = field(default_factory=list)
    acts: set[str] = field(default_factory=set)
    spans: list[tuple[int, int]] = field(default_factory=list)
    gender: str | None = None
    speeches: list[dict] = field(default_factory=list)
    elected_to: set[tuple[str, str]] = field(default_factory=set)  # keys of posts won at the event

    @staticmethod
    def role_key(role: Role) -> tuple[str, str]:
        return role.post, (role.org or "").lower()

    def add_role(self, role: Role) -> None:
        if role.org is None and any(r.post == role.post for r in self.roles):
            return
        # The same title written short a second time ("Phó Bí thư Đảng ủy MTTQ," where a page is
        # cut off, after "Phó Bí thư Đảng ủy MTTQ, các đoàn thể Trung ương"): one role, the longer.
        written = fold(role.as_written).strip(" ,;:.")
        for index, other in enumerate(self.roles):
            known = fold(other.as_written).strip(" ,;:.")
            if other.post != role.post or written == known:
                continue
            if known.startswith((written + " ", written + ",")):
                return
            if written.startswith((known + " ", known + ",")):
                self.roles[index] = role
                return
        key = self.role_key(role)
        if all(self.role_key(r) != key for r in self.roles):
            self.roles.append(role)


_Inside = Sequence[tuple[Mention, PersonFacts]]  # the persons a sentence names, in order


@dataclass
class _ActState:
    """What reading one report's acts remembers from sentence to sentence."""

    titles: TitleParser
    chairing_block: bool = False
    last_actor: PersonFacts | None = None
    # An election "giữ chức Phó Chủ tịch" with no body is in the body of the one before it.
    last_taken_org: str | None = None
    # The body that held the event as the text names it ("Chi bộ Trường Tiểu học X").
    organiser: str | None = None
    # Lines listing the persons an election chose, after "… bầu ra cấp ủy gồm 3 đồng chí:".
    election_list: bool = False
    electing_body: str | None = None


@dataclass
class Reading:
    """What reading one report has found so far: the source, then what each step assigns."""

    source: SourceReport
    report_id: str | None = None
    text: ReportText | None = None  # the source's text, stripped: offsets count from it
    page: Layout | None = None  # headline, stamps, body, sentences
    layout: ReportLayout | None = None  # the page with the event's opening
    published: dt.date | None = None
    references: list[DocumentReference] | None = None
    locality: Locality | None = None
    titles: TitleParser | None = None
    mentions: list[Mention] | None = None
    persons: dict[str, PersonFacts] | None = None
    people: list[dict] | None = None  # the persons with their acts, as the schema has them
    date: EventDate | None = None
    event: dict | None = None
    documents: list[dict] | None = None


@dataclass(frozen=True)
class Step:
    """One step of reading: its name, the fields of ``Reading`` it reads and those it fills."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[Reader, Reading], None]


def check_steps(steps: tuple[Step, ...], given: tuple[str, ...] = ("source", "report_id")) -> None:
    """Raise ``ValueError`` unless every field a step requires is given or assigned by an
    earlier step, and every field named is one of ``Reading``'s."""
    known = {f.name for f in fields(Reading)}
    assigned = set(given)
    for step in steps:
        unknown = (set(step.requires) | set(step.assigns)) - known
        if unknown:
            raise ValueError(f"step {step.name!r} names no field of Reading: {sorted(unknown)}")
        missing = [name for name in step.requires if name not in assigned]
        if missing:
            raise ValueError(
                f"step {step.name!r} requires {missing}, which no earlier step assigns"
            )
        assigned.update(step.assigns)


class Reader:
    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.acts = ActFinder(self.lexicon)
        check_steps(self.steps)

    def read(self, source: SourceReport, report_id: str | None = None) -> Extraction:
        reading = Reading(source, report_id)
        for step in self.steps:
            step.run(self, reading)
        return self._extraction(reading)

    # -- the steps -------------------------------------------------------------------------
    def _lay_out(self, reading: Reading) -> None:
        reading.text = ReportText(reading.source.text.strip())
        reading.page = read_layout(reading.text)
        reading.layout = event_rules.lay_out(reading.page)
        reading.published = reading.source.published or reading.page.published

    def _find_locality(self, reading: Reading) -> None:
        assert reading.text is not None and reading.layout is not None  # see check_steps
        vocabulary = self.lexicon.vocabulary
        reading.references = event_rules.document_references(reading.text, vocabulary)
        reading.locality = event_rules.find_locality(reading.layout, vocabulary, reading.references)

    def _find_mentions(self, reading: Reading) -> None:
        assert reading.text is not None and reading.layout is not None  # see check_steps
        assert reading.locality is not None
        organiser = event_rules.find_organiser(reading.layout)
        held_by = organiser[0] if organiser else self._body_in_headline(reading)
        completer = OrgCompleter(
            self.lexicon,
            reading.locality,
            organiser=held_by,
            bare_commune=_bare_commune_word(reading.text),
        )
        reading.titles = TitleParser(self.lexicon, completer)
        reading.mentions = MentionFinder(reading.titles).find(reading.text)

    def _body_in_headline(self, reading: Reading) -> str | None:
        """The body the headline, or else the opening, ends with ("… Lễ công bố Quyết định thành
        lập Chi bộ Quân sự xã X."), standing for the organiser when the text names none."""
        assert reading.text is not None and reading.layout is not None  # see check_steps
        for zone in (reading.layout.headline, reading.layout.opening):
            if zone is None:
                continue
            text = reading.text.text[zone[0] : zone[1]].rstrip(" .")
            for at, (_, rest) in named_bodies(text, 0, len(text), self.lexicon.vocabulary):
                if rest[:1].isupper() and "," not in rest:
                    return text[at:]
        return None

    def _find_persons(self, reading: Reading) -> None:
        assert reading.mentions is not None  # see check_steps
        reading.persons = self._persons(reading.mentions)

    def _find_acts(self, reading: Reading) -> None:
        assert reading.page is not None and reading.layout is not None  # see check_steps
        assert reading.mentions is not None and reading.persons is not None
        assert reading.titles is not None
        organiser = event_rules.find_organiser(reading.layout)
        self._assign_acts(
            reading.page,
            reading.mentions,
            reading.persons,
            reading.titles,
            organiser[0] if organiser else None,
        )
        ordered = sorted(reading.persons.values(), key=lambda p: p.first)
        reading.people = [self._person_json(p) for p in ordered]

    def _find_event(self, reading: Reading) -> None:
        layout = reading.layout
        assert layout is not None and reading.locality is not None  # see check_steps
        date = reading.date = event_rules.find_event_date(layout, reading.published, self.lexicon)
        organiser = event_rules.find_organiser(layout)
        reading.event = {
            "kind": event_rules.find_event_kind(layout, reading.source.title),
            "date": date.date,
            "date_year_inferred": date.year_inferred and date.date is not None,
            "place": reading.locality.place(),
            "organiser": organiser[0] if organiser else None,
            "term": event_rules.find_term(layout),
            "span": date.span,
        }

    def _find_documents(self, reading: Reading) -> None:
        assert reading.text is not None and reading.locality is not None  # see check_steps
        found = event_rules.find_documents(
            reading.text,
            self.lexicon.vocabulary,
            reading.locality,
            reading.published,
            reading.references,
        )
        reading.documents = [
            {
                "number": d.number,
                "kind": d.kind,
                "issuer": d.issuer,
                "date": d.date,
                "relation": d.relation,
                "span": d.span,
            }
            for d in found
        ]

    steps: tuple[Step, ...] = (
        Step("layout", ("source",), ("text", "page", "layout", "published"), _lay_out),
        Step("locality", ("text", "layout"), ("references", "locality"), _find_locality),
        Step("mentions", ("text", "layout", "locality"), ("titles", "mentions"), _find_mentions),
        Step("persons", ("mentions",), ("persons",), _find_persons),
        Step(
            "acts and elections",
            ("page", "layout", "mentions", "persons", "titles"),
            ("people",),
            _find_acts,
        ),
        Step(
            "event", ("source", "layout", "published", "locality"), ("date", "event"), _find_event
        ),
        Step(
            "documents",
            ("text", "locality", "published", "references"),
            ("documents",),
            _find_documents,
        ),
    )

    @staticmethod
    def _extraction(reading: Reading) -> Extraction:
        source = reading.source
        # every step has run (see check_steps)
        assert reading.locality is not None and reading.text is not None
        assert reading.date is not None
        return Extraction.model_validate(
            {
                "id": reading.report_id,
                "report": {
                    "title": source.title,
                    "url": source.url,
                    "published": reading.published.isoformat() if reading.published else None,
                    "place": reading.locality.place(),
                    "text": reading.text.text,
                },
                "event": reading.event,
                "persons": reading.people,
                "documents": reading.documents,
                "warnings": list(reading.date.warnings),
            }
        )

    # -- persons ---------------------------------------------------------------------------
    @staticmethod
    def _persons(mentions: list[Mention]) -> dict[str, PersonFacts]:
        persons: dict[str, PersonFacts] = {}
        for mention in mentions:
            if mention.name is None:
                continue
            key = name_key(mention.name)
            person = persons.setdefault(key, PersonFacts(mention.name, mention.span[0]))
            person.spans.append(mention.span)
            for role in mention.roles:
                person.add_role(role)
            person.gender = person.gender or _GENDER_OF_CUE.get(mention.cue or "")
        return persons

    @staticmethod
    def _resolve(mention: Mention, persons: dict[str, PersonFacts]) -> PersonFacts | None:
        if mention.name is not None:
            return persons.get(name_key(mention.name))
        if mention.given is not None:
            given = name_key(mention.given)
            matches = [p for p in persons.values() if name_key(p.name).rsplit(" ", 1)[-1] == given]
            return matches[0] if len(matches) == 1 else None
        wanted = {(r.post, (r.org or "").lower()) for r in mention.roles}
        matches = [
            p
            for p in persons.values()
            if wanted & {(r.post, (r.org or "").lower()) for r in p.roles}
        ]
        if len(matches) != 1:
            posts = {r.post for r in mention.roles}
            matches = [p for p in persons.values() if posts & {r.post for r in p.roles}]
        return matches[0] if len(matches) == 1 else None

    # -- acts ------------------------------------------------------------------------------
    def _assign_acts(
        self,
        page: Layout,
        mentions: list[Mention],
        persons: dict[str, PersonFacts],
        titles: TitleParser,
        organiser: str | None = None,
    ) -> None:
        """Go through the sentences, giving each act cue to the person it belongs to."""
        rt = page.text
        state = _ActState(titles, organiser=organiser)
        resolved = sorted(
            ((m, p) for m in mentions if (p := self._resolve(m, persons)) is not None),
            key=lambda pair: pair[0].span,
        )
        starts = [m.span[0] for m, _ in resolved]
        elections_before = False  # whether the sentence before elected someone
        for start, end in page.sentences:
            folded = rt.folded[start:end]
            inside = resolved[bisect_left(starts, start) : bisect_left(starts, end)]
            if self._chairing_block(folded, inside, state):
                continue
            if self._list_after_election(rt, inside, start, end, state):
                elections_before = True
                continue
            if not inside:
                pronoun = _PRONOUN.match(folded)
                if pronoun is None or state.last_actor is None:
                    continue
                inside = [(Mention(None, (start, start + pronoun.end())), state.last_actor)]
            if _ANY_ELECTION.search(folded) or _CHOSEN_INTO.search(folded):
                listed = LIST_INTRO.search(folded)
                for mention, person in inside:
                    # "bầu Ban Chấp hành … gồm: A, B": the members; "bầu ra Chủ tịch và Phó Chủ tịch
                    # gồm: Ông A CT MTTQ, Ông B PCT": each person listed, with the posts written.
                    if mention.member or (listed and mention.span[0] >= start + listed.end()):
                        person.acts.add("elected")
                        person.elected_to.update(person.role_key(role) for role in mention.roles)
            cues = self.acts.cues(rt, start, end)
            if _ATTENDANCE.match(folded):
                for _, person in inside:
                    person.acts.add("attended")
            for attends in _ATTENDS.finditer(rt.folded, start, end):
                # "Các đồng chí A, B - Phó Chủ tịch UBND huyện dự buổi lễ": the subjects attend.
                clause = max(start, rt.folded.rfind(";", start, attends.start()))
                for mention, person in inside:
                    if clause <= mention.span[0] < attends.start():
                        person.acts.add("attended")
            self._voters(rt, inside, end)
            for heard in _DIRECTIVES_OF.finditer(rt.folded, start, end):
                # "nghe ý kiến chỉ đạo của đồng chí A và đồng chí B": A and B gave directives.
                clause_end = rt.folded.find(";", heard.end(), end)
                for mention, person in inside:
                    if heard.end() <= mention.span[0] < (clause_end if clause_end >= 0 else end):
                        person.acts.add("directive_speech")
            self._cued_acts(rt, inside, cues, start, end, state)
            self._appointments(rt, inside, start, end, state)
            for match in _ELECTION.finditer(rt.folded, start, end):
                if any(c.act == "elected" and c.start <= match.start() < c.end + 2 for c in cues):
                    continue
                if "đoàn chủ tịch" in rt.folded[match.end() : match.end() + 20]:
                    continue
                subjects = _named_right_before(rt, inside, match.start())
                if not subjects:
                    actor = self._actor(rt, inside, _cue_at("elected", match), start)
                    subjects = [actor] if actor is not None else []
                for subject in subjects:
                    self._elect(rt, subject, _cue_at("elected", match), end, state, inside)
            self._elected_list(rt, inside, start, end, state)
            self._elected_as(rt, inside, start, end, state, elections_before)
            elections_before = _ANY_ELECTION.search(rt.folded, start, end) is not None

    @staticmethod
    def _chairing_block(folded: str, inside: _Inside, state: _ActState) -> bool:
        """ "Chủ trì hội nghị:" then one line per chair, until a line names nobody."""
        if folded.strip().endswith(":") and _PRESIDIUM.search(folded):
            state.chairing_block = True
            return True
        if state.chairing_block:
            if inside:
                for _, person in inside:
                    person.acts.add("chaired")
            else:
                state.chairing_block = False
        return False

    @staticmethod
    def _voters(rt: ReportText, inside: _Inside, end: int) -> None:
        """A voter who raises an opinion ("cử tri A đề nghị …") gives a speech."""
        for mention, person in inside:
            after = rt.folded[mention.span[1] : end]
            if mention.cue == "cử tri" and any(
                re.search(rf"\b{verb}\b", after) for verb in lang_vi.VOTER_OPINION
            ):
                person.acts.add("speech")

    def _cued_acts(
        self,
        rt: ReportText,
        inside: _Inside,
        cues: list[Cue],
        start: int,
        end: int,
        state: _ActState,
    ) -> None:
        folded = rt.folded[start:end]
        listed = len({id(p) for _, p in inside}) > 1
        acted: set[tuple[int, int]] = set()  # (actor, clause): one speech or report per clause
        for cue in cues:
            if cue.act == "chaired" and listed:
                # "Các đồng chí: A…; B… chủ trì" or "Chủ trì có các đồng chí: A…; B…".
                first = min(m.span[0] for m, _ in inside)
                for mention, person in inside:
                    if (
                        mention.span[0] < cue.start
                        or cue.start < first
                        or "đoàn chủ tịch" in folded
                    ):
                        person.acts.add("chaired")
                continue
            if cue.act == "attended":
                continue
            speakers = self._listed_after_cua(rt, inside, cue)
            if speakers:  # "ý kiến tham luận của đồng chí A … và đồng chí B …"
                for person in speakers:
                    person.acts.add(cue.act)
                continue
            actor = self._actor(rt, inside, cue, start)
            if actor is None:
                continue
            if cue.act == "elected":
                if "đoàn chủ tịch" in rt.folded[cue.start : cue.end + 30]:
                    actor.acts.add("chaired")  # "bầu vào Đoàn Chủ tịch": the presidium
                    continue
                passive = _PASSIVE_ELECTION.match(rt.folded, cue.start)
                for subject in (passive and _named_right_before(rt, inside, cue.start)) or [actor]:
                    self._elect(rt, subject, cue, end, state, inside)
                continue
            if cue.act == "awarded":
                for giver in _joined_before(rt, inside, actor, cue, cues):
                    giver.acts.add("awarded")  # "A, … và B, … trao Huy hiệu …": both give
            clause = rt.folded.rfind(";", start, cue.start)
            if cue.act in ("speech", "presented_report"):
                if (id(actor), clause) in acted:
                    continue  # "thông báo kết quả … ý kiến, kiến nghị của cử tri": one act
                acted.add((id(actor), clause))
            act = cue.act
            if act == "speech" and _DIRECTS.search(
                rt.folded, cue.end, _clause_end(rt, cue.end, end)
            ):
                act = "directive_speech"  # "Phát biểu tại Hội nghị, đồng chí A … đã chỉ đạo …"
            actor.acts.add(act)
            state.last_actor = actor
            if act in ("speech", "directive_speech"):
                actor.speeches.append(self._speech(rt, Cue(act, cue.start, cue.end), end))

    def _appointments(
        self, rt: ReportText, inside: _Inside, start: int, end: int, state: _ActState
    ) -> None:
        """ "… giữ chức X": a post taken at the event, by election when the sentence says "bầu"."""
        for match in _APPOINTED.finditer(rt.folded, start, end):
            if _ELECTION.search(rt.folded, max(start, match.start() - 25), match.start()):
                continue  # "được bầu giữ chức": an election, read as one
            # The holder is the person named last before "giữ chức" ("bầu đồng chí X … giữ
            # chức", "điều động đồng chí X … giữ chức").
            holders = [p for m, p in inside if m.span[0] < match.start()]
            if holders:
                elected = (
                    re.search(r"\bbầu\b|hiệp thương|tái cử", rt.folded[start : match.start()])
                    is not None
                )
                self._take_post(rt, holders[-1], match.end(), end, state, elected)

    def _elected_list(
        self, rt: ReportText, inside: _Inside, start: int, end: int, state: _ActState
    ) -> None:
        """ "bầu 2 đồng chí: A và B làm Phó Bí thư Tỉnh ủy": each person listed takes the post."""
        for intro in _ELECTED_LIST.finditer(rt.folded, start, end):
            taken = _ELECTED_AS_AFTER_LIST.search(rt.folded, intro.end(), end)
            if taken is None:
                continue
            listed = [p for m, p in inside if intro.end() <= m.span[0] < taken.start()]
            for person in listed:
                self._take_post(rt, person, taken.end(), end, state, True, inside)

    def _elected_as(
        self,
        rt: ReportText,
        inside: _Inside,
        start: int,
        end: int,
        state: _ActState,
        elections_before: bool,
    ) -> None:
        """After an election ("… bầu Ủy ban Kiểm tra gồm 11 đồng chí."), "Đồng chí A, Ủy viên …
        làm Chủ nhiệm Ủy ban Kiểm tra": A is elected to the post after "làm"."""
        # "Chỉ định đồng chí A … làm …"
        appointed = _APPOINTING.search(rt.folded, start, end) is not None
        if not (elections_before or appointed or _ANY_ELECTION.search(rt.folded, start, end)):
            return
        for made in _MADE.finditer(rt.folded, start, end):
            if _ELECTION.search(
                rt.folded, max(start, made.start() - 30), made.start()
            ) or not state.titles.starts_with_post(rt.folded[made.end() : made.end() + 80]):
                continue  # "được bầu làm": read as an election already
            holders = [p for m, p in inside if m.span[0] < made.start()]
            if holders and not holders[-1].elected_to:
                self._take_post(rt, holders[-1], made.end(), end, state, not appointed, inside)

    def _list_after_election(
        self, rt: ReportText, inside: _Inside, start: int, end: int, state: _ActState
    ) -> bool:
        """ "Chi bộ X đã bầu ra cấp ủy khóa mới gồm 03 đồng chí:" then one line per person ("1.
        Đồng chí: A - Bí thư"): each is elected, and a bare post is in the electing body. True
        when the sentence is the list's introduction or one of its lines."""
        folded = rt.folded[start:end]
        if folded.rstrip().endswith(":") and _ANY_ELECTION.search(folded) and not inside:
            state.electing_body = self._electing_body(rt, start, end, state)
            state.election_list = True
            return True
        if not state.election_list:
            return False
        if not inside:
            state.election_list = False
            return False
        for mention, person in inside:
            person.acts.add("elected")
            for index, role in enumerate(person.roles):
                if role.span[0] < mention.span[1] or role.span[1] > end:
                    continue
                if state.electing_body and state.titles.is_bare_post(role.as_written):
                    person.roles[index] = Role(
                        role.as_written, role.span, role.post, state.electing_body
                    )
                person.elected_to.add(person.role_key(person.roles[index]))
        return True

    @staticmethod
    def _electing_body(rt: ReportText, start: int, end: int, state: _ActState) -> str | None:
        """The body named before "bầu" in a sentence: "Chi bộ Trường Mẫu giáo X đã bầu …"."""
        elected = _ANY_ELECTION.search(rt.folded, start, end)
        assert elected is not None  # the sentence elects: the caller found the word
        vocabulary = state.titles.lexicon.vocabulary
        for at, (_, rest) in named_bodies(rt.text, start, elected.start(), vocabulary):
            if rest:
                return state.titles.completer.complete(
                    rt.text[at : elected.start()]
                    .strip(" ,")
                    .removesuffix(" đã")
                    .removesuffix(" đã bầu")
                )
        # "Đại hội đã bầu …": the congress's, so the body that held it.
        if state.organiser and vocabulary.body_type(state.organiser):
            return state.titles.completer.complete(state.organiser)
        return None

    @staticmethod
    def _listed_after_cua(rt: ReportText, inside: _Inside, cue: Cue) -> list[PersonFacts]:
        if cue.act not in ("speech", "directive_speech", "presented_report") or not re.match(
            r"\s+của\b", rt.folded[cue.end : cue.end + 6]
        ):
            return []
        clause_end = rt.folded.find(";", cue.end)
        return [
            p
            for m, p in inside
            if m.span[0] > cue.end and (clause_end < 0 or m.span[0] < clause_end)
        ]

    @staticmethod
    def _actor(
        rt: ReportText, inside: _Inside, cue: Cue, sentence_start: int
    ) -> PersonFacts | None:
        """The person a cue belongs to: the clause's subject, named first before the cue; else,
        after a fronted phrase ("Phát biểu chỉ đạo, đồng chí X …"), the first one named after it;
        else the sentence's subject ("X công bố …; đồng thời trình bày …")."""
        clause_start = max(sentence_start, rt.folded.rfind(";", sentence_start, cue.start) + 1)
        clause_end = rt.folded.find(";", cue.end)
        after = [
            (m, p)
            for m, p in inside
            if m.span[0] >= cue.end and (clause_end < 0 or m.span[0] < clause_end)
        ]
        if cue.act == "elected" and after and after[0][0].span[0] - cue.end <= 2:
            return after[0][1]  # "…, bầu ông A làm Chủ tịch": the person named right after
        if (
            after
            and rt.folded[cue.start : cue.end] in lang_vi.PERSON_OBJECT_CUES
            and re.fullmatch(
                r"\s*(?:(?:đồng chí|đ/c|ông|bà)\s*)?", rt.folded[cue.end : after[0][0].span[0]]
            )
        ):
            after = after[1:]  # "tặng hoa chúc mừng đồng chí A": A is congratulated
        before = [p for m, p in inside if clause_start <= m.span[0] < cue.start]
        if before:
            return before[0]
        fronted = after and "," in rt.folded[cue.end : after[0][0].span[0]]
        earlier = [p for m, p in inside if m.span[0] < clause_start]
        if cue.act == "awarded":  # givers come first; a person named after "trao" receives
            return earlier[0] if earlier and not fronted else (after[0][1] if fronted else None)
        if after and (fronted or not earlier):
            return after[0][1]
        return earlier[0] if earlier else None

    def _elect(
        self,
        rt: ReportText,
        person: PersonFacts,
        cue: Cue,
        sentence_end: int,
        state: _ActState,
        inside: _Inside = (),
    ) -> None:
        if re.search(r"\bkhông\s+$", rt.folded[max(0, cue.start - 8) : cue.start]):
            return  # "không tái cử"
        match = _ELECTION.match(rt.folded, cue.start)
        start = match.end() if match else cue.end
        if not match:  # "bầu ông A (…) làm Chủ tịch …": the post follows the name
            named = _ELECTED_AS.match(rt.folded, cue.end, sentence_end)
            start = named.end() if named else start
        self._take_post(rt, person, start, sentence_end, state, True, inside)

    @staticmethod
    def _take_post(
        rt: ReportText,
        person: PersonFacts,
        start: int,
        sentence_end: int,
        state: _ActState,
        elected: bool,
        inside: _Inside = (),
    ) -> None:
        if elected:
            person.acts.add("elected")
        # "… làm Chủ tịch UBND tỉnh thay ông B"
        title_end = TITLE_END.search(rt.folded, start, sentence_end)
        # A comma ends the post unless another post follows it ("giữ chức Phó Bí thư Đảng ủy, Chủ
        # tịch UBND phường": two posts; "làm Chủ tịch UBND tỉnh, nhiệm kỳ …": one).
        comma = next(
            (
                c.start()
                for c in re.finditer(",", rt.folded[start:sentence_end])
                if not state.titles.starts_with_post(
                    rt.folded[start + c.end() : start + c.end() + 80].lstrip()
                )
            ),
            -1,
        )
        stops = [
            i
            for i in (
                rt.folded.find(";", start, sentence_end),
                rt.folded.find(".", start, sentence_end),
                start + comma if comma >= 0 else -1,
                title_end.start() if title_end else -1,
            )
            if i >= 0
        ]
        finish = min(stops) if stops else sentence_end
        # "… làm Chủ tịch UBND tỉnh thay thế ông B": B held the post until then.
        replaced = _REPLACING.match(rt.folded, finish)
        predecessor = next((p for m, p in inside if replaced and m.span[0] == replaced.end()), None)
        for parsed in state.titles.parse(rt.text[start:finish], rt.folded[start:finish], start):
            role = (
                Role(parsed.as_written, parsed.span, parsed.post, state.last_taken_org)
                if parsed.org is None and state.last_taken_org
                else parsed
            )
            state.last_taken_org = role.org or state.last_taken_org
            person.add_role(role)
            if elected:
                person.elected_to.add(person.role_key(role))
            if predecessor is not None and predecessor is not person:
                predecessor.add_role(role)

    @staticmethod
    def _speech(rt: ReportText, cue: Cue, sentence_end: int) -> dict:
        """A speech with its topic when the text says what it was about ("tham luận về …")."""
        speech: dict = {"kind": cue.act, "span": [cue.start, cue.end]}
        about = _TOPIC.match(rt.folded, cue.end, sentence_end)
        if about:
            stop = rt.folded.find(";", about.end(), sentence_end)
            finish = stop if stop >= 0 else sentence_end
            topic = rt.text[about.end() : finish].strip(' .;:\n"“”')
            if topic:
                speech["topic"] = topic
                speech["span"] = [cue.start, finish]
        return speech

    @staticmethod
    def _person_json(person: PersonFacts) -> dict:
        acts = sorted(person.acts, key=ACT_ORDER.index)
        out = {
            "name": person.name,
            "roles": [
                {
                    "as_written": r.as_written,
                    "post": r.post,
                    "org": r.org,
                    "span": list(r.span),
                    **({"elected": True} if person.role_key(r) in person.elected_to else {}),
                }
                for r in person.roles
                if r.org
            ],
            "acts": acts,
            "spans": [list(s) for s in person.spans],
            "speeches": person.speeches,
        }
        if person.gender:
            out["gender"] = person.gender
        return out


def _clause_end(rt: ReportText, position: int, sentence_end: int) -> int:
    semicolon = rt.folded.find(";", position, sentence_end)
    return semicolon if semicolon >= 0 else sentence_end


def _bare_commune_word(rt: ReportText) -> str | None:
    """The commune's level word a report writes after bodies with no name ("UBND xã;", "Đảng ủy
    xã và …"), the one it writes most; None when it names its communes or writes none bare."""
    counts: dict[str, int] = {}
    for match in _BARE_COMMUNE.finditer(rt.folded):
        following = rt.text[match.end() : match.end() + 2].strip()[:1]
        if not (following.isupper() or following.isdigit()):
            counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _joined_before(
    rt: ReportText, inside: _Inside, actor: PersonFacts, cue: Cue, cues: list[Cue]
) -> list[PersonFacts]:
    """The persons named after ``actor`` and before ``cue`` with no other act between: the other
    subjects of the same verb ("A, Phó Bí thư …, đồng chí B, Trưởng ban … đã trao …")."""
    first = next((m.span[0] for m, p in inside if p is actor and m.span[0] < cue.start), None)
    if first is None or any(first < other.start < cue.start for other in cues if other is not cue):
        return []
    clause = rt.folded.rfind(";", first, cue.start)
    return [
        p
        for m, p in inside
        if first < m.span[0] < cue.start and m.span[0] > clause and p is not actor
    ]


def _named_right_before(rt: ReportText, inside: _Inside, position: int) -> list[PersonFacts]:
    """ "ông A - … và ông B - … được bầu làm …": the person named last before a passive election
    and those joined to them by "và"; none when the clause names nobody before it."""
    clause = max(
        rt.folded.rfind(mark, 0, position) for mark in (";", ".", "\n", ", bầu", ", ông", ", bà")
    )
    before = [(m, p) for m, p in inside if clause < m.span[0] < position]
    if not before:
        return []
    chosen = [before[-1]]
    for mention, person in reversed(before[:-1]):
        joined = re.search(
            r"\svà\s+(?:(?:ông|bà|đồng chí|đ/c)\s+)?$",
            rt.folded[mention.span[1] : chosen[-1][0].span[0]],
        )
        if joined is None:
            break
        chosen.append((mention, person))
    return [p for _, p in reversed(chosen)]


def _cue_at(act: str, match: re.Match[str]) -> Cue:
    return Cue(act, match.start(), match.end())


@cache
def default_reader() -> Reader:
    """The reader over this installation's vocabularies, built once."""
    return Reader()


def read_report(source: SourceReport, report_id: str | None = None) -> Extraction:
    return default_reader().read(source, report_id)


@dataclass(frozen=True)
class _NoLocality:
    commune: str | None = None
    district: str | None = None
    province: str | None = None
    village: str | None = None


def parse_title(title: str, lexicon: Lexicon | None = None) -> list[Role]:
    """The posts and bodies of a title typed by a user ("Chủ tịch UBND xã Cẩm Lộc"), spelt out as
    the reader spells those of reports, so that both name the same body."""
    lexicon = lexicon or default_lexicon()
    text = nfc(title).strip()
    parser = TitleParser(lexicon, OrgCompleter(lexicon, _NoLocality()))
    return parser.parse(text, fold(text), 0)
