"""Stage quality against the annotated sets, held at the floors pinned in quality_gates.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.evaluation.actors import evaluate, load_gold
from eventwire.options import Options
from eventwire.stages import load_resources

GATES = json.loads((Path(__file__).with_name("quality_gates.json")).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def actor_scores(nlp):
    docs = load_gold()
    total, by_topic, _ = evaluate(docs, nlp=nlp, resources=load_resources(Options(), nlp))
    return docs, total, by_topic


def test_actor_gold_set_is_large_enough(actor_scores):
    _, total, by_topic = actor_scores
    assert total.gold >= 400
    assert {"corpus", "metonym", "demonym", "apposition", "surname", "pronoun", "compound",
            "role_change", "organisation", "generic"} <= set(by_topic)


def test_actor_mentions_meet_the_pinned_floor(actor_scores):
    _, total, _ = actor_scores
    gate = GATES["actors"]
    assert total.precision >= gate["precision"], total.as_dict()
    assert total.recall >= gate["recall"], total.as_dict()
