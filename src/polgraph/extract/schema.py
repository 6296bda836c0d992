"""The extraction JSON contract (one object per report) plus the report's metadata.

The keys of the shared extraction schema are required; extra keys the schema allows
(``spans``, ``speeches``, ``term``…) are typed here so that structured reports can carry
everything the graph records. Spans are ``[start, end)`` code-point offsets into ``report.text``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

EventKind = Literal[
    "conference",
    "congress",
    "council_session",
    "voter_meeting",
    "working_visit",
    "ceremony",
    "other",
]
ActCode = Literal[
    "attended",
    "chaired",
    "presented_report",
    "speech",
    "directive_speech",
    "moderated",
    "elected",
    "awarded",
]
ACT_ORDER: tuple[str, ...] = ActCode.__args__  # type: ignore[attr-defined]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
Span = tuple[int, int]


def _check_date_shape(value: str | None) -> str | None:
    # Calendar validity (2023-02-30) is the shapes' job; here only the form is checked.
    if value is not None and not _ISO_DATE.match(value):
        raise ValueError(f"dates are written YYYY-MM-DD, not {value!r}")
    return value


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)


class Role(_Model):
    as_written: str | None = None
    post: str = Field(min_length=1)
    org: str | None = None
    span: Span | None = None
    elected: bool = Field(default=False, description="the post was won by election at this event")


class Speech(_Model):
    kind: Literal["speech", "directive_speech"] = "speech"
    topic: str | None = None
    role: int | None = Field(default=None, ge=0, description="index into the person's roles")
    span: Span | None = None


class Person(_Model):
    name: str = Field(min_length=1)
    roles: list[Role] = Field(default_factory=list)
    acts: list[ActCode] = Field(default_factory=list)
    gender: Literal["male", "female"] | None = None
    spans: list[Span] = Field(default_factory=list)
    speeches: list[Speech] = Field(default_factory=list)

    @field_validator("acts")
    @classmethod
    def _acts_once_in_order(cls, acts: list[str]) -> list[str]:
        return sorted(set(acts), key=ACT_ORDER.index)

    @model_validator(mode="after")
    def _speech_roles_exist(self) -> Person:
        for speech in self.speeches:
            if speech.role is not None and speech.role >= len(self.roles):
                raise ValueError(
                    f"speech refers to role {speech.role} but "
                    f"{self.name} has {len(self.roles)} role(s)"
                )
        return self


class Event(_Model):
    kind: EventKind = "other"
    date: str | None = None
    date_year_inferred: bool = False
    end_date: str | None = None
    place: str | None = None
    organiser: str | None = None
    term: str | None = Field(default=None, pattern=r"^\d{4}\s*[-–]\s*\d{4}$")
    name: str | None = None
    span: Span | None = None

    _dates = field_validator("date", "end_date")(_check_date_shape)


class Document(_Model):
    number: str = Field(min_length=1)
    kind: str | None = None
    issuer: str | None = None
    date: str | None = None
    relation: Literal["implements", "cites"] = "cites"
    span: Span | None = None

    _dates = field_validator("date")(_check_date_shape)


class ArchivedCapture(_Model):
    """Where the report's page is archived: a WARC response record (see polgraph.archive)."""

    record: str = Field(pattern=r"^urn:uuid:[0-9a-fA-F-]{36}$")  # its WARC-Record-ID
    file: str = Field(min_length=1)  # the WARC file's name
    fetched: dt.datetime  # when the page was fetched (WARC-Date)
    target: str = Field(pattern=r"^https?://")  # the URL fetched (WARC-Target-URI)


class ReportMeta(_Model):
    title: str | None = None
    url: str | None = None
    published: str | None = None
    place: str | None = None
    text: str | None = None
    archived: ArchivedCapture | None = None

    _dates = field_validator("published")(_check_date_shape)


class Extraction(_Model):
    """One report's facts: the shared extraction schema plus ``report`` metadata."""

    id: str | None = None
    report: ReportMeta = Field(default_factory=ReportMeta)
    event: Event
    persons: list[Person]
    documents: list[Document] = Field(default_factory=list)
    notes: str | None = None

    @model_validator(mode="after")
    def _spans_inside_text(self) -> Extraction:
        text = self.report.text
        for where, span in self._spans():
            if text is None:
                raise ValueError(f"{where} has a span but the report carries no text")
            start, end = span
            if not 0 <= start < end <= len(text):
                raise ValueError(
                    f"{where} span {list(span)} lies outside the text (length {len(text)})"
                )
        return self

    def _spans(self):
        if self.event.span:
            yield "event", self.event.span
        for person in self.persons:
            for span in person.spans:
                yield f"person {person.name!r}", span
            for role in person.roles:
                if role.span:
                    yield f"role {role.post!r} of {person.name!r}", role.span
            for speech in person.speeches:
                if speech.span:
                    yield f"speech of {person.name!r}", speech.span
        for document in self.documents:
            if document.span:
                yield f"document {document.number!r}", document.span
