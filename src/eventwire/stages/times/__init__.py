"""Time expressions normalised against the article's publication date, and each event's date.

1. Expressions: the parser's DATE and TIME entities, plus the phrases it misses ("earlier in
   the day", "overnight", "last night"). Each is normalised by ``normalise`` with the tense
   of the clause it belongs to (future: "will", "would", an infinitive as in "due to vote",
   or a present tense as in "the council meets on Friday"; past otherwise) and, for
   expressions relative to another ("a day after", "shortly before midnight"), the day the
   sentence names elsewhere.
2. Event dates: the expression attached to the event's trigger by the parse ("struck ...
   late Wednesday", "talks on Monday"), else the sentence's only expression unless it dates
   the reporting ("officials said on Thursday"), else the publication date with precision
   "published". Without a publication date nothing relative can be resolved: values stay null.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from eventwire.lexicons.speech import speech_verbs
from eventwire.records import Article, Event, EventDate, TimeExpr
from eventwire.stages import Found, Resources
from eventwire.stages.grammar import entities, hangs_on
from eventwire.stages.times.normalise import MONTHS, PIECES, WEEKDAYS, Value, is_duration, normalise

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Phrases the small model does not tag as DATE/TIME.
_EXTRA = re.compile(
    r"\b(earlier in the day|later in the day|earlier today|later today|overnight|last night|"
    r"yesterday(?: (?:morning|afternoon|evening))?|tonight|this (?:morning|afternoon|evening)|"
    r"on the same day|the day before|the previous day|the following day|the next day|"
    r"the day after|(?:a|one|two|three|\d+) days? (?:after|before|later|earlier)|"
    r"(?:this|last|next) (?:week|month|year)|(?:at )?(?:dawn|dusk|midday|noon|midnight))\b",
    re.IGNORECASE)
_MODALS = frozenset({"will", "'ll", "shall", "wo", "would", "could", "can", "may", "might", "must",
                     "should", "going"})
# Words whose infinitive has not happened yet ("plans to meet", "is due to vote").
_INTENT = frozenset({"plan", "intend", "expect", "agree", "decide", "schedule", "set", "due", "vow",
                     "pledge", "promise", "aim", "hope", "prepare", "want", "seek", "propose",
                     "threaten", "ready", "likely", "invite", "urge", "ask", "call", "expected"})
_FAR = date(2200, 1, 1)  # a probe anchor: an expression whose value moves with it is relative


def run(doc: Doc, article: Article, found: Found, resources: Resources) -> Found:
    """The times stage's entry point (see the module docstring)."""
    spans = _expressions(doc)
    times = _resolve(spans, article.published)
    events = tuple(_dated(e, doc, spans, times, article.published) for e in found.events)
    return replace(found, times=tuple(times), events=events)


def _expressions(doc: Doc) -> list[Span]:
    spans = [e for e in entities(doc) if e.label_ in ("DATE", "TIME")]
    for m in _EXTRA.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        inside = [s for s in spans if s.start < span.end and span.start < s.end]
        if all(len(s) < len(span) for s in inside):
            spans = [s for s in spans if s not in inside] + [span]
    return sorted((_widen(_trim(s)) for s in spans), key=lambda s: s.start)


def _widen(span: Span) -> Span:
    """ "every Friday" is a frequency; "12 September 2022" a day, not a month."""
    doc = span.doc
    if span.start and doc[span.start - 1].lower_ in ("every", "each"):
        return doc[span.start - 1:span.end]
    if span.start and doc[span.start - 1].like_num and doc[span.start - 1].text.isdigit() \
            and int(doc[span.start - 1].text) <= 31 and span[0].lower_ in MONTHS:
        return doc[span.start - 1:span.end]
    return span


def _trim(span: Span) -> Span:
    """Leading prepositions and a trailing possessive are not part of the time."""
    start, end = span.start, span.end
    while start < end - 1 and span.doc[start].lower_ in ("on", "at", "by", "in", "from", "since"):
        start += 1
    while end > start + 1 and span.doc[end - 1].text in ("'s", "\u2019s", ",", "."):
        end -= 1
    return span.doc[start:end]


def _resolve(spans: list[Span], published: date | None) -> list[TimeExpr]:
    if published is None:
        return [TimeExpr(s.text, s.start_char, s.end_char, None, None) for s in spans]
    future = [_future(s) for s in spans]
    plain = [normalise(s.text, published, f) for s, f in zip(spans, future, strict=True)]
    relative = [normalise(s.text, published, f, _FAR) != p
                for s, f, p in zip(spans, future, plain, strict=True)]
    out = []
    for i, (span, value) in enumerate(zip(spans, plain, strict=True)):
        if relative[i]:
            anchor = _anchor(i, spans, plain, relative)
            value = normalise(span.text, published, future[i], anchor)
        if value.value is None and not is_duration(span.text):
            pieces = _pieces(span, published, future[i])
            if pieces:
                out.extend(pieces)
                continue
        out.append(TimeExpr(span.text, span.start_char, span.end_char, value.value, value.precision))
    return out


def _pieces(span: Span, published: date, future: bool) -> list[TimeExpr]:
    """The expressions inside an entity the parser drew too wide; a clock time among them
    takes the day another piece names."""
    found = [(m.start(), m.end(), normalise(m.group(), published, future))
             for m in PIECES.finditer(span.text)]
    days = [v for _, _, v in found if v.precision == "day" and v.value]
    out = []
    for start, end, value in found:
        text = span.text[start:end]
        if days and re.search(r"\d ?[ap]\.?m|midnight|noon|dawn", text, re.IGNORECASE) \
                and not re.search("|".join(WEEKDAYS), text, re.IGNORECASE):
            value = next(v for v in days if v is not value) if len(days) > 1 or days[0] is not value \
                else value
        if value.value is not None:
            out.append(TimeExpr(text, span.start_char + start, span.start_char + end, value.value,
                                value.precision))
    return out


def _anchor(i: int, spans: list[Span], values: list[Value], relative: list[bool]) -> date | None:
    """The day named by the nearest other expression of the same sentence."""
    sentence = spans[i].sent
    candidates = [(abs(spans[j].start - spans[i].start), values[j]) for j in range(len(spans))
                  if j != i and not relative[j] and values[j].precision == "day"
                  and spans[j].sent.start == sentence.start]
    if not candidates:
        return None
    value = min(candidates, key=lambda c: c[0])[1].value
    return date.fromisoformat(value) if value else None


def _governing_verb(span: Span) -> Token | None:
    node = span.root
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") and node.i not in range(span.start, span.end):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _future(span: Span) -> bool:
    """Whether the clause of a time expression speaks of what is still to come: a modal or
    "will" ("could sit on Tuesday"), a present tense ("the council meets on Friday", "is
    scheduled for Thursday"), an infinitive of intent ("plans to meet", "due to vote"); a past
    or perfect tense is past, and an infinitive takes the tense of what it hangs on ("ordered
    him to leave in March")."""
    first = span[0].lower_
    if first in ("next", "later", "coming", "upcoming"):
        return True
    if span.root.head.lower_ == "for" and span.root.dep_ == "pobj":
        return True  # "called a march for Saturday"
    node: Token | None = _governing_verb(span)
    for _ in range(8):
        if node is None:
            return False
        aux = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in _MODALS for a in aux):
            return True
        infinitive = any(a.lower_ == "to" for a in aux)
        if infinitive or node.tag_ in ("VB", "VBG") or (node.tag_ == "VBN" and not aux):
            if infinitive and node.head.lemma_.lower() in _INTENT:
                return True
            node = _verb_above(node)
            continue
        if node.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in ("has", "have", "had")
                                     for a in aux):
            return False
        present = node.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in aux)
        return present and node.lemma_.lower() not in speech_verbs()
    return False


def _verb_above(token: Token) -> Token | None:
    node = token
    for _ in range(6):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX") or node.lemma_.lower() in _INTENT:
            return node
    return None


def _dated(event: Event, doc: Doc, spans: list[Span], times: list[TimeExpr],
           published: date | None) -> Event:
    inside = [i for i, s in enumerate(spans)
              if event.evidence.start <= s.start_char and s.end_char <= event.evidence.end]
    trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    chosen = None
    if trigger is not None:
        attached = [i for i in inside if _attached(spans[i], trigger.root)]
        if attached:
            chosen = attached[0]
        elif len(inside) == 1 and not _dates_reporting(spans[inside[0]]):
            chosen = inside[0]
    if chosen is not None and times[chosen].value is not None:
        t = times[chosen]
        return replace(event, date=EventDate(t.value, t.precision, t.text))
    if chosen is not None and published is None:
        return replace(event, date=EventDate(None, None, times[chosen].text))
    if published is not None:
        return replace(event, date=EventDate(published.isoformat(), "published"))
    return event


def _attached(span: Span, trigger: Token) -> bool:
    """Whether a time expression modifies the event's trigger."""
    if trigger.dep_ in ("relcl", "acl") and span.start <= trigger.head.i < span.end:
        return True  # "the strikes earlier in the day which killed ...": hung on "day"
    return hangs_on(span.root, trigger, steps=5)


def _dates_reporting(span: Span) -> bool:
    verb = _governing_verb(span)
    return verb is not None and verb.lemma_.lower() in speech_verbs()

