"""Score events against the golden set: the sample stories' annotated events.

An event's *label* is its PLOVER type, or for the CAMEO statements and appeals PLOVER has no
type for (roots 01 and 02) ``STATEMENT`` and ``APPEAL``. A predicted event matches a gold event
of the same sentence when

- *type*: their labels are equal;
- *full*: their labels, source codes and target codes are all equal (a missing actor is null).

Each gold event is matched at most once, greedily in text order. Negated events count like
any other: the modality is scored separately (not yet).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from eventwire.evaluation import Score, code_annotated
from eventwire.options import Options
from eventwire.samples import GOLD, read_records, sample_path, stories_by_id

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.records import Event
    from eventwire.stages import Resources

_ROOT_LABELS = {"01": "STATEMENT", "02": "APPEAL"}
# Short targeted cases, one grammar rule or modality each, when the file is there.
CASES = "event_cases.jsonl"


@dataclass(frozen=True)
class GoldEvent:
    sentence: tuple[int, int]  # raw-text span of the sentence
    label: str
    cameo: str
    source: str | None
    target: str | None
    trigger: str


@dataclass(frozen=True)
class GoldStory:
    id: str
    text: str
    title: str | None
    published: date | None
    events: tuple[GoldEvent, ...]
    topic: str = "stories"


@dataclass(frozen=True)
class EventMiss:
    doc: str
    kind: str  # "false positive" or "missed"
    label: str
    source: str | None
    target: str | None
    trigger: str
    sentence: str


def label_of(cameo: str, plover_type: str | None) -> str:
    return plover_type or _ROOT_LABELS.get(cameo[:2], f"CAMEO{cameo[:2]}")


def load_golden() -> list[GoldStory]:
    """The sample stories that have annotated events (the Spanish one is skipped)."""
    stories = stories_by_id()
    out = []
    for record in read_records(GOLD):
        if record.get("expect_status"):
            continue
        story = stories[record["id"]]
        out.append(GoldStory(record["id"], story["text"], story.get("title"),
                             date.fromisoformat(story["published"]), _events(record, story["text"])))
    if sample_path(CASES).exists():
        for record in read_records(CASES):
            out.append(GoldStory(record["id"], record["text"], None,
                                 date.fromisoformat(record["published"]),
                                 _events(record, record["text"]),
                                 f"case: {record.get('topic', 'other')}"))
    return out


def _events(record: dict[str, Any], text: str) -> tuple[GoldEvent, ...]:
    events = []
    for e in record.get("events", []):
        start = text.find(e["sentence"])
        if start < 0:
            raise ValueError(f"{record['id']}: sentence not in the text: {e['sentence'][:60]!r}")
        events.append(GoldEvent(
            (start, start + len(e["sentence"])),
            label_of(e["cameo"], (e.get("plover") or {}).get("type")), e["cameo"],
            (e.get("source") or {}).get("code"), (e.get("target") or {}).get("code"),
            e["trigger"]))
    return tuple(events)


@dataclass
class Scores:
    full: Score
    typed: Score
    by_label: dict[str, Score]  # full match, per gold/predicted label
    by_set: dict[str, Score]  # full match, the stories and each topic of the cases


def evaluate(
    stories: Iterable[GoldStory], nlp: Language | None = None, resources: Resources | None = None,
    options: Options | None = None,
) -> tuple[Scores, list[EventMiss]]:
    full = typed = Score(0, 0, 0)
    by_label: dict[str, Score] = defaultdict(lambda: Score(0, 0, 0))
    by_set: dict[str, Score] = defaultdict(lambda: Score(0, 0, 0))
    misses: list[EventMiss] = []
    for story, result in code_annotated(stories, nlp, resources, options):
        omap = result.article.offset_map
        predicted = [(omap.span_to_raw(e.evidence.start, e.evidence.end), e) for e in result.events]
        gold = list(story.events)
        typed += Score(len(predicted), len(gold), len(_match(predicted, gold, full=False)[0]))
        matched, bad_pred, bad_gold = _match(predicted, gold, full=True)
        full += Score(len(predicted), len(gold), len(matched))
        by_set[story.topic] += Score(len(predicted), len(gold), len(matched))
        for j in matched:
            by_label[gold[j].label] += Score(1, 1, 1)
        for i in bad_pred:
            (start, end), e = predicted[i]
            label = label_of(e.cameo.code, e.plover.type)
            by_label[label] += Score(1, 0, 0)
            misses.append(EventMiss(story.id, "false positive", label, _code(e.source),
                                    _code(e.target), e.trigger.text, story.text[start:end]))
        for j in bad_gold:
            g = gold[j]
            by_label[g.label] += Score(0, 1, 0)
            misses.append(EventMiss(story.id, "missed", g.label, g.source, g.target, g.trigger,
                                    story.text[g.sentence[0]:g.sentence[1]]))
    return Scores(full, typed, dict(by_label), dict(by_set)), misses


def _code(ref: Any) -> str | None:
    return ref.code if ref is not None else None


def _match(
    predicted: list[tuple[tuple[int, int], Event]], gold: list[GoldEvent], full: bool
) -> tuple[list[int], list[int], list[int]]:
    used: list[int] = []
    bad_pred = []
    for i, ((start, end), e) in enumerate(predicted):
        label = label_of(e.cameo.code, e.plover.type)
        hit = next((j for j, g in enumerate(gold) if j not in used
                    and start < g.sentence[1] and g.sentence[0] < end and g.label == label
                    and (not full or (g.source == _code(e.source) and g.target == _code(e.target)))),
                   None)
        if hit is None:
            bad_pred.append(i)
        else:
            used.append(hit)
    return used, bad_pred, [j for j in range(len(gold)) if j not in used]
