"""Hand-built records for store tests: events with exactly the codes, dates and places a test
needs, without parsing any text."""

from __future__ import annotations

from datetime import date

from eventwire.records import (
    ActorRef,
    Article,
    ArticleResult,
    Cameo,
    Event,
    EventDate,
    Location,
    Modality,
    Plover,
    Span,
)
from eventwire.version import PIPELINE_VERSION

# Goldstein score and quad class a test event gets by the quad of its CAMEO root.
_WEIGHTS = {1: (4.0, 1), 2: (7.0, 2), 3: (-2.0, 3), 4: (-9.0, 4)}


def _quad(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4

KHARKIV = Location("Kharkiv", "Kharkiv", 706483, "UKR", 49.98081, 36.25272)
SUMY = Location("Sumy", "Sumy", 692194, "UKR", 50.9216, 34.80029)
GENEVA = Location("Geneva", "Geneva", 2660646, "CHE", 46.20222, 6.14569)


def event(article: str, n: int, code: str, plover: str | None, source: str, target: str | None,
           day: str, precision: str = "day", location: Location | None = None,
           negated: bool = False) -> Event:
    sentence = f"Sentence {n} of {article}."
    return Event(
        event_id=f"{article}:{n}", sentence=n, evidence=Span(sentence, 0, len(sentence)),
        trigger=Span("struck", 0, 6), cameo=Cameo(code, code[:2], *_WEIGHTS[_quad(code)]),
        plover=Plover(plover),
        source=ActorRef(source, 0, 3, source, source[:3]),
        target=ActorRef(target, 4, 7, target, target[:3]) if target else None,
        date=EventDate(day, precision), location=location, modality=Modality(negated=negated),
        confidence=0.9)


def result(article: str, published: date, *events: Event) -> ArticleResult:
    return ArticleResult(Article(article, "text", title=f"Story {article}", url=f"https://example.org/{article}",
                                 source="Test Wire", published=published), PIPELINE_VERSION, events=events)
