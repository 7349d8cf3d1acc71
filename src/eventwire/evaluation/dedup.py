"""Score deduplication on labelled event pairs (``samples/dedup_pairs.jsonl``): pairwise
precision, recall and F1 of "same real-world event", with the pairs it gets wrong."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventwire.evaluation import Score
from eventwire.samples import read_records
from eventwire.store.dedup import Record, same_event

PAIRS = "dedup_pairs.jsonl"


@dataclass(frozen=True)
class PairMiss:
    id: str
    kind: str
    label: str
    why: str


def record(side: dict[str, Any], key: str) -> Record:
    """A labelled pair's event as deduplication reads it."""
    d = side.get("date") or {}
    loc = side.get("location") or {}
    value, precision = d.get("value"), d.get("precision")
    day = None
    if value:
        day = date.fromisoformat(value if precision not in ("month", "year")
                                 else value + ("-01" if precision == "month" else "-01-01"))
    return Record(key, side.get("plover"), side["cameo"], side.get("source"), side.get("target"),
                  day, precision, loc.get("name"), loc.get("country"), loc.get("lat"), loc.get("lon"),
                  0.9, side["article"], side.get("outlet"), date.fromisoformat(side["published"]))


def evaluate() -> tuple[Score, dict[str, Score], list[PairMiss]]:
    """Pairwise score ("same" is the positive class), score per kind, and the misses."""
    total = Score(0, 0, 0)
    by_kind: dict[str, Score] = defaultdict(lambda: Score(0, 0, 0))
    misses = []
    for pair in read_records(PAIRS):
        said = same_event(record(pair["a"], "a"), record(pair["b"], "b"))
        gold = pair["label"] == "same"
        score = Score(int(said), int(gold), int(said and gold))
        total += score
        by_kind[pair.get("kind", pair["label"])] += Score(1, 1, int(said == gold))
        if said != gold:
            misses.append(PairMiss(pair["id"], pair.get("kind", ""), pair["label"], pair["why"]))
    return total, dict(by_kind), misses
