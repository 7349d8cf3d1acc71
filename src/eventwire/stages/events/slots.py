"""Who fills an event's source and target slots, read from the dependency parse.

A slot is a token (the subject, the object, the object of "against"...); the actors in it are
the coded mentions found in the noun phrase that token heads: the phrase's own head first,
then its coordinated members ("the US and Russia"), then any mention inside it ("U.S.-led
coalition air strikes", "Hezbollah launch positions"). Relative and other clauses inside the
phrase are not searched: their actors are not the phrase's.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from eventwire.lexicons.gazetteer import Gazetteer
from eventwire.records import Mention
from eventwire.stages.grammar import entities

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Clauses inside a noun phrase that speak of other actors.
_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "appos", "punct"})
# Verbs whose object, not their subject, does what the infinitive says ("urged Russia to halt").
SETTLEMENTS = frozenset({"city", "town", "village", "port", "capital", "region", "province",
                          "district", "suburb", "area"})
OBJECT_CONTROL = frozenset({"urge", "call", "ask", "press", "push", "order", "force", "persuade",
                            "encourage", "invite", "tell", "warn", "allow", "help", "request",
                            "pressure", "pressurise", "pressurize", "appeal"})


class MentionIndex:
    """Coded mentions by token."""

    def __init__(self, mentions: tuple[Mention, ...], doc_tokens: list[tuple[int, int]],
                 gazetteer: Gazetteer | None = None) -> None:
        self.by_token: dict[int, Mention] = {}
        # mentions sharing one span: a dictionary actor with several codes ("the Shire" is
        # FRO, BIL and SAM)
        self.same_span: dict[tuple[int, int], list[Mention]] = {}
        self.gazetteer = gazetteer
        starts = [s for s, _ in doc_tokens]
        for m in mentions:
            if not m.code:
                continue
            self.same_span.setdefault((m.start, m.end), []).append(m)
            i = bisect.bisect_right(starts, m.start) - 1
            while 0 <= i < len(doc_tokens) and doc_tokens[i][0] < m.end:
                if doc_tokens[i][1] > m.start:
                    self.by_token.setdefault(i, m)
                i += 1

    def actors(self, head: Token) -> list[Mention]:
        """The actors a noun phrase names (see the module docstring)."""
        return self.with_codes(self._actors(head))

    def with_codes(self, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` and the other codes of their spans."""
        out: list[Mention] = []
        for m in mentions:
            for one in self.same_span.get((m.start, m.end), [m]):
                if one not in out:
                    out.append(one)
        return out

    def _actors(self, head: Token) -> list[Mention]:
        own = self.by_token.get(head.i)
        if own is not None and own.kind == "generic" and not own.country and \
                any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            own = None  # "envoys of the Sudanese government and the RSF": whose envoys they are
        found: list[Mention] = [own] if own is not None else []
        for conj in head.conjuncts:
            if conj.i <= head.i:
                continue
            # "the prime minister and the speaker of parliament": a member's own actor, else
            # the first named inside it
            m = self.by_token.get(conj.i) or next(
                (self.by_token[t.i] for t in _phrase(conj) if t.i in self.by_token), None)
            if m is not None and m not in found:
                found.append(m)
        if found:
            return found
        place = self.place(head)
        if place is not None:
            return [place]
        for token in _phrase(head):
            inner = self.by_token.get(token.i)
            if inner is not None and inner not in found:
                # the first actor named inside the phrase is the one it belongs to, with those
                # coordinated with it ("the foreign ministers of India and China",
                # "representatives of the Colombian government and the ELN")
                found.append(inner)
                root = token
                while root.head.i != root.i and self.by_token.get(root.head.i) is inner:
                    root = root.head
                for conj in root.conjuncts:
                    other = self.by_token.get(conj.i)
                    if conj.i > root.i and other is not None and other not in found:
                        found.append(other)
                break
        if not found:
            # "Old foes Gondor and Osgiliath have renewed ties": a noun naming no one, with
            # the actors in apposition to it
            appos = next((c for c in head.children if c.dep_ == "appos"), None)
            if appos is not None and appos.i in self.by_token:
                found = self._actors(appos)
        return found

    def place(self, head: Token) -> Mention | None:
        """A town named where an actor should be ("struck Kharkiv") stands for its country."""
        if self.gazetteer is None:
            return None
        if head.pos_ == "NOUN" and head.lemma_.lower() in SETTLEMENTS:
            of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            named = next((o for o in of.children if o.dep_ == "pobj"), None) if of is not None else None
            if named is not None:
                head = named  # "the city of Sumy"
        ent = next((e for e in entities(head.doc) if e.start <= head.i < e.end), None)
        if ent is not None and ent.label_ in ("GPE", "LOC", "FAC"):
            span = ent
        elif head.pos_ == "PROPN":  # the small model often takes a town for a person
            first = min([head.i] + [c.i for c in head.children if c.dep_ == "compound"])
            span = head.doc[first:head.i + 1]
        else:
            return None
        name = span.text[4:] if span.text.startswith("the ") else span.text
        alias = self.gazetteer.aliases.get(name.lower())  # a news name: "Gaza Strip", "Darfur"
        country = alias.country if alias is not None and alias.country else \
            self.gazetteer.country_of(name)
        if country is None:
            return None
        return Mention(text=span.text, start=span.start_char, end=span.end_char, code=country,
                       name=name, kind="state", country=country, sector=None)


def _phrase(head: Token) -> list[Token]:
    """Tokens of the noun phrase ``head`` heads, without clauses and coordination."""
    out = [head]
    # a post-nominal adjective phrase ("settlers responsible for attacks on Palestinians") is a
    # clause in all but name: its actors are not the phrase's
    stack = [c for c in head.children if c.dep_ not in _CLAUSES and c.dep_ not in ("conj", "cc")
             and not (c.dep_ == "amod" and c.i > head.i)]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSES)
    return sorted(out, key=lambda t: t.i)


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The token that names who acts, and whether the verb is passive (then the subject is the
    one acted on and the "by" agent acts).

    Shared subjects are followed: "Russia denied the claim and accused the US" (conjoined
    verbs), "plans to strike" (the subject of the verb it complements), "urged Moscow to pull
    back" (the object of an object-control verb), "strikes, which killed..." (the noun a
    relative clause hangs on)."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    node = verb
    for _ in range(6):
        # of two subjects (a parse of "Old foes Gondor and Osgiliath have renewed ties"), the
        # one nearest the verb
        subj = max((c for c in node.children if c.dep_ in SUBJECTS and c.i < node.i),
                   key=lambda c: c.i, default=None) or next(
            (c for c in node.children if c.dep_ in SUBJECTS), None) or next(
            # a subject the parser hung on the auxiliary ("The Philippines was heavily and
            # unjustly criticized", with "Philippines" under "was")
            (c for a in node.children if a.dep_ in ("aux", "auxpass") for c in a.children
             if c.dep_ in SUBJECTS), None)
        if subj is not None:
            if subj.lower_ in ("which", "that", "who") and node.dep_ == "relcl":
                return _relative_head(node), passive and node.i == verb.i
            return subj, passive and node.i == verb.i
        if node.dep_ == "relcl":
            return _relative_head(node), passive and node.i == verb.i
        if node.dep_ == "xcomp" or (node.dep_ == "advcl" and node.tag_ in ("VBG", "VB")):
            gov = node.head
            if gov.lemma_.lower() in OBJECT_CONTROL and node.tag_ != "VBG":
                # (not "ordered US forces to leave, while deepening ties": the orderer deepens)
                obj = next((c for c in gov.children if c.dep_ == "dobj"), None)
                if obj is None:  # "called on Russia to", "appealed to the rebels to"
                    prep = next((c for c in gov.children if c.dep_ == "prep"
                                 and c.lower_ in ("on", "to", "upon")), None)
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
                if obj is not None:
                    return obj, False
            node = gov
            continue
        if node.dep_ == "acomp" and node.pos_ == "ADJ":
            node = node.head  # "Tehran was ready to share": who was ready
            continue
        if node.dep_ == "acl" and node.tag_ == "VB" and node.head.head.i != node.head.i:
            node = node.head.head  # "used the opportunity to chastise Russia": who used it
            continue
        if node.dep_ == "acl" and node.tag_ == "VB" and node.head.dep_ == "ROOT" \
                and node.head.pos_ == "NOUN":
            # "Armenia and Azerbaijan plan to sign", with "plan" taken for a noun: the words
            # before it are its subject
            subj = next((c for c in node.head.children if c.i < node.head.i
                         and c.dep_ in ("nmod", "compound", "nsubj")), None)
            return subj, False
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.lower_ in ("of", "for"):
            gov = node.head.head  # "accused Moscow of targeting civilians": Moscow targets
            if gov.dep_ == "dobj" and gov.pos_ in ("NOUN", "PROPN"):
                return gov, False  # "accused troops, who ..., of executing": "of" on the object
            obj = next((c for c in gov.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj, False
            node = gov
            continue
        if node.dep_ in ("conj", "pcomp") and node.head.i != node.i:
            node = node.head if node.dep_ == "conj" else node.head.head
            continue
        return None, passive
    return None, passive


def _relative_head(clause: Token) -> Token:
    """The noun a relative clause is about: "the air strikes earlier in the day which killed"
    hangs on "day" in the parse, but is about the strikes."""
    head = clause.head
    if head.ent_type_ in ("GPE", "LOC", "FAC") and head.dep_ == "pobj" \
            and head.head.head.pos_ == "NOUN":
        head = head.head.head  # "strikes on Dnipro, which killed nine": the strikes
    for _ in range(4):
        if head.ent_type_ not in ("DATE", "TIME") or head.head.i == head.i:
            break
        head = head.head
        while head.pos_ not in ("NOUN", "PROPN") and head.head.i != head.i:
            head = head.head
    return head


def agent_of(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb: "were killed by coalition air strikes"."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def object_of(verb: Token) -> Token | None:
    """The direct object; for a relative clause with a subject of its own and no object, the
    noun it hangs on ("the sanctions it imposed on Belarus": imposed the sanctions)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if verb.dep_ == "relcl" and verb.head.pos_ == "NOUN" and (
            (obj is not None and obj.lower_ in _RELATIVES) or (obj is None and any(
                c.dep_ == "nsubj" and c.lower_ not in _RELATIVES for c in verb.children))):
        return verb.head  # (also "the sanctions that it imposed")
    return obj


_RELATIVES = frozenset({"which", "that", "who", "whom"})


def prep_object(heads: list[Token], preposition: str) -> Token | None:
    """The object of ``preposition`` attached to any of ``heads`` (the verb, its object)."""
    for head in heads:
        for c in head.children:
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ == preposition:
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):  # "on Thursday"
                    return obj
    return None
