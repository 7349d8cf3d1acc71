"""Dependency-parse helpers more than one stage reads the parse with."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def clause_subject(token: Token) -> Token | None:
    """The subject of the clause that governs ``token``, or of the clause that one hangs on
    ("Russia's defence ministry said its forces had taken..." -> ministry)."""
    verb = token
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    via_conj = False
    while True:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                    and not c.left_edge.i <= token.i <= c.right_edge.i]
        if subjects and not via_conj:
            return subjects[0]
        if verb.head.i == verb.i or verb.dep_ not in ("ccomp", "advcl", "conj", "xcomp", "pcomp"):
            return None
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head  # "accused Rwanda of sending troops": on to "accused"
        if verb.dep_ in ("xcomp", "prep"):  # "urged Moscow to pull its forces back"
            obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj  # the object is the one who acts
        verb, via_conj = verb.head, verb.dep_ == "conj"


def hangs_on(token: Token, trigger: Token, steps: int = 6) -> bool:
    """Whether ``token`` (a place, a time) modifies an event's trigger: climbing its heads
    through prepositions and the nouns they govern reaches the trigger, or the noun a
    relative-clause or nominal trigger hangs on, before any other verb."""
    heads = {trigger.i}
    if trigger.dep_ in ("relcl", "acl") or trigger.pos_ in ("NOUN", "PROPN"):
        heads.add(trigger.head.i)
    node = token
    for _ in range(steps):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i in heads:
            return True
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


_ENTS = "eventwire.ents"


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per document: spaCy builds the spans anew on every access,
    walking the whole document, and the stages ask for them hundreds of times."""
    ents: tuple[Span, ...] | None = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
    return ents


_TEXT = "eventwire.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document (spaCy joins every token on each access)."""
    text: str | None = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def forget(doc: Doc) -> None:
    """Drop the per-document caches once the stages are done. The cached spans point back at
    their document, a cycle that only Python's rare full collections would free; a worker
    coding thousands of articles grew by hundreds of megabytes waiting for them."""
    doc.user_data.pop(_ENTS, None)
    doc.user_data.pop(_TEXT, None)

