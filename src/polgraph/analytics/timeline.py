"""A person's career as a picture: each post a bar from its first to its last evidence, and the
events the person took part in as marks above them. Drawn without pyplot (see drawing)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from matplotlib import dates as mdates
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from polgraph.analytics.drawing import IMAGE_FORMATS, figure_bytes
from polgraph.analytics.errors import AnalysisError

_MIN_BAR_DAYS = 12  # a post attested on one day still shows as a bar


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _english_heading(name: str, posts: int, dated_events: int) -> str:
    return f"{name}: {_plural(posts, 'post')}, {_plural(dated_events, 'dated event')}"


@dataclass(frozen=True)
class TimelineWords:
    """What the picture says besides the posts' own labels: English unless the caller gives
    its words in another language (the server's come from its gettext catalogues)."""

    heading: Callable[[str, int, int], str] = _english_heading  # name, posts, dated events
    events: str = "events"
    nothing_dated: str = "nothing dated to show"
    attested: str = "attested"
    elected: str = "opened by election"


ENGLISH = TimelineWords()


def draw_timeline(
    career: dict, events: list[dict], fmt: str = "png", words: TimelineWords = ENGLISH
) -> bytes:
    """PNG or SVG bytes of ``career`` (``KnowledgeGraph.career``) with ``events``
    (``KnowledgeGraph.events_of``), its words ``words``; undated events are left out."""
    if fmt not in IMAGE_FORMATS:
        raise AnalysisError(f"unknown picture format {fmt!r}: choose png or svg")
    posts = career["posts"]
    dated = [e for e in events if e.get("date")]
    rows = len(posts) + 1
    height = 1.4 + 0.45 * rows  # inches: 0.6 above for the title, 0.8 below for the dates
    figure = Figure(figsize=(11, height), dpi=100)
    ax = figure.add_axes((0.38, 0.8 / height, 0.58, 1 - 1.4 / height))
    ax.set_title(
        words.heading(career.get("name") or career["person"], len(posts), len(dated)),
        fontsize=11,
    )
    labels = []
    spans = []  # every day drawn, to set the axis with room on both sides
    for row, post in enumerate(reversed(posts)):
        start = mdates.date2num(dt.date.fromisoformat(post["first"]))
        end = mdates.date2num(dt.date.fromisoformat(post["last"]))
        spans += [start, start + max(end - start, _MIN_BAR_DAYS)]
        ax.barh(
            row,
            max(end - start, _MIN_BAR_DAYS),
            left=start,
            height=0.55,
            color="#2ca02c" if post.get("elected") else "#1f77b4",
        )
        labels.append(post["label"])
    if dated:
        days = [mdates.date2num(dt.date.fromisoformat(e["date"])) for e in dated]
        spans += days
        ax.plot(
            days,
            [len(posts)] * len(days),
            linestyle="none",
            marker="|",
            markersize=16,
            markeredgewidth=2,
            color="#d62728",
        )
    labels.append(words.events)
    ax.set_yticks(range(rows), labels=labels, fontsize=8)
    ax.set_ylim(-0.7, rows - 0.3)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if spans:
        pad = max(15.0, 0.05 * (max(spans) - min(spans)))
        ax.set_xlim(min(spans) - pad, max(spans) + pad)
    else:
        ax.text(0.5, 0.5, words.nothing_dated, transform=ax.transAxes, ha="center")
    ax.grid(axis="x", alpha=0.3)
    if posts:
        ax.legend(
            handles=[
                Patch(color="#1f77b4", label=words.attested),
                Patch(color="#2ca02c", label=words.elected),
            ],
            loc="upper left",
            bbox_to_anchor=(0, -0.12 * 4 / rows),
            ncol=2,
            fontsize=8,
            frameon=False,
        )
    return figure_bytes(figure, fmt)
