"""Events of clauses inside a coded verb's phrase, as PETRARCH2 treats them in dictionary coding.

PETRARCH2 codes a sentence's verb phrases from the top down: a verb that codes an event takes
the clauses inside its phrase ("restore ties with X after Y burned down its embassy", "urged
X to help", "called on X to be allowed to leave") as part of that event, so they are not
events of their own; a clause is coded on its own only where the verb above it codes nothing
("is about to improve ties, years after Y burned down its embassy": the burning). When the
verb above names no target, the actor the clause is about is its target.

Coordinated verbs ("condemned the attack and promised raids") are each their own event.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.records import Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def fold_clauses(doc: Doc, events: list[Event]) -> list[Event]:
    """``events`` of one sentence without those of clauses inside another event's verb phrase;
    a target the upper event lacks is taken from the clause's source."""
    at = {t.idx: t for t in doc}
    verbs: dict[int, int] = {}  # a coded verb, and the words it is the verb of -> that verb
    for e in events:
        if e.trigger.start in at:
            verb = node = at[e.trigger.start]
            verbs[verb.i] = verb.i
            # "is about to restore ties ... after X burned down": the clause may hang on the
            # words the coded verb completes
            while node.dep_ in _GROUP and node.head.i != node.i:
                node = node.head
                verbs.setdefault(node.i, verb.i)
    kept: list[Event] = []
    taken: dict[int, Event] = {}  # upper verb -> the first event folded into it
    for e in events:
        token = at.get(e.trigger.start)
        upper = _upper_verb(token, verbs) if token is not None else None
        if upper is None:
            kept.append(e)
        else:
            taken.setdefault(upper, e)
    out = []
    for e in kept:
        token = at.get(e.trigger.start)
        lower = taken.get(token.i) if token is not None else None
        if e.target is None and lower is not None and lower.source is not None \
                and e.source is not None and lower.source.code != e.source.code:
            e = replace(e, target=lower.source)
        out.append(e)
    return out


# Links from a verb to the words it completes: "is about to restore", "was seen to break".
_GROUP = frozenset({"xcomp", "acomp"})


def _upper_verb(token: Token, verbs: dict[int, int]) -> int | None:
    """The coded verb whose phrase holds ``token``'s clause; a verb only coordinated with it
    is not above it."""
    own = verbs.get(token.i)
    node, subordinate = token, False
    while node.head.i != node.i:
        subordinate = subordinate or node.dep_ != "conj"
        node = node.head
        upper = verbs.get(node.i)
        if subordinate and upper is not None and upper != own and upper != token.i:
            return upper
    return None
