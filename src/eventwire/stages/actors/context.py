"""What the actor rules share while reading one document."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from eventwire.lexicons.actors import ActorEntry, ActorLexicon
from eventwire.stages.actors.matcher import Match

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# A mention's strength when candidates overlap: the stronger one is kept.
PERSON_WITH_ROLE, ACTOR_PHRASE, NAME, REFERENCE = 4, 3, 2, 1


@dataclass
class Cand:
    """A candidate mention over tokens ``[start, end)`` (or an explicit character span)."""

    start: int
    end: int
    kind: str
    code: str | None
    name: str | None
    country: str | None
    sector: str | None
    strength: int
    chars: tuple[int, int] | None = None
    person: str | None = None  # the full name of the person this mention refers to
    needs_country: bool = False  # the role is known, the country may come from the article


@dataclass
class Person:
    full: str
    surnames: set[str]
    code: str | None
    country: str | None
    sector: str | None
    gender: str | None
    titles: set[str] = field(default_factory=set)
    first_token: int = 0


@dataclass
class DocContext:
    doc: Doc
    day: date | None
    lexicon: ActorLexicon
    title_words: set[str]
    matches: list[Match]
    role_words: set[str] = field(default_factory=set)
    by_token: dict[int, Match] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for m in self.matches:
            for i in range(m.start, m.end):
                self.by_token[i] = m

    def match_at(self, token: Token) -> Match | None:
        return self.by_token.get(token.i)

    def country_of(self, token: Token) -> ActorEntry | None:
        """The state a token names: a country, its adjective or (as a modifier) its capital."""
        m = self.match_at(token)
        return m.first("country", "adjective", "capital", "metonym") if m else None

    def org_of(self, token: Token) -> ActorEntry | None:
        m = self.match_at(token)
        return m.first("organisation", "group", "user") if m else None

    def named_earlier(self, token: Token) -> ActorEntry | None:
        """The body a definite noun in a title points back to: "the league's assistant
        secretary-general" -> the Arab League named earlier; "a researcher at the group"."""
        rule = self.lexicon.nominals.get(token.lemma_.lower())
        if rule is None or not any(c.lower_ in ("the", "this") for c in token.children):
            return None
        kinds, words = rule
        recent = recent_start(token)
        for m in reversed(self.matches):
            if m.start >= token.i:
                continue
            entry = m.first("organisation", "group", "user")
            if entry is None:
                continue
            name = f"{entry.name} {self.doc[m.start:m.end].text}".lower()
            fits = entry.kind in kinds or ("group" in kinds and entry.source == "group") \
                or ("ngo" in kinds and entry.code.startswith("NGO") and m.start >= recent)
            if fits and (not words or any(w in name for w in words)):
                return entry
        return None

    def label(self, country: str | None, sector: str | None) -> str | None:
        """A readable name for a country + role ("Syrian military")."""
        role = self.lexicon.sector_labels.get(sector or "", sector)
        if country is None:
            return role
        if not role:
            entry = self.lexicon.states.get(country)
            return entry.name if entry else country
        return f"{self.lexicon.adjectives.get(country, country)} {role}"


def recent_start(token: Token) -> int:
    """Where the sentence before ``token``'s begins: "the group" stands for an aid or rights
    group only when one was just named; an armed group may be further back."""
    start = token.sent.start
    return token.doc[start - 1].sent.start if start else 0
