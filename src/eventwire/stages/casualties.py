"""Killed, injured, arrested and displaced counts attached to the events that caused them.

In each sentence with a harmful event (PLOVER ASSAULT, COERCE, or CAMEO roots 17-20), the
casualty words ("killed", "wounding", "were injured", "arrested", "displaced", "dead") give
their count from the number phrase they govern: the object of an active verb ("killed
dozens of Syrian soldiers"), the subject of a passive one ("11 people were killed"), or the
noun a participle describes ("34 wounded"). Numbers in figures and words, with a lower-bound
flag for "at least", "more than", "over" and the vague plurals ("dozens" counts 24,
"hundreds" 200, "thousands" 2,000). Only the cleaned article body is read: a teaser line
removed by cleaning is not evidence. The victims are the actor the number phrase names.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.records import ActorRef, Article, Casualties, Count, Event, Mention
from eventwire.stages import Found, Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_KINDS = {"kill": "killed", "die": "killed", "dead": "killed", "death": "killed",
          "wound": "injured", "injure": "injured", "hurt": "injured", "injured": "injured",
          "wounded": "injured", "arrest": "arrested", "detain": "arrested",
          "displace": "displaced", "uproot": "displaced", "flee": "displaced"}
_HARMFUL_ROOTS = frozenset({"17", "18", "19", "20"})
_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
          "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
          "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
          "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "dozen": 12}
# Vague plurals: the smallest number they can mean, always a lower bound.
_VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
          "tens": 20}
_AT_LEAST = ("at least", "more than", "over", "upwards of", "in excess of", "no fewer than")


def run(doc: Doc, article: Article, found: Found, resources: Resources) -> Found:
    """The casualties stage's entry point (see the module docstring)."""
    events = []
    counted: dict[int, tuple[Casualties, int]] = {}  # sentence start -> counts, events given
    for e in found.events:
        if not _harmful(e):
            events.append(e)
            continue
        span = doc.char_span(e.evidence.start, e.evidence.end, alignment_mode="expand")
        if span is None:
            events.append(e)
            continue
        if span.start not in counted:
            counted[span.start] = (_counts(span, found.mentions), 0)
        casualties, _ = counted[span.start]
        events.append(replace(e, casualties=casualties) if casualties != Casualties() else e)
    return replace(found, events=tuple(events))


def _harmful(event: Event) -> bool:
    return event.plover.type in ("ASSAULT", "COERCE") or event.cameo.root in _HARMFUL_ROOTS


def _counts(sentence: Span, mentions: tuple[Mention, ...]) -> Casualties:
    found: dict[str, Count] = {}
    victim: ActorRef | None = None
    for token in sentence:
        kind = _KINDS.get(token.lemma_.lower()) or _KINDS.get(token.lower_)
        if kind is None or kind in found:
            continue
        phrase = _number_phrase(token)
        if phrase is None:
            continue
        count = parse_count(phrase)
        if count is None:
            continue
        found[kind] = count
        if victim is None:
            victim = _victim(phrase, mentions)
    return Casualties(found.get("killed"), found.get("injured"), found.get("arrested"),
                      found.get("displaced"), victim)


def _number_phrase(word: Token) -> Token | None:
    """The noun phrase holding the count a casualty word governs."""
    if word.pos_ == "VERB":
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in word.children)
        deps = ("nsubjpass", "nsubj") if passive or word.lemma_.lower() in ("die", "flee") else ("dobj",)
        head = next((c for c in word.children if c.dep_ in deps), None)
        if head is None and word.dep_ in ("acl", "amod", "relcl") and word.tag_ == "VBN":
            head = word.head  # "11 people killed in the blast"
    else:  # "34 wounded", "the dead"
        head = word if any(c.like_num for c in word.children) or word.like_num else word.head
    if head is None:
        return None
    if _has_number(head):
        return head
    return None


def _has_number(token: Token) -> bool:
    if token.like_num or token.lower_ in _VAGUE or token.lower_ in _SCALES:
        return True
    return any(c.dep_ == "nummod" or (c.like_num and c.dep_ in ("amod", "quantmod"))
               for c in token.children)


def _number_tokens(phrase: Token) -> list[Token]:
    if phrase.like_num or phrase.lower_ in _VAGUE or phrase.lower_ in _SCALES:
        core = phrase
    else:
        core = next(c for c in phrase.children
                    if c.dep_ == "nummod" or (c.like_num and c.dep_ in ("amod", "quantmod")))
    tokens = [t for t in core.subtree if t.i <= core.i]
    return sorted(tokens, key=lambda t: t.i)


def parse_count(phrase: Token) -> Count | None:
    """The count a number phrase states: "at least 11", "dozens", "more than 100",
    "hundreds of thousands", "1,200", "three"."""
    tokens = _number_tokens(phrase)
    if phrase.lower_ in _VAGUE:
        of = [c for c in phrase.children if c.dep_ == "prep" and c.lower_ == "of"]
        inner = next((o for c in of for o in c.children if o.lower_ in _VAGUE), None)
        if inner is not None:  # "hundreds of thousands": at least 200 x 1,000
            words = phrase.doc[tokens[0].i:inner.i + 1]
            scale = _SCALES.get(inner.lower_[:-1], 1)
            return Count(_VAGUE[phrase.lower_] // 2 * scale, True, words.text)
    text = " ".join(t.text for t in tokens)
    value = _value(text.lower().replace(",", ""))
    if value is None:
        return None
    number, vague = value
    lowered = text.lower()
    at_least = vague or any(re.search(rf"\b{p}\b", lowered) for p in _AT_LEAST)
    return Count(number, at_least, text)


def _value(words: str) -> tuple[int, bool] | None:
    """A number written in figures and/or words, and whether it is a vague plural."""
    for hedge in (*_AT_LEAST, "about", "around", "nearly", "almost", "some", "roughly",
                  "up to", "approximately", "an estimated", "estimated"):
        words = re.sub(rf"\b{hedge}\b", " ", words)
    total, current, seen = 0, 0.0, False
    for w in words.split():
        if re.fullmatch(r"\d+(\.\d+)?", w):
            current += float(w)
        elif w in _UNITS:
            current += _UNITS[w]
        elif w in _SCALES:
            current = max(current, 1) * _SCALES[w]
            if _SCALES[w] >= 1_000:
                total, current = total + int(current), 0
        elif w in _VAGUE:
            return _VAGUE[w], True
        else:
            continue
        seen = True
    return (total + int(current), False) if seen else None


def _victim(phrase: Token, mentions: tuple[Mention, ...]) -> ActorRef | None:
    start = phrase.left_edge.idx
    end = phrase.right_edge.idx + len(phrase.right_edge)
    m = next((m for m in mentions if start <= m.start and m.end <= end and m.code), None)
    if m is None:
        return None
    return ActorRef(m.text, m.start, m.end, m.code, m.country, m.sector, m.name)
