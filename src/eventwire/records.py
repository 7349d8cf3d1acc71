"""The record contract: every value eventwire produces is one of these frozen dataclasses.

The JSON shape (``ArticleResult.to_dict``) is the one documented in the README and DESIGN.md.
Offsets are character offsets into ``Article.text`` (the cleaned text); ``Article.offset_map``
maps them back to the raw input.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Status = Literal["ok", "skipped", "error"]
Precision = Literal["day", "week", "month", "year"]
# An event's date is its own time expression's precision, or "published" when the article's
# publication date stands in for a date the text does not give.
EventPrecision = Literal["day", "week", "month", "year", "published"]
ActorKind = Literal["state", "organisation", "group", "person", "generic"]
QuoteKind = Literal["direct", "indirect"]

# One run of the offset map: ``length`` characters starting at ``clean_start`` in the cleaned
# text were copied (one character for one character) from ``raw_start`` in the raw text.
Segment = tuple[int, int, int]


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in the cleaned text back to offsets in the raw input text."""

    segments: tuple[Segment, ...] = ()

    def to_raw(self, offset: int) -> int:
        """Raw offset of the character at ``offset`` in the cleaned text.

        An offset equal to the cleaned length (an exclusive end) maps to just after the last
        copied character.
        """
        if not self.segments:
            return offset
        starts = [s[0] for s in self.segments]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return self.segments[0][1]
        clean_start, raw_start, length = self.segments[i]
        return raw_start + min(offset - clean_start, length)

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` for a cleaned ``[start, end)`` span (``end`` exclusive)."""
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        return self.to_raw(start), self.to_raw(end - 1) + 1


@dataclass(frozen=True)
class Article:
    """One input news report, cleaned and ready to code.

    ``status`` is set by ingest: an input that cannot be coded still becomes an ``Article``
    with ``status`` "skipped" or "error", a short ``reason`` code and a human ``detail``,
    so that every input gets a row.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    language: str | None = None
    origin: str | None = None
    status: Status = "ok"
    reason: str | None = None
    detail: str | None = None
    warnings: tuple[str, ...] = ()
    offset_map: OffsetMap = field(default_factory=OffsetMap)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "status": self.status,
            "reason": self.reason,
            "detail": self.detail,
            "warnings": list(self.warnings),
            "origin": self.origin,
            "text": self.text,
            "offset_map": [list(s) for s in self.offset_map.segments],
        }


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ActorRef:
    """An actor slot of an event: the span it came from and its resolved code."""

    text: str
    start: int
    end: int
    code: str | None
    country: str | None = None
    sector: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Cameo:
    code: str
    root: str
    goldstein: float
    quad_class: int


@dataclass(frozen=True)
class Plover:
    type: str | None
    mode: str | None = None


@dataclass(frozen=True)
class EventDate:
    """When an event happened; ``value`` is null when the text could not be resolved."""

    value: str | None
    precision: EventPrecision | None
    text: str | None = None

    def __post_init__(self) -> None:
        if self.value is None and self.text is None:
            raise ValueError("an EventDate needs a value or the text it came from")


@dataclass(frozen=True)
class Location:
    text: str
    name: str | None = None
    geonames_id: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Count:
    count: int
    at_least: bool = False
    text: str | None = None


@dataclass(frozen=True)
class Casualties:
    """Counts of people an event harmed, from the article body; ``victim`` is who they were
    when the text says ("dozens of Syrian soldiers" -> SYRMIL)."""

    killed: Count | None = None
    injured: Count | None = None
    arrested: Count | None = None
    displaced: Count | None = None
    victim: ActorRef | None = None


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    attributed_to: str | None = None


@dataclass(frozen=True)
class Event:
    event_id: str
    sentence: int
    evidence: Span
    trigger: Span
    cameo: Cameo
    plover: Plover
    source: ActorRef | None = None
    target: ActorRef | None = None
    date: EventDate | None = None
    location: Location | None = None
    casualties: Casualties = field(default_factory=Casualties)
    modality: Modality = field(default_factory=Modality)
    confidence: float = 0.0


@dataclass(frozen=True)
class CodedSpan:
    """A span resolved to an actor: a quote's speaker or the outlet it came via."""

    text: str
    start: int
    end: int
    code: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Quote:
    kind: QuoteKind
    text: str
    start: int
    end: int
    cue: str | None = None
    speaker: CodedSpan | None = None
    via: CodedSpan | None = None
    events: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int
    code: str | None
    name: str | None = None
    kind: ActorKind | None = None
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class Place:
    text: str
    start: int
    end: int
    name: str | None = None
    geonames_id: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    reason: str | None = None


@dataclass(frozen=True)
class TimeExpr:
    text: str
    start: int
    end: int
    value: str | None
    precision: Precision | None


@dataclass(frozen=True)
class ArticleResult:
    """Everything eventwire found in one article, plus the article itself."""

    article: Article
    pipeline_version: str
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    mentions: tuple[Mention, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()

    @property
    def status(self) -> Status:
        return self.article.status

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "pipeline_version": self.pipeline_version,
            "events": [dataclasses.asdict(e) for e in self.events],
            "quotes": [dataclasses.asdict(q) for q in self.quotes],
            "mentions": [dataclasses.asdict(m) for m in self.mentions],
            "places": [dataclasses.asdict(p) for p in self.places],
            "times": [dataclasses.asdict(t) for t in self.times],
        }
