"""Coding stages, run in order on one parsed article.

Each stage is a module with one entry point, ``run(doc, article, found) -> Found``: it reads the
spaCy ``Doc``, the article and what earlier stages found, and returns ``found`` with its own
records added (and, for the enriching stages, events refined). Stages never parse text, load
models, open files or touch the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.records import Article, Event, Mention, Place, Quote, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Found:
    """Records found so far in one article."""

    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()


StageFn = Callable[["Doc", Article, Found], Found]


def stage_order() -> tuple[tuple[str, StageFn], ...]:
    """The stages in the order the pipeline runs them."""
    from eventwire.stages import actors, casualties, events, places, quotes, times

    return (
        ("actors", actors.run),
        ("events", events.run),
        ("quotes", quotes.run),
        ("places", places.run),
        ("times", times.run),
        ("casualties", casualties.run),
    )
