"""Score actor mentions against the annotated set (docs/actors.md, "Matching").

Gold mentions are given as exact text plus which occurrence of it in the story is meant; they
are compared in raw-text offsets, so predicted spans are mapped back through the article's
offset map first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from eventwire.evaluation import Score, code_annotated
from eventwire.options import Options
from eventwire.samples import read_records, stories_by_id

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.stages import Resources

MENTIONS_GOLD = "gold_mentions.jsonl"
CASES_GOLD = "actor_cases.jsonl"
# Written after the rules above were tuned, by someone who did not see them: the honest test.
HELDOUT_GOLD = "actor_heldout.jsonl"


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    code: str | None
    text: str


@dataclass(frozen=True)
class GoldDoc:
    id: str
    text: str
    published: date | None
    topic: str
    mentions: tuple[GoldMention, ...]
    title: str | None = None


@dataclass(frozen=True)
class Miss:
    """A disagreement, for reading what went wrong."""

    doc: str
    kind: str  # "false positive" or "missed"
    text: str
    code: str | None
    other: str | None  # the code on the other side of an overlapping pair, if any


def locate(text: str, surface: str, occurrence: int) -> int:
    """Start of the ``occurrence``-th (1-based) non-overlapping occurrence of ``surface``."""
    pos = -len(surface)
    for _ in range(occurrence):
        pos = text.find(surface, pos + len(surface))
        if pos < 0:
            raise ValueError(f"{surface!r} does not occur {occurrence} time(s)")
    return pos


def _gold_doc(
    record: dict[str, Any], text: str, published: date | None, topic: str, title: str | None = None
) -> GoldDoc:
    mentions = []
    for m in record["mentions"]:
        start = locate(text, m["text"], m["occurrence"])
        mentions.append(GoldMention(start, start + len(m["text"]), m.get("code"), m["text"]))
    return GoldDoc(record["id"], text, published, topic, tuple(mentions), title)


def load_gold() -> list[GoldDoc]:
    """The sample corpus's mention annotations and the targeted cases."""
    stories = stories_by_id()
    docs = []
    for record in read_records(MENTIONS_GOLD):
        story = stories[record["id"]]
        if record["mentions"]:
            docs.append(_gold_doc(record, story["text"], date.fromisoformat(story["published"]),
                                  "corpus", story.get("title")))
    for name in (CASES_GOLD, HELDOUT_GOLD):
        for record in read_records(name):
            docs.append(_gold_doc(record, record["text"], date.fromisoformat(record["published"]),
                                  record.get("topic", "case")))
    return docs


def _match(predicted: list[GoldMention], gold: list[GoldMention]) -> tuple[int, list[int], list[int]]:
    """Greedy one-to-one matching on overlap + equal code; returns (matched, unmatched pred
    indexes, unmatched gold indexes)."""
    used: set[int] = set()
    unmatched_pred = []
    for i, p in enumerate(predicted):
        hit = next((j for j, g in enumerate(gold) if j not in used and g.code == p.code
                    and p.start < g.end and g.start < p.end), None)
        if hit is None:
            unmatched_pred.append(i)
        else:
            used.add(hit)
    return len(used), unmatched_pred, [j for j in range(len(gold)) if j not in used]


def evaluate(
    docs: Iterable[GoldDoc], nlp: Language | None = None, resources: Resources | None = None,
    options: Options | None = None,
) -> tuple[Score, dict[str, Score], list[Miss]]:
    """Overall score, score per topic, and every disagreement."""
    total = Score(0, 0, 0)
    by_topic: dict[str, Score] = defaultdict(lambda: Score(0, 0, 0))
    misses: list[Miss] = []
    for doc, result in code_annotated(docs, nlp, resources, options):
        omap = result.article.offset_map
        predicted = []
        for m in result.mentions:
            start, end = omap.span_to_raw(m.start, m.end)
            predicted.append(GoldMention(start, end, m.code, m.text))
        gold = list(doc.mentions)
        matched, bad_pred, bad_gold = _match(predicted, gold)
        score = Score(len(predicted), len(gold), matched)
        total += score
        by_topic[doc.topic] += score
        for i in bad_pred:
            p = predicted[i]
            other = next((g.code for g in gold if p.start < g.end and g.start < p.end), None)
            misses.append(Miss(doc.id, "false positive", p.text, p.code, other))
        for j in bad_gold:
            g = gold[j]
            other = next((p.code for p in predicted if p.start < g.end and g.start < p.end), None)
            misses.append(Miss(doc.id, "missed", g.text, g.code, other))
    return total, dict(by_topic), misses

