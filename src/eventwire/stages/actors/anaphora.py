"""References back to non-person actors: "they" and definite nouns such as "the group"."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from eventwire.stages.actors.context import REFERENCE, Cand, DocContext, recent_start
from eventwire.stages.grammar import clause_subject
from eventwire.stages.quoting import inside_quotation

if TYPE_CHECKING:
    from spacy.tokens import Token

# Kinds of actor a subject "they" may stand for, when exactly one such actor is in reach.
_PLURAL_KINDS = frozenset({"group", "generic"})


def references(ctx: DocContext, chosen: list[Cand]) -> list[Cand]:
    doc = ctx.doc
    taken = {i for c in chosen for i in range(c.start, c.end)}
    earlier = sorted((c for c in chosen if c.person is None and c.code), key=lambda c: c.start)
    people = sorted((c for c in chosen if c.person is not None and c.code), key=lambda c: c.start)
    starts = [c.start for c in earlier]
    sent_starts = [s.start for s in doc.sents]
    found: list[Cand] = []
    for token in doc:
        if token.i in taken:
            continue
        before = earlier[:bisect.bisect_left(starts, token.i)]
        if token.lower_ == "they" and token.dep_ in ("nsubj", "nsubjpass"):
            if inside_quotation(token):
                continue  # a speaker's "they" is whoever the speaker means; the text may not say
            here = bisect.bisect_right(sent_starts, token.i) - 1
            window = sent_starts[max(0, here - 2)]
            fits = {c.code: c for c in before if c.start >= window and _plural_actor(c, ctx)}
            if len(fits) == 1:
                found.append(_copy(next(iter(fits.values())), token.i, token.i + 1))
            continue
        half = _half(token, before) or _members(token, before)
        if half is not None:
            found.append(half)
            continue
        owned = _possessed(token, sorted(before + found, key=lambda c: c.start), ctx,
                           [c for c in people if c.start < token.i])
        if owned is not None:
            found.append(owned)
            continue
        rule = ctx.lexicon.nominals.get(token.lemma_.lower())
        if rule is None or token.pos_ != "NOUN":
            continue
        dets = [c.i for c in token.children if c.dep_ == "det" and c.lower_ in ("the", "this")]
        if not dets or any(c.dep_ in ("amod", "compound") for c in token.children):
            continue
        kinds, words = rule
        for c in reversed(before):
            name = (c.name or "").lower() + " " + doc[c.start:c.end].text.lower()
            fit = c.kind in kinds or ("ngo" in kinds and (c.code or "").startswith("NGO")
                                      and c.start >= recent_start(token))
            if fit and (not words or any(w in name for w in words)):
                found.append(_copy(c, min(dets), token.i + 1))
                break
    return found


_POSSESSIVES = {"its": ("group", "organisation", "state", "generic"),
                "their": ("group", "organisation", "state", "generic"),
                "his": ("person",), "her": ("person",)}


# Nouns for the people who make up a body: "its leaders" are the body itself, not a government.
_MEMBERS = frozenset({"leader", "leadership", "member", "official", "commander"})


def _possessed(
    token: Token, before: list[Cand], ctx: DocContext, people: list[Cand]
) -> Cand | None:
    """ "its forces", "their leaders": the actor noun belongs to the latest group, body or
    state named before it in the same or the previous sentence; "his delegation" to the
    latest person's country."""
    if token.pos_ != "NOUN":
        return None
    owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVES), None)
    entry = ctx.lexicon.sector_nouns.get((token.lemma_.lower(),))
    if owner is None or entry is None:
        return None
    sent_start = token.sent.start
    previous = token.doc[sent_start - 1].sent.start if sent_start else 0
    kinds = _POSSESSIVES[owner.lower_]
    if kinds == ("person",):
        person = people[-1] if people and people[-1].start >= previous else None
        sector = entry[0]
        if person is None or sector in ("NGO", "IGOPKO", "INT"):
            return None
        if person.country and person.code and person.code.startswith(person.country):
            return Cand(owner.i, token.i + 1, "generic", person.country + sector,
                        ctx.label(person.country, sector), person.country, sector, REFERENCE)
        # someone who acts for a body ("the envoy ... his delegation"): the body's code
        return Cand(owner.i, token.i + 1, "organisation", person.code, None, person.country,
                    person.sector, REFERENCE)
    subject = clause_subject(token)
    bound = [c for c in before if subject is not None and c.start <= subject.i < c.end]
    for c in bound + list(reversed(before)):
        if c.start < previous:
            break
        if c.kind in kinds and c.code:
            sector = entry[0]
            if c.kind == "generic" and not c.country:
                continue  # "rebels ... their leaders": whose is not known
            if token.lemma_.lower() in _MEMBERS and c.kind != "state":
                # "the party ... its leaders": the body's own people
                return Cand(owner.i, token.i + 1, c.kind, c.code, c.name, c.country, c.sector, REFERENCE)
            if c.kind in ("state", "generic") and c.country and sector not in ("NGO", "IGOPKO", "INT"):
                return Cand(owner.i, token.i + 1, "generic", c.country + sector,
                            ctx.label(c.country, sector), c.country, sector, REFERENCE)
            return Cand(owner.i, token.i + 1, c.kind, c.code, c.name, c.country, c.sector, REFERENCE)
    return None


def _half(token: Token, before: list[Cand]) -> Cand | None:
    """ "the North" after North Korea has been named, "the South" after South Sudan."""
    if token.text not in ("North", "South") or token.i == 0 or token.doc[token.i - 1].lower_ != "the":
        return None
    for c in reversed(before):
        if c.kind == "state" and c.sector is None and (c.name or "").startswith(token.text + " "):
            return _copy(c, token.i - 1, token.i + 1)
    return None


_BODIES = frozenset({"council", "bloc", "alliance", "union", "league", "organisation", "organization"})


def _members(token: Token, before: list[Cand]) -> Cand | None:
    """ "member states" (and "the council's members") of the international body named last."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or token.tag_ != "NNS":
        return None
    if lemma == "state":
        if not any(c.lower_ == "member" and c.dep_ == "compound" for c in token.children):
            return None
    elif lemma != "member" or not any(c.lemma_.lower() in _BODIES and c.dep_ in ("poss", "compound")
                                      for c in token.children):
        return None
    bodies = (c for c in reversed(before) if c.kind == "organisation" and (c.code or "").startswith("IGO"))
    body = next(bodies, None)
    if body is None:
        return None
    return _copy(body, token.left_edge.i, token.i + 1)


def _plural_actor(c: Cand, ctx: DocContext) -> bool:
    """Groups, and role phrases with a plural head ("Syrian soldiers")."""
    return c.kind == "group" or (c.kind in _PLURAL_KINDS and ctx.doc[c.end - 1].tag_ in ("NNS", "NNPS"))


def _copy(c: Cand, start: int, end: int) -> Cand:
    return Cand(start, end, c.kind, c.code, c.name, c.country, c.sector, REFERENCE)
