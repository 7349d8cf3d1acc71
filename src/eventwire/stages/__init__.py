"""Coding stages, run in order on one parsed article.

Each stage is a module with one entry point, ``run(doc, article, found, resources) -> Found``:
it reads the spaCy ``Doc``, the article and what earlier stages found, and returns ``found`` with
its own records added (and, for the enriching stages, events refined). ``resources`` holds the
lexicons, loaded once per process by ``load_resources``. Stages never parse text, load models,
open files or touch the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.lexicons.actors import load_actor_lexicon
from eventwire.lexicons.events import EventLexicon, load_event_lexicon
from eventwire.lexicons.gazetteer import Gazetteer, load_gazetteer
from eventwire.options import Options
from eventwire.records import Article, Event, Mention, Place, Quote, TimeExpr

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from eventwire.stages.actors.matcher import ActorMatcher


@dataclass(frozen=True)
class Found:
    """Records found so far in one article."""

    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()


@dataclass(frozen=True)
class Resources:
    """Everything the stages look things up in, built once per process."""

    actor_matcher: ActorMatcher
    gazetteer: Gazetteer
    event_lexicon: EventLexicon


def load_resources(options: Options, nlp: Language) -> Resources:
    """Load every lexicon (the built-in ones and the user's) and index it for ``nlp``."""
    from eventwire.lexicons.dictionaries import load_verb_dictionaries
    from eventwire.stages.actors.matcher import ActorMatcher

    if options.verb_files or options.discard_files:
        event_lexicon = load_verb_dictionaries(options.verb_files, options.discard_files, nlp)
    else:
        event_lexicon = load_event_lexicon()
    return Resources(
        actor_matcher=ActorMatcher(load_actor_lexicon(options.actor_files, options.agent_files), nlp),
        gazetteer=load_gazetteer(),
        event_lexicon=event_lexicon,
    )


StageFn = Callable[["Doc", Article, Found, Resources], Found]


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
