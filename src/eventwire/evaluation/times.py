"""Score time expressions against the annotated sets: value accuracy.

A gold expression is right when a predicted expression overlapping it has the same value and
precision; a gold expression whose value is null (a duration, an age, "soon") is right when
nothing overlapping it claims a value. Accuracy = right / gold expressions. Detection
precision (predicted expressions that overlap a gold one) is reported beside it.

Gold texts are exact substrings of the raw text: the ``occurrence``-th one when given, else
the first at or after the previous gold expression of the same story.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from eventwire.evaluation import Score, code_annotated
from eventwire.evaluation.actors import locate
from eventwire.options import Options
from eventwire.samples import GOLD, read_records, sample_path, stories_by_id

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.stages import Resources

CASES = "time_cases.jsonl"
# Written from the annotation conventions by someone who did not see the stage's rules.
HELDOUT = "time_heldout.jsonl"


@dataclass(frozen=True)
class GoldTime:
    start: int
    end: int
    text: str
    value: str | None
    precision: str | None


@dataclass(frozen=True)
class GoldTimes:
    id: str
    text: str
    published: date
    topic: str
    times: tuple[GoldTime, ...]
    title: str | None = None


@dataclass(frozen=True)
class TimeMiss:
    doc: str
    published: date
    text: str
    gold: str | None
    predicted: str | None  # value/precision, or "not found"


@dataclass(frozen=True)
class TimeScores:
    accuracy: Score  # predicted = gold = expressions, matched = right values
    detection: Score  # predicted expressions vs gold expressions, matched = overlapping
    by_set: dict[str, Score]


def load_gold() -> list[GoldTimes]:
    """The sample stories' time annotations, the targeted cases and the held-out passages."""
    stories = stories_by_id()
    out = []
    for record in read_records(GOLD):
        if record.get("expect_status") or not record.get("times"):
            continue
        story = stories[record["id"]]
        out.append(_gold(record, story["text"], story["published"], "stories", story.get("title")))
    for name, topic in ((CASES, None), (HELDOUT, "heldout")):
        if sample_path(name).exists():
            for record in read_records(name):
                out.append(_gold(record, record["text"], record["published"],
                                 topic or f"case: {record.get('topic', 'other')}"))
    return out


def _gold(record: dict[str, Any], text: str, published: str, topic: str,
          title: str | None = None) -> GoldTimes:
    times = []
    cursor = 0
    for t in record["times"]:
        if "occurrence" in t:
            start = locate(text, t["text"], t["occurrence"])
        else:
            start = text.find(t["text"], cursor)
            if start < 0:
                start = text.find(t["text"])
        if start < 0:
            raise ValueError(f"{record['id']}: time not in the text: {t['text']!r}")
        cursor = start + len(t["text"])
        times.append(GoldTime(start, start + len(t["text"]), t["text"], t.get("value"),
                              t.get("precision")))
    return GoldTimes(record["id"], text, date.fromisoformat(published), topic, tuple(times), title)


def evaluate(
    docs: Iterable[GoldTimes], nlp: Language | None = None, resources: Resources | None = None,
    options: Options | None = None,
) -> tuple[TimeScores, list[TimeMiss]]:
    accuracy = detection = Score(0, 0, 0)
    by_set: dict[str, Score] = defaultdict(lambda: Score(0, 0, 0))
    misses: list[TimeMiss] = []
    for doc, result in code_annotated(docs, nlp, resources, options):
        omap = result.article.offset_map
        predicted = [(omap.span_to_raw(t.start, t.end), t) for t in result.times]
        right = 0
        for g in doc.times:
            over = [t for (s, e), t in predicted if s < g.end and g.start < e]
            if g.value is None:
                ok = all(t.value is None for t in over)
            else:
                ok = any(t.value == g.value and t.precision == g.precision for t in over)
            right += ok
            if not ok:
                got = ", ".join(f"{t.value}/{t.precision} ({t.text!r})" for t in over) or "not found"
                misses.append(TimeMiss(doc.id, doc.published, g.text,
                                       f"{g.value}/{g.precision}", got))
        score = Score(len(doc.times), len(doc.times), right)
        accuracy += score
        by_set[doc.topic] += score
        hits = sum(any(s < g.end and g.start < e for g in doc.times) for (s, e), _ in predicted)
        detection += Score(len(predicted), len(doc.times), hits)
    return TimeScores(accuracy, detection, dict(by_set)), misses
