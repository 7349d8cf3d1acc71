"""Place mentions resolved against the gazetteer, and each event's location.

1. Mentions: the parser's GPE, LOC and FAC entities and any alias of ``place_aliases.tsv``
   in the text ("Deir al-Zor", "Donetsk region"), widened over a following "province",
   "region", "governorate"... A state or capital the actors stage coded as an actor
   ("Russia accused", "Moscow said") is an actor there, not a place; it is a place after a
   locative preposition ("in Syria", "flew to Moscow"). Demonyms are never places.
2. Resolution: the news alias table first, then countries, then cities. A city name several
   places share goes to the one in a country the article names (its actors and its other
   places), else to the most populous. An unknown name keeps ``reason``.
3. Event location: the place the parse attaches to the event's trigger ("struck targets near
   Deir al-Zor airport", "talks in Geneva"), else the only place of the sentence; else, for
   an event noun the article mentions again with a place ("the strikes, which allowed ...
   near Deir al-Zor"), that place; otherwise null.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.lexicons.gazetteer import Gazetteer, PlaceHit
from eventwire.records import Article, Event, Location, Mention, Place
from eventwire.stages import Found, Resources
from eventwire.stages.grammar import entities, hangs_on

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_LOCATIVE = frozenset({"in", "near", "at", "outside", "inside", "into", "from", "to", "across",
                       "around", "toward", "towards", "throughout", "within", "over", "off",
                       "along", "through", "via", "onto", "beyond", "on"})
# "south of Damascus", "the city of Sumy": "of" is locative only after such words.
_OF_PLACE = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                       "southwest", "outskirts", "city", "town", "village", "province", "region",
                       "suburbs", "centre", "center", "capital", "port", "heart", "edge"})
_UNIT_WORDS = frozenset({"province", "region", "governorate", "oblast", "state", "district",
                         "county", "prefecture", "territory"})
# Month and weekday names the parser sometimes tags as places.
_CALENDAR = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                       "september", "october", "november", "december", "monday", "tuesday",
                       "wednesday", "thursday", "friday", "saturday", "sunday"})
_STRIP = re.compile(r"^(the|The)\s+")


def run(doc: Doc, article: Article, found: Found, resources: Resources) -> Found:
    """The places stage's entry point (see the module docstring)."""
    gazetteer = resources.gazetteer
    spans = [s for s in _mentions(doc, gazetteer)
             if s.text.lower() not in _CALENDAR and _is_place(s, found.mentions)]
    hints = {m.country for m in found.mentions if m.country}
    states = {m.start: m.code for m in found.mentions if m.kind == "state" and m.code}
    resolved = [(s, _resolve(s.text, gazetteer, hints, states.get(s.start_char))) for s in spans]
    hints |= {hit.country for _, hit in resolved if hit is not None and hit.country}
    places = []
    for span, hit in resolved:
        if hit is None:  # a second look, now that the other places are known
            hit = _resolve(span.text, gazetteer, hints)
        places.append(_place(span, hit))
    located = _Locator(doc, spans, places)
    events = tuple(located.locate(e) for e in found.events)
    return replace(found, places=tuple(places), events=events)


def _mentions(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    spans = [e for e in entities(doc) if e.label_ in ("GPE", "LOC", "FAC")]
    for m in gazetteer.alias_pattern().finditer(doc.text):
        span = doc.char_span(m.start(), m.end())
        if span is None or not span.text[0].isupper():
            continue
        spans = [s for s in spans if not (s.start < span.end and span.start < s.end)
                 or len(s) > len(span)]
        if not any(s.start < span.end and span.start < s.end for s in spans):
            spans.append(span)
    for token in doc:
        # a name after a locative preposition the parser tagged as something else
        if token.dep_ == "pobj" and token.pos_ == "PROPN" and _locative(token):
            start = token.left_edge.i + (token.left_edge.lower_ == "the")
            span = doc[start:token.i + 1]
            if span.text and not any(s.start < span.end and span.start < s.end for s in spans) \
                    and (gazetteer.candidates(span.text) or gazetteer.country(span.text)):
                spans.append(span)
    out = []
    for span in spans:
        if span.end < len(doc) and doc[span.end].lower_ in _UNIT_WORDS:
            span = doc[span.start:span.end + 1]
        if span[0].lower_ == "the" and len(span) > 1:
            span = span[1:]
        out.append(span)
    return sorted({(s.start, s.end): s for s in out}.values(), key=lambda s: s.start)


def _is_place(span: Span, mentions: tuple[Mention, ...]) -> bool:
    """A span the actors stage coded as a state or organisation is a place only where a
    locative preposition governs it."""
    actor = next((m for m in mentions if m.start <= span.start_char < m.end), None)
    if actor is None:
        return span.root.pos_ != "ADJ"
    if actor.kind not in ("state", "organisation"):
        return actor.kind is None
    return _locative(span.root)


def _locative(token: Token) -> bool:
    node = token
    for _ in range(3):
        if node.dep_ == "pobj" and (node.head.lower_ in _LOCATIVE or (
                node.head.lower_ == "of" and node.head.head.lower_ in _OF_PLACE)):
            return True
        if node.dep_ not in ("compound", "poss", "appos", "conj", "nmod"):
            return False
        node = node.head
    return False


def _resolve(text: str, gazetteer: Gazetteer, hints: set[str],
             state: str | None = None) -> PlaceHit | None:
    """``state``: the country code the actors stage gave the same words ("U.S.")."""
    name = _STRIP.sub("", text.strip())
    if name.lower() in _CALENDAR:
        return None
    country = None if name.lower() in gazetteer.aliases else gazetteer.country(state or name)
    if country is not None:
        return country  # "Lebanon" is the country, not Lebanon, Pennsylvania
    candidates = gazetteer.candidates(name)
    if not candidates:
        words = name.split()
        if len(words) > 1 and words[-1].lower() in _UNIT_WORDS:
            candidates = gazetteer.candidates(" ".join(words[:-1]))
    if not candidates:
        return None
    preferred = [c for c in candidates if c.country in hints]
    return max(preferred or candidates, key=lambda c: c.population)


def _place(span: Span, hit: PlaceHit | None) -> Place:
    if hit is None:
        return Place(span.text, span.start_char, span.end_char, reason="not in the gazetteer")
    return Place(span.text, span.start_char, span.end_char, hit.name, hit.geonames_id,
                 hit.country, hit.lat, hit.lon)


class _Locator:
    def __init__(self, doc: Doc, spans: list[Span], places: list[Place]) -> None:
        self.doc = doc
        self.known = [(s, p) for s, p in zip(spans, places, strict=True) if p.name is not None]

    def locate(self, event: Event) -> Event:
        place = self._attached(event) or self._mentioned_again(event)
        if place is None:
            return event
        return replace(event, location=Location(place.text, place.name, place.geonames_id,
                                                place.country, place.lat, place.lon))

    def _attached(self, event: Event) -> Place | None:
        inside = [(s, p) for s, p in self.known
                  if event.evidence.start <= p.start and p.end <= event.evidence.end]
        trigger = self.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if trigger is not None:
            attached = [p for span, p in inside if hangs_on(span.root, trigger.root)]
            if attached:  # "in Russia's Belgorod region": the region, not the country
                return next((p for p in attached if not _is_country(p)), attached[0])
        local = [p for _, p in inside if not _is_country(p)]
        return local[0] if len(local) == 1 else None

    def _mentioned_again(self, event: Event) -> Place | None:
        """An event noun ("the air strikes") named again elsewhere beside one place."""
        nouns = set()
        for ref in (event.source, event.target):
            if ref is None:
                continue
            span = self.doc.char_span(ref.start, ref.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                # "coalition air strikes": the actor modifies the event noun
                if t.dep_ in ("compound", "amod") and t.head.pos_ == "NOUN" \
                        and not span.start <= t.head.i < span.end:
                    nouns.add(t.head.lemma_.lower())
        trigger = self.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if trigger is not None and trigger.root.pos_ == "NOUN":
            nouns.add(trigger.root.lemma_.lower())
        if not nouns:
            return None
        for sent in self.doc.sents:
            if sent.start_char <= event.trigger.start < sent.end_char:
                continue
            if not any(t.lemma_.lower() in nouns and t.pos_ == "NOUN" for t in sent):
                continue
            local = [p for s, p in self.known if sent.start <= s.start < sent.end and not _is_country(p)]
            if len(local) == 1:
                return local[0]
        return None


def _is_country(place: Place) -> bool:
    """Countries carry a GeoNames id but no point (the stage never invents a centroid)."""
    return place.geonames_id is not None and place.lat is None
