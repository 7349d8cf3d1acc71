"""Slots a dictionary pattern places itself (docs/dictionaries.md).

- ``+`` before the verb: the verb's subject is the target ("+ * FROM $": "Gondor's envoy was
  freed from Mordor" is MOR>GON); the source is then ``$`` after the verb or, with none, the
  subject of the clause the verb's clause hangs on ("NOTED + *": "X noted that Y regretted").
- ``$`` after a preposition: that preposition's object ("FROM $"); after the pattern's words:
  the next actor the verb's phrase names ("* MONEY $").
- ``^`` right before a slot skips the next phrase with an actor in it ("* IFTAR IN ^ +":
  "celebrated Iftar in Osgiliath with Gondor" is about Gondor).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from eventwire.stages.events.slots import MentionIndex, object_of, prep_object, subject_of

# How many tokens before the verb a pattern's words before it are looked for in.
WINDOW = 8

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.lexicons.events import VerbRule
    from eventwire.records import Mention


def match_end(words: tuple[frozenset[str], ...], tokens: Iterable[Token]) -> int | None:
    """Where in ``tokens`` the last of ``words`` ends, when they hold one word or phrase of
    each set, in order ("two artillery shells at X" holds (artillery,); "did n't ever clash"
    ({did n't, will not}, ever)); None when they do not."""
    seq = list(tokens)
    lowers = [t.lower_ for t in seq]
    at = 0
    for choices in words:
        found = None
        for i in range(at, len(seq)):
            for phrase in choices:
                parts = phrase.split()
                n = len(parts)
                if lowers[i:i + n] == parts:
                    found = i + n
                    break
            if found is not None:
                break
        if found is None:
            return None
        at = found
    return at


def pattern_slots(verb: Token, rule: VerbRule, index: MentionIndex
                  ) -> tuple[list[Mention] | None, list[Mention] | None, Token | None]:
    """The sources and targets ``rule``'s own slots give (None: the usual slot), and the token
    that names the sources where there is one."""
    subject, _ = subject_of(verb)
    sources: list[Mention] | None = None
    targets: list[Mention] | None = None
    source_tok: Token | None = None
    if rule.target_slot.startswith("before"):
        word = int(rule.target_slot[6:])
        named = _named_before(verb, rule.before, word, index) if word < len(rule.before) else None
        targets = named if named is not None else \
            index.actors(subject) if subject is not None else []
        if not rule.source_slot:
            source_tok = _governing_subject(verb, subject)
            sources = index.actors(source_tok) if source_tok is not None else []
    elif rule.target_slot:
        targets = _named_after(verb, rule, index, int(rule.target_slot[5:]))
    if rule.source_slot.startswith("after"):
        sources = _named_after(verb, rule, index, int(rule.source_slot[5:]))
    elif rule.source_slot:
        heads = [h for h in (object_of(verb), verb) if h is not None]
        source_tok = prep_object(heads, rule.source_slot) or phrase_prep_object(verb, rule.source_slot)
        sources = index.actors(source_tok) if source_tok is not None else []
    return sources, targets, source_tok


def joined_to(verb: Token, choices: frozenset[str]) -> bool:
    """Whether one of ``choices`` comes right before the verb ("RECENTLY_*")."""
    doc = verb.doc
    return any(" ".join(t.lower_ for t in doc[max(0, verb.i - len(p.split())):verb.i]) == p
               for p in choices)


def phrase_preps(verb: Token) -> set[str]:
    """The prepositions of the verb's phrase after it, wherever the parser attached them: a
    pattern's "FROM +" holds for "assurances on cultural issues from Bree"."""
    return {t.lower_ for t in verb.subtree if t.i > verb.i and t.dep_ in ("prep", "agent", "dative")}


def phrase_prep_object(verb: Token, preposition: str) -> Token | None:
    """The object of the first ``preposition`` in the verb's phrase after it."""
    for t in verb.subtree:
        if t.i > verb.i and t.dep_ in ("prep", "agent", "dative") and t.lower_ == preposition:
            obj = next((o for o in t.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                return obj
    return None


def _named_before(verb: Token, before: tuple[frozenset[str], ...], word: int,
                  index: MentionIndex) -> list[Mention] | None:
    """The actors named last before the ``word``-th of the pattern's words before the verb
    ("+ HOSTING *": "Mordor will be hosting"); None when the words are not found."""
    doc = verb.doc
    window = doc[max(verb.sent.start, verb.i - WINDOW):verb.i]
    start = match_end(before[:word], window)
    end = match_end(before[:word + 1], window)
    if start is None or end is None:
        return None
    at = window.start + end - min(len(p.split()) for p in before[word])
    for i in range(at - 1, verb.sent.start - 1, -1):
        if i in index.by_token:
            return index.actors(doc[i])
    return []


def _governing_subject(verb: Token, own: Token | None) -> Token | None:
    """The subject of the clause the verb's clause hangs on ("Falastur noted that Y
    regretted": Falastur)."""
    node = verb
    while node.head.i != node.i:
        node = node.head
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject is not own:
            return subject
    return None


def _named_after(verb: Token, rule: VerbRule, index: MentionIndex, skip: int) -> list[Mention]:
    """The actors of the phrase named after the pattern's words in the verb's phrase, past
    ``skip`` phrases with actors of their own."""
    after = [t for t in verb.subtree if t.i > verb.i]
    end = match_end(rule.modifiers, after) or 0
    seen: list[tuple[int, int]] = []
    for token in after[end:]:
        m = index.by_token.get(token.i)
        if m is None or (m.start, m.end) in seen:
            continue
        found = index.actors(token)
        seen.extend((a.start, a.end) for a in found)
        seen.append((m.start, m.end))
        if skip == 0:
            return found or [m]
        skip -= 1
    return []
