"""Score quotes against the annotated sets: content spans and speakers.

- Content-span F1 counts characters: for each quote kind, the characters inside gold quotes
  that predicted quotes of that kind also cover (so a quote that stops a word short costs a
  word, not the whole quote).
- Speaker accuracy: for each gold direct quote, the predicted direct quote that overlaps it
  most must name the same speaker: the same full name when the gold speaker is a named
  person, else the same actor code (both unknown counts as agreement). A gold quote nothing
  overlaps counts as wrong.

Gold quote texts are exact substrings of the raw story (the first occurrence at or after the
previous quote of the story, else the first anywhere); predictions are mapped back to raw
offsets through the article's offset map.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from eventwire.evaluation import Score, code_annotated
from eventwire.options import Options
from eventwire.records import Quote
from eventwire.samples import GOLD, read_records, sample_path, stories_by_id

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.stages import Resources

# Written from the annotation conventions by someone who did not see the stage's rules.
HELDOUT = "quote_heldout.jsonl"


@dataclass(frozen=True)
class GoldQuote:
    kind: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_code: str | None


@dataclass(frozen=True)
class GoldQuotes:
    id: str
    text: str
    published: date | None
    topic: str
    quotes: tuple[GoldQuote, ...]
    title: str | None = None
    persons: frozenset[str] = frozenset()


@dataclass(frozen=True)
class QuoteMiss:
    doc: str
    text: str
    gold: str | None  # the gold speaker (name, or code in brackets)
    predicted: str | None


@dataclass
class QuoteScores:
    span: dict[str, Score] = field(default_factory=dict)  # characters, per kind
    speakers: dict[str, Score] = field(default_factory=dict)  # per kind: gold quotes, right
    by_set: dict[str, Score] = field(default_factory=dict)  # direct speakers per set

    @property
    def span_total(self) -> Score:
        return sum(self.span.values(), Score(0, 0, 0))


def load_gold() -> list[GoldQuotes]:
    """The sample stories' quote annotations and the held-out passages."""
    stories = stories_by_id()
    out = []
    for record in read_records(GOLD):
        if record.get("expect_status") or not record.get("quotes"):
            continue
        story = stories[record["id"]]
        out.append(_gold(record, story["text"], story["published"], "stories", story.get("title")))
    if sample_path(HELDOUT).exists():
        for record in read_records(HELDOUT):
            out.append(_gold(record, record["text"], record["published"], "heldout"))
    return out


def _gold(record: dict[str, Any], text: str, published: str | None, topic: str,
          title: str | None = None) -> GoldQuotes:
    quotes = []
    cursor = 0
    for q in record["quotes"]:
        start = text.find(q["text"], cursor)
        if start < 0:
            start = text.find(q["text"])
        if start < 0:
            raise ValueError(f"{record['id']}: quote not in the text: {q['text'][:60]!r}")
        cursor = start
        quotes.append(GoldQuote(q["kind"], start, start + len(q["text"]), q["text"],
                                q.get("speaker"), q.get("speaker_code")))
    persons = frozenset(p["full"] for p in record.get("persons", ()))
    return GoldQuotes(record["id"], text, date.fromisoformat(published) if published else None,
                      topic, tuple(quotes), title, persons)


def _norm(name: str | None) -> str | None:
    if name is None:
        return None
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch)).strip()


def speaker_agrees(gold: GoldQuote, predicted: Quote | None, persons: frozenset[str]) -> bool:
    """Whether a predicted quote names the gold quote's speaker (see the module docstring)."""
    speaker = predicted.speaker if predicted is not None else None
    if gold.speaker is not None and (gold.speaker in persons or gold.speaker_code is None):
        return speaker is not None and _norm(speaker.name or speaker.text) == _norm(gold.speaker)
    if gold.speaker_code is not None:
        return speaker is not None and speaker.code == gold.speaker_code
    return predicted is not None and (speaker is None or (speaker.code is None and speaker.name is None))


def _describe(q: Quote | None) -> str | None:
    if q is None:
        return "no quote"
    if q.speaker is None:
        return None
    return f"{q.speaker.name or q.speaker.text} [{q.speaker.code}]"


def evaluate(
    docs: Iterable[GoldQuotes], nlp: Language | None = None, resources: Resources | None = None,
    options: Options | None = None,
) -> tuple[QuoteScores, list[QuoteMiss]]:
    span: dict[str, Score] = defaultdict(lambda: Score(0, 0, 0))
    speakers: dict[str, Score] = defaultdict(lambda: Score(0, 0, 0))
    by_set: dict[str, Score] = defaultdict(lambda: Score(0, 0, 0))
    misses: list[QuoteMiss] = []
    for doc, result in code_annotated(docs, nlp, resources, options):
        omap = result.article.offset_map
        predicted = [(omap.span_to_raw(q.start, q.end), q) for q in result.quotes]
        for kind in ("direct", "indirect"):
            gold_chars = {i for g in doc.quotes if g.kind == kind for i in range(g.start, g.end)}
            pred_chars = {i for (s, e), q in predicted if q.kind == kind for i in range(s, e)}
            span[kind] += Score(len(pred_chars), len(gold_chars), len(gold_chars & pred_chars))
        for g in doc.quotes:
            overlapping = [(min(e, g.end) - max(s, g.start), q) for (s, e), q in predicted
                           if q.kind == g.kind and s < g.end and g.start < e]
            best = max(overlapping, key=lambda pair: pair[0])[1] if overlapping else None
            right = speaker_agrees(g, best, doc.persons)
            speakers[g.kind] += Score(1, 1, int(right))
            if g.kind == "direct":
                by_set[doc.topic] += Score(1, 1, int(right))
            if not right:
                gold_name = g.speaker or (f"[{g.speaker_code}]" if g.speaker_code else None)
                misses.append(QuoteMiss(doc.id, f"{g.kind}: {g.text[:70]}", gold_name,
                                        _describe(best)))
    return QuoteScores(dict(span), dict(speakers), dict(by_set)), misses
