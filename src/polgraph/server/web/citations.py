"""Where a fact's words sit in its sentence and in its report, cut for display: the template
marks the quoted words, and escapes every piece."""

from __future__ import annotations

from dataclasses import dataclass

from polgraph.server.answers.evidence import sentence_around


@dataclass(frozen=True)
class Quoted:
    """A sentence cut around the words a fact was read from."""

    lead: str
    quote: str
    trail: str


def quoted(cited: dict | None) -> Quoted | None:
    """A citation (``Sources.cite``) as its sentence with the quoted words apart."""
    if not cited or cited.get("sentence") is None or cited.get("quote") is None:
        return None
    # A span may take in the line's end or the space before its words, which its sentence
    # leaves out: the words are what is marked.
    sentence, words = cited["sentence"], cited["quote"].strip()
    at = (
        cited["start"]
        - cited["sentence_start"]
        + len(cited["quote"])
        - len(cited["quote"].lstrip())
    )
    if not words or not 0 <= at <= len(sentence) or not sentence.startswith(words, at):
        return Quoted(sentence, "", "")  # the words are not all inside it: show the sentence
    return Quoted(sentence[:at], words, sentence[at + len(words) :])


@dataclass(frozen=True)
class LitText:
    """A report's text cut around a span: before the span's sentence, the sentence up to the
    span, the span, the rest of the sentence, and after it."""

    before: str
    lead: str
    quote: str
    trail: str
    after: str


def lit(text: str, start: int | None, end: int | None) -> LitText | None:
    """``text`` cut around ``[start, end)``; None when that is no span of it."""
    if start is None or end is None or not 0 <= start < end <= len(text):
        return None
    sentence, offset = sentence_around(text, start, end)
    offset = min(offset, start)
    finish = max(offset + len(sentence), end)
    return LitText(
        text[:offset], text[offset:start], text[start:end], text[end:finish], text[finish:]
    )
