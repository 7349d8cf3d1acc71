"""Whose side a role noun with no country word is on, read from the clause around it.

"Russia has massed troops" (the subject's own troops), "jets struck the base, killing four
soldiers" (not the jets' side), "two civilians were killed in Khiam" (where they are). The
article-wide default (the home country, the last actor of that role) applies only when the
clause says nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from eventwire.lexicons.gazetteer import Gazetteer
from eventwire.stages.actors.context import Cand, DocContext
from eventwire.stages.grammar import clause_subject, entities

if TYPE_CHECKING:
    from spacy.tokens import Token

# Prepositions that place a noun or a passive event ("killed in Khiam", "troops from Rwanda").
_WHERE = frozenset({"in", "near", "inside", "from", "across", "around", "at", "outside"})
# Sectors that belong where they are: the people of a place.
_FORCES = frozenset({"MIL", "COP"})
# People of the press a statement is made to.
_PRESS = frozenset({"reporter", "journalist", "correspondent"})
_RESIDENT = frozenset({"CVL", "REF", "GOV", "JUD", "LEG", "COP", "HLH", "EDU", "BUS", "LAB", "AGR",
                       "MED", "OPP", "REB", "CRM", "UAF"})


class Side(NamedTuple):
    country: str | None = None  # the country the clause gives the role
    ruled_out: str | None = None  # a country the clause says it is not
    shared: bool = False  # no one state's ("Benin and the Bahamas plan to deploy troops")


def side_of(c: Cand, ctx: DocContext, at: dict[int, Cand], gazetteer: Gazetteer | None) -> Side:
    """What the clause around a bare role noun says of its side."""
    doc = ctx.doc
    noun = doc[c.start:c.end].root
    node = noun
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # "troops and tanks": as the first conjunct
    verb = node.head
    kind = ctx.lexicon.side_verbs.get(verb.lemma_.lower()) if verb.pos_ == "VERB" else None
    if kind == "audience" and node.dep_ == "dobj" and noun.lemma_.lower() in _PRESS:
        return Side(shared=True)  # "Wendt told reporters in Berlin": the press, not Germany's
    if kind == "own" and node.dep_ == "dobj":
        owner = clause_subject(node)
        countries = {_country_at(t, at) for t in ([owner, *owner.conjuncts] if owner else [])}
        if len(countries) > 1:
            return Side(shared=True)
        if countries and None not in countries:
            return Side(countries.pop())
    ruled_out = None
    if kind == "harm" and node.dep_ in ("dobj", "nsubjpass") and c.sector in _FORCES:
        # soldiers hit by another state's forces are not that state's
        if node.dep_ == "dobj":
            agent = clause_subject(node)
        else:
            by = next((p for p in verb.children if p.dep_ == "agent"), None)
            agent = next((o for o in by.children if o.dep_ == "pobj"), None) if by else None
        hit = at.get(agent.i) if agent is not None else None
        if hit is not None and (hit.kind == "state" or hit.sector in _FORCES):
            ruled_out = hit.country
    if c.sector in _RESIDENT:
        preps = [p for p in noun.children if p.dep_ == "prep"]
        if node.dep_ in ("dobj", "nsubjpass"):
            preps += [p for p in verb.children if p.dep_ == "prep"]
        for prep in preps:
            if prep.lower_ not in _WHERE:
                continue
            place = next((o for o in prep.children if o.dep_ == "pobj"), None)
            country = _place_country(place, ctx, gazetteer) if place is not None else None
            if country and country != ruled_out:
                return Side(country, ruled_out)
    return Side(None, ruled_out)


def _country_at(token: Token | None, at: dict[int, Cand]) -> str | None:
    if token is None:
        return None
    cand = at.get(token.i)
    return cand.country if cand is not None else None


def _place_country(token: Token, ctx: DocContext, gazetteer: Gazetteer | None) -> str | None:
    """The country of a place word: a state ("eastern Syria"), a capital, or a gazetteer town
    ("the town of Zvecan", "Khiam")."""
    of = next((p for p in token.children if p.dep_ == "prep" and p.lower_ == "of"), None)
    if of is not None and token.pos_ == "NOUN":
        inner = next((o for o in of.children if o.dep_ == "pobj"), None)
        if inner is not None:
            token = inner  # "the northern town of Zvecan"
    entry = ctx.country_of(token)
    if entry is not None and entry.country:
        return entry.country
    if gazetteer is None or token.ent_type_ not in ("GPE", "LOC", "FAC"):
        return None
    ent = next((e for e in entities(token.doc) if e.start <= token.i < e.end), None)
    if ent is None:
        return None
    name = ent.text[4:] if ent.text.startswith("the ") else ent.text
    return gazetteer.country_of(name)
