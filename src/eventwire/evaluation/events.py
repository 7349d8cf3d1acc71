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
    date: str | None = None  # the annotated date value
    location: tuple[str, str | None, str | None] | None = None  # text, name, country


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
            e["trigger"], (e.get("date") or {}).get("value"), _location(e.get("location"))))
    return tuple(events)


def _location(loc: dict[str, Any] | None) -> tuple[str, str | None, str | None] | None:
    return (loc["text"], loc.get("name"), loc.get("country")) if loc else None


@dataclass
class Scores:
    full: Score
    typed: Score
    by_label: dict[str, Score]  # full match, per gold/predicted label
    by_set: dict[str, Score]  # full match, the stories and each topic of the cases
    # Over the full matches: predicted = events dated by their own text (not by publication)
    # or located; gold = annotated with a date or location; matched = the same value.
    dates: Score
    locations: Score


def evaluate(
    stories: Iterable[GoldStory], nlp: Language | None = None, resources: Resources | None = None,
    options: Options | None = None,
) -> tuple[Scores, list[EventMiss]]:
    full = typed = Score(0, 0, 0)
    by_label: dict[str, Score] = defaultdict(lambda: Score(0, 0, 0))
    by_set: dict[str, Score] = defaultdict(lambda: Score(0, 0, 0))
    misses: list[EventMiss] = []
    dates = locations = Score(0, 0, 0)
    for story, result in code_annotated(stories, nlp, resources, options):
        omap = result.article.offset_map
        predicted = [(omap.span_to_raw(e.evidence.start, e.evidence.end), e) for e in result.events]
        gold = list(story.events)
        typed += Score(len(predicted), len(gold), len(_match(predicted, gold, full=False)[0]))
        pairs, bad_pred, bad_gold = _match(predicted, gold, full=True)
        matched = [j for _, j in pairs]
        full += Score(len(predicted), len(gold), len(matched))
        by_set[story.topic] += Score(len(predicted), len(gold), len(matched))
        for i, j in pairs:
            by_label[gold[j].label] += Score(1, 1, 1)
            e = predicted[i][1]
            g = gold[j]
            own_date = e.date is not None and e.date.precision != "published"
            dates += Score(int(own_date), int(g.date is not None),
                           int(own_date and g.date is not None and _same_date(e, g)))
            locations += Score(int(e.location is not None), int(g.location is not None),
                               int(g.location is not None and _same_place(e, g)))
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
    return Scores(full, typed, dict(by_label), dict(by_set), dates, locations), misses


def _same_date(e: Event, g: GoldEvent) -> bool:
    """A gold event with no date agrees with an event dated only by publication."""
    if g.date is None:
        return e.date is None or e.date.precision == "published"
    return e.date is not None and e.date.value == g.date


def _same_place(e: Event, g: GoldEvent) -> bool:
    if g.location is None:
        return e.location is None
    text, name, country = g.location
    loc = e.location
    if loc is None or loc.country != country:
        return False
    # the same words, one inside the other ("western Yemen"/"Yemen" is not: a country is not
    # a part of it), or the same place name
    same_words = loc.text == text or (loc.text in text and loc.lat is not None) or text in loc.text
    return same_words or (loc.name or "").casefold() == (name or "").casefold()


def _code(ref: Any) -> str | None:
    return ref.code if ref is not None else None


def _match(
    predicted: list[tuple[tuple[int, int], Event]], gold: list[GoldEvent], full: bool
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Greedy one-to-one matching: (predicted, gold) index pairs, then the unmatched of each."""
    pairs: list[tuple[int, int]] = []
    bad_pred = []
    for i, ((start, end), e) in enumerate(predicted):
        label = label_of(e.cameo.code, e.plover.type)
        hit = next((j for j, g in enumerate(gold) if j not in {b for _, b in pairs}
                    and start < g.sentence[1] and g.sentence[0] < end and g.label == label
                    and (not full or (g.source == _code(e.source) and g.target == _code(e.target)))),
                   None)
        if hit is None:
            bad_pred.append(i)
        else:
            pairs.append((i, hit))
    used = {j for _, j in pairs}
    return pairs, bad_pred, [j for j in range(len(gold)) if j not in used]
